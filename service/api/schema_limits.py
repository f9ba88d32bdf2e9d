"""Limits the app enforces that apispec cannot see in a marshmallow field, stated in the OpenAPI document by
attribute functions of the marshmallow plugin, from the settings of the app the document describes:

- the date window (DATE_MIN_YEAR–DATE_MAX_YEAR, schemas/dates.py) as a `pattern` on every date and instant, so a
  date the document allows is one the window allows;
- a pattern's end anchor in the dialect OpenAPI uses (`$`, not Python's `\\Z`), so the document is valid;
- the deepest page (MAX_PAGINATION_OFFSET, service/api/pagination.py) as `page`'s `maximum`: the last page the
  largest page size reaches. Smaller page sizes reach deeper (the offset is what is bounded, which JSON Schema
  cannot say across two parameters); the description gives the rule.

Installed on each app's spec by `service.api.Api.init_app`; the document is built on its first read."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask import Flask

from schemas.dates import InDateWindow
from service.config import DEFAULT_DATE_WINDOW, Settings
from workflows.dates import DateWindow

MONTH_DAY = r"(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
TIME = r"T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?"
ANY_OFFSET = r"(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])"
# An instant on the window's first day stays inside it in Beijing time (UTC+8) only at an offset up to +08:00;
# one on the last day only at +08:00 or east of it (schemas/dates.py counts an instant by both days).
OFFSET_NOT_EAST_OF_BEIJING = r"(Z|-([01][0-9]|2[0-3]):[0-5][0-9]|\+0[0-7]:[0-5][0-9]|\+08:00)"
OFFSET_NOT_WEST_OF_BEIJING = r"\+(08:00|09:[0-5][0-9]|1[0-9]:[0-5][0-9]|2[0-3]:[0-5][0-9])"
NOT_FIRST_DAY = r"(01-(0[2-9]|[12][0-9]|3[01])|(0[2-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))"
NOT_LAST_DAY = r"((0[1-9]|1[01])-(0[1-9]|[12][0-9]|3[01])|12-(0[1-9]|[12][0-9]|30))"


def _digits(low: str, high: str) -> list[str]:
    """Regular expressions for the numbers from `low` to `high`, strings of the same length."""
    if not low:
        return [""]
    if low == high:
        return [low]
    if low[0] == high[0]:
        return [low[0] + tail for tail in _digits(low[1:], high[1:])]
    rest = len(low) - 1
    nines, zeros = "9" * rest, "0" * rest
    out = [low[0] + tail for tail in _digits(low[1:], nines)]
    if int(high[0]) - int(low[0]) > 1:
        middle = f"[{int(low[0]) + 1}-{int(high[0]) - 1}]" if int(high[0]) - int(low[0]) > 2 else str(int(low[0]) + 1)
        out.append(middle + "[0-9]" * rest)
    out.extend(high[0] + tail for tail in _digits(zeros, high[1:]))
    return out


def year_pattern(low: int, high: int) -> str:
    """A regular expression (no anchors) for the four-digit years from `low` to `high`; empty range: ''."""
    if low > high:
        return ""
    return "(" + "|".join(_digits(f"{low:04d}", f"{high:04d}")) + ")"


def date_pattern(window: DateWindow) -> str:
    return f"^{year_pattern(window.min_year, window.max_year)}-{MONTH_DAY}$"


def datetime_pattern(window: DateWindow) -> str:
    low, high = window.min_year, window.max_year
    days = []
    if high - low >= 2:
        days.append(f"{year_pattern(low + 1, high - 1)}-{MONTH_DAY}{TIME}{ANY_OFFSET}")
    if low == high:
        days.append(f"{low:04d}-01-01{TIME}{OFFSET_NOT_EAST_OF_BEIJING}")
        days.append(f"{low:04d}-12-31{TIME}{OFFSET_NOT_WEST_OF_BEIJING}")
        middle = r"(01-(0[2-9]|[12][0-9]|3[01])|(0[2-9]|1[01])-(0[1-9]|[12][0-9]|3[01])|12-(0[1-9]|[12][0-9]|30))"
        days.append(f"{low:04d}-{middle}{TIME}{ANY_OFFSET}")
    else:
        days.append(f"{low:04d}-01-01{TIME}{OFFSET_NOT_EAST_OF_BEIJING}")
        days.append(f"{low:04d}-{NOT_FIRST_DAY}{TIME}{ANY_OFFSET}")
        days.append(f"{high:04d}-12-31{TIME}{OFFSET_NOT_WEST_OF_BEIJING}")
        days.append(f"{high:04d}-{NOT_LAST_DAY}{TIME}{ANY_OFFSET}")
    return "^(" + "|".join(days) + ")$"


def window_note(window: DateWindow) -> str:
    return f"Within the date window {window.first.isoformat()}–{window.last.isoformat()} (DATE_MIN_YEAR–DATE_MAX_YEAR)"


def _settings(app: Flask) -> Settings | None:
    settings = app.config.get("SETTINGS")
    return settings if isinstance(settings, Settings) else None


def install(ma_plugin: Any, app: Flask) -> None:
    """Adds the attribute functions (apispec binds each to its converter, hence plain functions) reading `app`'s
    settings when the document is built."""

    def date_window_limits(converter: Any, field: ma.fields.Field, ret: dict[str, Any], **_: Any) -> dict[str, Any]:
        if not any(isinstance(v, InDateWindow) for v in field.validators):
            return {}
        settings = _settings(app)
        window = settings.date_window if settings else DEFAULT_DATE_WINDOW
        instant = isinstance(field, ma.fields.DateTime)
        note = window_note(window) + (", also as a Beijing (UTC+8) day" if instant else "")
        description = ret.get("description")
        return {
            "pattern": datetime_pattern(window) if instant else date_pattern(window),
            "description": f"{description}. {note}" if description else note,
        }

    def deepest_page_limit(converter: Any, field: ma.fields.Field, ret: dict[str, Any], **_: Any) -> dict[str, Any]:
        max_page_size = getattr(field.parent, "DEEPEST_PAGE_AT_PAGE_SIZE", None)
        if field.name != "page" or not isinstance(max_page_size, int):
            return {}
        from service.api.pagination import DEFAULT_MAX_OFFSET  # (imported late: it decorates nothing, but the
        # document's build test requires that no module with views is imported before service.api)

        settings = _settings(app)
        offset = settings.max_pagination_offset if settings else DEFAULT_MAX_OFFSET
        return {"maximum": offset // max_page_size + 1}

    def ecma_end_anchor(converter: Any, field: ma.fields.Field, ret: dict[str, Any], **_: Any) -> dict[str, Any]:
        # A validator's Python `\Z` (end of text, no trailing newline) is `$` in the ECMA 262 dialect OpenAPI
        # patterns use; `\Z` there is no valid escape, and made the document invalid.
        pattern = ret.get("pattern")
        if isinstance(pattern, str) and pattern.endswith("\\Z"):
            return {"pattern": pattern[:-2] + "$"}
        return {}

    def no_null_default_unless_nullable(
        converter: Any, field: ma.fields.Field, ret: dict[str, Any], **_: Any
    ) -> dict[str, Any]:
        # `load_default=None` on a field that refuses null documented a default its own schema forbids (an
        # invalid document); absent means "not given", which is what the app reads.
        if "default" in ret and ret["default"] is None and not ret.get("nullable"):
            del ret["default"]
        return {}

    ma_plugin.converter.add_attribute_function(ecma_end_anchor)
    ma_plugin.converter.add_attribute_function(no_null_default_unless_nullable)
    ma_plugin.converter.add_attribute_function(date_window_limits)
    ma_plugin.converter.add_attribute_function(deepest_page_limit)
