from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.calendar_load_days_item import CalendarLoadDaysItem


T = TypeVar("T", bound="CalendarLoad")


@_attrs_define
class CalendarLoad:
    """
    Attributes:
        notice (str): The notice the days come from: its title and document number (文号). Not blank, no control
            characters (tab and line breaks allowed)
        days (list[CalendarLoadDaysItem]): Every day the notice changes: {"date": "YYYY-MM-DD", "workday": bool, "name":
            "国庆节"}. Rows are checked one by one; errors name the row as `days[<0-based index>].<field>`.
    """

    notice: str
    days: list[CalendarLoadDaysItem]

    def to_dict(self) -> dict[str, Any]:
        notice = self.notice

        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "notice": notice,
                "days": days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calendar_load_days_item import CalendarLoadDaysItem  # noqa: PLC0415

        d = dict(src_dict)
        notice = d.pop("notice")

        days = []
        _days = d.pop("days")
        for days_item_data in _days:
            days_item = CalendarLoadDaysItem.from_dict(days_item_data)

            days.append(days_item)

        calendar_load = cls(
            notice=notice,
            days=days,
        )

        return calendar_load
