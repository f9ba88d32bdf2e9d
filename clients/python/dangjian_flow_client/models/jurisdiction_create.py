from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.jurisdiction_create_kind import JurisdictionCreateKind, check_jurisdiction_create_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="JurisdictionCreate")


@_attrs_define
class JurisdictionCreate:
    """
    Attributes:
        code (str):
        name (str): Not blank, no control characters (tab and line breaks allowed)
        kind (JurisdictionCreateKind):
        parent_id (int | None | Unset):
    """

    code: str
    name: str
    kind: JurisdictionCreateKind
    parent_id: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        kind: str = self.kind

        parent_id: int | None | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
                "kind": kind,
            }
        )
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        kind = check_jurisdiction_create_kind(d.pop("kind"))

        def _parse_parent_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        jurisdiction_create = cls(
            code=code,
            name=name,
            kind=kind,
            parent_id=parent_id,
        )

        return jurisdiction_create
