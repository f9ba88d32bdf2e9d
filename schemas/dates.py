"""Date input fields checked at the door against the configured date window (workflows/dates.py).

Every date the API accepts — body or query string — goes through `business_date` (or `business_datetime`
for instants), so a far-future date such as 9999-12-31 is answered 422 naming the field, before anything
is stored or computed from it."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from marshmallow import ValidationError, fields, validate

from service.config import date_window

CHINA = ZoneInfo("Asia/Shanghai")


class InDateWindow(validate.Validator):
    """Rejects a date (or an instant, by its civil day) outside the window. The window is read per call, so
    DATE_MIN_YEAR / DATE_MAX_YEAR of the running app apply."""

    def __call__(self, value: dt.date) -> dt.date:
        window = date_window()
        days = [value.date() if isinstance(value, dt.datetime) else value]
        if isinstance(value, dt.datetime) and value.tzinfo is not None and window.contains(days[0]):
            # An instant also counts by its Beijing day (deadlines are Beijing days); converting only inside
            # the window, where it cannot overflow.
            days.append(value.astimezone(CHINA).date())
        if not all(window.contains(day) for day in days):
            raise ValidationError(window.message)
        return value


def _with_window(kw: dict[str, Any]) -> dict[str, Any]:
    extra = kw.pop("validate", None)
    validators = [InDateWindow()]
    if extra is not None:
        validators.extend(extra if isinstance(extra, list | tuple) else [extra])
    return {"validate": validators, **kw}


def business_date(**kw: Any) -> fields.Date:
    """A `YYYY-MM-DD` input inside the date window."""
    return fields.Date(**_with_window(kw))


def business_datetime(**kw: Any) -> fields.AwareDateTime:
    """An ISO 8601 instant whose day lies inside the date window; without an offset it is Beijing time."""
    kw.setdefault("default_timezone", CHINA)
    return fields.AwareDateTime(**_with_window(kw))


def year_in_window() -> validate.Validator:
    """A year of the working-day calendar: the same window as the dates."""
    return _YearInWindow()


class _YearInWindow(validate.Validator):
    def __call__(self, value: int) -> int:
        window = date_window()
        if not window.contains_year(value):
            raise ValidationError(f"年份须在{window.min_year}至{window.max_year}之间")
        return value
