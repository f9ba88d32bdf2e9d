"""Coverage rules (pure): how a unit is counted, the three rates, the projection, and the circular's
rankings and lagging rule.

A unit in scope (应建单位) is counted exactly once, in the first class that applies:
1. **own organisation** — it has a party organisation of any form but a joint branch;
2. **joint organisation** — its organisation is a joint branch (联合党支部); a joint branch covering three
   units covers each of them once, so it adds three to the covered units, never more or less;
3. **instructor only** — no organisation, but a party-building instructor (党建指导员);
4. **neither** — 应建未建.
A unit with both an organisation and an instructor counts as covered by the organisation.

Rates are fractions (1.0 = 100%), rounded to 4 places; a jurisdiction with no unit in scope has *no rate*
(None), never 0 and never a division error.
- organisation coverage rate (组织覆盖率) = (own + joint) / units
- work coverage rate (工作覆盖率) = (own + joint + instructor only) / units
- standalone rate (单独组建率) = own / units
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from workflows.synchronisation import PartyWork

# Organisation forms that cover several units together.
JOINT_FORMS: frozenset[str] = frozenset({"joint_branch"})


class CoverageClass(StrEnum):
    OWN_ORG = "own_org"
    JOINT_ORG = "joint_org"
    INSTRUCTOR_ONLY = "instructor_only"
    NEITHER = "neither"


COVERAGE_CLASS_LABELS: Mapping[CoverageClass, str] = MappingProxyType(
    {
        CoverageClass.OWN_ORG: "单独建立党组织",
        CoverageClass.JOINT_ORG: "联合建立党组织",
        CoverageClass.INSTRUCTOR_ONLY: "仅选派党建指导员",
        CoverageClass.NEITHER: "应建未建",
    }
)


def classify(*, org_form: str | None, has_instructor: bool) -> CoverageClass:
    """The class of one in-scope unit. `org_form` is its organisation's form (None: no organisation).
    The SQL aggregates in service/operations/reports/coverage.py implement the same rule; tests hold them equal."""
    if org_form is not None:
        return CoverageClass.JOINT_ORG if org_form in JOINT_FORMS else CoverageClass.OWN_ORG
    return CoverageClass.INSTRUCTOR_ONLY if has_instructor else CoverageClass.NEITHER


def rate(numerator: int, denominator: int) -> float | None:
    """A rate rounded to 4 places (0.1234 = 12.34%); None when there is nothing to divide by."""
    if denominator <= 0:
        return None
    return round(numerator / denominator, 4)


@dataclass(frozen=True)
class Counts:
    """Units in scope and how they are covered (each unit in exactly one class)."""

    units: int = 0
    own_org: int = 0
    joint_org: int = 0
    instructor_only: int = 0

    def __post_init__(self) -> None:
        if min(self.units, self.own_org, self.joint_org, self.instructor_only) < 0 or self.neither < 0:
            raise ValueError(f"inconsistent coverage counts: {self}")

    @property
    def neither(self) -> int:
        return self.units - self.own_org - self.joint_org - self.instructor_only

    @property
    def org_covered(self) -> int:
        return self.own_org + self.joint_org

    @property
    def work_covered(self) -> int:
        return self.own_org + self.joint_org + self.instructor_only

    @property
    def org_coverage_rate(self) -> float | None:
        return rate(self.org_covered, self.units)

    @property
    def work_coverage_rate(self) -> float | None:
        return rate(self.work_covered, self.units)

    @property
    def standalone_rate(self) -> float | None:
        return rate(self.own_org, self.units)

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.units + other.units,
            self.own_org + other.own_org,
            self.joint_org + other.joint_org,
            self.instructor_only + other.instructor_only,
        )

    def add(self, cls: CoverageClass, n: int = 1) -> Counts:
        if cls is CoverageClass.NEITHER:
            return replace(self, units=self.units + n)
        return replace(self, units=self.units + n, **{cls.value: getattr(self, cls.value) + n})


def count_units(units: Iterable[tuple[str | None, bool]]) -> Counts:
    """Counts of (org_form, has_instructor) pairs: the reference the SQL aggregate is tested against."""
    out = Counts()
    for org_form, has_instructor in units:
        out = out.add(classify(org_form=org_form, has_instructor=has_instructor))
    return out


@dataclass(frozen=True)
class CaseAges:
    """Open establishment cases and their age in days (from the day preparation started)."""

    open_cases: int = 0
    oldest_days: int | None = None
    total_days: int = 0

    @property
    def mean_days(self) -> float | None:
        return round(self.total_days / self.open_cases, 1) if self.open_cases else None

    def __add__(self, other: CaseAges) -> CaseAges:
        oldest = [d for d in (self.oldest_days, other.oldest_days) if d is not None]
        return CaseAges(
            self.open_cases + other.open_cases, max(oldest) if oldest else None, self.total_days + other.total_days
        )


@dataclass(frozen=True)
class Figures:
    """The report's figures for one jurisdiction (or one child, or one unit kind)."""

    counts: Counts = field(default_factory=Counts)
    cases: CaseAges | None = field(default_factory=CaseAges)
    # The party-work indicators (五个同步 4): its `units` are `counts.units`.
    party_work: PartyWork = field(default_factory=PartyWork)

    def __add__(self, other: Figures) -> Figures:
        cases = None if self.cases is None or other.cases is None else self.cases + other.cases
        return Figures(self.counts + other.counts, cases, self.party_work + other.party_work)

    def flat(self) -> dict[str, Any]:
        """Plain values (for JSON, snapshots and spreadsheet writers)."""
        c = self.counts
        out: dict[str, Any] = {
            "units": c.units,
            "own_org": c.own_org,
            "joint_org": c.joint_org,
            "instructor_only": c.instructor_only,
            "neither": c.neither,
            "org_coverage_rate": c.org_coverage_rate,
            "work_coverage_rate": c.work_coverage_rate,
            "standalone_rate": c.standalone_rate,
        }
        cases = self.cases
        out |= {  # null where cases are not counted (the by-kind rows)
            "open_cases": None if cases is None else cases.open_cases,
            "oldest_case_days": None if cases is None else cases.oldest_days,
            "mean_case_days": None if cases is None else cases.mean_days,
        }
        return out | self.party_work.flat()


