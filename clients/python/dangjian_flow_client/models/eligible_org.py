from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EligibleOrg")


@_attrs_define
class EligibleOrg:
    """
    Attributes:
        id (int | Unset):
        name (str | Unset):
        kind (str | Unset):
        kind_label (None | str | Unset):
    """

    id: int | Unset = UNSET
    name: str | Unset = UNSET
    kind: str | Unset = UNSET
    kind_label: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        kind = self.kind

        kind_label: None | str | Unset
        if isinstance(self.kind_label, Unset):
            kind_label = UNSET
        else:
            kind_label = self.kind_label

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if kind is not UNSET:
            field_dict["kind"] = kind
        if kind_label is not UNSET:
            field_dict["kind_label"] = kind_label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        kind = d.pop("kind", UNSET)

        def _parse_kind_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        kind_label = _parse_kind_label(d.pop("kind_label", UNSET))

        eligible_org = cls(
            id=id,
            name=name,
            kind=kind,
            kind_label=kind_label,
        )

        return eligible_org
