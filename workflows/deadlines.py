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
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from workflows.errors import RuleViolation
from workflows.workdays import Basis, Deadline, WorkdayCalendar

# The largest delay any ladder setting may hold (~40 years): with the dates the API accepts (at most
# workflows.dates.LATEST_MAX_YEAR) every ladder date stays far inside what Python can represent.
MAX_SETTING_WORKDAYS = 10_000

WarningLevel = Literal["green", "yellow", "red"]

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


# --- ladders declared with their workflow, and their settings ----------------------------------------
#
# A workflow declares its item type and ladder once (`EscalationLadder`, given to its WorkflowDefinition as
# `escalation`; the approval engine declares its own for overdue steps). Settings override the declared
# numbers by one naming rule, the same for every item type (ESCALATION_SETTINGS, docs/configuration.md):
#   "<level>_after_workdays"  the delay of that level (null switches off a level declared optional),
#   "yellow_within_workdays"  when the warning light turns yellow,
#   "<parameter>"             any other working-day number the workflow declares (e.g. a preparation limit).


@dataclass(frozen=True, slots=True)
class Rung:
    """One declared level: its default delay (None: optional and off unless a setting gives it a delay)
    and the name of the effect the workflow's service module registers for it."""

    level: str
    after_workdays: int | None
    effect: str
    label_zh: str = ""

    @property
    def setting(self) -> str:
        return f"{self.level}_after_workdays"


@dataclass(frozen=True)
class EscalationLadder:
    """An item type's ladder as declared: the rungs in order, the yellow light, extra working-day parameters,
    and (for items whose deadline can be the final one set at an interview) the effect of missing it."""

    item_type: str
    rungs: tuple[Rung, ...]
    yellow_within_workdays: int = 3
    parameters: Mapping[str, int] = field(default_factory=dict)
    # The effect run when a final deadline (set at an interview) is missed: accountability (问责), off the ladder.
    final_effect: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "rungs", tuple(self.rungs))
        object.__setattr__(self, "parameters", MappingProxyType(dict(self.parameters)))
        names = [r.setting for r in self.rungs] + ["yellow_within_workdays", *self.parameters]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.item_type}: setting names clash: {names}")
        self.defaults()  # a bad declaration fails at import, not in a sweep

    @property
    def setting_names(self) -> tuple[str, ...]:
        """Every setting name the naming rule gives this item type, in declaration order."""
        return (*(r.setting for r in self.rungs), "yellow_within_workdays", *self.parameters)

    @property
    def effects(self) -> frozenset[str]:
        """The effect names a registered item type must implement."""
        return frozenset({r.effect for r in self.rungs} | ({self.final_effect} if self.final_effect else set()))

    def defaults(self) -> LadderSettings:
        return self.configure({})

    def configure(self, overrides: Mapping[str, Any], where: str = "") -> LadderSettings:
        """The declared numbers with `overrides` (by the naming rule) applied; unknown or invalid values fail."""
        where = where or self.item_type
        unknown = sorted(set(overrides) - set(self.setting_names))
        if unknown:
            raise ValueError(f"{where}: unknown settings {unknown}; known: {list(self.setting_names)}")
        values: dict[str, int | None] = {r.setting: r.after_workdays for r in self.rungs}
        values["yellow_within_workdays"] = self.yellow_within_workdays
        values.update(self.parameters)
        optional = {r.setting for r in self.rungs if r.after_workdays is None}
        for name, value in overrides.items():
            if value is None and name not in optional:
                raise ValueError(f"{where}.{name} cannot be switched off")
            values[name] = value
        for name, value in values.items():
            # Settings are edited by admins: fail at load time, not in a nightly sweep. The upper bound keeps
            # ladder arithmetic after the last accepted date from overflowing.
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_SETTING_WORKDAYS:
                raise ValueError(f"{where}.{name} must be an int in 0..{MAX_SETTING_WORKDAYS}, got {value!r}")
        settings = LadderSettings(self, MappingProxyType(values))
        settings.ladder()
        return settings


@dataclass(frozen=True)
class LadderSettings:
    """An item type's ladder numbers in force. Read a number by its setting name: `s.value("warning_after_workdays")`,
    or as an attribute (`s.warning_after_workdays`, `s.preparation_limit_workdays`)."""

    declaration: EscalationLadder
    values: Mapping[str, int | None]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LadderSettings):
            return NotImplemented
        return self.declaration is other.declaration and dict(self.values) == dict(other.values)

    def __hash__(self) -> int:
        return hash((self.declaration.item_type, tuple(sorted(self.values.items()))))

    def value(self, name: str) -> int | None:
        if name not in self.values:
            raise KeyError(f"{self.declaration.item_type} has no setting {name!r}")
        return self.values[name]

    def __getattr__(self, name: str) -> Any:
        # Only called for names that are not real attributes; dunders and privates stay unknown.
        if name.startswith("_") or name in ("declaration", "values"):
            raise AttributeError(name)
        try:
            return self.value(name)
        except KeyError:
            raise AttributeError(name) from None

    @property
    def yellow_within_workdays(self) -> int:
        return int(self.values["yellow_within_workdays"] or 0)

    def parameter(self, name: str) -> int:
        value = self.value(name)
        assert value is not None  # parameters cannot be switched off
        return value

    def ladder(self) -> Ladder:
        return Ladder(
            LadderStep(r.level, after, r.label_zh)
            for r in self.declaration.rungs
            if (after := self.values[r.setting]) is not None
        )

    def effect_of(self, level: str) -> str:
        """The effect name of a ladder level, or of the final deadline's accountability."""
        for r in self.declaration.rungs:
            if r.level == level:
                return r.effect
        if level == "accountability" and self.declaration.final_effect:
            return self.declaration.final_effect
        raise ValueError(f"{self.declaration.item_type}: no effect for level {level!r}")


@dataclass(frozen=True)
class EscalationSettings:
    """The ladders in force for every declared item type (built from the declarations, then ESCALATION_SETTINGS)."""

    items: Mapping[str, LadderSettings]

    @classmethod
    def from_declarations(
        cls, ladders: Iterable[EscalationLadder], overrides: Mapping[str, Mapping[str, Any]] | None = None
    ) -> EscalationSettings:
        declared = {ladder.item_type: ladder for ladder in ladders}
        overrides = overrides or {}
        unknown = sorted(set(overrides) - set(declared))
        if unknown:
            raise ValueError(f"ESCALATION_SETTINGS: unknown item types {unknown}; known: {sorted(declared)}")
        for name, value in overrides.items():
            if not isinstance(value, Mapping):
                raise ValueError(f"ESCALATION_SETTINGS.{name} must be a JSON object")
        return cls(
            MappingProxyType(
                {
                    name: ladder.configure(overrides.get(name, {}), f"ESCALATION_SETTINGS.{name}")
                    for name, ladder in declared.items()
                }
            )
        )

    def for_item(self, item_type: str) -> LadderSettings:
        try:
            return self.items[item_type]
        except KeyError:
            raise ValueError(f"unknown item type {item_type!r}") from None

    def ladder_for(self, item_type: str) -> Ladder:
        return self.for_item(item_type).ladder()

    def __getattr__(self, name: str) -> LadderSettings:
        # `settings.escalation.supervision_ticket`: an item type by name, like a field.
        if name.startswith("_") or name == "items":
            raise AttributeError(name)
        try:
            return self.items[name]
        except KeyError:
            raise AttributeError(name) from None
