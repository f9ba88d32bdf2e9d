from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CaseUnit")


@_attrs_define
class CaseUnit:
    """
    Attributes:
        id (int | Unset):
        name (str | Unset):
        credit_code (str | Unset):
        formal_members (int | Unset):
        probationary_members (int | Unset):
        mobile_members (int | Unset):
    """

    id: int | Unset = UNSET
    name: str | Unset = UNSET
    credit_code: str | Unset = UNSET
    formal_members: int | Unset = UNSET
    probationary_members: int | Unset = UNSET
    mobile_members: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        credit_code = self.credit_code

        formal_members = self.formal_members

        probationary_members = self.probationary_members

        mobile_members = self.mobile_members

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if credit_code is not UNSET:
            field_dict["credit_code"] = credit_code
        if formal_members is not UNSET:
            field_dict["formal_members"] = formal_members
        if probationary_members is not UNSET:
            field_dict["probationary_members"] = probationary_members
        if mobile_members is not UNSET:
            field_dict["mobile_members"] = mobile_members

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        credit_code = d.pop("credit_code", UNSET)

        formal_members = d.pop("formal_members", UNSET)

        probationary_members = d.pop("probationary_members", UNSET)

        mobile_members = d.pop("mobile_members", UNSET)

        case_unit = cls(
            id=id,
            name=name,
            credit_code=credit_code,
            formal_members=formal_members,
            probationary_members=probationary_members,
            mobile_members=mobile_members,
        )

        return case_unit
