from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.history_entry import HistoryEntry
    from ..models.ref import Ref


T = TypeVar("T", bound="Assignment")


@_attrs_define
class Assignment:
    """
    Attributes:
        id (int | Unset):
        state (str | Unset):
        state_label (str | Unset):
        unit (Ref | Unset):
        instructor (Ref | Unset):
        jurisdiction (Ref | Unset):
        liaison (bool | Unset):
        assigned_on (datetime.date | Unset):
        assigned_by (str | Unset):
        last_visit_on (datetime.date | None | Unset):
        visit_due_on (datetime.date | None | Unset):
        released_on (datetime.date | None | Unset):
        release_reason (None | str | Unset):
        release_reason_label (None | str | Unset):
        escalation_level (None | str | Unset):
        next_escalation_at (datetime.date | None | Unset):
        next_escalation_level (None | str | Unset):
        version (int | Unset):
        history (list[HistoryEntry] | Unset):
    """

    id: int | Unset = UNSET
    state: str | Unset = UNSET
    state_label: str | Unset = UNSET
    unit: Ref | Unset = UNSET
    instructor: Ref | Unset = UNSET
    jurisdiction: Ref | Unset = UNSET
    liaison: bool | Unset = UNSET
    assigned_on: datetime.date | Unset = UNSET
    assigned_by: str | Unset = UNSET
    last_visit_on: datetime.date | None | Unset = UNSET
    visit_due_on: datetime.date | None | Unset = UNSET
    released_on: datetime.date | None | Unset = UNSET
    release_reason: None | str | Unset = UNSET
    release_reason_label: None | str | Unset = UNSET
    escalation_level: None | str | Unset = UNSET
    next_escalation_at: datetime.date | None | Unset = UNSET
    next_escalation_level: None | str | Unset = UNSET
    version: int | Unset = UNSET
    history: list[HistoryEntry] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        state = self.state

        state_label = self.state_label

        unit: dict[str, Any] | Unset = UNSET
        if not isinstance(self.unit, Unset):
            unit = self.unit.to_dict()

        instructor: dict[str, Any] | Unset = UNSET
        if not isinstance(self.instructor, Unset):
            instructor = self.instructor.to_dict()

        jurisdiction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jurisdiction, Unset):
            jurisdiction = self.jurisdiction.to_dict()

        liaison = self.liaison

        assigned_on: str | Unset = UNSET
        if not isinstance(self.assigned_on, Unset):
            assigned_on = self.assigned_on.isoformat()

        assigned_by = self.assigned_by

        last_visit_on: None | str | Unset
        if isinstance(self.last_visit_on, Unset):
            last_visit_on = UNSET
        elif isinstance(self.last_visit_on, datetime.date):
            last_visit_on = self.last_visit_on.isoformat()
        else:
            last_visit_on = self.last_visit_on

        visit_due_on: None | str | Unset
        if isinstance(self.visit_due_on, Unset):
            visit_due_on = UNSET
        elif isinstance(self.visit_due_on, datetime.date):
            visit_due_on = self.visit_due_on.isoformat()
        else:
            visit_due_on = self.visit_due_on

        released_on: None | str | Unset
        if isinstance(self.released_on, Unset):
            released_on = UNSET
        elif isinstance(self.released_on, datetime.date):
            released_on = self.released_on.isoformat()
        else:
            released_on = self.released_on

        release_reason: None | str | Unset
        if isinstance(self.release_reason, Unset):
            release_reason = UNSET
        else:
            release_reason = self.release_reason

        release_reason_label: None | str | Unset
        if isinstance(self.release_reason_label, Unset):
            release_reason_label = UNSET
        else:
            release_reason_label = self.release_reason_label

        escalation_level: None | str | Unset
        if isinstance(self.escalation_level, Unset):
            escalation_level = UNSET
        else:
            escalation_level = self.escalation_level

        next_escalation_at: None | str | Unset
        if isinstance(self.next_escalation_at, Unset):
            next_escalation_at = UNSET
        elif isinstance(self.next_escalation_at, datetime.date):
            next_escalation_at = self.next_escalation_at.isoformat()
        else:
            next_escalation_at = self.next_escalation_at

        next_escalation_level: None | str | Unset
        if isinstance(self.next_escalation_level, Unset):
            next_escalation_level = UNSET
        else:
            next_escalation_level = self.next_escalation_level

        version = self.version

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
        if instructor is not UNSET:
            field_dict["instructor"] = instructor
        if jurisdiction is not UNSET:
            field_dict["jurisdiction"] = jurisdiction
        if liaison is not UNSET:
            field_dict["liaison"] = liaison
        if assigned_on is not UNSET:
            field_dict["assigned_on"] = assigned_on
        if assigned_by is not UNSET:
            field_dict["assigned_by"] = assigned_by
        if last_visit_on is not UNSET:
            field_dict["last_visit_on"] = last_visit_on
        if visit_due_on is not UNSET:
            field_dict["visit_due_on"] = visit_due_on
        if released_on is not UNSET:
            field_dict["released_on"] = released_on
        if release_reason is not UNSET:
            field_dict["release_reason"] = release_reason
        if release_reason_label is not UNSET:
            field_dict["release_reason_label"] = release_reason_label
        if escalation_level is not UNSET:
            field_dict["escalation_level"] = escalation_level
        if next_escalation_at is not UNSET:
            field_dict["next_escalation_at"] = next_escalation_at
        if next_escalation_level is not UNSET:
            field_dict["next_escalation_level"] = next_escalation_level
        if version is not UNSET:
            field_dict["version"] = version
        if history is not UNSET:
            field_dict["history"] = history

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_entry import HistoryEntry  # noqa: PLC0415
        from ..models.ref import Ref  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        state = d.pop("state", UNSET)

        state_label = d.pop("state_label", UNSET)

        _unit = d.pop("unit", UNSET)
        unit: Ref | Unset
        if isinstance(_unit, Unset):
            unit = UNSET
        else:
            unit = Ref.from_dict(_unit)

        _instructor = d.pop("instructor", UNSET)
        instructor: Ref | Unset
        if isinstance(_instructor, Unset):
            instructor = UNSET
        else:
            instructor = Ref.from_dict(_instructor)

        _jurisdiction = d.pop("jurisdiction", UNSET)
        jurisdiction: Ref | Unset
        if isinstance(_jurisdiction, Unset):
            jurisdiction = UNSET
        else:
            jurisdiction = Ref.from_dict(_jurisdiction)

        liaison = d.pop("liaison", UNSET)

        _assigned_on = d.pop("assigned_on", UNSET)
        assigned_on: datetime.date | Unset
        if isinstance(_assigned_on, Unset):
            assigned_on = UNSET
        else:
            assigned_on = datetime.date.fromisoformat(_assigned_on)

        assigned_by = d.pop("assigned_by", UNSET)

        def _parse_last_visit_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_visit_on_type_0 = datetime.date.fromisoformat(data)

                return last_visit_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        last_visit_on = _parse_last_visit_on(d.pop("last_visit_on", UNSET))

        def _parse_visit_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                visit_due_on_type_0 = datetime.date.fromisoformat(data)

                return visit_due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        visit_due_on = _parse_visit_due_on(d.pop("visit_due_on", UNSET))

        def _parse_released_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                released_on_type_0 = datetime.date.fromisoformat(data)

                return released_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        released_on = _parse_released_on(d.pop("released_on", UNSET))

        def _parse_release_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        release_reason = _parse_release_reason(d.pop("release_reason", UNSET))

        def _parse_release_reason_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        release_reason_label = _parse_release_reason_label(d.pop("release_reason_label", UNSET))

        def _parse_escalation_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        escalation_level = _parse_escalation_level(d.pop("escalation_level", UNSET))

        def _parse_next_escalation_at(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_escalation_at_type_0 = datetime.date.fromisoformat(data)

                return next_escalation_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        next_escalation_at = _parse_next_escalation_at(d.pop("next_escalation_at", UNSET))

        def _parse_next_escalation_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_escalation_level = _parse_next_escalation_level(d.pop("next_escalation_level", UNSET))

        version = d.pop("version", UNSET)

        _history = d.pop("history", UNSET)
        history: list[HistoryEntry] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = HistoryEntry.from_dict(history_item_data)

                history.append(history_item)

        assignment = cls(
            id=id,
            state=state,
            state_label=state_label,
            unit=unit,
            instructor=instructor,
            jurisdiction=jurisdiction,
            liaison=liaison,
            assigned_on=assigned_on,
            assigned_by=assigned_by,
            last_visit_on=last_visit_on,
            visit_due_on=visit_due_on,
            released_on=released_on,
            release_reason=release_reason,
            release_reason_label=release_reason_label,
            escalation_level=escalation_level,
            next_escalation_at=next_escalation_at,
            next_escalation_level=next_escalation_level,
            version=version,
            history=history,
        )

        return assignment
