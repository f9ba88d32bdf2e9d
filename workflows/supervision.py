"""Supervision tickets (督办单): issue → acknowledge → rectify → report → close (pure rules, no I/O).

A supervising department issues a ticket to a lagging unit (a county, a township, an industry committee) with a
problem list (问题清单), the required measure for each problem and a rectification deadline. The handling unit
acknowledges (签收), rectifies (整改) and reports (报送整改情况); the supervisor reviews and closes the ticket
(办结/销号) or returns it for more work.

State machine `SUPERVISION_TICKET` (one shared machine, see workflows.machine)::

    draft --issue--> issued --acknowledge--> acknowledged --start_rectification--> rectifying
    rectifying --submit_report--> submitted --close--> closed
                                  submitted --return_for_rework--> rectifying
    draft|issued|acknowledged|rectifying|submitted --cancel--> cancelled

Design calls (the lead should know these):

- `acknowledge` always lands in `acknowledged`; it never jumps to `rectifying`. Signing for a ticket (签收) and
  starting work are separate facts with separate dates (the acknowledgement has its own deadline). A portal that
  offers "签收并开始整改" fires `acknowledge` then `start_rectification` in ONE transaction.
- Guarded transitions (they re-check inside the machine, so a row can never skip the rule):
  `submit_report` needs ``problems_reported=`` and ``problem_ids=`` and runs `check_report`;
  `return_for_rework` needs ``reason=`` (the reviewer's opinion); `cancel` needs ``reason=``.
  `issue` is not guarded: `check_ticket` needs the calendar and returns the deadlines the service must store,
  so the service calls it first (the same pattern as establishment's unit checks).
- Deadlines: `check_ticket` returns `TicketDeadlines(acknowledge_by, rectify_by)`. An explicit deadline date is
  taken as given (basis "official": nothing about it was guessed), even on a non-working day; a deadline in N
  working days uses `WorkdayCalendar.add_workdays(issued_on, N)` (the issue day never counts). The acknowledgement
  deadline (default 2 working days, `SupervisionSettings.acknowledge_workdays`) is clamped to the rectification
  deadline when the latter is earlier, so a short urgent ticket is not refused because of the default.
- The warning light follows `tracked_deadline`: `acknowledge_by` while issued, `rectify_by` while acknowledged or
  rectifying, none in draft / submitted (the ball is with the supervisor) / terminal states. The escalation ladder
  (deadlines.SupervisionTicketSettings) runs on `rectify_by` only and only in `ESCALATING_STATES`; the start level
  comes from the priority: normal → reminder (None), urgent (紧急) → warning (预警), critical (特急) → interview
  (约谈). The mapping is a setting (`SupervisionSettings.priority_start_levels`).
- Extensions (延期): may be requested up to and including the deadline day (the deadline day is still within
  time, as for the red light and accountability in workflows.deadlines); `extension_lead_workdays` (default 0)
  can demand N working days' notice. One pending request at a time (Conflict). `decide_extension` returns the
  new effective deadline; the ticket keeps its original `rectify_by` in a separate, never-updated column. After an
  approval the service recomputes `next_escalation_at` from the new deadline.
- On time (`is_on_time`): the report that led to closure was submitted on or before the EFFECTIVE deadline (an
  approved extension counts), judged by the report date, not the supervisor's closure date.
- Accountability (问责, `needs_accountability`): the deadline set at the interview has passed while the ticket is
  still with the unit (issued / acknowledged / rectifying).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Self

from workflows.deadlines import EscalationLadder, Ladder, Rung, accountability_due
from workflows.errors import Conflict, RuleViolation, member_or_refuse
from workflows.inputs import Input, Patch
from workflows.machine import StateDef, TransitionDef, WorkflowDefinition
from workflows.workdays import Deadline, WorkdayCalendar

# --- vocabulary ----------------------------------------------------------------------------------


class TicketState(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"
    ACKNOWLEDGED = "acknowledged"
    RECTIFYING = "rectifying"
    SUBMITTED = "submitted"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class Priority(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"
    CRITICAL = "critical"


PRIORITY_LABELS_ZH: Mapping[Priority, str] = MappingProxyType(
    {Priority.NORMAL: "一般", Priority.URGENT: "紧急", Priority.CRITICAL: "特急"}
)

# States in which the unit owes work: the rectification deadline runs and the ladder may escalate.
ESCALATING_STATES: frozenset[str] = frozenset({TicketState.ISSUED, TicketState.ACKNOWLEDGED, TicketState.RECTIFYING})
# States in which an extension may be requested (the deadline still binds the unit).
EXTENSION_STATES: frozenset[str] = ESCALATING_STATES

# Levels a priority may start at: the ticket ladder's levels (accountability is not on the ladder).
_START_LEVELS = frozenset({"reminder", "warning", "red_notice", "interview"})


def _default_start_levels() -> Mapping[str, str | None]:
    return {Priority.NORMAL: None, Priority.URGENT: "warning", Priority.CRITICAL: "interview"}


@dataclass(frozen=True, slots=True)
class SupervisionSettings:
    """Rules of supervision tickets; invalid values raise ValueError (configuration error, at load time)."""

    acknowledge_workdays: int = 2
    max_problems: int = 50
    max_evidence_per_problem: int = 20
    # 0: an extension may be requested up to and including the deadline day; N: at least N working days before.
    extension_lead_workdays: int = 0
    # priority -> start_level for deadlines.next_escalation (None = the ladder's first step, 催办).
    priority_start_levels: Mapping[str, str | None] = field(default_factory=_default_start_levels)

    def __post_init__(self) -> None:
        levels = MappingProxyType({str(k): v for k, v in self.priority_start_levels.items()})
        object.__setattr__(self, "priority_start_levels", levels)
        errors: list[str] = []
        for name, minimum in (
            ("acknowledge_workdays", 1),
            ("max_problems", 1),
            ("max_evidence_per_problem", 0),
            ("extension_lead_workdays", 0),
        ):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
                errors.append(f"{name} must be an int >= {minimum}, got {value!r}")
        if set(levels) != set(Priority):
            errors.append("priority_start_levels needs exactly one entry per priority")
        for priority, level in levels.items():
            if level is not None and level not in _START_LEVELS:
                errors.append(f"priority_start_levels[{priority}] = {level!r} is not a ticket ladder level")
        if errors:
            raise ValueError("invalid SupervisionSettings: " + "; ".join(errors))

    def start_level(self, priority: Priority | str, ladder: Ladder | None = None) -> str | None:
        """The escalation start level for `priority`; with `ladder`, also check that the ladder has that level."""
        level = self.priority_start_levels[_priority(priority)]
        if ladder is not None and level is not None and level not in ladder.levels:
            # e.g. a priority mapped to red_notice while the configured ladder has no red notice
            raise ValueError(f"start level {level!r} for priority {priority!r} is not in the ladder {ladder.levels}")
        return level


DEFAULT_SETTINGS = SupervisionSettings()


def _priority(priority: Priority | str) -> Priority:
    return member_or_refuse(Priority, priority, "priority", "紧急程度")


def escalation_start_level(
    priority: Priority | str, settings: SupervisionSettings = DEFAULT_SETTINGS, ladder: Ladder | None = None
) -> str | None:
    """`start_level` for deadlines.next_escalation / planned_escalations (None: start with 催办)."""
    return settings.start_level(priority, ladder)


def _blank(value: object) -> bool:
    return not isinstance(value, str) or not value.strip()


def _is_date(value: object) -> bool:
    # datetime is a subclass of date; a deadline is a calendar day.
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


# --- ticket content ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProblemInput:
    """One entry of the problem list (问题清单) and the measure required for it (整改要求)."""

    description: str
    measure: str


@dataclass(frozen=True, slots=True)
class TicketDeadlines:
    acknowledge_by: Deadline
    rectify_by: Deadline


def check_ticket(
    title: str,
    problems: Sequence[ProblemInput],
    *,
    rectification_deadline: dt.date | None = None,
    rectification_workdays: int | None = None,
    acknowledge_workdays: int | None = None,
    issued_on: dt.date,
    calendar: WorkdayCalendar,
    priority: Priority | str = Priority.NORMAL,
    settings: SupervisionSettings = DEFAULT_SETTINGS,
) -> TicketDeadlines:
    """Validate a ticket at issue time and compute its deadlines; raise the first rule that refuses it.

    Exactly one of `rectification_deadline` (a date strictly after `issued_on`) and `rectification_workdays`
    (N >= 1 working days after `issued_on`) must be given. `acknowledge_workdays` defaults to the setting.
    """
    if _blank(title):
        raise RuleViolation("title_required", "请填写督办事项标题", field="title")
    _priority(priority)
    if len(problems) < 1:
        raise RuleViolation("problems_required", "问题清单至少须列出1个问题", field="problems")
    if len(problems) > settings.max_problems:
        raise RuleViolation(
            "too_many_problems",
            f"问题清单最多{settings.max_problems}个问题，现为{len(problems)}个，请分单下发",
            field="problems",
        )
    for i, problem in enumerate(problems):
        if _blank(getattr(problem, "description", None)):
            raise RuleViolation(
                "problem_description_required", f"第{i + 1}个问题缺少问题描述", field=f"problems[{i}].description"
            )
        if _blank(getattr(problem, "measure", None)):
            raise RuleViolation(
                "problem_measure_required", f"第{i + 1}个问题缺少整改要求", field=f"problems[{i}].measure"
            )

    if rectification_deadline is not None and rectification_workdays is not None:
        raise RuleViolation(
            "rectification_deadline_ambiguous",
            "整改期限只能填写截止日期或工作日天数其中一项",
            field="rectification_deadline",
        )
    if acknowledge_workdays is None:
        acknowledge_workdays = settings.acknowledge_workdays
    if isinstance(acknowledge_workdays, bool) or not isinstance(acknowledge_workdays, int) or acknowledge_workdays < 1:
        raise RuleViolation("invalid_acknowledge_workdays", "签收期限须至少为1个工作日", field="acknowledge_workdays")
    if rectification_deadline is not None:
        if not _is_date(rectification_deadline):
            raise RuleViolation("invalid_rectification_deadline", "整改截止日期无效", field="rectification_deadline")
        if rectification_deadline <= issued_on:
            raise RuleViolation(
                "rectification_deadline_not_after_issue",
                f"整改截止日期{rectification_deadline.isoformat()}须晚于下发日期{issued_on.isoformat()}",
                field="rectification_deadline",
            )
        # An explicit date is exact: nothing about it rests on guessed calendar data.
        rectify_by = Deadline(rectification_deadline, "official")
    elif rectification_workdays is not None:
        if isinstance(rectification_workdays, bool) or not isinstance(rectification_workdays, int):
            raise RuleViolation("invalid_rectification_workdays", "整改期限天数无效", field="rectification_workdays")
        if rectification_workdays < 1:
            raise RuleViolation(
                "invalid_rectification_workdays", "整改期限须至少为1个工作日", field="rectification_workdays"
            )
        rectify_by = calendar.add_workdays(issued_on, rectification_workdays)
    else:
        raise RuleViolation(
            "rectification_deadline_required", "请填写整改截止日期或整改期限（工作日）", field="rectification_deadline"
        )

    acknowledge_by = calendar.add_workdays(issued_on, acknowledge_workdays)
    if acknowledge_by.date > rectify_by.date:
        # A short (urgent) rectification deadline also bounds the acknowledgement.
        acknowledge_by = rectify_by
    return TicketDeadlines(acknowledge_by=acknowledge_by, rectify_by=rectify_by)


def tracked_deadline(state: TicketState | str, acknowledge_by: dt.date, rectify_by: dt.date) -> dt.date | None:
    """The deadline the warning light is computed against in `state` (None: no light)."""
    state = TicketState(state)
    if state == TicketState.ISSUED:
        return acknowledge_by
    if state in (TicketState.ACKNOWLEDGED, TicketState.RECTIFYING):
        return rectify_by
    return None


# --- rectification report ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProblemReport:
    """What the unit did about one problem; `evidence` holds file references or URLs (佐证材料)."""

    problem_id: Hashable
    measures_taken: str
    evidence: Sequence[str] = ()


def check_report(
    problems_reported: Sequence[ProblemReport],
    problem_ids: Iterable[Hashable],
    settings: SupervisionSettings = DEFAULT_SETTINGS,
) -> None:
    """Every problem of the ticket reported exactly once, with measures taken and at most N evidence items."""
    expected = set(problem_ids)
    seen: set[Hashable] = set()
    for i, report in enumerate(problems_reported):
        pid = report.problem_id
        if pid not in expected:
            raise RuleViolation(
                "unknown_problem", f"问题「{pid}」不属于本督办单", field=f"problems_reported[{i}].problem_id"
            )
        if pid in seen:
            raise RuleViolation(
                "problem_reported_twice", f"问题「{pid}」重复报送", field=f"problems_reported[{i}].problem_id"
            )
        seen.add(pid)
        if _blank(report.measures_taken):
            raise RuleViolation(
                "measures_taken_required",
                f"问题「{pid}」须填写已采取的整改措施",
                field=f"problems_reported[{i}].measures_taken",
            )
        evidence = report.evidence
        if isinstance(evidence, str):  # a bare string is not a list of references
            raise RuleViolation(
                "invalid_evidence", f"问题「{pid}」的佐证材料应为列表", field=f"problems_reported[{i}].evidence"
            )
        if len(evidence) > settings.max_evidence_per_problem:
            raise RuleViolation(
                "too_much_evidence",
                f"问题「{pid}」的佐证材料最多{settings.max_evidence_per_problem}项，现为{len(evidence)}项",
                field=f"problems_reported[{i}].evidence",
            )
        for j, item in enumerate(evidence):
            if _blank(item):
                raise RuleViolation(
                    "invalid_evidence",
                    f"问题「{pid}」的第{j + 1}项佐证材料为空",
                    field=f"problems_reported[{i}].evidence[{j}]",
                )
    missing = [pid for pid in expected if pid not in seen]
    if missing:
        names = "、".join(sorted(str(pid) for pid in missing))
        raise RuleViolation("problem_not_reported", f"以下问题尚未报送整改情况：{names}", field="problems_reported")


# --- extension (延期) ----------------------------------------------------------------------------


def check_extension_request(
    today: dt.date,
    current_deadline: dt.date,
    new_deadline: dt.date | None,
    reason: str | None,
    calendar: WorkdayCalendar,
    *,
    pending: bool = False,
    state: TicketState | str | None = None,
    settings: SupervisionSettings = DEFAULT_SETTINGS,
) -> None:
    """An extension request: in time, with a reason, for a later date, and no other request pending.

    In time means `today <= current_deadline` with at least `settings.extension_lead_workdays` working days left
    (default 0: the deadline day itself is still in time). `pending`: another request awaits a decision.
    `state`, when given, must be one where the deadline binds the unit (issued / acknowledged / rectifying).
    """
    if state is not None and TicketState(state) not in EXTENSION_STATES:
        raise Conflict(
            "extension_not_allowed_in_state",
            f"督办单「{SUPERVISION_TICKET.state_label(TicketState(state))}」时不能申请延期",
            field="state",
        )
    if pending:
        raise Conflict("extension_already_pending", "已有延期申请正在审核，不能重复申请")
    lead = settings.extension_lead_workdays
    if today > current_deadline:
        raise RuleViolation(
            "extension_too_late",
            f"整改期限{current_deadline.isoformat()}已过，不能再申请延期",
            field="new_deadline",
        )
    if lead and calendar.workdays_between(today, current_deadline) < lead:
        raise RuleViolation(
            "extension_too_late",
            f"延期须在整改期限{current_deadline.isoformat()}前至少{lead}个工作日提出",
            field="new_deadline",
        )
    if _blank(reason):
        raise RuleViolation("extension_reason_required", "申请延期须说明理由", field="reason")
    if new_deadline is None or not _is_date(new_deadline):
        raise RuleViolation("extension_deadline_required", "请填写延期后的截止日期", field="new_deadline")
    if new_deadline <= current_deadline:
        raise RuleViolation(
            "extension_not_later",
            f"延期后的截止日期须晚于现截止日期{current_deadline.isoformat()}",
            field="new_deadline",
        )


@dataclass(frozen=True, slots=True)
class ExtensionDecision:
    """`effective_deadline` replaces the ticket's current deadline; `previous_deadline` stays on record."""

    approved: bool
    previous_deadline: dt.date
    requested_deadline: dt.date
    effective_deadline: dt.date
    comment: str | None


