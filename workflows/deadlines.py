"""Warning lights and the escalation ladder for items with a deadline (pure rules, no I/O).

Warning light (``warning_level``): "days left" is the number of working days in (today, deadline],
i.e. today does not count and the deadline day does (when it is a working day). Red when
today > deadline; yellow when days left <= ``yellow_within_workdays`` (so "due today" is yellow with
0 days left); green otherwise.

Escalation ladder: the steps of a ladder are sequential and each step's ``after_workdays`` is a
delay in working days, counted with ``WorkdayCalendar.add_workdays`` (0 = the same day if it is a
working day, else the next working day):

- the first step (or ``start_level`` for urgent items) is anchored on the first working day after
  the deadline, i.e. falls due on ``add_workdays(deadline, after_workdays + 1)``. An item whose
  deadline is Friday is red from Saturday, but its reminder goes out on Monday, when someone reads it.
- every later step is anchored on the day the previous step *actually happened* (``reached_on``),
  not on the theoretical schedule. After downtime, a sweep therefore finds at most the next step
  due, performs it, and the one after is scheduled from that day: no burst of levels at once.

The sweep stores ``next_escalation.due_on`` as ``next_escalation_at`` on the item, selects items with
``next_escalation_at <= today`` through one index, performs the step, stores ``reached_level`` /
``reached_on`` and asks ``next_escalation`` again. Accountability (问责) is not on the ladder: it follows
only a missed post-interview deadline (``accountability_due``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Literal

from workflows.errors import RuleViolation
from workflows.workdays import Basis, Deadline, WorkdayCalendar

# The largest delay any ladder setting may hold (~40 years): with the dates the API accepts (at most
# workflows.dates.LATEST_MAX_YEAR) every ladder date stays far inside what Python can represent.
MAX_SETTING_WORKDAYS = 10_000

WarningLevel = Literal["green", "yellow", "red"]
ItemType = Literal["supervision_ticket", "approval_task", "establishment"]

WARNING_LABELS: Mapping[str, str] = MappingProxyType({"green": "绿灯 正常", "yellow": "黄灯 临期", "red": "红灯 逾期"})

LEVEL_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "reminder": "催办",
        "warning": "预警",
        "red_notice": "红色通报",
        "interview": "约谈",
        "accountability": "问责",
        "escalate_to_superior": "上报上级",
    }
)


def warning_level(
    today: dt.date, deadline: dt.date, calendar: WorkdayCalendar, yellow_within_workdays: int = 3
) -> WarningLevel:
    """Green / yellow / red for an open item (see the module docstring for how days left are counted)."""
    if yellow_within_workdays < 0:
        raise ValueError("yellow_within_workdays must be >= 0")
    if today > deadline:
        return "red"
    if calendar.workdays_between(today, deadline) <= yellow_within_workdays:
        return "yellow"
    return "green"


# --- escalation ladder ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LadderStep:
    """One level; ``after_workdays`` is the delay after the previous step (the deadline for the first)."""

    level: str
    after_workdays: int
    label_zh: str = ""  # defaults to LEVEL_LABELS[level]

    def __post_init__(self) -> None:
        if not 0 <= self.after_workdays <= MAX_SETTING_WORKDAYS:
            raise ValueError(f"after_workdays of {self.level!r} must be in 0..{MAX_SETTING_WORKDAYS}")
        if not self.label_zh:
            if self.level not in LEVEL_LABELS:
                raise ValueError(f"no Chinese label for level {self.level!r}: pass label_zh")
            object.__setattr__(self, "label_zh", LEVEL_LABELS[self.level])


@dataclass(frozen=True, slots=True)
class Ladder:
    steps: tuple[LadderStep, ...]

    def __init__(self, steps: Iterable[LadderStep]) -> None:
        steps = tuple(steps)
        if not steps:
            raise ValueError("a ladder needs at least one step")
        levels = [s.level for s in steps]
        if len(set(levels)) != len(levels):
            raise ValueError(f"duplicate levels in ladder: {levels}")
        object.__setattr__(self, "steps", steps)

    @property
    def levels(self) -> tuple[str, ...]:
        return tuple(s.level for s in self.steps)

    def index(self, level: str, field_name: str = "level") -> int:
        for i, step in enumerate(self.steps):
            if step.level == level:
                return i
        label = LEVEL_LABELS.get(level, level)
        raise RuleViolation("unknown_escalation_level", f"该事项的督办流程中没有“{label}”这一级。", field_name)


@dataclass(frozen=True, slots=True)
class ScheduledStep:
    level: str
    label_zh: str
    due_on: dt.date
    basis: Basis  # "fallback" when the date was computed through a year without official calendar data

    def is_due(self, today: dt.date) -> bool:
        return self.due_on <= today


def _schedule(step: LadderStep, deadline: Deadline) -> ScheduledStep:
    return ScheduledStep(step.level, step.label_zh, deadline.date, deadline.basis)


def next_escalation(
    ladder: Ladder,
    deadline: dt.date,
    reached_level: str | None,
    calendar: WorkdayCalendar,
    start_level: str | None = None,
    *,
    reached_on: dt.date | None = None,
) -> ScheduledStep | None:
    """The next level not yet reached and the day it falls due; None when the ladder is exhausted.

    ``reached_level`` / ``reached_on``: the last level performed and the day it was performed
    (required together). ``start_level`` lets an urgent item skip the lower levels: it takes the first
    step's place and timing; it may also be set later (an item that turns urgent after a reminder jumps
    straight to ``start_level``).
    """
    start_index = ladder.index(start_level, "start_level") if start_level is not None else 0
    if reached_level is None:
        step = ladder.steps[start_index]
        # The ladder's entry point is the first working day after the deadline, delayed by the first
        # step's offset; a skipped-to level inherits that timing, otherwise "urgent" would mean "later".
        first = ladder.steps[0]
        return _schedule(step, calendar.add_workdays(deadline, first.after_workdays + 1))
    if reached_on is None:
        raise ValueError("reached_on is required when reached_level is given")
    next_index = max(ladder.index(reached_level, "reached_level") + 1, start_index)
    if next_index >= len(ladder.steps):
        return None
    step = ladder.steps[next_index]
    return _schedule(step, calendar.add_workdays(reached_on, step.after_workdays))


def planned_escalations(
    ladder: Ladder, deadline: dt.date, calendar: WorkdayCalendar, start_level: str | None = None
) -> list[ScheduledStep]:
    """The whole ladder as planned if every level happens on its due day (for display: 预计时间).

    Real scheduling must use ``next_escalation`` with the actual ``reached_on`` of each level.
    """
    plan: list[ScheduledStep] = []
    reached: ScheduledStep | None = None
    while True:
        nxt = next_escalation(
            ladder,
            deadline,
            reached.level if reached else None,
            calendar,
            start_level,
            reached_on=reached.due_on if reached else None,
        )
        if nxt is None:
            return plan
        if reached is not None and reached.basis == "fallback":
            nxt = ScheduledStep(nxt.level, nxt.label_zh, nxt.due_on, "fallback")  # built on a guessed date
        plan.append(nxt)
        reached = nxt


def accountability_due(post_interview_deadline: dt.date, today: dt.date) -> bool:
    """Accountability (问责) becomes due once the deadline set at the interview has passed unmet.

    The caller asks only while the interview commitments are still unfulfilled; like the red light,
    the deadline day itself is still within time.
    """
    return today > post_interview_deadline


def accountability_scheduled(post_interview_deadline: dt.date, calendar: WorkdayCalendar) -> ScheduledStep:
    """The working day on which the sweep should raise accountability, for ``next_escalation_at``."""
    due = calendar.add_workdays(post_interview_deadline, 1)
    return ScheduledStep("accountability", LEVEL_LABELS["accountability"], due.date, due.basis)


# --- settings per item type ----------------------------------------------------------------------


def _check_non_negative(
    settings: SupervisionTicketSettings | ApprovalTaskSettings | EstablishmentEscalationSettings,
) -> None:
    # Settings come from configuration edited by admins: fail at load time, not in a nightly sweep.
    # The upper bound keeps ladder arithmetic after the last accepted date from overflowing.
    for f in fields(settings):
        value = getattr(settings, f.name)
        if isinstance(value, int) and not 0 <= value <= MAX_SETTING_WORKDAYS:
            raise ValueError(f"{type(settings).__name__}.{f.name} must be in 0..{MAX_SETTING_WORKDAYS}, got {value}")


@dataclass(frozen=True, slots=True)
class SupervisionTicketSettings:
    """督办单: 催办 on the first overdue working day, 预警 (to the head and the supervisor), then 约谈."""

    yellow_within_workdays: int = 3
    reminder_after_workdays: int = 0
    warning_after_workdays: int = 3
    # 红色通报 is optional and off by default; when set it sits between 预警 and 约谈.
    red_notice_after_workdays: int | None = None
    interview_after_workdays: int = 3

    def __post_init__(self) -> None:
        _check_non_negative(self)

    def ladder(self) -> Ladder:
        steps = [
            LadderStep("reminder", self.reminder_after_workdays),
            LadderStep("warning", self.warning_after_workdays),
        ]
        if self.red_notice_after_workdays is not None:
            steps.append(LadderStep("red_notice", self.red_notice_after_workdays))
        steps.append(LadderStep("interview", self.interview_after_workdays))
        return Ladder(steps)


@dataclass(frozen=True, slots=True)
class ApprovalTaskSettings:
    """审批任务: 催办 to the approvers when overdue, then 上报上级 to the body above."""

    yellow_within_workdays: int = 3
    reminder_after_workdays: int = 0
    escalate_after_workdays: int = 3

    def __post_init__(self) -> None:
        _check_non_negative(self)

    def ladder(self) -> Ladder:
        return Ladder(
            [
                LadderStep("reminder", self.reminder_after_workdays),
                LadderStep("escalate_to_superior", self.escalate_after_workdays),
            ]
        )


@dataclass(frozen=True, slots=True)
class EstablishmentEscalationSettings:
    """建组案件 stuck in preparation (筹备): the limit sets the deadline, then 催办 and 预警."""

    preparation_limit_workdays: int = 30
    yellow_within_workdays: int = 3
    reminder_after_workdays: int = 0
    warning_after_workdays: int = 5

    def __post_init__(self) -> None:
        _check_non_negative(self)

    def ladder(self) -> Ladder:
        return Ladder(
            [
                LadderStep("reminder", self.reminder_after_workdays),
                LadderStep("warning", self.warning_after_workdays),
            ]
        )

    def preparation_deadline(self, preparation_started_on: dt.date, calendar: WorkdayCalendar) -> Deadline:
        """The last day preparation may last (the start day itself does not count)."""
        return calendar.add_workdays(preparation_started_on, self.preparation_limit_workdays)


@dataclass(frozen=True, slots=True)
class EscalationSettings:
    """All ladder settings; the service loads one of these from its configuration."""

    supervision_ticket: SupervisionTicketSettings = field(default_factory=SupervisionTicketSettings)
    approval_task: ApprovalTaskSettings = field(default_factory=ApprovalTaskSettings)
    establishment: EstablishmentEscalationSettings = field(default_factory=EstablishmentEscalationSettings)

    def for_item(
        self, item_type: ItemType
    ) -> SupervisionTicketSettings | ApprovalTaskSettings | EstablishmentEscalationSettings:
        if item_type == "supervision_ticket":
            return self.supervision_ticket
        if item_type == "approval_task":
            return self.approval_task
        if item_type == "establishment":
            return self.establishment
        raise ValueError(f"unknown item type {item_type!r}")

    def ladder_for(self, item_type: ItemType) -> Ladder:
        return self.for_item(item_type).ladder()
