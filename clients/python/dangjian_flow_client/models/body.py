from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Body")


@_attrs_define
class Body:
    """
    Attributes:
        id (int | Unset):
        name (str | Unset):
        code (str | Unset):
        kind (str | Unset):
    """

    id: int | Unset = UNSET
    name: str | Unset = UNSET
    code: str | Unset = UNSET
    kind: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        code = self.code

        kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if code is not UNSET:
            field_dict["code"] = code
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        code = d.pop("code", UNSET)

        kind = d.pop("kind", UNSET)

        body = cls(
            id=id,
            name=name,
            code=code,
            kind=kind,
        )

        return body
