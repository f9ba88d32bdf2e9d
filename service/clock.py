"""The one source of "now". Tests and workers inject a clock instead of sleeping."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from flask import current_app, has_app_context

# Deadlines, meeting dates and document dates are civil dates in China, whatever the server's zone.
CHINA = ZoneInfo("Asia/Shanghai")


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A settable clock for tests and simulations."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at

    def set(self, at: datetime) -> None:
        self.at = at


_system = SystemClock()


def clock() -> Clock:
    if has_app_context():
        return current_app.extensions.get("clock", _system)
    return _system


def now() -> datetime:
    return clock().now()


def today() -> date:
    return now().astimezone(CHINA).date()
