"""The five synchronisations (五个同步), steps 2–4: party activities, annual inspections, party-work indicators.

2. When a unit operates, its party work operates: organisations (the body's handlers) and instructors record
   party activities (党组织活动) against a unit; a unit operating for a year or more with no activity in the last
   year is listed (`inactive`).
3. At the annual inspection (年检) its party work is checked: one record per unit per year with the date, the
   result and whether party work was checked; the units inspected without it are listed.
4. At evaluation party work is an indicator: the share of in-scope units with an activity in the last year, and
   the share of this year's inspections that checked party work (`PartyWork`), in the coverage report and the
   circulars' ranking by party work.

Pure rules: no Flask, no database. The service side is service/operations/flows/synchronisation/.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from workflows.errors import RuleViolation
from workflows.inputs import Input
from workflows.machine import StateDef, TransitionDef, WorkflowDefinition


@dataclass(frozen=True)
class SynchronisationSettings:
    """`PARTY_ACTIVITY_SETTINGS`: how long a unit operates before activities are expected (months), and how far
    back an activity still counts (months)."""

    operating_months: int = 12
    activity_window_months: int = 12

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 120:
                raise ValueError(f"SynchronisationSettings.{f.name} must be an int in 1..120, got {value!r}")


DEFAULT_SETTINGS = SynchronisationSettings()


class ActivityKind(StrEnum):
    theme_day = "theme_day"
    three_meetings = "three_meetings"
    volunteer = "volunteer"
    training = "training"
    other = "other"


ACTIVITY_KIND_LABELS: Mapping[str, str] = MappingProxyType(
    {
        ActivityKind.theme_day: "主题党日",
        ActivityKind.three_meetings: "三会一课",
        ActivityKind.volunteer: "志愿服务",
        ActivityKind.training: "培训",
        ActivityKind.other: "其他",
    }
)


class InspectionResult(StrEnum):
    passed = "passed"
    basically_passed = "basically_passed"
    failed = "failed"


INSPECTION_RESULT_LABELS: Mapping[str, str] = MappingProxyType(
    {
        InspectionResult.passed: "合格",
        InspectionResult.basically_passed: "基本合格",
        InspectionResult.failed: "不合格",
    }
)

MAX_ATTENDANCE = 100_000


# -- dates -----------------------------------------------------------------------------------------------------


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier; the month's last day when it has no such day (03-31 → 02-28)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def window_start(today: dt.date, settings: SynchronisationSettings = DEFAULT_SETTINGS) -> dt.date:
    """The first day an activity still counts as recent: `activity_window_months` ago, inclusive."""
    return months_before(today, settings.activity_window_months)


def operating_cutoff(today: dt.date, settings: SynchronisationSettings = DEFAULT_SETTINGS) -> dt.date:
    """A unit in the ledger since this day or earlier has operated long enough to be expected to be active."""
    return months_before(today, settings.operating_months)


def inactive(
    operating_since: dt.date,
    last_activity_on: dt.date | None,
    today: dt.date,
    settings: SynchronisationSettings = DEFAULT_SETTINGS,
) -> bool:
    """An operating unit in the ledger for `operating_months` or more with no activity since `window_start`.
    (The SQL of service/operations/flows/synchronisation/activities.py applies the same rule; tests hold them
    equal.)"""
    if operating_since > operating_cutoff(today, settings):
        return False
    return last_activity_on is None or last_activity_on < window_start(today, settings)


# -- activities ------------------------------------------------------------------------------------------------


def check_activity(held_on: dt.date, attendance: int, today: dt.date) -> None:
    """An activity already held (not in the future), with at least one person present."""
    if held_on > today:
        raise RuleViolation("activity_in_future", "活动日期不能晚于今天", field="held_on")
    if not 1 <= attendance <= MAX_ATTENDANCE:
        raise RuleViolation(
            "attendance_out_of_range",
            f"参加人数须为1至{MAX_ATTENDANCE}人",
            field="attendance",
            detail={"min": 1, "max": MAX_ATTENDANCE},
        )


def _reason_given(model: Any, kwargs: Mapping[str, Any]) -> bool:
    reason = kwargs.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise RuleViolation("reason_required", "须说明理由", field="reason")
    return True


# -- annual inspections ----------------------------------------------------------------------------------------


def check_inspection(year: int, inspected_on: dt.date, today: dt.date) -> None:
    """An inspection of a year not yet to come, on a day within that year and not in the future."""
    if year > today.year:
        raise RuleViolation("inspection_year_in_future", "年检年度不能晚于今年", field="year")
    if inspected_on.year != year:
        raise RuleViolation("inspection_outside_year", f"年检日期须在{year}年内", field="inspected_on")
    if inspected_on > today:
        raise RuleViolation("inspection_in_future", "年检日期不能晚于今天", field="inspected_on")


def _rate(numerator: int, denominator: int) -> float | None:
    """As workflows.coverage.rate (4 places; None with nothing to divide by): that module reads this one."""
    return round(numerator / denominator, 4) if denominator > 0 else None


# -- the indicators --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartyWork:
    """The party-work indicators of a body: in-scope units and those with an activity in the window; this year's
    annual inspections and those that checked party work."""

    units: int = 0
    active_units: int = 0
    inspections: int = 0
    checked: int = 0

    def __post_init__(self) -> None:
        if min(self.units, self.active_units, self.inspections, self.checked) < 0:
            raise ValueError(f"negative party-work counts: {self}")
        if self.active_units > self.units or self.checked > self.inspections:
            raise ValueError(f"inconsistent party-work counts: {self}")

    @property
    def activity_rate(self) -> float | None:
        """Units with an activity in the window ÷ in-scope units (None: no unit in scope)."""
        return _rate(self.active_units, self.units)

    @property
    def checked_rate(self) -> float | None:
        """Inspections that checked party work ÷ this year's inspections (None: no inspection yet)."""
        return _rate(self.checked, self.inspections)

    def __add__(self, other: PartyWork) -> PartyWork:
        return PartyWork(
            self.units + other.units,
            self.active_units + other.active_units,
            self.inspections + other.inspections,
            self.checked + other.checked,
        )

    def flat(self) -> dict[str, Any]:
        return {
            "active_units": self.active_units,
            "activity_rate": self.activity_rate,
            "inspections": self.inspections,
            "inspections_checked": self.checked,
            "party_work_checked_rate": self.checked_rate,
        }


