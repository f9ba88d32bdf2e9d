from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.history_entry import HistoryEntry
    from ..models.ref import Ref


T = TypeVar("T", bound="PreparationItem")


@_attrs_define
class PreparationItem:
    """
    Attributes:
        id (int | Unset):
        state (str | Unset):
        state_label (str | Unset):
        unit (Ref | Unset):
        jurisdiction (Ref | Unset):
        opened_on (datetime.date | Unset):
        due_on (datetime.date | Unset): Instructor and first visit due by this day
        instructor_assigned_on (datetime.date | None | Unset):
        first_visit_on (datetime.date | None | Unset):
        closed_on (datetime.date | None | Unset):
        close_reason (None | str | Unset):
        close_reason_label (None | str | Unset):
        escalation_level (None | str | Unset):
        next_escalation_at (datetime.date | None | Unset):
        next_escalation_level (None | str | Unset):
        history (list[HistoryEntry] | Unset):
    """

    id: int | Unset = UNSET
    state: str | Unset = UNSET
    state_label: str | Unset = UNSET
    unit: Ref | Unset = UNSET
    jurisdiction: Ref | Unset = UNSET
    opened_on: datetime.date | Unset = UNSET
    due_on: datetime.date | Unset = UNSET
    instructor_assigned_on: datetime.date | None | Unset = UNSET
    first_visit_on: datetime.date | None | Unset = UNSET
    closed_on: datetime.date | None | Unset = UNSET
    close_reason: None | str | Unset = UNSET
    close_reason_label: None | str | Unset = UNSET
    escalation_level: None | str | Unset = UNSET
    next_escalation_at: datetime.date | None | Unset = UNSET
    next_escalation_level: None | str | Unset = UNSET
    history: list[HistoryEntry] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        state = self.state

        state_label = self.state_label

        unit: dict[str, Any] | Unset = UNSET
        if not isinstance(self.unit, Unset):
            unit = self.unit.to_dict()

        jurisdiction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jurisdiction, Unset):
            jurisdiction = self.jurisdiction.to_dict()

        opened_on: str | Unset = UNSET
        if not isinstance(self.opened_on, Unset):
            opened_on = self.opened_on.isoformat()

        due_on: str | Unset = UNSET
        if not isinstance(self.due_on, Unset):
            due_on = self.due_on.isoformat()

        instructor_assigned_on: None | str | Unset
        if isinstance(self.instructor_assigned_on, Unset):
            instructor_assigned_on = UNSET
        elif isinstance(self.instructor_assigned_on, datetime.date):
            instructor_assigned_on = self.instructor_assigned_on.isoformat()
        else:
            instructor_assigned_on = self.instructor_assigned_on

        first_visit_on: None | str | Unset
        if isinstance(self.first_visit_on, Unset):
            first_visit_on = UNSET
        elif isinstance(self.first_visit_on, datetime.date):
            first_visit_on = self.first_visit_on.isoformat()
        else:
            first_visit_on = self.first_visit_on

        closed_on: None | str | Unset
        if isinstance(self.closed_on, Unset):
            closed_on = UNSET
        elif isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        close_reason: None | str | Unset
        if isinstance(self.close_reason, Unset):
            close_reason = UNSET
        else:
            close_reason = self.close_reason

        close_reason_label: None | str | Unset
        if isinstance(self.close_reason_label, Unset):
            close_reason_label = UNSET
        else:
            close_reason_label = self.close_reason_label

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
        if jurisdiction is not UNSET:
            field_dict["jurisdiction"] = jurisdiction
        if opened_on is not UNSET:
            field_dict["opened_on"] = opened_on
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if instructor_assigned_on is not UNSET:
            field_dict["instructor_assigned_on"] = instructor_assigned_on
        if first_visit_on is not UNSET:
            field_dict["first_visit_on"] = first_visit_on
        if closed_on is not UNSET:
            field_dict["closed_on"] = closed_on
        if close_reason is not UNSET:
            field_dict["close_reason"] = close_reason
        if close_reason_label is not UNSET:
            field_dict["close_reason_label"] = close_reason_label
        if escalation_level is not UNSET:
            field_dict["escalation_level"] = escalation_level
        if next_escalation_at is not UNSET:
            field_dict["next_escalation_at"] = next_escalation_at
        if next_escalation_level is not UNSET:
            field_dict["next_escalation_level"] = next_escalation_level
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

        _jurisdiction = d.pop("jurisdiction", UNSET)
        jurisdiction: Ref | Unset
        if isinstance(_jurisdiction, Unset):
            jurisdiction = UNSET
        else:
            jurisdiction = Ref.from_dict(_jurisdiction)

        _opened_on = d.pop("opened_on", UNSET)
        opened_on: datetime.date | Unset
        if isinstance(_opened_on, Unset):
            opened_on = UNSET
        else:
            opened_on = datetime.date.fromisoformat(_opened_on)

        _due_on = d.pop("due_on", UNSET)
        due_on: datetime.date | Unset
        if isinstance(_due_on, Unset):
            due_on = UNSET
        else:
            due_on = datetime.date.fromisoformat(_due_on)

        def _parse_instructor_assigned_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                instructor_assigned_on_type_0 = datetime.date.fromisoformat(data)

                return instructor_assigned_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        instructor_assigned_on = _parse_instructor_assigned_on(d.pop("instructor_assigned_on", UNSET))

        def _parse_first_visit_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_visit_on_type_0 = datetime.date.fromisoformat(data)

                return first_visit_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        first_visit_on = _parse_first_visit_on(d.pop("first_visit_on", UNSET))

        def _parse_closed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        closed_on = _parse_closed_on(d.pop("closed_on", UNSET))

        def _parse_close_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        close_reason = _parse_close_reason(d.pop("close_reason", UNSET))

        def _parse_close_reason_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        close_reason_label = _parse_close_reason_label(d.pop("close_reason_label", UNSET))

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

        _history = d.pop("history", UNSET)
        history: list[HistoryEntry] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = HistoryEntry.from_dict(history_item_data)

                history.append(history_item)

        preparation_item = cls(
            id=id,
            state=state,
            state_label=state_label,
            unit=unit,
            jurisdiction=jurisdiction,
            opened_on=opened_on,
            due_on=due_on,
            instructor_assigned_on=instructor_assigned_on,
            first_visit_on=first_visit_on,
            closed_on=closed_on,
            close_reason=close_reason,
            close_reason_label=close_reason_label,
            escalation_level=escalation_level,
            next_escalation_at=next_escalation_at,
            next_escalation_level=next_escalation_level,
            history=history,
        )

        return preparation_item
