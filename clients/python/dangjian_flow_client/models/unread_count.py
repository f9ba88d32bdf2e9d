from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UnreadCount")


@_attrs_define
class UnreadCount:
    """
    Attributes:
        unread (int | Unset): My unread notifications
    """

    unread: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        unread = self.unread

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if unread is not UNSET:
            field_dict["unread"] = unread

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unread = d.pop("unread", UNSET)

        unread_count = cls(
            unread=unread,
        )

        return unread_count