def decide_extension(
    approve: bool,
    current_deadline: dt.date,
    requested_deadline: dt.date,
    *,
    approved_deadline: dt.date | None = None,
    comment: str | None = None,
    today: dt.date | None = None,
    state: TicketState | str | None = None,
) -> ExtensionDecision:
    """The supervisor's decision on a pending request.

    Approval grants `requested_deadline`, or a shorter `approved_deadline` (after the current deadline, not after
    the requested one, and — given the decision day `today` — not already past: a request made on the deadline
    day may be decided days later). That last check applies only while the deadline binds the unit (`state` in
    `ESCALATING_STATES`, or no state given): once the unit has reported, a past date still decides whether the
    report came in time. A refusal needs a `comment` and leaves the current deadline in force.
    """
    text = comment.strip() if isinstance(comment, str) and comment.strip() else None
    if not approve:
        if text is None:
            raise RuleViolation("extension_rejection_reason_required", "不同意延期须说明理由", field="comment")
        if approved_deadline is not None:
            raise RuleViolation(
                "approved_deadline_without_approval", "不同意延期时不能填写批准的截止日期", field="approved_deadline"
            )
        return ExtensionDecision(False, current_deadline, requested_deadline, current_deadline, text)
    granted = requested_deadline if approved_deadline is None else approved_deadline
    if not _is_date(granted) or granted <= current_deadline:
        raise RuleViolation(
            "extension_not_later",
            f"批准的截止日期须晚于现截止日期{current_deadline.isoformat()}",
            field="approved_deadline",
        )
    if granted > requested_deadline:
        raise RuleViolation(
            "approved_deadline_after_requested",
            f"批准的截止日期不能晚于申请的{requested_deadline.isoformat()}",
            field="approved_deadline",
        )
    binding = state is None or TicketState(state) in ESCALATING_STATES
    if today is not None and binding and granted < today:
        raise RuleViolation(
            "approved_deadline_in_past",
            f"批准的截止日期{granted.isoformat()}已早于今天{today.isoformat()}，请重新确定",
            field="approved_deadline",
        )
    return ExtensionDecision(True, current_deadline, requested_deadline, granted, text)


