from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Notification")


@_attrs_define
class Notification:
    """
    Attributes:
        id (int | Unset):
        kind (str | Unset): What happened, e.g. escalation.reminder, task.assigned
        title (str | Unset):
        body (None | str | Unset):
        subject_type (None | str | Unset): What it is about, e.g. supervision_ticket
        subject_id (int | None | Unset):
        subject (None | str | Unset): What it is about, in words: a request's units and form, a ticket's title…
        task_id (int | None | Unset): The approval task it asks the recipient to act on (/tasks/{id})
        created_at (datetime.datetime | Unset):
        read_at (datetime.datetime | None | Unset):
        read (Any | Unset):
        settled_at (datetime.datetime | None | Unset): When what it asked for was done (a ticket acknowledged, a request
            withdrawn…)
        settled (Any | Unset): Done (已处理), no longer counted as unread: settled_at is set, or the task it names was
            decided, cancelled, or taken by someone else
    """

    id: int | Unset = UNSET
    kind: str | Unset = UNSET
    title: str | Unset = UNSET
    body: None | str | Unset = UNSET
    subject_type: None | str | Unset = UNSET
    subject_id: int | None | Unset = UNSET
    subject: None | str | Unset = UNSET
    task_id: int | None | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    read_at: datetime.datetime | None | Unset = UNSET
    read: Any | Unset = UNSET
    settled_at: datetime.datetime | None | Unset = UNSET
    settled: Any | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind

        title = self.title

        body: None | str | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        else:
            body = self.body

        subject_type: None | str | Unset
        if isinstance(self.subject_type, Unset):
            subject_type = UNSET
        else:
            subject_type = self.subject_type

        subject_id: int | None | Unset
        if isinstance(self.subject_id, Unset):
            subject_id = UNSET
        else:
            subject_id = self.subject_id

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        task_id: int | None | Unset
        if isinstance(self.task_id, Unset):
            task_id = UNSET
        else:
            task_id = self.task_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        read_at: None | str | Unset
        if isinstance(self.read_at, Unset):
            read_at = UNSET
        elif isinstance(self.read_at, datetime.datetime):
            read_at = self.read_at.isoformat()
        else:
            read_at = self.read_at

        read = self.read

        settled_at: None | str | Unset
        if isinstance(self.settled_at, Unset):
            settled_at = UNSET
        elif isinstance(self.settled_at, datetime.datetime):
            settled_at = self.settled_at.isoformat()
        else:
            settled_at = self.settled_at

        settled = self.settled

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if title is not UNSET:
            field_dict["title"] = title
        if body is not UNSET:
            field_dict["body"] = body
        if subject_type is not UNSET:
            field_dict["subject_type"] = subject_type
        if subject_id is not UNSET:
            field_dict["subject_id"] = subject_id
        if subject is not UNSET:
            field_dict["subject"] = subject
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if read_at is not UNSET:
            field_dict["read_at"] = read_at
        if read is not UNSET:
            field_dict["read"] = read
        if settled_at is not UNSET:
            field_dict["settled_at"] = settled_at
        if settled is not UNSET:
            field_dict["settled"] = settled

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        kind = d.pop("kind", UNSET)

        title = d.pop("title", UNSET)

        def _parse_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        body = _parse_body(d.pop("body", UNSET))

        def _parse_subject_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_type = _parse_subject_type(d.pop("subject_type", UNSET))

        def _parse_subject_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        subject_id = _parse_subject_id(d.pop("subject_id", UNSET))

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        def _parse_task_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        task_id = _parse_task_id(d.pop("task_id", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_read_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                read_at_type_0 = datetime.datetime.fromisoformat(data)

                return read_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        read_at = _parse_read_at(d.pop("read_at", UNSET))

        read = d.pop("read", UNSET)

        def _parse_settled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settled_at_type_0 = datetime.datetime.fromisoformat(data)

                return settled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        settled_at = _parse_settled_at(d.pop("settled_at", UNSET))

        settled = d.pop("settled", UNSET)

        notification = cls(
            id=id,
            kind=kind,
            title=title,
            body=body,
            subject_type=subject_type,
            subject_id=subject_id,
            subject=subject,
            task_id=task_id,
            created_at=created_at,
            read_at=read_at,
            read=read,
            settled_at=settled_at,
            settled=settled,
        )

        return notification
