"""Interviews (约谈) with the responsible person of a lagging unit (pure rules, no I/O).

An interview is the last rung of a supervision ticket's escalation ladder: it is scheduled, held with minutes
(约谈记录) and commitments (整改承诺), and followed up (跟踪回访). Holding it sets a NEW rectification deadline for the
linked ticket; the service stores it on the ticket as the effective `rectify_by` and as `post_interview_deadline`.
Missing that deadline makes accountability (问责) due: `workflows.supervision.needs_accountability` and
`workflows.deadlines.accountability_scheduled`.

State machine `INTERVIEW` (one shared machine, see workflows.machine)::

    scheduled --hold--> held --follow_up--> followed_up --close--> closed
    scheduled --reschedule--> scheduled
    scheduled --cancel--> cancelled

Guarded transitions (the guard re-runs the pure check, so no row can skip it; the keyword arguments of `fire`):

- hold:       ``minutes=``, ``commitments=`` (>= 1), ``new_deadline=`` (a date after ``today=``)  → `check_held`
- follow_up:  ``follow_up_note=`` (the follow-up record)
- cancel:     ``reason=``
- reschedule: ``scheduled_at=`` (after ``now=``) and optionally ``place=`` (non-blank when given) → `check_schedule`

``today`` / ``now`` come from the service clock; leaving them out is a programming error (TypeError), not a user
error. ``scheduled_at`` and ``now`` must both be timezone-aware or both naive (ValueError otherwise).

    INTERVIEW.fire(interview, "hold", minutes=text, commitments=items, new_deadline=d, today=clock.today())
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Self
from zoneinfo import ZoneInfo

from workflows.errors import Conflict, RuleViolation
from workflows.inputs import Input
from workflows.machine import StateDef, TransitionDef, WorkflowDefinition

MAX_COMMITMENTS = 50
CHINA = ZoneInfo("Asia/Shanghai")  # times shown to users are China times


class InterviewState(StrEnum):
    SCHEDULED = "scheduled"
    HELD = "held"
    FOLLOWED_UP = "followed_up"
    CLOSED = "closed"
    CANCELLED = "cancelled"


def _blank(value: object) -> bool:
    return not isinstance(value, str) or not value.strip()


def _check_time(scheduled_at: object, now: dt.datetime) -> None:
    if not isinstance(now, dt.datetime):
        raise TypeError("now must be a datetime from the service clock")
    if not isinstance(scheduled_at, dt.datetime):
        raise RuleViolation("scheduled_at_required", "请填写约谈时间（日期和时刻）", field="scheduled_at")
    if (scheduled_at.tzinfo is None) != (now.tzinfo is None):
        raise ValueError("scheduled_at and now must both be timezone-aware or both naive")
    if scheduled_at <= now:
        raise RuleViolation("scheduled_at_not_in_future", "约谈时间须晚于当前时间", field="scheduled_at")


def _check_place(place: object) -> None:
    if _blank(place):
        raise RuleViolation("place_required", "请填写约谈地点", field="place")


def check_schedule(scheduled_at: dt.datetime, now: dt.datetime, place: str | None) -> None:
    """A new or moved interview: a time strictly after `now` and a place."""
    _check_time(scheduled_at, now)
    _check_place(place)


def check_hold_time(scheduled_at: dt.datetime | None, now: dt.datetime) -> None:
    """An interview is recorded as held (at `now`, the service clock) only once its scheduled time has come.

    Conflict (409), not a bad input: the same request is right later. The held time is the clock's, so it can
    never lie in the future."""
    if not isinstance(now, dt.datetime):
        raise TypeError("now must be a datetime from the service clock")
    if scheduled_at is None:
        raise Conflict(
            "interview_not_scheduled", "约谈尚未安排时间和地点，请先安排（改期）再记录", field="scheduled_at"
        )
    if now < scheduled_at:
        when = scheduled_at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")
        raise Conflict("interview_not_yet_held", f"约谈安排在{when}，尚未到约谈时间", field="scheduled_at")


def check_held(
    minutes: str | None, commitments: Sequence[str] | None, new_deadline: dt.date | None, today: dt.date
) -> None:
    """The interview record: minutes, 1..50 non-blank commitments and a new rectification deadline after today."""
    if not isinstance(today, dt.date) or isinstance(today, dt.datetime):
        raise TypeError("today must be a date from the service clock")
    if _blank(minutes):
        raise RuleViolation("minutes_required", "请填写约谈记录", field="minutes")
    if commitments is None or isinstance(commitments, str) or len(commitments) < 1:
        raise RuleViolation("commitments_required", "请至少填写1项整改承诺", field="commitments")
    if len(commitments) > MAX_COMMITMENTS:
        raise RuleViolation(
            "too_many_commitments", f"整改承诺最多{MAX_COMMITMENTS}项，现为{len(commitments)}项", field="commitments"
        )
    for i, item in enumerate(commitments):
        if _blank(item):
            raise RuleViolation("commitment_blank", f"第{i + 1}项整改承诺为空", field=f"commitments[{i}]")
    if not isinstance(new_deadline, dt.date) or isinstance(new_deadline, dt.datetime):
        raise RuleViolation("new_deadline_required", "约谈须明确新的整改期限", field="new_deadline")
    if new_deadline <= today:
        raise RuleViolation(
            "new_deadline_not_in_future",
            f"新的整改期限{new_deadline.isoformat()}须晚于今天{today.isoformat()}",
            field="new_deadline",
        )


# --- state machine -------------------------------------------------------------------------------


def _require(kwargs: Mapping[str, Any], name: str) -> Any:
    if name not in kwargs:
        raise TypeError(f"{name}= is required (from the service clock)")
    return kwargs[name]


def _held_recorded(model: Any, kwargs: Mapping[str, Any]) -> bool:
    check_held(kwargs.get("minutes"), kwargs.get("commitments"), kwargs.get("new_deadline"), _require(kwargs, "today"))
    return True


def _follow_up_noted(model: Any, kwargs: Mapping[str, Any]) -> bool:
    if _blank(kwargs.get("follow_up_note")):
        raise RuleViolation("follow_up_note_required", "请填写跟踪回访情况", field="follow_up_note")
    return True


def _cancel_reason_given(model: Any, kwargs: Mapping[str, Any]) -> bool:
    if _blank(kwargs.get("reason")):
        raise RuleViolation("cancel_reason_required", "取消约谈须说明理由", field="reason")
    return True


def _new_time_given(model: Any, kwargs: Mapping[str, Any]) -> bool:
    _check_time(kwargs.get("scheduled_at"), _require(kwargs, "now"))
    if "place" in kwargs and kwargs["place"] is not None:
        _check_place(kwargs["place"])
    return True


_I = InterviewState

INTERVIEW = WorkflowDefinition(
    name="interview",
    label_zh="约谈",
    states=[
        StateDef(_I.SCHEDULED, "已安排"),
        StateDef(_I.HELD, "已约谈"),
        StateDef(_I.FOLLOWED_UP, "已跟踪回访"),
        StateDef(_I.CLOSED, "已结束", terminal=True),
        StateDef(_I.CANCELLED, "已取消", terminal=True),
    ],
    transitions=[
        TransitionDef("hold", (_I.SCHEDULED,), _I.HELD, "开展约谈", conditions=(_held_recorded,)),
        TransitionDef("follow_up", (_I.HELD,), _I.FOLLOWED_UP, "跟踪回访", conditions=(_follow_up_noted,)),
        TransitionDef("close", (_I.FOLLOWED_UP,), _I.CLOSED, "结束"),
        TransitionDef("cancel", (_I.SCHEDULED,), _I.CANCELLED, "取消", conditions=(_cancel_reason_given,)),
        TransitionDef("reschedule", (_I.SCHEDULED,), _I.SCHEDULED, "改期", conditions=(_new_time_given,)),
    ],
    initial=_I.SCHEDULED,
)


# -- typed inputs of the commands (workflows.inputs) --------------------------------------------------


@dataclass(frozen=True)
class NewInterview(Input):
    reason: str
    ticket_id: int | None = None
    subject_type: str | None = None
    subject_id: int | None = None
    responsible_person: str | None = None
    scheduled_at: dt.datetime | None = None
    place: str | None = None


@dataclass(frozen=True)
class InterviewSchedule(Input):
    scheduled_at: dt.datetime
    place: str | None = None


@dataclass(frozen=True)
class InterviewRecord(Input):
    minutes: str
    commitments: tuple[str, ...]
    new_deadline: dt.date

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Self:
        return cls(minutes=data["minutes"], commitments=tuple(data["commitments"]), new_deadline=data["new_deadline"])