# --- board metrics -------------------------------------------------------------------------------

_RATE_QUANTUM = Decimal("0.0001")


def _rate(part: int, whole: int, part_name: str, whole_name: str) -> Decimal | None:
    for name, value in ((part_name, part), (whole_name, whole)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"{name} must be an int >= 0, got {value!r}")
    if part > whole:
        raise ValueError(f"{part_name} ({part}) exceeds {whole_name} ({whole})")
    if whole == 0:
        return None  # no denominator: the board shows "—", not 0% or 100%
    return (Decimal(part) / Decimal(whole)).quantize(_RATE_QUANTUM, rounding=ROUND_HALF_UP)


def closure_rate(closed: int, total: int) -> Decimal | None:
    """办结率: closed ÷ issued tickets (a ratio in [0, 1], 4 decimals); None when there are none."""
    return _rate(closed, total, "closed", "total")


def on_time_rate(closed_on_time: int, closed: int) -> Decimal | None:
    """按期办结率: tickets closed on time ÷ closed tickets (see `is_on_time`); None when none is closed."""
    return _rate(closed_on_time, closed, "closed_on_time", "closed")


def is_on_time(reported_on: dt.date, effective_deadline: dt.date) -> bool:
    """The report that led to closure came in on or before the effective (possibly extended) deadline."""
    return reported_on <= effective_deadline


