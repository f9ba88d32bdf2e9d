"""Admin tools for the working-day calendar: load a year's official holiday notice (国务院办公厅节假日安排),
inspect a year, compute a deadline.

The calendar is national and shared by every jurisdiction, so only the admins of a top-level body (the city)
load or unload it: a county admin changing it would move every other county's deadlines.
A loaded year is complete (see workflows/workdays.py): its overrides replace the package data for that year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import chinese_calendar
from sqlalchemy import delete, insert, select

from service import calendar as calendar_service
from service.auth import Actor
from service.calendar import calendar
from service.clock import now
from service.config import date_window
from service.db import transaction
from service.errors import Forbidden, NotFound
from service.extensions import db
from service.models import CalendarOverride, CalendarYear, Role
from service.operations.engines import audit
from service.vocab import MAX_DEADLINE_WORKDAYS
from workflows.errors import RuleViolation
from workflows.workdays import BASIS_LABELS, parse_overrides

NAME_MAX_LENGTH = 50  # calendar_overrides.name
ROW_KEYS = frozenset({"date", "workday", "name"})

# chinesecalendar names its holidays in English; users read Chinese.
_PACKAGE_NAMES = {h.value: h.chinese for h in chinese_calendar.Holiday}


def check_year(year: int) -> None:
    window = date_window()  # the calendar's years are the date inputs' window: one definition
    if not window.contains_year(year):
        raise NotFound(f"日历只覆盖 {window.min_year}–{window.max_year} 年")


def may_load(actor: Actor) -> bool:
    """Admins of a top-level body ("/<id>/") and the system (CLI, "/")."""
    return actor.role == Role.admin and actor.jurisdiction_path.count("/") <= 2


def require_loader(actor: Actor) -> None:
    if not may_load(actor):
        raise Forbidden("只有市级（最上级）系统管理员可以维护节假日安排")


def validate_days(days: Iterable[Any], year: int) -> list[tuple[dt.date, bool, str | None]]:
    """Rows `{"date": "2027-10-01", "workday": false, "name": "国庆节"}` → (day, workday, name), sorted.
    Field errors name the row as a JSON path: `days[3].date`."""
    rows = list(days)
    for i, row in enumerate(rows):
        if isinstance(row, Mapping):
            extra = sorted(str(k) for k in row if k not in ROW_KEYS)
            if extra:
                raise RuleViolation(
                    "unknown_override_field", f"第 {i + 1} 行有无法识别的字段：{', '.join(extra)}", f"days[{i}]"
                )
    try:
        flags = parse_overrides(rows, year)
    except RuleViolation as exc:
        if exc.field and exc.field.startswith("rows"):
            exc.field = "days" + exc.field[len("rows") :]
        raise
    out: list[tuple[dt.date, bool, str | None]] = []
    for i, row in enumerate(rows):
        name = row.get("name")
        name = (name.strip() or None) if isinstance(name, str) else None
        if name is not None and len(name) > NAME_MAX_LENGTH:
            raise RuleViolation(
                "override_name_too_long", f"第 {i + 1} 行的名称超过 {NAME_MAX_LENGTH} 个字", f"days[{i}].name"
            )
        raw = row["date"]
        day = raw if isinstance(raw, dt.date) else dt.date.fromisoformat(str(raw).strip())
        out.append((day, flags[day], name))
    return sorted(out)


def _loaded_state(year: int) -> dict[str, Any] | None:
    row = db.session.get(CalendarYear, year)
    if row is None:
        return None
    return {
        "notice": row.notice,
        "loaded_at": row.loaded_at.isoformat(),
        "loaded_by": row.loaded_by,
        "days": [
            {"date": d.isoformat(), "workday": w, "name": n}
            for d, w, n in db.session.execute(
                select(CalendarOverride.day, CalendarOverride.is_workday, CalendarOverride.name)
                .where(CalendarOverride.year == year)
                .order_by(CalendarOverride.day)
            ).all()
        ],
    }


def _changed() -> None:
    # service.calendar caches the built calendar by a fingerprint (counts + latest loaded_at); replacing a
    # year with as many rows at the same instant (a fixed test clock) would keep the old one in this process.
    calendar_service.invalidate()


def load_year(actor: Actor, year: int, notice: str, days: Iterable[Any]) -> dict[str, Any]:
    """Replace the year's overrides with the notice's days and mark the year loaded (official)."""
    require_loader(actor)
    check_year(year)
    rows = validate_days(days, year)
    notice = notice.strip()
    if not notice:
        raise RuleViolation("missing_notice", "请填写节假日安排通知的文号或标题", "notice")
    with transaction():
        existing = db.session.execute(
            select(CalendarYear).where(CalendarYear.year == year).with_for_update()
        ).scalar_one_or_none()
        before = _loaded_state(year)
        db.session.execute(delete(CalendarOverride).where(CalendarOverride.year == year))
        if rows:
            db.session.execute(
                insert(CalendarOverride),
                [{"day": d, "year": year, "is_workday": w, "name": n} for d, w, n in rows],
            )
        if existing is None:
            existing = CalendarYear(year=year)
            db.session.add(existing)
        existing.notice = notice
        existing.loaded_at = now()
        existing.loaded_by = actor.label[:64]
        db.session.flush()
        audit.record(actor, "calendar.load", "calendar_year", year, actor.jurisdiction_id, before, _loaded_state(year))
    _changed()
    return summary(year)


def unload_year(actor: Actor, year: int) -> dict[str, Any]:
    """Forget a loaded year: it falls back to the package data (or Monday–Friday)."""
    require_loader(actor)
    check_year(year)
    with transaction():
        existing = db.session.execute(
            select(CalendarYear).where(CalendarYear.year == year).with_for_update()
        ).scalar_one_or_none()
        if existing is None:
            raise NotFound(f"{year} 年没有导入的节假日安排")
        before = _loaded_state(year)
        db.session.execute(delete(CalendarOverride).where(CalendarOverride.year == year))
        db.session.delete(existing)
        audit.record(actor, "calendar.unload", "calendar_year", year, actor.jurisdiction_id, before, None)
    _changed()
    return summary(year)


def _package_name(day: dt.date) -> str | None:
    try:
        _, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return None
    return _PACKAGE_NAMES.get(name, name) if name else None


def summary(year: int) -> dict[str, Any]:
    """The year as the service computes deadlines with it: basis, the loaded notice and overrides, and the
    days that differ from Monday–Friday (weekday holidays, weekend make-up working days)."""
    check_year(year)
    cal = calendar()
    loaded = db.session.get(CalendarYear, year)
    overrides = list(
        db.session.execute(
            select(CalendarOverride).where(CalendarOverride.year == year).order_by(CalendarOverride.day)
        ).scalars()
    )
    names = {o.day: o.name for o in overrides}
    holidays: list[dict[str, Any]] = []
    makeup: list[dict[str, Any]] = []
    day = dt.date(year, 1, 1)
    while day.year == year:
        weekend = day.weekday() >= 5
        workday = cal.is_workday(day)
        if weekend == workday:  # a weekday off, or a weekend day at work
            name = names[day] if loaded is not None else _package_name(day)
            (makeup if workday else holidays).append({"date": day, "name": name})
        day += dt.timedelta(days=1)
    basis = cal.basis_for_year(year)
    return {
        "year": year,
        "basis": basis,
        "basis_label": BASIS_LABELS[basis],
        "loaded": loaded is not None,
        "notice": loaded.notice if loaded else None,
        "loaded_at": loaded.loaded_at if loaded else None,
        "loaded_by": loaded.loaded_by if loaded else None,
        "overrides": [{"date": o.day, "workday": o.is_workday, "name": o.name} for o in overrides],
        "holidays": holidays,
        "makeup_workdays": makeup,
    }


def deadline(start: dt.date, workdays: int) -> dict[str, Any]:
    """`workdays` working days after `start` (0: start itself if a working day, else the next one)."""
    window = date_window()  # the schema checks this at the door; kept for callers other than the API
    if not window.contains(start):
        raise RuleViolation("start_out_of_range", window.message, "start")
    if not 0 <= workdays <= MAX_DEADLINE_WORKDAYS:
        raise RuleViolation("workdays_out_of_range", f"工作日数须在 0–{MAX_DEADLINE_WORKDAYS} 之间", "workdays")
    result = calendar().add_workdays(start, workdays)
    return {
        "start": start,
        "workdays": workdays,
        "deadline": result.date,
        "basis": result.basis,
        "basis_label": BASIS_LABELS[result.basis],
    }
