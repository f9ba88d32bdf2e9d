from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.history_entry import HistoryEntry
    from ..models.unit_ref import UnitRef


T = TypeVar("T", bound="Activity")


@_attrs_define
class Activity:
    """
    Attributes:
        id (int | Unset):
        state (str | Unset):
        state_label (str | Unset):
        unit (UnitRef | Unset):
        jurisdiction_id (int | Unset):
        kind (str | Unset):
        kind_label (str | Unset):
        held_on (datetime.date | Unset):
        attendance (int | Unset):
        description (str | Unset):
        withdrawn_reason (None | str | Unset):
        recorded_by_id (int | None | Unset):
        created_at (datetime.datetime | Unset):
        history (list[HistoryEntry] | Unset):
    """

    id: int | Unset = UNSET
    state: str | Unset = UNSET
    state_label: str | Unset = UNSET
    unit: UnitRef | Unset = UNSET
    jurisdiction_id: int | Unset = UNSET
    kind: str | Unset = UNSET
    kind_label: str | Unset = UNSET
    held_on: datetime.date | Unset = UNSET
    attendance: int | Unset = UNSET
    description: str | Unset = UNSET
    withdrawn_reason: None | str | Unset = UNSET
    recorded_by_id: int | None | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    history: list[HistoryEntry] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        state = self.state

        state_label = self.state_label

        unit: dict[str, Any] | Unset = UNSET
        if not isinstance(self.unit, Unset):
            unit = self.unit.to_dict()

        jurisdiction_id = self.jurisdiction_id

        kind = self.kind

        kind_label = self.kind_label

        held_on: str | Unset = UNSET
        if not isinstance(self.held_on, Unset):
            held_on = self.held_on.isoformat()

        attendance = self.attendance

        description = self.description

        withdrawn_reason: None | str | Unset
        if isinstance(self.withdrawn_reason, Unset):
            withdrawn_reason = UNSET
        else:
            withdrawn_reason = self.withdrawn_reason

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
        if state_label is not UNSET:
            field_dict["state_label"] = state_label
        if unit is not UNSET:
            field_dict["unit"] = unit
        if jurisdiction_id is not UNSET:
            field_dict["jurisdiction_id"] = jurisdiction_id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if kind_label is not UNSET:
            field_dict["kind_label"] = kind_label
        if held_on is not UNSET:
            field_dict["held_on"] = held_on
        if attendance is not UNSET:
            field_dict["attendance"] = attendance
        if description is not UNSET:
            field_dict["description"] = description
        if withdrawn_reason is not UNSET:
            field_dict["withdrawn_reason"] = withdrawn_reason
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

        state_label = d.pop("state_label", UNSET)

        _unit = d.pop("unit", UNSET)
        unit: UnitRef | Unset
        if isinstance(_unit, Unset):
            unit = UNSET
        else:
            unit = UnitRef.from_dict(_unit)

        jurisdiction_id = d.pop("jurisdiction_id", UNSET)

        kind = d.pop("kind", UNSET)

        kind_label = d.pop("kind_label", UNSET)

        _held_on = d.pop("held_on", UNSET)
        held_on: datetime.date | Unset
        if isinstance(_held_on, Unset):
            held_on = UNSET
        else:
            held_on = datetime.date.fromisoformat(_held_on)

        attendance = d.pop("attendance", UNSET)

        description = d.pop("description", UNSET)

        def _parse_withdrawn_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        withdrawn_reason = _parse_withdrawn_reason(d.pop("withdrawn_reason", UNSET))

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

        activity = cls(
            id=id,
            state=state,
            state_label=state_label,
            unit=unit,
            jurisdiction_id=jurisdiction_id,
            kind=kind,
            kind_label=kind_label,
            held_on=held_on,
            attendance=attendance,
            description=description,
            withdrawn_reason=withdrawn_reason,
            recorded_by_id=recorded_by_id,
            created_at=created_at,
            history=history,
        )

        return activity
