from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ExtensionRequest")


@_attrs_define
class ExtensionRequest:
    """
    Attributes:
        new_deadline (datetime.date): Within the date window 2000-01-01–2100-12-31 (DATE_MIN_YEAR–DATE_MAX_YEAR)
        reason (str): Not blank, no control characters (tab and line breaks allowed)
    """

    new_deadline: datetime.date
    reason: str

    def to_dict(self) -> dict[str, Any]:
        new_deadline = self.new_deadline.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "new_deadline": new_deadline,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        new_deadline = datetime.date.fromisoformat(d.pop("new_deadline"))

        reason = d.pop("reason")

        extension_request = cls(
            new_deadline=new_deadline,
            reason=reason,
        )

        return extension_request
