from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.copy import Copy


T = TypeVar("T", bound="Copied")


@_attrs_define
class Copied:
    """
    Attributes:
        created (int | Unset): How many copies this call wrote (0: all already unread)
        copies (list[Copy] | Unset): Every recipient's copy: new, or the unread one they already held
    """

    created: int | Unset = UNSET
    copies: list[Copy] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        copies: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.copies, Unset):
            copies = []
            for copies_item_data in self.copies:
                copies_item = copies_item_data.to_dict()
                copies.append(copies_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if created is not UNSET:
            field_dict["created"] = created
        if copies is not UNSET:
            field_dict["copies"] = copies

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.copy import Copy  # noqa: PLC0415

        d = dict(src_dict)
        created = d.pop("created", UNSET)

        _copies = d.pop("copies", UNSET)
        copies: list[Copy] | Unset = UNSET
        if _copies is not UNSET:
            copies = []
            for copies_item_data in _copies:
                copies_item = Copy.from_dict(copies_item_data)

                copies.append(copies_item)

        copied = cls(
            created=created,
            copies=copies,
        )

        return copied
