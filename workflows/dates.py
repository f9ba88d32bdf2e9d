"""The window of calendar dates the service accepts (pure rule, no I/O).

Every date that enters through the API (deadlines, extensions, meeting and founding dates, term starts,
interview times, query filters) must lie in one sane window, by default 2000-01-01..2100-12-31. The same
window bounds the years of the working-day calendar. A far-future date (9999-12-31) would otherwise be
stored and break later, when working days are added to it past the last year Python can represent.

The window's last year is capped at ``LATEST_MAX_YEAR`` so that the longest arithmetic after an accepted
date (a ladder, an extension, a calendar query of ``MAX_SETTING_WORKDAYS``) stays far below year 9999.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workflows.errors import RuleViolation

DEFAULT_MIN_YEAR = 2000
DEFAULT_MAX_YEAR = 2100
# ~250 working days a year: 9000 leaves ~250,000 working days of headroom before dt.MAXYEAR.
LATEST_MAX_YEAR = 9000
EARLIEST_MIN_YEAR = 1900


@dataclass(frozen=True, slots=True)
class DateWindow:
    """Inclusive range of years: ``first`` = 1 January of ``min_year``, ``last`` = 31 December of ``max_year``."""

    min_year: int = DEFAULT_MIN_YEAR
    max_year: int = DEFAULT_MAX_YEAR

    def __post_init__(self) -> None:
        # A setting: refuse a nonsensical window at start-up rather than at the first request.
        if not EARLIEST_MIN_YEAR <= self.min_year <= self.max_year <= LATEST_MAX_YEAR:
            raise ValueError(
                f"date window must satisfy {EARLIEST_MIN_YEAR} <= min_year <= max_year <= {LATEST_MAX_YEAR}, "
                f"got {self.min_year}..{self.max_year}"
            )

    @property
    def first(self) -> dt.date:
        return dt.date(self.min_year, 1, 1)

    @property
    def last(self) -> dt.date:
        return dt.date(self.max_year, 12, 31)

    @property
    def message(self) -> str:
        return f"日期须在{self.first.isoformat()}至{self.last.isoformat()}之间"

    def contains_year(self, year: int) -> bool:
        return self.min_year <= year <= self.max_year

    def contains(self, day: dt.date) -> bool:
        # A datetime is a date subclass: its calendar day is what counts.
        return self.contains_year(day.year)

    def check(self, day: dt.date, field: str | None = None) -> dt.date:
        """``day`` unchanged, or RuleViolation ``date_out_of_range`` naming ``field``."""
        if not self.contains(day):
            raise RuleViolation("date_out_of_range", self.message, field)
        return day


DEFAULT_DATE_WINDOW = DateWindow()