# -- the declarations ------------------------------------------------------------------------------------------


class ActivityState(StrEnum):
    RECORDED = "recorded"
    WITHDRAWN = "withdrawn"


class InspectionState(StrEnum):
    RECORDED = "recorded"


PARTY_ACTIVITY = WorkflowDefinition(
    name="party_activity",
    label_zh="党组织活动",
    webhook_events=("party_activity.recorded",),
    settings=DEFAULT_SETTINGS,
    # The body's handlers record for the units of their area, instructors for the units they guide.
    roles={
        "record": ("admin", "handler", "instructor"),
        "read": ("admin", "supervisor", "approver", "handler", "instructor"),
    },
    states=[
        StateDef(ActivityState.RECORDED, "已登记"),
        StateDef(ActivityState.WITHDRAWN, "已撤销", terminal=True),
    ],
    transitions=[
        TransitionDef(
            "correct", (ActivityState.RECORDED,), ActivityState.RECORDED, "更正", conditions=(_reason_given,)
        ),
        TransitionDef(
            "withdraw", (ActivityState.RECORDED,), ActivityState.WITHDRAWN, "撤销登记", conditions=(_reason_given,)
        ),
    ],
    initial=ActivityState.RECORDED,
)

ANNUAL_INSPECTION = WorkflowDefinition(
    name="annual_inspection",
    label_zh="年检同步检查党建工作",
    webhook_events=("annual_inspection.recorded",),
    # The bodies' supervisors and handlers record the inspection and whether party work was checked.
    roles={
        "record": ("admin", "supervisor", "handler"),
        "read": ("admin", "supervisor", "approver", "handler", "instructor"),
    },
    states=[StateDef(InspectionState.RECORDED, "已登记")],
    transitions=[
        TransitionDef(
            "correct", (InspectionState.RECORDED,), InspectionState.RECORDED, "更正", conditions=(_reason_given,)
        ),
    ],
    initial=InspectionState.RECORDED,
)


# -- typed inputs of the commands (workflows.inputs) -----------------------------------------------------------


@dataclass(frozen=True)
class NewActivity(Input):
    unit_id: int
    kind: str
    held_on: dt.date
    attendance: int
    description: str


@dataclass(frozen=True)
class ActivityCorrection(Input):
    """The activity as it should read, and why it is corrected."""

    kind: str
    held_on: dt.date
    attendance: int
    description: str
    reason: str


@dataclass(frozen=True)
class NewInspection(Input):
    unit_id: int
    year: int
    inspected_on: dt.date
    result: str
    party_work_checked: bool
    note: str | None = None


@dataclass(frozen=True)
class InspectionCorrection(Input):
    inspected_on: dt.date
    result: str
    party_work_checked: bool
    reason: str
    note: str | None = None
