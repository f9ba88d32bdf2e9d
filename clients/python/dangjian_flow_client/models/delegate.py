from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Delegate")


@_attrs_define
class Delegate:
    """
    Attributes:
        to_user_id (int):
        comment (str | Unset): No control characters (tab and line breaks allowed)
    """

    to_user_id: int
    comment: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        to_user_id = self.to_user_id

        comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to_user_id": to_user_id,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to_user_id = d.pop("to_user_id")

        comment = d.pop("comment", UNSET)

        delegate = cls(
            to_user_id=to_user_id,
            comment=comment,
        )

        return delegate
