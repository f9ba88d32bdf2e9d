"""Jinja filters: dates as YYYY-MM-DD, times in Asia/Shanghai, warning lights."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from flask import Flask

from service.clock import CHINA

LIGHT_LABELS = {"green": "绿灯", "yellow": "黄灯", "red": "红灯"}


def ymd(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(CHINA).date() if value.tzinfo else value.date()
    return value.isoformat()


def cst(value: datetime | None) -> str:
    """A moment as Beijing time, `YYYY-MM-DD HH:MM`."""
    if value is None:
        return ""
    if value.tzinfo is None:
        raise ValueError("naive datetime")
    return value.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


def light_label(level: str | None) -> str:
    return LIGHT_LABELS.get(level or "", "")


def guessed_years(*days: date | None) -> list[int]:
    """The years between today and the given deadlines that the working-day calendar only counts Monday to
    Friday (next year's holiday notice not loaded yet): a page showing such a deadline says so."""
    from service.calendar import calendar
    from service.clock import today
    from workflows.workdays import fallback_years

    return fallback_years(calendar(), today(), *days)


def filesize(size: int | None) -> str:
    """Bytes as people read them: 812 B, 3.4 KB, 12.0 MB."""
    if size is None:
        return ""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def register(app: Flask) -> None:
    filters: dict[str, Any] = {"ymd": ymd, "cst": cst, "light_label": light_label, "filesize": filesize}
    app.jinja_env.filters.update(filters)
    from service.console import csrf, nav

    # Globals, so imported macros (console/macros.html) see them too.
    app.jinja_env.globals.update(csrf_token=csrf.token, has_page=nav.has_page, guessed_years=guessed_years)
