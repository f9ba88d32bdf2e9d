from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Sign")


@_attrs_define
class Sign:
    """
    Attributes:
        signed_on (datetime.date): Within the date window 2000-01-01–2100-12-31 (DATE_MIN_YEAR–DATE_MAX_YEAR)
    """

    signed_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        signed_on = self.signed_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "signed_on": signed_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        signed_on = datetime.date.fromisoformat(d.pop("signed_on"))

        sign = cls(
            signed_on=signed_on,
        )

        return sign