# --- accountability ------------------------------------------------------------------------------


def needs_accountability(post_interview_deadline: dt.date | None, today: dt.date, state: TicketState | str) -> bool:
    """问责: the deadline set at the interview has passed and the unit still has not reported.

    False without an interview deadline, once the unit has reported (submitted) and in terminal states.
    """
    if post_interview_deadline is None:
        return False
    return TicketState(state) in ESCALATING_STATES and accountability_due(post_interview_deadline, today)


# --- state machine -------------------------------------------------------------------------------


def _report_complete(model: Any, kwargs: Mapping[str, Any]) -> bool:
    if "problems_reported" not in kwargs or "problem_ids" not in kwargs:
        raise RuleViolation("report_required", "报送整改情况须逐项填写问题整改情况", field="problems_reported")
    check_report(kwargs["problems_reported"], kwargs["problem_ids"], kwargs.get("settings", DEFAULT_SETTINGS))
    return True


def _rework_reason_given(model: Any, kwargs: Mapping[str, Any]) -> bool:
    if _blank(kwargs.get("reason")):
        raise RuleViolation("rework_reason_required", "退回重新整改须说明审核意见", field="reason")
    return True


def _cancel_reason_given(model: Any, kwargs: Mapping[str, Any]) -> bool:
    if _blank(kwargs.get("reason")):
        raise RuleViolation("cancel_reason_required", "撤销督办单须说明理由", field="reason")
    return True


