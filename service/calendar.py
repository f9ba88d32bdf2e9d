"""The working-day calendar the service computes deadlines with."""

from __future__ import annotations

from functools import lru_cache

from workflows.workdays import WorkdayCalendar


@lru_cache(maxsize=1)
def _package_calendar() -> WorkdayCalendar:
    return WorkdayCalendar()


def calendar() -> WorkdayCalendar:
    """chinesecalendar's official data, Monday–Friday fallback for years it does not know."""
    return _package_calendar()
