from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Extension")


@_attrs_define
class Extension:
    """
    Attributes:
        id (int | Unset):
        status (str | Unset):
        status_label (str | Unset):
        requested_by (int | None | Unset):
        requested_on (datetime.date | Unset):
        current_deadline (datetime.date | Unset):
        requested_deadline (datetime.date | Unset):
        reason (str | Unset):
        decided_by (int | None | Unset):
        decided_at (datetime.datetime | None | Unset):
        approved_deadline (datetime.date | None | Unset):
        comment (None | str | Unset):
    """

    id: int | Unset = UNSET
    status: str | Unset = UNSET
    status_label: str | Unset = UNSET
    requested_by: int | None | Unset = UNSET
    requested_on: datetime.date | Unset = UNSET
    current_deadline: datetime.date | Unset = UNSET
    requested_deadline: datetime.date | Unset = UNSET
    reason: str | Unset = UNSET
    decided_by: int | None | Unset = UNSET
    decided_at: datetime.datetime | None | Unset = UNSET
    approved_deadline: datetime.date | None | Unset = UNSET
    comment: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        status_label = self.status_label

        requested_by: int | None | Unset
        if isinstance(self.requested_by, Unset):
            requested_by = UNSET
        else:
            requested_by = self.requested_by

        requested_on: str | Unset = UNSET
        if not isinstance(self.requested_on, Unset):
            requested_on = self.requested_on.isoformat()

        current_deadline: str | Unset = UNSET
        if not isinstance(self.current_deadline, Unset):
            current_deadline = self.current_deadline.isoformat()

        requested_deadline: str | Unset = UNSET
        if not isinstance(self.requested_deadline, Unset):
            requested_deadline = self.requested_deadline.isoformat()

        reason = self.reason

        decided_by: int | None | Unset
        if isinstance(self.decided_by, Unset):
            decided_by = UNSET
        else:
            decided_by = self.decided_by

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        approved_deadline: None | str | Unset
        if isinstance(self.approved_deadline, Unset):
            approved_deadline = UNSET
        elif isinstance(self.approved_deadline, datetime.date):
            approved_deadline = self.approved_deadline.isoformat()
        else:
            approved_deadline = self.approved_deadline

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if status is not UNSET:
            field_dict["status"] = status
        if status_label is not UNSET:
            field_dict["status_label"] = status_label
        if requested_by is not UNSET:
            field_dict["requested_by"] = requested_by
        if requested_on is not UNSET:
            field_dict["requested_on"] = requested_on
        if current_deadline is not UNSET:
            field_dict["current_deadline"] = current_deadline
        if requested_deadline is not UNSET:
            field_dict["requested_deadline"] = requested_deadline
        if reason is not UNSET:
            field_dict["reason"] = reason
        if decided_by is not UNSET:
            field_dict["decided_by"] = decided_by
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if approved_deadline is not UNSET:
            field_dict["approved_deadline"] = approved_deadline
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        status = d.pop("status", UNSET)

        status_label = d.pop("status_label", UNSET)

        def _parse_requested_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        requested_by = _parse_requested_by(d.pop("requested_by", UNSET))

        _requested_on = d.pop("requested_on", UNSET)
        requested_on: datetime.date | Unset
        if isinstance(_requested_on, Unset):
            requested_on = UNSET
        else:
            requested_on = datetime.date.fromisoformat(_requested_on)

        _current_deadline = d.pop("current_deadline", UNSET)
        current_deadline: datetime.date | Unset
        if isinstance(_current_deadline, Unset):
            current_deadline = UNSET
        else:
            current_deadline = datetime.date.fromisoformat(_current_deadline)

        _requested_deadline = d.pop("requested_deadline", UNSET)
        requested_deadline: datetime.date | Unset
        if isinstance(_requested_deadline, Unset):
            requested_deadline = UNSET
        else:
            requested_deadline = datetime.date.fromisoformat(_requested_deadline)

        reason = d.pop("reason", UNSET)

        def _parse_decided_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        decided_by = _parse_decided_by(d.pop("decided_by", UNSET))

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        def _parse_approved_deadline(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_deadline_type_0 = datetime.date.fromisoformat(data)

                return approved_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        approved_deadline = _parse_approved_deadline(d.pop("approved_deadline", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        extension = cls(
            id=id,
            status=status,
            status_label=status_label,
            requested_by=requested_by,
            requested_on=requested_on,
            current_deadline=current_deadline,
            requested_deadline=requested_deadline,
            reason=reason,
            decided_by=decided_by,
            decided_at=decided_at,
            approved_deadline=approved_deadline,
            comment=comment,
        )

        return extension
