from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.interview_create_subject_type_type_1 import (
    InterviewCreateSubjectTypeType1,
    check_interview_create_subject_type_type_1,
)
from ..models.interview_create_subject_type_type_2_type_1 import (
    InterviewCreateSubjectTypeType2Type1,
    check_interview_create_subject_type_type_2_type_1,
)
from ..models.interview_create_subject_type_type_3_type_1 import (
    InterviewCreateSubjectTypeType3Type1,
    check_interview_create_subject_type_type_3_type_1,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="InterviewCreate")


@_attrs_define
class InterviewCreate:
    """
    Attributes:
        reason (str): Not blank, no control characters (tab and line breaks allowed)
        ticket_id (int | None | Unset): The supervision ticket the interview is about
        subject_type (InterviewCreateSubjectTypeType1 | InterviewCreateSubjectTypeType2Type1 |
            InterviewCreateSubjectTypeType3Type1 | None | Unset): Without ticket_id: establishment (a case) or jurisdiction
            (a body)
        subject_id (int | None | Unset):
        responsible_person (str | Unset): Default: the ticket's. No control characters (tab and line breaks allowed)
        scheduled_at (datetime.datetime | None | Unset): ISO 8601; a time without an offset is read as Beijing time.
            Within the date window 2000-01-01–2100-12-31 (DATE_MIN_YEAR–DATE_MAX_YEAR), also as a Beijing (UTC+8) day
        place (str | Unset): No control characters (tab and line breaks allowed)
    """

    reason: str
    ticket_id: int | None | Unset = UNSET
    subject_type: (
        InterviewCreateSubjectTypeType1
        | InterviewCreateSubjectTypeType2Type1
        | InterviewCreateSubjectTypeType3Type1
        | None
        | Unset
    ) = UNSET
    subject_id: int | None | Unset = UNSET
    responsible_person: str | Unset = UNSET
    scheduled_at: datetime.datetime | None | Unset = UNSET
    place: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        ticket_id: int | None | Unset
        if isinstance(self.ticket_id, Unset):
            ticket_id = UNSET
        else:
            ticket_id = self.ticket_id

        subject_type: None | str | Unset
        if isinstance(self.subject_type, Unset):
            subject_type = UNSET
        elif isinstance(self.subject_type, str):
            subject_type = self.subject_type
        elif isinstance(self.subject_type, str):
            subject_type = self.subject_type
        elif isinstance(self.subject_type, str):
            subject_type = self.subject_type
        else:
            subject_type = self.subject_type

        subject_id: int | None | Unset
        if isinstance(self.subject_id, Unset):
            subject_id = UNSET
        else:
            subject_id = self.subject_id

        responsible_person = self.responsible_person

        scheduled_at: None | str | Unset
        if isinstance(self.scheduled_at, Unset):
            scheduled_at = UNSET
        elif isinstance(self.scheduled_at, datetime.datetime):
            scheduled_at = self.scheduled_at.isoformat()
        else:
            scheduled_at = self.scheduled_at

        place = self.place

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if ticket_id is not UNSET:
            field_dict["ticket_id"] = ticket_id
        if subject_type is not UNSET:
            field_dict["subject_type"] = subject_type
        if subject_id is not UNSET:
            field_dict["subject_id"] = subject_id
        if responsible_person is not UNSET:
            field_dict["responsible_person"] = responsible_person
        if scheduled_at is not UNSET:
            field_dict["scheduled_at"] = scheduled_at
        if place is not UNSET:
            field_dict["place"] = place

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_ticket_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ticket_id = _parse_ticket_id(d.pop("ticket_id", UNSET))

        def _parse_subject_type(
            data: object,
        ) -> (
            InterviewCreateSubjectTypeType1
            | InterviewCreateSubjectTypeType2Type1
            | InterviewCreateSubjectTypeType3Type1
            | None
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                subject_type_type_1 = check_interview_create_subject_type_type_1(data)

                return subject_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                subject_type_type_2_type_1 = check_interview_create_subject_type_type_2_type_1(data)

                return subject_type_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                subject_type_type_3_type_1 = check_interview_create_subject_type_type_3_type_1(data)

                return subject_type_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                InterviewCreateSubjectTypeType1
                | InterviewCreateSubjectTypeType2Type1
                | InterviewCreateSubjectTypeType3Type1
                | None
                | Unset,
                data,
            )

        subject_type = _parse_subject_type(d.pop("subject_type", UNSET))

        def _parse_subject_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        subject_id = _parse_subject_id(d.pop("subject_id", UNSET))

        responsible_person = d.pop("responsible_person", UNSET)

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

        place = d.pop("place", UNSET)

        interview_create = cls(
            reason=reason,
            ticket_id=ticket_id,
            subject_type=subject_type,
            subject_id=subject_id,
            responsible_person=responsible_person,
            scheduled_at=scheduled_at,
            place=place,
        )

        return interview_create
