from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CircularCreate")


@_attrs_define
class CircularCreate:
    """
    Attributes:
        period_start (datetime.date): Within the date window 2000-01-01–2100-12-31 (DATE_MIN_YEAR–DATE_MAX_YEAR)
        period_end (datetime.date): Within the date window 2000-01-01–2100-12-31 (DATE_MIN_YEAR–DATE_MAX_YEAR)
        jurisdiction_id (int | Unset): Default: the issuer's own jurisdiction
        title (str | Unset): Default: 关于<jurisdiction>“两个覆盖”工作情况的通报（<period>）. No control characters (tab and line
            breaks allowed)
    """

    period_start: datetime.date
    period_end: datetime.date
    jurisdiction_id: int | Unset = UNSET
    title: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        jurisdiction_id = self.jurisdiction_id

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "period_start": period_start,
                "period_end": period_end,
            }
        )
        if jurisdiction_id is not UNSET:
            field_dict["jurisdiction_id"] = jurisdiction_id
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        jurisdiction_id = d.pop("jurisdiction_id", UNSET)

        title = d.pop("title", UNSET)

        circular_create = cls(
            period_start=period_start,
            period_end=period_end,
            jurisdiction_id=jurisdiction_id,
            title=title,
        )

        return circular_create