# -- months ----------------------------------------------------------------------------------------------------


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def previous_month_end(today: dt.date) -> dt.date:
    """The month end just passed (for 2026-10-01 and 2026-10-31 alike: 2026-09-30)."""
    return today.replace(day=1) - dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The month end `months` after the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return month_end(dt.date(index // 12, index % 12 + 1, 1))


def months_between(earlier: dt.date, later: dt.date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def month_ends_after(last_done: dt.date | None, upto: dt.date, *, limit: int) -> list[dt.date]:
    """The month ends after `last_done` up to `upto` (the month just ended), oldest first, at most `limit`
    (the newest ones). With nothing done yet, only `upto`: a new deployment does not invent a past."""
    if last_done is None or last_done >= upto:
        return [upto]
    n = min(months_between(last_done, upto), limit)
    return [add_months(upto, -k) for k in range(n - 1, -1, -1)]


# -- projection ------------------------------------------------------------------------------------------------


class ProjectionStatus(StrEnum):
    REACHED = "reached"  # the latest snapshot is at or above the target
    REACHING = "reaching"  # at the pace of the last three month ends, reached on `reaches_on`
    NOT_AT_THIS_PACE = "not_at_this_pace"  # the pace is zero or negative
    INSUFFICIENT_DATA = "insufficient_data"  # fewer than two month-end snapshots with a rate
    NO_RATE = "no_rate"  # no unit in scope at the latest month end


PROJECTION_LABELS: Mapping[ProjectionStatus, str] = MappingProxyType(
    {
        ProjectionStatus.REACHED: "已达到目标",
        ProjectionStatus.REACHING: "按当前进度预计达到目标",
        ProjectionStatus.NOT_AT_THIS_PACE: "按当前进度无法达到目标",
        ProjectionStatus.INSUFFICIENT_DATA: "月末数据不足，无法测算",
        ProjectionStatus.NO_RATE: "无应建单位，无覆盖率",
    }
)

PACE_WINDOW = 3  # month-end snapshots the pace is measured over


@dataclass(frozen=True)
class Point:
    month_end: dt.date
    rate: float | None


@dataclass(frozen=True)
class Projection:
    status: ProjectionStatus
    target: float
    current_rate: float | None = None
    # Rate change per month (fraction per month) over the snapshots in `basis`.
    pace_per_month: float | None = None
    reaches_on: dt.date | None = None
    basis: tuple[dt.date, ...] = ()

    @property
    def label(self) -> str:
        return PROJECTION_LABELS[self.status]


def project(points: Sequence[Point], target: float) -> Projection:
    """When the rate reaches `target` at the pace of the last three month-end snapshots.

    pace = (latest rate − rate of the oldest of the last three) / months between them; the target is
    reached at the month end `ceil((target − latest) / pace)` months after the latest snapshot. Gaps are
    allowed (the pace divides by the real number of months). Fewer than two points: insufficient data."""
    ordered = sorted(points, key=lambda p: p.month_end)
    if not ordered:
        return Projection(ProjectionStatus.INSUFFICIENT_DATA, target)
    latest = ordered[-1]
    if latest.rate is None:
        return Projection(ProjectionStatus.NO_RATE, target, basis=(latest.month_end,))
    if latest.rate >= target:
        return Projection(ProjectionStatus.REACHED, target, latest.rate, basis=(latest.month_end,))
    window = [p for p in ordered if p.rate is not None][-PACE_WINDOW:]
    if len(window) < 2:
        return Projection(ProjectionStatus.INSUFFICIENT_DATA, target, latest.rate, basis=(latest.month_end,))
    first = window[0]
    assert first.rate is not None
    pace = (latest.rate - first.rate) / months_between(first.month_end, latest.month_end)
    basis = tuple(p.month_end for p in window)
    if pace <= 0:
        return Projection(ProjectionStatus.NOT_AT_THIS_PACE, target, latest.rate, round(pace, 6), basis=basis)
    # A small tolerance so a pace that lands exactly on the target is not pushed a month later by rounding.
    months = max(1, math.ceil((target - latest.rate) / pace - 1e-9))
    return Projection(
        ProjectionStatus.REACHING, target, latest.rate, round(pace, 6), add_months(latest.month_end, months), basis
    )


# -- circular: rankings and lagging ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChildStanding:
    """One child jurisdiction's figures for a circular."""

    jurisdiction_id: int
    name: str
    counts: Counts
    # Organisation coverage rate at the period end minus at its start (None: no baseline snapshot).
    progress: float | None
    tickets_closed_on_time: int = 0
    tickets_closed_late: int = 0
    tickets_overdue: int = 0
    interviews_held: int = 0
    # The party-work indicators (五个同步 4) at the period end.
    party_work: PartyWork = field(default_factory=PartyWork)


class LaggingReason(StrEnum):
    BELOW_AVERAGE = "below_average"
    NO_PROGRESS = "no_progress"
    OVERDUE_TICKETS = "overdue_tickets"


LAGGING_LABELS: Mapping[LaggingReason, str] = MappingProxyType(
    {
        LaggingReason.BELOW_AVERAGE: "组织覆盖率低于全域平均水平",
        LaggingReason.NO_PROGRESS: "本期组织覆盖率未提升且未达目标",
        LaggingReason.OVERDUE_TICKETS: "存在逾期未整改的督办事项",
    }
)


def lagging_reasons(child: ChildStanding, overall_rate: float | None, target: float) -> list[LaggingReason]:
    """The circular's lagging rule (点名通报). A child is lagging when at least one holds:
    - its organisation coverage rate is below the whole jurisdiction's (the circular's own total);
    - over the period its rate did not rise (progress <= 0) while still below the target;
    - it has supervision tickets past their rectification deadline and still open.
    A child with no unit in scope has no rate and is never lagging on the first two counts."""
    reasons = []
    rate_now = child.counts.org_coverage_rate
    if rate_now is not None and overall_rate is not None and rate_now < overall_rate:
        reasons.append(LaggingReason.BELOW_AVERAGE)
    if rate_now is not None and rate_now < target and child.progress is not None and child.progress <= 0:
        reasons.append(LaggingReason.NO_PROGRESS)
    if child.tickets_overdue > 0:
        reasons.append(LaggingReason.OVERDUE_TICKETS)
    return reasons


def _competition_ranks(
    items: Sequence[ChildStanding], key: Callable[[ChildStanding], Any]
) -> list[tuple[int, ChildStanding]]:
    """Standard competition ranking ("1224"): equal keys share a rank. `key` sorts best first."""
    ordered = sorted(items, key=lambda c: (key(c), c.name, c.jurisdiction_id))
    out: list[tuple[int, ChildStanding]] = []
    for position, child in enumerate(ordered, start=1):
        rank = out[-1][0] if out and key(out[-1][1]) == key(child) else position
        out.append((rank, child))
    return out


def _desc_none_last(value: float | None) -> tuple[int, float]:
    return (1, 0.0) if value is None else (0, -value)


def rank_by_coverage(children: Sequence[ChildStanding]) -> list[tuple[int, ChildStanding]]:
    """Organisation coverage rate, then work coverage rate, highest first; no rate last."""
    return _competition_ranks(
        children,
        lambda c: (_desc_none_last(c.counts.org_coverage_rate), _desc_none_last(c.counts.work_coverage_rate)),
    )


def rank_by_progress(children: Sequence[ChildStanding]) -> list[tuple[int, ChildStanding]]:
    """Rise of the organisation coverage rate over the period, largest first; no baseline last."""
    return _competition_ranks(children, lambda c: _desc_none_last(c.progress))


def rank_by_supervision(children: Sequence[ChildStanding]) -> list[tuple[int, ChildStanding]]:
    """Fewest overdue tickets, then most closed on time, then fewest closed late, then fewest interviews
    (an interview is itself a sign the body lagged)."""
    return _competition_ranks(
        children,
        lambda c: (c.tickets_overdue, -c.tickets_closed_on_time, c.tickets_closed_late, c.interviews_held),
    )


def rank_by_party_work(children: Sequence[ChildStanding]) -> list[tuple[int, ChildStanding]]:
    """The party-work indicators (五个同步 4): the share of units with a party activity in the last year, then
    the share of this year's annual inspections that checked party work, highest first; no rate last. A ranking
    of its own beside the coverage ranking, never mixed into it (docs/decisions/0054)."""
    return _competition_ranks(
        children,
        lambda c: (_desc_none_last(c.party_work.activity_rate), _desc_none_last(c.party_work.checked_rate)),
    )


def percent(value: float | None) -> str:
    """12.5% style for documents; "—" for no rate."""
    return "—" if value is None else f"{value * 100:.1f}%"
