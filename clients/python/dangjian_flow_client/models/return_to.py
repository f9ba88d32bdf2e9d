from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.return_to_level_name import ReturnToLevelName, check_return_to_level_name

T = TypeVar("T", bound="ReturnTo")


@_attrs_define
class ReturnTo:
    """
    Attributes:
        level_name (ReturnToLevelName): The earlier level the case goes back to (e.g. superior_review)
        reason (str): Not blank, no control characters (tab and line breaks allowed)
    """

    level_name: ReturnToLevelName
    reason: str

    def to_dict(self) -> dict[str, Any]:
        level_name: str = self.level_name

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "level_name": level_name,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        level_name = check_return_to_level_name(d.pop("level_name"))

        reason = d.pop("reason")

        return_to = cls(
            level_name=level_name,
            reason=reason,
        )

        return return_to
