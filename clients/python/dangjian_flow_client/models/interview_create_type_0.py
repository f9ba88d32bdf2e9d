from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.interview_create_type_0_subject_type import (
    InterviewCreateType0SubjectType,
    check_interview_create_type_0_subject_type,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="InterviewCreateType0")


@_attrs_define
class InterviewCreateType0:
    """
    Attributes:
        ticket_id (int):
        subject_type (InterviewCreateType0SubjectType | Unset):
    """

    ticket_id: int
    subject_type: InterviewCreateType0SubjectType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ticket_id = self.ticket_id

        subject_type: str | Unset = UNSET
        if not isinstance(self.subject_type, Unset):
            subject_type = self.subject_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ticket_id": ticket_id,
            }
        )
        if subject_type is not UNSET:
            field_dict["subject_type"] = subject_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ticket_id = d.pop("ticket_id")

        _subject_type = d.pop("subject_type", UNSET)
        subject_type: InterviewCreateType0SubjectType | Unset
        if isinstance(_subject_type, Unset):
            subject_type = UNSET
        else:
            subject_type = check_interview_create_type_0_subject_type(_subject_type)

        interview_create_type_0 = cls(
            ticket_id=ticket_id,
            subject_type=subject_type,
        )

        interview_create_type_0.additional_properties = d
        return interview_create_type_0

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
