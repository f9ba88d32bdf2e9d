from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="InterviewBrief")


@_attrs_define
class InterviewBrief:
    """
    Attributes:
        id (int | Unset):
        state (str | Unset):
        state_label (str | Unset):
        by_escalation (bool | Unset):
        scheduled_at (datetime.datetime | None | Unset):
        held_at (datetime.datetime | None | Unset):
        new_deadline (datetime.date | None | Unset):
    """

    id: int | Unset = UNSET
    state: str | Unset = UNSET
    state_label: str | Unset = UNSET
    by_escalation: bool | Unset = UNSET
    scheduled_at: datetime.datetime | None | Unset = UNSET
    held_at: datetime.datetime | None | Unset = UNSET
    new_deadline: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        state = self.state

        state_label = self.state_label

        by_escalation = self.by_escalation

        scheduled_at: None | str | Unset
        if isinstance(self.scheduled_at, Unset):
            scheduled_at = UNSET
        elif isinstance(self.scheduled_at, datetime.datetime):
            scheduled_at = self.scheduled_at.isoformat()
        else:
            scheduled_at = self.scheduled_at

        held_at: None | str | Unset
        if isinstance(self.held_at, Unset):
            held_at = UNSET
        elif isinstance(self.held_at, datetime.datetime):
            held_at = self.held_at.isoformat()
        else:
            held_at = self.held_at

        new_deadline: None | str | Unset
        if isinstance(self.new_deadline, Unset):
            new_deadline = UNSET
        elif isinstance(self.new_deadline, datetime.date):
            new_deadline = self.new_deadline.isoformat()
        else:
            new_deadline = self.new_deadline

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if state is not UNSET:
            field_dict["state"] = state
        if state_label is not UNSET:
            field_dict["state_label"] = state_label
        if by_escalation is not UNSET:
            field_dict["by_escalation"] = by_escalation
        if scheduled_at is not UNSET:
            field_dict["scheduled_at"] = scheduled_at
        if held_at is not UNSET:
            field_dict["held_at"] = held_at
        if new_deadline is not UNSET:
            field_dict["new_deadline"] = new_deadline

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        state = d.pop("state", UNSET)

        state_label = d.pop("state_label", UNSET)

        by_escalation = d.pop("by_escalation", UNSET)

        def _parse_scheduled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scheduled_at_type_0 = datetime.datetime.fromisoformat(data)

                return scheduled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        scheduled_at = _parse_scheduled_at(d.pop("scheduled_at", UNSET))

        def _parse_held_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                held_at_type_0 = datetime.datetime.fromisoformat(data)

                return held_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        held_at = _parse_held_at(d.pop("held_at", UNSET))

        def _parse_new_deadline(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                new_deadline_type_0 = datetime.date.fromisoformat(data)

                return new_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        new_deadline = _parse_new_deadline(d.pop("new_deadline", UNSET))

        interview_brief = cls(
            id=id,
            state=state,
            state_label=state_label,
            by_escalation=by_escalation,
            scheduled_at=scheduled_at,
            held_at=held_at,
            new_deadline=new_deadline,
        )

        return interview_brief
