from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BoardCounts")


@_attrs_define
class BoardCounts:
    """
    Attributes:
        total (int | Unset): Issued tickets (drafts and cancelled ones aside)
        closed (int | Unset):
        closed_on_time (int | Unset):
        open_ (int | Unset):
        overdue (int | Unset): Red: the tracked deadline has passed
        yellow (int | Unset):
        green (int | Unset):
        closure_rate (float | None | Unset): 办结率 closed ÷ total (0..1)
        on_time_rate (float | None | Unset): 按期办结率 on time ÷ closed (0..1)
    """

    total: int | Unset = UNSET
    closed: int | Unset = UNSET
    closed_on_time: int | Unset = UNSET
    open_: int | Unset = UNSET
    overdue: int | Unset = UNSET
    yellow: int | Unset = UNSET
    green: int | Unset = UNSET
    closure_rate: float | None | Unset = UNSET
    on_time_rate: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        closed = self.closed

        closed_on_time = self.closed_on_time

        open_ = self.open_

        overdue = self.overdue

        yellow = self.yellow

        green = self.green

        closure_rate: float | None | Unset
        if isinstance(self.closure_rate, Unset):
            closure_rate = UNSET
        else:
            closure_rate = self.closure_rate

        on_time_rate: float | None | Unset
        if isinstance(self.on_time_rate, Unset):
            on_time_rate = UNSET
        else:
            on_time_rate = self.on_time_rate

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if total is not UNSET:
            field_dict["total"] = total
        if closed is not UNSET:
            field_dict["closed"] = closed
        if closed_on_time is not UNSET:
            field_dict["closed_on_time"] = closed_on_time
        if open_ is not UNSET:
            field_dict["open"] = open_
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if yellow is not UNSET:
            field_dict["yellow"] = yellow
        if green is not UNSET:
            field_dict["green"] = green
        if closure_rate is not UNSET:
            field_dict["closure_rate"] = closure_rate
        if on_time_rate is not UNSET:
            field_dict["on_time_rate"] = on_time_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total = d.pop("total", UNSET)

        closed = d.pop("closed", UNSET)

        closed_on_time = d.pop("closed_on_time", UNSET)

        open_ = d.pop("open", UNSET)

        overdue = d.pop("overdue", UNSET)

        yellow = d.pop("yellow", UNSET)

        green = d.pop("green", UNSET)

        def _parse_closure_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        closure_rate = _parse_closure_rate(d.pop("closure_rate", UNSET))

        def _parse_on_time_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        on_time_rate = _parse_on_time_rate(d.pop("on_time_rate", UNSET))

        board_counts = cls(
            total=total,
            closed=closed,
            closed_on_time=closed_on_time,
            open_=open_,
            overdue=overdue,
            yellow=yellow,
            green=green,
            closure_rate=closure_rate,
            on_time_rate=on_time_rate,
        )

        return board_counts