_T = TicketState
_OPEN = (_T.DRAFT, _T.ISSUED, _T.ACKNOWLEDGED, _T.RECTIFYING, _T.SUBMITTED)

# 督办单: 催办 on the first overdue working day, 预警 (to the head and the supervisor), then 约谈; 红色通报 is
# optional and off by default (between 预警 and 约谈 when set); a missed post-interview deadline means 问责.
TICKET_LADDER = EscalationLadder(
    "supervision_ticket",
    (
        Rung("reminder", 0, "notify"),
        Rung("warning", 3, "notify"),
        Rung("red_notice", None, "notify"),
        Rung("interview", 3, "propose_interview"),
    ),
    yellow_within_workdays=3,
    final_effect="hold_accountable",
)

SUPERVISION_TICKET = WorkflowDefinition(
    name="supervision_ticket",
    label_zh="督办单",
    webhook_events=("supervision_ticket.issued", "supervision_ticket.closed"),
    escalation=TICKET_LADDER,
    states=[
        StateDef(_T.DRAFT, "草稿"),
        StateDef(_T.ISSUED, "已下发"),
        StateDef(_T.ACKNOWLEDGED, "已签收"),
        StateDef(_T.RECTIFYING, "整改中"),
        StateDef(_T.SUBMITTED, "已报送整改情况"),
        StateDef(_T.CLOSED, "已办结（销号）", terminal=True),
        StateDef(_T.CANCELLED, "已撤销", terminal=True),
    ],
    transitions=[
        TransitionDef("issue", (_T.DRAFT,), _T.ISSUED, "下发"),
        TransitionDef("acknowledge", (_T.ISSUED,), _T.ACKNOWLEDGED, "签收"),
        TransitionDef("start_rectification", (_T.ACKNOWLEDGED,), _T.RECTIFYING, "开始整改"),
        TransitionDef("submit_report", (_T.RECTIFYING,), _T.SUBMITTED, "报送整改情况", conditions=(_report_complete,)),
        TransitionDef("close", (_T.SUBMITTED,), _T.CLOSED, "审核办结"),
        TransitionDef(
            "return_for_rework", (_T.SUBMITTED,), _T.RECTIFYING, "退回重新整改", conditions=(_rework_reason_given,)
        ),
        TransitionDef("cancel", _OPEN, _T.CANCELLED, "撤销", conditions=(_cancel_reason_given,)),
    ],
    initial=_T.DRAFT,
)


