from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CoveredUnit")


@_attrs_define
class CoveredUnit:
    """
    Attributes:
        id (int | Unset):
        name (str | Unset):
        credit_code (str | Unset):
    """

    id: int | Unset = UNSET
    name: str | Unset = UNSET
    credit_code: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        credit_code = self.credit_code

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if credit_code is not UNSET:
            field_dict["credit_code"] = credit_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        credit_code = d.pop("credit_code", UNSET)

        covered_unit = cls(
            id=id,
            name=name,
            credit_code=credit_code,
        )

        return covered_unit
