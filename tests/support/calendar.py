"""A year's holiday notice for the calendar's tests and the pages that show the fallback: 2027, FICTIONAL
(chinesecalendar 1.11 has no 2027 data), loaded through the API (`put_year`)."""

from __future__ import annotations

from typing import Any

from tests.support.world import Api

CALENDAR = "/api/v1/calendar"
NOTICE = "（虚构示例）国务院办公厅关于2027年部分节假日安排的通知 国办发明电〔2099〕1号"

# New Year's Day on Friday 1 January, a National Day week from Friday 1 to Thursday 7 October, with Sunday
# 26 September and Saturday 9 October as make-up working days.
DAYS_2027: list[dict[str, Any]] = [
    {"date": "2027-01-01", "workday": False, "name": "元旦"},
    {"date": "2027-09-26", "workday": True, "name": "国庆节调休"},
    *({"date": f"2027-10-0{d}", "workday": False, "name": "国庆节"} for d in range(1, 8)),
    {"date": "2027-10-09", "workday": True, "name": "国庆节调休"},
]


def put_year(api: Api, days: list[dict[str, Any]] | None = None, as_: str = "admin@city", year: int = 2027) -> Any:
    return api.call("PUT", f"{CALENDAR}/{year}", as_=as_, json={"notice": NOTICE, "days": days or DAYS_2027})