# -- typed inputs of the commands (workflows.inputs) --------------------------------------------------


def _problems(items: Any) -> tuple[ProblemInput, ...] | None:
    if items is None:
        return None
    return tuple(p if isinstance(p, ProblemInput) else ProblemInput(p["description"], p["measure"]) for p in items)


@dataclass(frozen=True)
class NewTicket(Input):
    title: str
    jurisdiction_id: int
    responsible_person: str
    problems: tuple[ProblemInput, ...]
    priority: str | None = None
    responsible_title: str | None = None
    rectification_deadline: dt.date | None = None
    rectification_workdays: int | None = None

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Self:
        return cls(**{**data, "problems": _problems(data["problems"])})


@dataclass(frozen=True)
class TicketChanges(Patch):
    title: str | None = None
    jurisdiction_id: int | None = None
    responsible_person: str | None = None
    priority: str | None = None
    problems: tuple[ProblemInput, ...] | None = None
    responsible_title: str | None = None
    rectification_deadline: dt.date | None = None
    rectification_workdays: int | None = None

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Self:
        values = {**data, "problems": _problems(data["problems"])} if "problems" in data else dict(data)
        return cls(**values, sent=frozenset(data))


@dataclass(frozen=True)
class RectificationReport(Input):
    problems_reported: tuple[ProblemReport, ...]
    summary: str | None = None

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Self:
        reported = tuple(
            p
            if isinstance(p, ProblemReport)
            else ProblemReport(p["problem_id"], p["measures_taken"], tuple(p.get("evidence") or ()))
            for p in data["problems_reported"]
        )
        return cls(problems_reported=reported, summary=data.get("summary"))


@dataclass(frozen=True)
class ExtensionRequest(Input):
    new_deadline: dt.date
    reason: str


@dataclass(frozen=True)
class DecideExtension(Input):
    decision: str  # approve / reject
    approved_deadline: dt.date | None = None
    comment: str | None = None

    @property
    def approve(self) -> bool:
        return self.decision == "approve"
