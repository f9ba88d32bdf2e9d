from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Urge")


@_attrs_define
class Urge:
    """
    Attributes:
        id (int | Unset):
        subject_type (str | Unset): approval_task or supervision_ticket
        subject_id (int | Unset):
        actor_id (int | None | Unset):
        actor_name (str | Unset): The urging person's display name
        at (datetime.datetime | Unset):
        urged_on (datetime.date | Unset): The civil day (China) of the urge
        message (None | str | Unset):
        notified (int | Unset): How many people the notification reached
        urge_count (int | Unset): Urges of this item so far, this one included
        next_allowed_on (datetime.date | Unset): The first day it may be urged again (next working day)
    """

    id: int | Unset = UNSET
    subject_type: str | Unset = UNSET
    subject_id: int | Unset = UNSET
    actor_id: int | None | Unset = UNSET
    actor_name: str | Unset = UNSET
    at: datetime.datetime | Unset = UNSET
    urged_on: datetime.date | Unset = UNSET
    message: None | str | Unset = UNSET
    notified: int | Unset = UNSET
    urge_count: int | Unset = UNSET
    next_allowed_on: datetime.date | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        subject_type = self.subject_type

        subject_id = self.subject_id

        actor_id: int | None | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        else:
            actor_id = self.actor_id

        actor_name = self.actor_name

        at: str | Unset = UNSET
        if not isinstance(self.at, Unset):
            at = self.at.isoformat()

        urged_on: str | Unset = UNSET
        if not isinstance(self.urged_on, Unset):
            urged_on = self.urged_on.isoformat()

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        notified = self.notified

        urge_count = self.urge_count

        next_allowed_on: str | Unset = UNSET
        if not isinstance(self.next_allowed_on, Unset):
            next_allowed_on = self.next_allowed_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if subject_type is not UNSET:
            field_dict["subject_type"] = subject_type
        if subject_id is not UNSET:
            field_dict["subject_id"] = subject_id
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if actor_name is not UNSET:
            field_dict["actor_name"] = actor_name
        if at is not UNSET:
            field_dict["at"] = at
        if urged_on is not UNSET:
            field_dict["urged_on"] = urged_on
        if message is not UNSET:
            field_dict["message"] = message
        if notified is not UNSET:
            field_dict["notified"] = notified
        if urge_count is not UNSET:
            field_dict["urge_count"] = urge_count
        if next_allowed_on is not UNSET:
            field_dict["next_allowed_on"] = next_allowed_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        subject_type = d.pop("subject_type", UNSET)

        subject_id = d.pop("subject_id", UNSET)

        def _parse_actor_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))

        actor_name = d.pop("actor_name", UNSET)

        _at = d.pop("at", UNSET)
        at: datetime.datetime | Unset
        if isinstance(_at, Unset):
            at = UNSET
        else:
            at = datetime.datetime.fromisoformat(_at)

        _urged_on = d.pop("urged_on", UNSET)
        urged_on: datetime.date | Unset
        if isinstance(_urged_on, Unset):
            urged_on = UNSET
        else:
            urged_on = datetime.date.fromisoformat(_urged_on)

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        notified = d.pop("notified", UNSET)

        urge_count = d.pop("urge_count", UNSET)

        _next_allowed_on = d.pop("next_allowed_on", UNSET)
        next_allowed_on: datetime.date | Unset
        if isinstance(_next_allowed_on, Unset):
            next_allowed_on = UNSET
        else:
            next_allowed_on = datetime.date.fromisoformat(_next_allowed_on)

        urge = cls(
            id=id,
            subject_type=subject_type,
            subject_id=subject_id,
            actor_id=actor_id,
            actor_name=actor_name,
            at=at,
            urged_on=urged_on,
            message=message,
            notified=notified,
            urge_count=urge_count,
            next_allowed_on=next_allowed_on,
        )

        return urge
