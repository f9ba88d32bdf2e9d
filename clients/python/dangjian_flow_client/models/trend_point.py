from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.figures import Figures


T = TypeVar("T", bound="TrendPoint")


@_attrs_define
class TrendPoint:
    """
    Attributes:
        month_end (datetime.date | Unset):
        backfilled (bool | Unset): Missed month filled in later with the figures of that day (not in the pace)
        figures (Figures | Unset):
    """

    month_end: datetime.date | Unset = UNSET
    backfilled: bool | Unset = UNSET
    figures: Figures | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        month_end: str | Unset = UNSET
        if not isinstance(self.month_end, Unset):
            month_end = self.month_end.isoformat()

        backfilled = self.backfilled

        figures: dict[str, Any] | Unset = UNSET
        if not isinstance(self.figures, Unset):
            figures = self.figures.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if month_end is not UNSET:
            field_dict["month_end"] = month_end
        if backfilled is not UNSET:
            field_dict["backfilled"] = backfilled
        if figures is not UNSET:
            field_dict["figures"] = figures

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figures import Figures  # noqa: PLC0415

        d = dict(src_dict)
        _month_end = d.pop("month_end", UNSET)
        month_end: datetime.date | Unset
        if isinstance(_month_end, Unset):
            month_end = UNSET
        else:
            month_end = datetime.date.fromisoformat(_month_end)

        backfilled = d.pop("backfilled", UNSET)

        _figures = d.pop("figures", UNSET)
        figures: Figures | Unset
        if isinstance(_figures, Unset):
            figures = UNSET
        else:
            figures = Figures.from_dict(_figures)

        trend_point = cls(
            month_end=month_end,
            backfilled=backfilled,
            figures=figures,
        )

        return trend_point
