from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.interview_create_type_1_subject_type import (
    InterviewCreateType1SubjectType,
    check_interview_create_type_1_subject_type,
)

T = TypeVar("T", bound="InterviewCreateType1")


@_attrs_define
class InterviewCreateType1:
    """
    Attributes:
        subject_type (InterviewCreateType1SubjectType):
        subject_id (int):
    """

    subject_type: InterviewCreateType1SubjectType
    subject_id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        subject_type: str = self.subject_type

        subject_id = self.subject_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subject_type": subject_type,
                "subject_id": subject_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subject_type = check_interview_create_type_1_subject_type(d.pop("subject_type"))

        subject_id = d.pop("subject_id")

        interview_create_type_1 = cls(
            subject_type=subject_type,
            subject_id=subject_id,
        )

        interview_create_type_1.additional_properties = d
        return interview_create_type_1

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
