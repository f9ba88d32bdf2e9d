from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="FollowUp")


@_attrs_define
class FollowUp:
    """
    Attributes:
        follow_up_note (str): Not blank, no control characters (tab and line breaks allowed)
    """

    follow_up_note: str

    def to_dict(self) -> dict[str, Any]:
        follow_up_note = self.follow_up_note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "follow_up_note": follow_up_note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        follow_up_note = d.pop("follow_up_note")

        follow_up = cls(
            follow_up_note=follow_up_note,
        )

        return follow_up
