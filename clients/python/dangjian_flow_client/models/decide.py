from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.decide_action import DecideAction, check_decide_action
from ..types import UNSET, Unset

T = TypeVar("T", bound="Decide")


@_attrs_define
class Decide:
    """
    Attributes:
        action (DecideAction):
        approval_doc_no (str | Unset): 批复文号; required on the final approval. No control characters (tab and line breaks
            allowed)
        approved_on (datetime.date | None | Unset): Within the date window 2000-01-01–2100-12-31
            (DATE_MIN_YEAR–DATE_MAX_YEAR)
        meeting_on (datetime.date | None | Unset): Date of the deciding committee meeting. Within the date window
            2000-01-01–2100-12-31 (DATE_MIN_YEAR–DATE_MAX_YEAR)
        comment (str | Unset): Required to reject or return. No control characters (tab and line breaks allowed)
    """

    action: DecideAction
    approval_doc_no: str | Unset = UNSET
    approved_on: datetime.date | None | Unset = UNSET
    meeting_on: datetime.date | None | Unset = UNSET
    comment: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action: str = self.action

        approval_doc_no = self.approval_doc_no

        approved_on: None | str | Unset
        if isinstance(self.approved_on, Unset):
            approved_on = UNSET
        elif isinstance(self.approved_on, datetime.date):
            approved_on = self.approved_on.isoformat()
        else:
            approved_on = self.approved_on

        meeting_on: None | str | Unset
        if isinstance(self.meeting_on, Unset):
            meeting_on = UNSET
        elif isinstance(self.meeting_on, datetime.date):
            meeting_on = self.meeting_on.isoformat()
        else:
            meeting_on = self.meeting_on

        comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
            }
        )
        if approval_doc_no is not UNSET:
            field_dict["approval_doc_no"] = approval_doc_no
        if approved_on is not UNSET:
            field_dict["approved_on"] = approved_on
        if meeting_on is not UNSET:
            field_dict["meeting_on"] = meeting_on
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = check_decide_action(d.pop("action"))

        approval_doc_no = d.pop("approval_doc_no", UNSET)

        def _parse_approved_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_on_type_0 = datetime.date.fromisoformat(data)

                return approved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        approved_on = _parse_approved_on(d.pop("approved_on", UNSET))

        def _parse_meeting_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                meeting_on_type_0 = datetime.date.fromisoformat(data)

                return meeting_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        meeting_on = _parse_meeting_on(d.pop("meeting_on", UNSET))

        comment = d.pop("comment", UNSET)

        decide = cls(
            action=action,
            approval_doc_no=approval_doc_no,
            approved_on=approved_on,
            meeting_on=meeting_on,
            comment=comment,
        )

        return decide
