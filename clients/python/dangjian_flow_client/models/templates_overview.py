from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kind_templates import KindTemplates


T = TypeVar("T", bound="TemplatesOverview")


@_attrs_define
class TemplatesOverview:
    """
    Attributes:
        jurisdiction_id (int | Unset):
        kinds (list[KindTemplates] | Unset):
    """

    jurisdiction_id: int | Unset = UNSET
    kinds: list[KindTemplates] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        jurisdiction_id = self.jurisdiction_id

        kinds: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.kinds, Unset):
            kinds = []
            for kinds_item_data in self.kinds:
                kinds_item = kinds_item_data.to_dict()
                kinds.append(kinds_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if jurisdiction_id is not UNSET:
            field_dict["jurisdiction_id"] = jurisdiction_id
        if kinds is not UNSET:
            field_dict["kinds"] = kinds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kind_templates import KindTemplates  # noqa: PLC0415

        d = dict(src_dict)
        jurisdiction_id = d.pop("jurisdiction_id", UNSET)

        _kinds = d.pop("kinds", UNSET)
        kinds: list[KindTemplates] | Unset = UNSET
        if _kinds is not UNSET:
            kinds = []
            for kinds_item_data in _kinds:
                kinds_item = KindTemplates.from_dict(kinds_item_data)

                kinds.append(kinds_item)

        templates_overview = cls(
            jurisdiction_id=jurisdiction_id,
            kinds=kinds,
        )

        return templates_overview
