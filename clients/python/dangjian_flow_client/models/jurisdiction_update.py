from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="JurisdictionUpdate")


@_attrs_define
class JurisdictionUpdate:
    """
    Attributes:
        code (str | Unset):
        name (str | Unset): Not blank, no control characters (tab and line breaks allowed)
        active (bool | Unset):
    """

    code: str | Unset = UNSET
    name: str | Unset = UNSET
    active: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if name is not UNSET:
            field_dict["name"] = name
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code", UNSET)

        name = d.pop("name", UNSET)

        active = d.pop("active", UNSET)

        jurisdiction_update = cls(
            code=code,
            name=name,
            active=active,
        )

        return jurisdiction_update
