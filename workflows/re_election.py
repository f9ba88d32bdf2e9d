"""Re-elections (换届): an organisation's term ends, it asks to hold its re-election, the superior body approves,
the general meeting elects, and the next term starts.

Terms are by form (primary committees 5 years, general branches and branches 3: the establishment settings'
`term_years`). The superior body reminds an organisation 6 and 3 months before its term ends and monthly once
it is overdue (`ReElectionSettings`, RE_ELECTION_SETTINGS). A postponement (延期换届) or bringing the
re-election forward (提前换届) needs the superior body's approval with a reason; a postponement beyond
`max_postponement_months` (one year) is refused.

The committee's make-up and the general meeting follow the founding rules: this module calls
workflows.establishment's rule functions (`check_committee`, `check_founding`), never a copy of them.

State machine `RE_ELECTION` (one shared machine, workflows.machine):

    submitted --approve--> approved --elect--> elected            (kind re_election)
    submitted --approve_change--> changed                         (kind postponement / advance)
    submitted --return_for_changes--> returned --resubmit--> submitted
    submitted --reject--> rejected
    submitted|returned|approved --withdraw--> withdrawn

A request is submitted when it is made (it opens its approval step at once); the approval chain is the
establishment's for the organisation's form (superior body; superior review then county for a primary committee).
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Self

from workflows import establishment as founding_rules
from workflows.deadlines import EscalationLadder, Rung
from workflows.errors import RuleViolation
from workflows.inputs import Input
from workflows.machine import StateDef, TransitionDef, WorkflowDefinition


@dataclass(frozen=True)
class ReElectionSettings:
    """When organisations are listed as due and reminded, and how far a re-election may be postponed."""

    due_within_months: int = 6  # the due list (换届提醒): terms ending within this many months, or passed
    remind_months_before: tuple[int, ...] = (6, 3)
    overdue_every_months: int = 1
    max_postponement_months: int = 12

    def __post_init__(self) -> None:
        object.__setattr__(self, "remind_months_before", tuple(sorted(set(self.remind_months_before), reverse=True)))
        for name in ("due_within_months", "overdue_every_months", "max_postponement_months"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 60:
                raise ValueError(f"ReElectionSettings.{name} must be an int in 1..60, got {value!r}")
        if not all(isinstance(m, int) and 1 <= m <= 24 for m in self.remind_months_before):
            raise ValueError("ReElectionSettings.remind_months_before must hold ints in 1..24")


DEFAULT_SETTINGS = ReElectionSettings()


class RequestKind(StrEnum):
    RE_ELECTION = "re_election"
    POSTPONEMENT = "postponement"
    ADVANCE = "advance"


KIND_LABELS_ZH: Mapping[str, str] = {
    RequestKind.RE_ELECTION: "换届请示",
    RequestKind.POSTPONEMENT: "延期换届",
    RequestKind.ADVANCE: "提前换届",
}


# -- dates ---------------------------------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier, when negative); a day the month lacks falls to its last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = _calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def window_end(today: dt.date, months: int) -> dt.date:
    """The last due date within `months` of today: a due date is within the window when the day `months` before
    it has come (so a reminder "6 months before" and the window agree at the ends of months)."""
    end = add_months(today, months)
    if (today + dt.timedelta(days=1)).month != today.month:  # today is a month's last day
        end = dt.date(end.year, end.month, _calendar.monthrange(end.year, end.month)[1])
    return end


class DueStatus(StrEnum):
    DUE = "due"  # ends within the window
    OVERDUE = "overdue"  # has passed


DUE_LABELS_ZH: Mapping[str, str] = {DueStatus.DUE: "即将到期", DueStatus.OVERDUE: "已逾期"}


def due_status(due_on: dt.date | None, today: dt.date, settings: ReElectionSettings = DEFAULT_SETTINGS) -> str | None:
    """Overdue once the due day has passed; due when it falls within the window (the due day itself is due)."""
    if due_on is None:
        return None
    if due_on < today:
        return DueStatus.OVERDUE
    if due_on <= window_end(today, settings.due_within_months):
        return DueStatus.DUE
    return None


@dataclass(frozen=True)
class Reminder:
    key: str  # unique per organisation and due date: before_<months> (before the date), overdue_<n> (after)
    due_on: dt.date  # the day the reminder falls due
    label_zh: str


def reminder_points(due_on: dt.date, settings: ReElectionSettings = DEFAULT_SETTINGS) -> list[Reminder]:
    """The reminders before the due date, in order (the monthly ones after it are `overdue_reminder`)."""
    return [
        Reminder(f"before_{m}", add_months(due_on, -m), f"任期将于{due_on.isoformat()}届满（提前{m}个月提醒）")
        for m in settings.remind_months_before
    ]


def overdue_reminder(due_on: dt.date, n: int, settings: ReElectionSettings = DEFAULT_SETTINGS) -> Reminder:
    """The n-th overdue reminder (n >= 1): the day after the due date, then every `overdue_every_months`."""
    on = add_months(due_on, (n - 1) * settings.overdue_every_months) + dt.timedelta(days=1)
    return Reminder(f"overdue_{n}", on, f"任期已于{due_on.isoformat()}届满，应换届未换届（第{n}次逾期提醒）")


def reminder_due(due_on: dt.date, today: dt.date, settings: ReElectionSettings = DEFAULT_SETTINGS) -> Reminder | None:
    """The latest reminder that has fallen due by `today`, if any. The sweep sends it once (its key is stored):
    an organisation first seen late gets the latest reminder only, not every one it missed."""
    if today > due_on:
        n = 1
        while overdue_reminder(due_on, n + 1, settings).due_on <= today:
            n += 1
        return overdue_reminder(due_on, n, settings)
    reached = [r for r in reminder_points(due_on, settings) if r.due_on <= today]
    return reached[-1] if reached else None


def check_new_due_on(
    kind: str,
    current_due_on: dt.date | None,
    new_due_on: dt.date | None,
    today: dt.date,
    settings: ReElectionSettings = DEFAULT_SETTINGS,
) -> None:
    """A postponement moves the due date later, at most `max_postponement_months`; bringing it forward moves it
    earlier, not before today."""
    if new_due_on is None:
        raise RuleViolation("new_due_on_required", "延期或提前换届须填写新的换届日期", field="new_due_on")
    if current_due_on is None:
        raise RuleViolation(
            "no_term_due_on", "该党组织未登记任期届满日期，不能申请延期或提前换届", field="party_org_id"
        )
    if kind == RequestKind.POSTPONEMENT:
        if new_due_on <= current_due_on:
            raise RuleViolation(
                "postponement_not_later",
                f"延期后的换届日期须晚于任期届满日期{current_due_on.isoformat()}",
                field="new_due_on",
            )
        limit = add_months(current_due_on, settings.max_postponement_months)
        if new_due_on > limit:
            raise RuleViolation(
                "postponement_too_long",
                f"延期换届一般不超过{settings.max_postponement_months}个月，最迟至{limit.isoformat()}",
                field="new_due_on",
                detail={"max_postponement_months": settings.max_postponement_months},
            )
    elif new_due_on >= current_due_on or new_due_on < today:
        raise RuleViolation(
            "advance_not_earlier",
            f"提前换届的日期须早于任期届满日期{current_due_on.isoformat()}且不早于今天",
            field="new_due_on",
        )


# -- candidates and the election: the founding rules ----------------------------------------------------------


@dataclass(frozen=True)
class Slate:
    """The candidates a request names: the committee to elect (size; 0 means a secretary alone), the proposed
    secretary and the candidates (at least as many as the seats: 差额 allowed)."""

    committee_size: int
    secretary: str
    candidates: tuple[str, ...]


def seats(committee_size: int) -> int:
    return committee_size if committee_size else 1


def check_slate(
    slate: Slate, formal_members: int, settings: founding_rules.EstablishmentSettings, *, oversize_reason: str | None
) -> None:
    """The committee's size and make-up by the founding rules (workflows.establishment.check_committee); the
    secretary among the candidates; no name twice; at least as many candidates as seats."""
    founding_rules.check_committee(
        formal_members, slate.committee_size or None, settings, oversize_reason=oversize_reason
    )
    names = [n.strip() for n in slate.candidates]
    if any(not n for n in names):
        raise RuleViolation("candidate_blank", "候选人姓名不能为空", field="candidates")
    if len(set(names)) != len(names):
        raise RuleViolation("duplicate_candidates", "候选人重复", field="candidates")
    if len(names) < seats(slate.committee_size):
        raise RuleViolation(
            "too_few_candidates",
            f"候选人{len(names)}名，少于应选{seats(slate.committee_size)}名",
            field="candidates",
        )
    if slate.secretary.strip() not in names:
        raise RuleViolation("secretary_not_candidate", f"书记人选「{slate.secretary}」不在候选人中", field="secretary")


def check_election(
    meeting: founding_rules.GeneralMeeting,
    slate: Slate,
    formal_members: int,
    settings: founding_rules.EstablishmentSettings,
    *,
    oversize_reason: str | None = None,
) -> None:
    """The general meeting by the founding rule table (workflows.establishment.check_founding: more than 4/5 of
    the entitled present, each elected with more than half of those present, the committee's size), electing
    the approved number of seats from the approved candidates."""
    stray = [c.name for c in meeting.elected if c.name not in slate.candidates]
    if stray:
        raise RuleViolation("elected_not_candidate", f"「{'、'.join(stray)}」不在批复的候选人中", field="elected")
    if len(meeting.elected) != seats(slate.committee_size):
        raise RuleViolation(
            "elected_count_mismatch",
            f"应选{seats(slate.committee_size)}名，当选{len(meeting.elected)}名",
            field="elected",
        )
    founding_rules.check_founding(meeting, formal_members, settings, oversize_reason=oversize_reason)


# -- state machine ---------------------------------------------------------------------------------------------


def _election_proved(model: Any, kwargs: Mapping[str, Any]) -> bool:
    election = kwargs.get("election")
    if not isinstance(election, Election):
        raise RuleViolation("election_required", "须提供换届党员大会选举结果", field="held_on")
    election.check()
    return True


class ReElectionState(StrEnum):
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"
    ELECTED = "elected"
    CHANGED = "changed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


_S = ReElectionState
OPEN_STATES = (_S.SUBMITTED, _S.RETURNED, _S.APPROVED)

# An organisation whose term has passed without a re-election climbs from its due date: 催办 to the body it
# belongs to, then 预警 to the supervisors above it.
TERM_LADDER = EscalationLadder(
    "term_overdue",
    (Rung("reminder", 0, "notify"), Rung("warning", 10, "notify")),
    yellow_within_workdays=20,
)

RE_ELECTION = WorkflowDefinition(
    name="re_election",
    label_zh="换届",
    webhook_events=("re_election.approved", "re_election.elected", "re_election.due_date_changed"),
    escalation=TERM_LADDER,
    runs_approvals=True,
    settings=DEFAULT_SETTINGS,
    # The organisation's side: its body's handlers (and admins) ask; everyone but portals reads.
    roles={
        "request": ("admin", "handler"),
        "read": ("admin", "supervisor", "approver", "handler", "instructor"),
    },
    states=[
        StateDef(_S.SUBMITTED, "审批中"),
        StateDef(_S.RETURNED, "已退回"),
        StateDef(_S.APPROVED, "已批复"),
        StateDef(_S.ELECTED, "已换届", terminal=True),
        StateDef(_S.CHANGED, "已调整换届日期", terminal=True),
        StateDef(_S.REJECTED, "未批准", terminal=True),
        StateDef(_S.WITHDRAWN, "已撤回", terminal=True),
    ],
    transitions=[
        TransitionDef("approve", (_S.SUBMITTED,), _S.APPROVED, "批复同意换届"),
        TransitionDef("approve_change", (_S.SUBMITTED,), _S.CHANGED, "批准调整换届日期"),
        TransitionDef("return_for_changes", (_S.SUBMITTED,), _S.RETURNED, "退回修改"),
        TransitionDef("resubmit", (_S.RETURNED,), _S.SUBMITTED, "重新提交"),
        TransitionDef("reject", (_S.SUBMITTED,), _S.REJECTED, "不予批准"),
        TransitionDef("withdraw", OPEN_STATES, _S.WITHDRAWN, "撤回"),
        TransitionDef("elect", (_S.APPROVED,), _S.ELECTED, "召开党员大会换届", conditions=(_election_proved,)),
    ],
    initial=_S.SUBMITTED,
)


# -- typed inputs ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewRequest(Input):
    party_org_id: int
    kind: str = RequestKind.RE_ELECTION
    reason: str | None = None
    request_text: str | None = None
    committee_size: int | None = None
    secretary: str | None = None
    candidates: list[str] | None = None
    oversize_reason: str | None = None
    new_due_on: dt.date | None = None


@dataclass(frozen=True)
class Resubmission(Input):
    reason: str | None = None
    request_text: str | None = None
    committee_size: int | None = None
    secretary: str | None = None
    candidates: list[str] | None = None
    oversize_reason: str | None = None
    new_due_on: dt.date | None = None


@dataclass(frozen=True)
class ElectionMeeting(Input):
    """The re-election general meeting (换届党员大会) as recorded."""

    held_on: dt.date
    entitled: int
    present: int
    secretary: str
    elected: tuple[founding_rules.Elected, ...]
    term_start: dt.date | None = None

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Self:
        elected = tuple(
            e if isinstance(e, founding_rules.Elected) else founding_rules.Elected(e["name"], e["votes"])
            for e in data["elected"]
        )
        return cls(**{**data, "elected": elected})


@dataclass(frozen=True)
class Election:
    """What the `elect` transition needs: the meeting and everything to re-check it."""

    meeting: founding_rules.GeneralMeeting
    slate: Slate
    formal_members: int
    settings: founding_rules.EstablishmentSettings
    oversize_reason: str | None = None

    def check(self) -> None:
        check_election(
            self.meeting, self.slate, self.formal_members, self.settings, oversize_reason=self.oversize_reason
        )


def general_meeting(data: ElectionMeeting) -> founding_rules.GeneralMeeting:
    return founding_rules.GeneralMeeting(
        held_on=data.held_on,
        entitled=data.entitled,
        present=data.present,
        secretary=data.secretary,
        elected=tuple(founding_rules.Candidate(e.name, e.votes) for e in data.elected),
    )


def next_due_on(term_start: dt.date, form: str, settings: founding_rules.EstablishmentSettings) -> tuple[int, dt.date]:
    """The new term's length by form and the next due date (workflows.establishment.term_due_on)."""
    years = founding_rules.term_years_for(form, settings)
    return years, founding_rules.term_due_on(term_start, years)


def names(values: Sequence[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in values or ())
