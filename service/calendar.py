"""The working-day calendar the service computes deadlines with: chinesecalendar's official data, the
overrides an admin loaded for years the package does not know (e.g. the 2027 State Council notice), and
Monday–Friday for years with neither (such deadlines say basis "fallback")."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import func, select

from service.extensions import db
from service.models import CalendarOverride, CalendarYear
from workflows.workdays import WorkdayCalendar


@lru_cache(maxsize=4)
def _build(fingerprint: tuple[object, ...]) -> WorkdayCalendar:
    years = list(db.session.execute(select(CalendarYear.year)).scalars())
    rows = db.session.execute(select(CalendarOverride.day, CalendarOverride.is_workday)).all()
    return WorkdayCalendar(overrides={day: workday for day, workday in rows}, loaded_years=years)


def calendar() -> WorkdayCalendar:
    """One small query to see whether the overrides changed; the calendar itself is built once per change."""
    fingerprint = tuple(
        db.session.execute(select(func.count(CalendarYear.year), func.max(CalendarYear.loaded_at))).one()
    ) + tuple(db.session.execute(select(func.count(CalendarOverride.day))).one())
    return _build(fingerprint)


def invalidate() -> None:
    """Forget built calendars after overrides change (the fingerprint alone misses a same-size reload)."""
    _build.cache_clear()
