from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="RemoveApprovers")


@_attrs_define
class RemoveApprovers:
    """
    Attributes:
        user_ids (list[int]):
        reason (str): Not blank, no control characters (tab and line breaks allowed)
    """

    user_ids: list[int]
    reason: str

    def to_dict(self) -> dict[str, Any]:
        user_ids = self.user_ids

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "user_ids": user_ids,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_ids = cast(list[int], d.pop("user_ids"))

        reason = d.pop("reason")

        remove_approvers = cls(
            user_ids=user_ids,
            reason=reason,
        )

        return remove_approvers
