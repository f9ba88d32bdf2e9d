from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.history_entry import HistoryEntry
    from ..models.unit_ref import UnitRef


T = TypeVar("T", bound="Inspection")


@_attrs_define
class Inspection:
    """
    Attributes:
        id (int | Unset):
        state (str | Unset):
        unit (UnitRef | Unset):
        jurisdiction_id (int | Unset):
        jurisdiction_name (str | Unset):
        year (int | Unset):
        inspected_on (datetime.date | Unset):
        result (str | Unset):
        result_label (str | Unset):
        party_work_checked (bool | Unset):
        note (None | str | Unset):
        recorded_by_id (int | None | Unset):
        created_at (datetime.datetime | Unset):
        history (list[HistoryEntry] | Unset):
    """

    id: int | Unset = UNSET
    state: str | Unset = UNSET
    unit: UnitRef | Unset = UNSET
    jurisdiction_id: int | Unset = UNSET
    jurisdiction_name: str | Unset = UNSET
    year: int | Unset = UNSET
    inspected_on: datetime.date | Unset = UNSET
    result: str | Unset = UNSET
    result_label: str | Unset = UNSET
    party_work_checked: bool | Unset = UNSET
    note: None | str | Unset = UNSET
    recorded_by_id: int | None | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    history: list[HistoryEntry] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        state = self.state

        unit: dict[str, Any] | Unset = UNSET
        if not isinstance(self.unit, Unset):
            unit = self.unit.to_dict()

        jurisdiction_id = self.jurisdiction_id

        jurisdiction_name = self.jurisdiction_name

        year = self.year

        inspected_on: str | Unset = UNSET
        if not isinstance(self.inspected_on, Unset):
            inspected_on = self.inspected_on.isoformat()

        result = self.result

        result_label = self.result_label

        party_work_checked = self.party_work_checked

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        recorded_by_id: int | None | Unset
        if isinstance(self.recorded_by_id, Unset):
            recorded_by_id = UNSET
        else:
            recorded_by_id = self.recorded_by_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.history, Unset):
            history = []
            for history_item_data in self.history:
                history_item = history_item_data.to_dict()
                history.append(history_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if state is not UNSET:
            field_dict["state"] = state
        if unit is not UNSET:
            field_dict["unit"] = unit
        if jurisdiction_id is not UNSET:
            field_dict["jurisdiction_id"] = jurisdiction_id
        if jurisdiction_name is not UNSET:
            field_dict["jurisdiction_name"] = jurisdiction_name
        if year is not UNSET:
            field_dict["year"] = year
        if inspected_on is not UNSET:
            field_dict["inspected_on"] = inspected_on
        if result is not UNSET:
            field_dict["result"] = result
        if result_label is not UNSET:
            field_dict["result_label"] = result_label
        if party_work_checked is not UNSET:
            field_dict["party_work_checked"] = party_work_checked
        if note is not UNSET:
            field_dict["note"] = note
        if recorded_by_id is not UNSET:
            field_dict["recorded_by_id"] = recorded_by_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if history is not UNSET:
            field_dict["history"] = history

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_entry import HistoryEntry  # noqa: PLC0415
        from ..models.unit_ref import UnitRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        state = d.pop("state", UNSET)

        _unit = d.pop("unit", UNSET)
        unit: UnitRef | Unset
        if isinstance(_unit, Unset):
            unit = UNSET
        else:
            unit = UnitRef.from_dict(_unit)

        jurisdiction_id = d.pop("jurisdiction_id", UNSET)

        jurisdiction_name = d.pop("jurisdiction_name", UNSET)

        year = d.pop("year", UNSET)

        _inspected_on = d.pop("inspected_on", UNSET)
        inspected_on: datetime.date | Unset
        if isinstance(_inspected_on, Unset):
            inspected_on = UNSET
        else:
            inspected_on = datetime.date.fromisoformat(_inspected_on)

        result = d.pop("result", UNSET)

        result_label = d.pop("result_label", UNSET)

        party_work_checked = d.pop("party_work_checked", UNSET)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_recorded_by_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        recorded_by_id = _parse_recorded_by_id(d.pop("recorded_by_id", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _history = d.pop("history", UNSET)
        history: list[HistoryEntry] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = HistoryEntry.from_dict(history_item_data)

                history.append(history_item)

        inspection = cls(
            id=id,
            state=state,
            unit=unit,
            jurisdiction_id=jurisdiction_id,
            jurisdiction_name=jurisdiction_name,
            year=year,
            inspected_on=inspected_on,
            result=result,
            result_label=result_label,
            party_work_checked=party_work_checked,
            note=note,
            recorded_by_id=recorded_by_id,
            created_at=created_at,
            history=history,
        )

        return inspection
