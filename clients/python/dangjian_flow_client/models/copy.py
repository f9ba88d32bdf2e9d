from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Copy")


@_attrs_define
class Copy:
    """
    Attributes:
        id (int | Unset):
        subject_type (str | Unset): establishment or supervision_ticket
        subject_id (int | Unset):
        subject_label (str | Unset): What kind of subject, in words (督办单…)
        title (str | Unset): The subject's title as it is now (not when copied)
        state_label (str | Unset): The subject's state as it is now, in words
        subject_path (None | str | Unset): The subject's live API address
        sender_id (int | None | Unset):
        sender_name (None | str | Unset): Who copied it (display name)
        recipient_id (int | Unset):
        note (None | str | Unset):
        created_at (datetime.datetime | Unset):
        read_at (datetime.datetime | None | Unset):
        read (bool | Unset):
    """

    id: int | Unset = UNSET
    subject_type: str | Unset = UNSET
    subject_id: int | Unset = UNSET
    subject_label: str | Unset = UNSET
    title: str | Unset = UNSET
    state_label: str | Unset = UNSET
    subject_path: None | str | Unset = UNSET
    sender_id: int | None | Unset = UNSET
    sender_name: None | str | Unset = UNSET
    recipient_id: int | Unset = UNSET
    note: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    read_at: datetime.datetime | None | Unset = UNSET
    read: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        subject_type = self.subject_type

        subject_id = self.subject_id

        subject_label = self.subject_label

        title = self.title

        state_label = self.state_label

        subject_path: None | str | Unset
        if isinstance(self.subject_path, Unset):
            subject_path = UNSET
        else:
            subject_path = self.subject_path

        sender_id: int | None | Unset
        if isinstance(self.sender_id, Unset):
            sender_id = UNSET
        else:
            sender_id = self.sender_id

        sender_name: None | str | Unset
        if isinstance(self.sender_name, Unset):
            sender_name = UNSET
        else:
            sender_name = self.sender_name

        recipient_id = self.recipient_id

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

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

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if subject_type is not UNSET:
            field_dict["subject_type"] = subject_type
        if subject_id is not UNSET:
            field_dict["subject_id"] = subject_id
        if subject_label is not UNSET:
            field_dict["subject_label"] = subject_label
        if title is not UNSET:
            field_dict["title"] = title
        if state_label is not UNSET:
            field_dict["state_label"] = state_label
        if subject_path is not UNSET:
            field_dict["subject_path"] = subject_path
        if sender_id is not UNSET:
            field_dict["sender_id"] = sender_id
        if sender_name is not UNSET:
            field_dict["sender_name"] = sender_name
        if recipient_id is not UNSET:
            field_dict["recipient_id"] = recipient_id
        if note is not UNSET:
            field_dict["note"] = note
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if read_at is not UNSET:
            field_dict["read_at"] = read_at
        if read is not UNSET:
            field_dict["read"] = read

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        subject_type = d.pop("subject_type", UNSET)

        subject_id = d.pop("subject_id", UNSET)

        subject_label = d.pop("subject_label", UNSET)

        title = d.pop("title", UNSET)

        state_label = d.pop("state_label", UNSET)

        def _parse_subject_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_path = _parse_subject_path(d.pop("subject_path", UNSET))

        def _parse_sender_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sender_id = _parse_sender_id(d.pop("sender_id", UNSET))

        def _parse_sender_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sender_name = _parse_sender_name(d.pop("sender_name", UNSET))

        recipient_id = d.pop("recipient_id", UNSET)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

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

        copy = cls(
            id=id,
            subject_type=subject_type,
            subject_id=subject_id,
            subject_label=subject_label,
            title=title,
            state_label=state_label,
            subject_path=subject_path,
            sender_id=sender_id,
            sender_name=sender_name,
            recipient_id=recipient_id,
            note=note,
            created_at=created_at,
            read_at=read_at,
            read=read,
        )

        return copy
