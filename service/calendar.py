"""The working-day calendar the service computes deadlines with: chinesecalendar's official data, the
overrides an admin loaded for years the package does not know (e.g. the 2027 State Council notice), and
Monday–Friday for years with neither (such deadlines say basis "fallback")."""

from __future__ import annotations

from sqlalchemy import select

from service import config_cache
from service.config_cache import cached
from service.extensions import db
from service.models import CalendarOverride, CalendarYear
from workflows.workdays import WorkdayCalendar


def _build() -> WorkdayCalendar:
    years = list(db.session.execute(select(CalendarYear.year)).scalars())
    rows = db.session.execute(select(CalendarOverride.day, CalendarOverride.is_workday)).all()
    return WorkdayCalendar(overrides={day: workday for day, workday in rows}, loaded_years=years)


def calendar() -> WorkdayCalendar:
    """Built once per configuration change (service.config_cache)."""
    return cached("calendar", _build)


def invalidate() -> None:
    """Forget built calendars (the configuration version also changes with the overrides)."""
    config_cache.invalidate()
