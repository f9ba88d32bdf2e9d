from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Reschedule")


@_attrs_define
class Reschedule:
    """
    Attributes:
        scheduled_at (datetime.datetime): ISO 8601; a time without an offset is read as Beijing time. Within the date
            window 2000-01-01–2100-12-31 (DATE_MIN_YEAR–DATE_MAX_YEAR), also as a Beijing (UTC+8) day
        place (str | Unset): Default: the place already set. No control characters (tab and line breaks allowed)
    """

    scheduled_at: datetime.datetime
    place: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        scheduled_at = self.scheduled_at.isoformat()

        place = self.place

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "scheduled_at": scheduled_at,
            }
        )
        if place is not UNSET:
            field_dict["place"] = place

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scheduled_at = datetime.datetime.fromisoformat(d.pop("scheduled_at"))

        place = d.pop("place", UNSET)

        reschedule = cls(
            scheduled_at=scheduled_at,
            place=place,
        )

        return reschedule
