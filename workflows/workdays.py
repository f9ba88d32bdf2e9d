"""Working-day arithmetic on the official Chinese calendar (holidays and 调休 make-up working days).

Sources, first match wins:

1. Caller-supplied overrides (an admin-loaded table, e.g. the State Council notice for a year the
   package does not know yet, or corrections to a year it does). For a *loaded* year the overrides
   are taken as complete: a date not in the mapping is a working day iff Monday–Friday, and the
   package is not consulted for that year at all. Overrides for a year that is not declared loaded
   are still applied day by day, on top of the package data or the Monday–Friday fallback.
2. ``chinese_calendar.is_workday`` (chinesecalendar 1.11.0 knows 2004–2026 and raises
   ``NotImplementedError`` for any other year).
3. Monday–Friday.

Basis: a year is ``"official"`` when it is loaded or the package knows it, else ``"fallback"``
(a year with only partial overrides stays ``"fallback"``: the rest of it is guesswork). A computed
deadline is ``"fallback"`` if any day it examined lies in a fallback year, so the UI can flag it.

Counting conventions:

- ``add_workdays(x, n)`` with n >= 1 is the n-th working day strictly after ``x``; ``x`` itself never
  counts, even when it is a working day. ``n == 0`` means "the same day if it is a working day, else
  the next working day" (used for same-day steps and ladder steps with no delay). n < 0 is refused.
- ``workdays_between(a, b)`` counts working days in ``(a, b]`` when ``b > a``; it is 0 when
  ``a == b`` and ``-workdays_between(b, a)`` when ``b < a``. Hence
  ``workdays_between(x, add_workdays(x, n).date) == n`` for every n >= 1.

Each calendar builds one table per year on first use (working-day flags, a prefix count and the
sorted working-day ordinals); years without overrides share a process-wide table. After that,
adding n working days is O(1) within a year plus one step per year crossed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Literal

import chinese_calendar

from workflows.errors import RuleViolation

Basis = Literal["official", "fallback"]

BASIS_LABELS: Mapping[str, str] = MappingProxyType({"official": "官方节假日安排", "fallback": "按周一至周五推算"})

_NO_OVERRIDES: Mapping[dt.date, bool] = MappingProxyType({})


class DateOutOfRange(RuleViolation):
    """A computed deadline would fall after the last representable date (9999-12-31).

    Unreachable from the API (its dates stay in workflows.dates' window, far below); kept so that no
    date input can ever turn into an unhandled error."""

    def __init__(self, field: str | None = None) -> None:
        super().__init__("date_out_of_range", "计算出的日期超出可计算范围", field)


@dataclass(frozen=True, slots=True)
class Deadline:
    """A computed date and whether it rests entirely on official calendar data."""

    date: dt.date
    basis: Basis

    @property
    def is_official(self) -> bool:
        return self.basis == "official"


@dataclass(frozen=True, slots=True)
class _YearTable:
    year: int
    first_ordinal: int
    basis: Basis
    flags: bytes  # flags[i] == 1 when day i of the year (0-based) is a working day
    prefix: tuple[int, ...]  # prefix[i] = working days among days 0..i-1; len = days + 1
    workdays: tuple[int, ...]  # ordinals of the working days, ascending

    @property
    def total(self) -> int:
        return len(self.workdays)


def _weekday_flags(year: int) -> bytearray:
    first = dt.date(year, 1, 1)
    days = dt.date(year + 1, 1, 1).toordinal() - first.toordinal() if year < 9999 else 365
    start_wd = first.weekday()
    return bytearray(1 if (start_wd + i) % 7 < 5 else 0 for i in range(days))


@lru_cache(maxsize=64)
def _package_flags(year: int) -> bytes | None:
    """The package's working days for ``year``, or None when it has no data for that year.

    Cached per process: the package's ``is_workday`` costs ~25 µs a call (it rescans its tables to
    validate the year), so a year is read once, never per request.
    """
    first = dt.date(year, 1, 1)
    try:
        chinese_calendar.is_workday(first)
    except NotImplementedError:
        return None
    n = len(_weekday_flags(year))
    base = first.toordinal()
    return bytes(1 if chinese_calendar.is_workday(dt.date.fromordinal(base + i)) else 0 for i in range(n))


def _build_table(year: int, flags: bytes | bytearray, basis: Basis) -> _YearTable:
    first_ordinal = dt.date(year, 1, 1).toordinal()
    prefix = [0]
    workdays: list[int] = []
    running = 0
    for i, flag in enumerate(flags):
        if flag:
            running += 1
            workdays.append(first_ordinal + i)
        prefix.append(running)
    return _YearTable(year, first_ordinal, basis, bytes(flags), tuple(prefix), tuple(workdays))


@lru_cache(maxsize=256)
def _shared_table(year: int) -> _YearTable:
    """Table for a year without overrides: identical for every calendar, so built once per process."""
    package = _package_flags(year)
    if package is not None:
        return _build_table(year, package, "official")
    return _build_table(year, _weekday_flags(year), "fallback")


class WorkdayCalendar:
    """Working-day arithmetic with optional admin overrides.

    Immutable after construction; the per-year cache only ever fills with identical values, so one
    instance may be shared between threads. Build a new instance when the override table changes.
    """

    def __init__(
        self,
        overrides: Mapping[dt.date, bool] = _NO_OVERRIDES,
        loaded_years: Iterable[int] = (),
    ) -> None:
        by_year: dict[int, dict[int, bool]] = {}
        for day, is_workday in overrides.items():
            if not isinstance(day, dt.date):
                raise TypeError(f"override key must be a date, got {type(day).__name__}")
            if not isinstance(is_workday, bool):
                raise TypeError(f"override for {day} must be a bool, got {type(is_workday).__name__}")
            by_year.setdefault(day.year, {})[day.toordinal()] = is_workday
        self._overrides = by_year
        self._loaded_years = frozenset(int(y) for y in loaded_years)
        self._tables: dict[int, _YearTable] = {}

    @property
    def loaded_years(self) -> frozenset[int]:
        return self._loaded_years

    def basis_for_year(self, year: int) -> Basis:
        if year in self._loaded_years or _package_flags(year) is not None:
            return "official"
        return "fallback"

    def _table(self, year: int) -> _YearTable:
        table = self._tables.get(year)
        if table is not None:
            return table
        year_overrides = self._overrides.get(year)
        if year in self._loaded_years:
            flags = _weekday_flags(year)  # loaded = complete: the package is not consulted
            basis: Basis = "official"
        elif year_overrides:
            package = _package_flags(year)
            flags = bytearray(package) if package is not None else _weekday_flags(year)
            basis = "official" if package is not None else "fallback"
        else:
            table = _shared_table(year)
            self._tables[year] = table
            return table
        if year_overrides:
            first = dt.date(year, 1, 1).toordinal()
            for ordinal, is_workday in year_overrides.items():
                flags[ordinal - first] = 1 if is_workday else 0
        table = _build_table(year, flags, basis)
        self._tables[year] = table
        return table

    def is_workday(self, d: dt.date) -> bool:
        table = self._table(d.year)
        return table.flags[d.toordinal() - table.first_ordinal] == 1

    def add_workdays(self, start: dt.date, n: int) -> Deadline:
        """The n-th working day strictly after ``start`` (n == 0: ``start`` itself if a working day,
        else the next one). Basis is "fallback" if any examined day lies in a fallback year."""
        if n < 0:
            raise ValueError("n must be >= 0")
        ordinal = start.toordinal()
        table = self._table(start.year)
        index = ordinal - table.first_ordinal
        if n == 0:
            if table.flags[index]:
                return Deadline(dt.date.fromordinal(ordinal), table.basis)
            n = 1  # not a working day: the next one; start itself was examined, so fold its basis in
            basis: Basis = table.basis
        else:
            basis = "official"
        # Working days of this year up to and including start; the answer is the (done + n)-th overall.
        target = table.prefix[index + 1] + n - 1
        while target >= table.total:
            if table.year >= dt.MAXYEAR:
                # Past 9999-12-31 Python has no dates: a clean refusal, never OverflowError/ValueError (500).
                raise DateOutOfRange()
            # Days after start in this year were examined (none when start is 31 December).
            if index + 1 < len(table.flags) and table.basis == "fallback":
                basis = "fallback"
            target -= table.total
            table = self._table(table.year + 1)
            index = -1
        if table.basis == "fallback":
            basis = "fallback"
        return Deadline(dt.date.fromordinal(table.workdays[target]), basis)

    def next_workday(self, d: dt.date) -> dt.date:
        """The first working day strictly after ``d``."""
        return self.add_workdays(d, 1).date

    def _count_through(self, table: _YearTable, ordinal: int) -> int:
        return table.prefix[ordinal - table.first_ordinal + 1]

    def workdays_between(self, a: dt.date, b: dt.date) -> int:
        """Working days in (a, b]; 0 when a == b; negative (antisymmetric) when b < a."""
        if b < a:
            return -self.workdays_between(b, a)
        if a == b:
            return 0
        ta = self._table(a.year)
        if a.year == b.year:
            return self._count_through(ta, b.toordinal()) - self._count_through(ta, a.toordinal())
        count = ta.total - self._count_through(ta, a.toordinal())
        for year in range(a.year + 1, b.year):
            count += self._table(year).total
        return count + self._count_through(self._table(b.year), b.toordinal())


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_overrides(rows: Iterable[object], year: int | None = None) -> dict[dt.date, bool]:
    """Validate admin-loaded calendar rows.

    A row looks like ``{"date": "2027-10-09", "workday": true, "name": "国庆节调休"}``; ``name`` is
    optional and only checked for type (it is kept by the caller's table, not returned here).

    ``year`` is the year the admin declared the upload to be for; when given, every row must fall in
    it. Raises RuleViolation on the first bad row; ``field`` is a JSON path with 0-based indexes
    (``rows[3].date``), the message names the 1-based row number users see in their spreadsheet.
    """
    result: dict[dt.date, bool] = {}
    first_row: dict[dt.date, int] = {}
    for i, row in enumerate(rows):
        line = i + 1
        if not isinstance(row, Mapping):
            raise RuleViolation(
                "invalid_override_row", f"第 {line} 行格式不正确，应包含日期和是否工作日。", f"rows[{i}]"
            )
        raw_date = row.get("date")
        day: dt.date | None = None
        if isinstance(raw_date, dt.datetime):
            day = None  # a timestamp is not a calendar day; refuse rather than guess the time zone
        elif isinstance(raw_date, dt.date):
            day = raw_date
        elif isinstance(raw_date, str) and _ISO_DATE.fullmatch(raw_date.strip()):
            try:
                day = dt.date.fromisoformat(raw_date.strip())
            except ValueError:
                day = None
        if day is None:
            if raw_date is None or raw_date == "":
                raise RuleViolation("missing_override_date", f"第 {line} 行缺少日期。", f"rows[{i}].date")
            raise RuleViolation(
                "invalid_override_date",
                f"第 {line} 行的日期“{raw_date}”无效，应为 YYYY-MM-DD 格式的真实日期。",
                f"rows[{i}].date",
            )
        if year is not None and day.year != year:
            raise RuleViolation(
                "override_year_mismatch",
                f"第 {line} 行的日期 {day.isoformat()} 不属于本次导入的 {year} 年。",
                f"rows[{i}].date",
            )
        if day in first_row:
            raise RuleViolation(
                "duplicate_override_date",
                f"第 {line} 行的日期 {day.isoformat()} 与第 {first_row[day] + 1} 行重复。",
                f"rows[{i}].date",
            )
        workday = row.get("workday")
        if not isinstance(workday, bool):  # 0/1 or "是" are ambiguous in spreadsheets: demand a boolean
            raise RuleViolation(
                "invalid_override_workday",
                f"第 {line} 行必须用 true/false 标明是否为工作日。",
                f"rows[{i}].workday",
            )
        name = row.get("name")
        if name is not None and not isinstance(name, str):
            raise RuleViolation("invalid_override_name", f"第 {line} 行的节日名称应为文字。", f"rows[{i}].name")
        first_row[day] = i
        result[day] = workday
    return result


def fallback_years(cal: WorkdayCalendar, *days: dt.date | None) -> list[int]:
    """The years from the earliest to the latest of `days` that only have the Monday–Friday fallback: a
    deadline counted across them is a guess until the year's holiday notice is loaded (pages say so)."""
    known = [d for d in days if d is not None]
    if not known:
        return []
    return [y for y in range(min(known).year, max(known).year + 1) if cal.basis_for_year(y) == "fallback"]
