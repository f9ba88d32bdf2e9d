"""Party-building instructors (党建指导员) and the first synchronisation (登记 → 组建准备).

An instructor is a user with the role `instructor` and a profile (full-time or part-time, the unit that sends
them, 派出单位, a phone). The body's admins, supervisors and handlers assign instructors to in-scope units
without a party organisation: one unit or several, at most `max_units_per_instructor` at once (setting, 5).
Each assignment is a row of its own (assigned → released): the history of who served a unit when.

Instructors log their work on a unit (走访 or 指导). An assignment with no visit logged for
`visit_interval_workdays` working days stalls: 催办 to the instructor, then 预警 to the body.

A unit entered in the ledger in scope without an organisation opens a preparation item (组建准备) for its body:
an instructor assigned and a first visit within `preparation_limit_workdays` working days, else 催办 to the body's
handlers, then 预警 to its supervisors. The item closes itself when both are done, or the unit gets an
organisation, or it leaves scope.

Pure rules: no Flask, no database. The service side is service/operations/flows/instructors/.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from workflows.deadlines import EscalationLadder, Rung
from workflows.errors import RuleViolation
from workflows.inputs import Input
from workflows.machine import StateDef, TransitionDef, WorkflowDefinition
from workflows.workdays import WorkdayCalendar


@dataclass(frozen=True)
class InstructorSettings:
    """How many units one instructor may serve at once (one person, several units: the campaign's cap)."""

    max_units_per_instructor: int = 5

    def __post_init__(self) -> None:
        value = self.max_units_per_instructor
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100:
            raise ValueError(f"InstructorSettings.max_units_per_instructor must be an int in 1..100, got {value!r}")


DEFAULT_SETTINGS = InstructorSettings()


class Employment(StrEnum):
    FULL_TIME = "full_time"
    PART_TIME = "part_time"


EMPLOYMENT_LABELS: Mapping[str, str] = {Employment.FULL_TIME: "专职", Employment.PART_TIME: "兼职"}


class VisitKind(StrEnum):
    VISIT = "visit"
    GUIDANCE = "guidance"


VISIT_KIND_LABELS: Mapping[str, str] = {VisitKind.VISIT: "走访", VisitKind.GUIDANCE: "指导"}


class ReleaseReason(StrEnum):
    RELEASED = "released"  # by the body (任务调整)
    REASSIGNED = "reassigned"  # another instructor took the unit over
    FOUNDED = "founded"  # the unit founded its organisation
    LEFT_SCOPE = "left_scope"  # the unit left the must-establish scope or was deregistered


RELEASE_LABELS: Mapping[str, str] = {
    ReleaseReason.RELEASED: "解除选派",
    ReleaseReason.REASSIGNED: "改派他人",
    ReleaseReason.FOUNDED: "单位已建立党组织",
    ReleaseReason.LEFT_SCOPE: "单位不再属于应建范围",
}

_PHONE = re.compile(r"^[0-9+][0-9\- ]{6,19}$")


def check_phone(phone: str) -> None:
    if not _PHONE.match(phone):
        raise RuleViolation("phone_invalid", "联系电话格式不正确（7至20位数字，可含“-”）", field="phone")


def check_cap(serving: int, adding: int, settings: InstructorSettings = DEFAULT_SETTINGS) -> None:
    """An instructor serves at most the cap at once: `serving` now, `adding` more asked for."""
    cap = settings.max_units_per_instructor
    if serving + adding > cap:
        raise RuleViolation(
            "instructor_over_cap",
            f"每名党建指导员最多同时联系{cap}个单位（现联系{serving}个，拟新增{adding}个）",
            field="unit_ids",
            detail={"cap": cap, "serving": serving, "adding": adding},
        )


@dataclass(frozen=True)
class UnitFacts:
    """What the assignment rules need of a unit."""

    name: str
    in_scope: bool
    has_party_org: bool
    deregistered: bool


def check_assignable(unit: UnitFacts) -> None:
    """Instructors serve in-scope units without an organisation."""
    if unit.deregistered or not unit.in_scope:
        raise RuleViolation("unit_not_in_scope", f"单位「{unit.name}」不属于应建范围，无需选派指导员", field="unit_ids")
    if unit.has_party_org:
        raise RuleViolation("unit_has_party_org", f"单位「{unit.name}」已建立党组织，无需选派指导员", field="unit_ids")


def check_visit_date(visited_on: dt.date, today: dt.date, assigned_on: dt.date) -> None:
    if visited_on > today:
        raise RuleViolation("visit_in_future", "走访日期不能晚于今天", field="visited_on")
    if visited_on < assigned_on:
        raise RuleViolation("visit_before_assignment", "走访日期不能早于选派日期", field="visited_on")


def visit_due_on(last_visit_on: dt.date | None, assigned_on: dt.date, interval: int, cal: WorkdayCalendar) -> dt.date:
    """The day the next visit is due: `interval` working days after the last visit (or the assignment)."""
    return cal.add_workdays(last_visit_on or assigned_on, interval).date


def preparation_done(instructor_assigned: bool, first_visit_on: dt.date | None) -> bool:
    """Synchronisation 1 is met once the unit has an instructor who has visited it."""
    return instructor_assigned and first_visit_on is not None


def preparation_due_on(opened_on: dt.date, limit: int, cal: WorkdayCalendar) -> dt.date:
    return cal.add_workdays(opened_on, limit).date


# -- the two workflows --------------------------------------------------------------------------------------------


class AssignmentState(StrEnum):
    ACTIVE = "active"
    RELEASED = "released"


class PreparationState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


_A = AssignmentState
_P = PreparationState

# No visit logged for the interval: 催办 to the instructor at once, 预警 to the body five working days later.
VISIT_LADDER = EscalationLadder(
    "instructor_assignment",
    (Rung("reminder", 0, "notify"), Rung("warning", 5, "notify")),
    yellow_within_workdays=5,
    parameters={"visit_interval_workdays": 20},
)

INSTRUCTOR_ASSIGNMENT = WorkflowDefinition(
    name="instructor_assignment",
    label_zh="党建指导员选派",
    webhook_events=("instructor_assignment.assigned", "instructor_assignment.released"),
    escalation=VISIT_LADDER,
    settings=DEFAULT_SETTINGS,
    # The body's organisation department and working committee choose instructors (least privilege: not
    # approvers, who decide cases, nor portals or the instructors themselves).
    roles={
        "manage": ("admin", "supervisor", "handler"),
        "log": ("instructor",),
        # Not portals: a portal speaks for one unit; instructors' phones and loads are the bodies' business.
        "read": ("admin", "supervisor", "approver", "handler", "instructor"),
    },
    states=[StateDef(_A.ACTIVE, "联系中"), StateDef(_A.RELEASED, "已解除", terminal=True)],
    transitions=[TransitionDef("release", (_A.ACTIVE,), _A.RELEASED, "解除选派")],
    initial=_A.ACTIVE,
)

# A new unit without an organisation: 催办 to the body's handlers when the limit passes, 预警 to its supervisors.
PREPARATION_LADDER = EscalationLadder(
    "preparation_item",
    (Rung("reminder", 0, "notify"), Rung("warning", 5, "notify")),
    yellow_within_workdays=5,
    parameters={"preparation_limit_workdays": 20},
)

PREPARATION_ITEM = WorkflowDefinition(
    name="preparation_item",
    label_zh="组建准备",
    webhook_events=("preparation_item.opened", "preparation_item.closed"),
    escalation=PREPARATION_LADDER,
    roles={"read": ("admin", "supervisor", "approver", "handler", "instructor")},
    states=[StateDef(_P.OPEN, "准备中"), StateDef(_P.CLOSED, "已完成", terminal=True)],
    transitions=[TransitionDef("close", (_P.OPEN,), _P.CLOSED, "完成组建准备")],
    initial=_P.OPEN,
)

CLOSE_LABELS: Mapping[str, str] = {
    "done": "已选派指导员并首次走访",
    "founded": "单位已建立党组织",
    "left_scope": "单位不再属于应建范围",
}


# -- typed inputs of the commands (workflows.inputs) ---------------------------------------------------------------


@dataclass(frozen=True)
class Profile(Input):
    employment: str
    home_unit: str
    phone: str


@dataclass(frozen=True)
class Assign(Input):
    """Assign `instructor_id` to the units; `liaison`: stays on as 联络员 when the unit founds its organisation."""

    instructor_id: int
    unit_ids: tuple[int, ...]
    liaison: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit_ids", tuple(dict.fromkeys(self.unit_ids)))


@dataclass(frozen=True)
class NewVisit(Input):
    visited_on: dt.date
    kind: str
    done: str
    next_step: str | None = None
