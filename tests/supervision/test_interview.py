"""Interviews (约谈): state machine, guards and the schedule / record checks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from workflows.errors import Conflict, RuleViolation
from workflows.interview import (
    INTERVIEW,
    MAX_COMMITMENTS,
    InterviewState,
    check_held,
    check_schedule,
)
from workflows.supervision import needs_accountability

D = dt.date
NOW = dt.datetime(2026, 9, 30, 10, 0)
TODAY = NOW.date()


class Row:
    def __init__(self, state: str) -> None:
        self.state = state


def refused(call: Any, *args: Any, **kwargs: Any) -> RuleViolation:
    with pytest.raises(RuleViolation) as exc:
        call(*args, **kwargs)
    return exc.value


# --- state machine -------------------------------------------------------------------------------

S = InterviewState
EVENTS = ["hold", "follow_up", "close", "cancel", "reschedule"]

ALLOWED: dict[tuple[str, str], str] = {
    (S.SCHEDULED, "hold"): S.HELD,
    (S.SCHEDULED, "reschedule"): S.SCHEDULED,
    (S.SCHEDULED, "cancel"): S.CANCELLED,
    (S.HELD, "follow_up"): S.FOLLOWED_UP,
    (S.FOLLOWED_UP, "close"): S.CLOSED,
}

GOOD_KWARGS: dict[str, Any] = {
    "minutes": "约谈了县委组织部分管负责同志，指出组建进度滞后问题。",
    "commitments": ["10月底前完成剩余12家企业的组建"],
    "new_deadline": D(2026, 10, 30),
    "today": TODAY,
    "follow_up_note": "已实地回访，8家完成组建。",
    "reason": "被约谈人出差",
    "scheduled_at": dt.datetime(2026, 10, 8, 9, 30),
    "now": NOW,
    "place": "市委组织部三楼会议室",
}


@pytest.mark.parametrize(("state", "event"), [(s, e) for s in S for e in EVENTS])
def test_every_transition_allowed_or_refused(state: str, event: str) -> None:
    row = Row(state)
    expected = ALLOWED.get((state, event))
    if expected is None:
        with pytest.raises(Conflict) as exc:
            INTERVIEW.fire(row, event, **GOOD_KWARGS)
        assert exc.value.code == "transition_not_allowed"
        assert row.state == state
    else:
        INTERVIEW.fire(row, event, **GOOD_KWARGS)
        assert row.state == expected


@pytest.mark.parametrize("state", list(S))
def test_allowed_events_match_table(state: str) -> None:
    assert INTERVIEW.allowed_events(state) == [e for e in EVENTS if (state, e) in ALLOWED]


def test_labels_terminal_and_guards() -> None:
    d = INTERVIEW.describe()
    assert d["initial"] == "scheduled"
    assert {s["name"]: s["label"] for s in d["states"]} == {
        "scheduled": "已安排",
        "held": "已约谈",
        "followed_up": "已跟踪回访",
        "closed": "已结束",
        "cancelled": "已取消",
    }
    assert {s["name"] for s in d["states"] if s["terminal"]} == {"closed", "cancelled"}
    assert {t["event"]: t["label"] for t in d["transitions"]} == {
        "hold": "开展约谈",
        "follow_up": "跟踪回访",
        "close": "结束",
        "cancel": "取消",
        "reschedule": "改期",
    }
    assert [t["event"] for t in d["transitions"] if t["guarded"]] == ["hold", "follow_up", "cancel", "reschedule"]
    assert "scheduled --> scheduled: 改期" in INTERVIEW.mermaid()


def test_full_path_with_a_reschedule() -> None:
    row = Row(InterviewState.SCHEDULED)
    INTERVIEW.fire(row, "reschedule", scheduled_at=dt.datetime(2026, 10, 9, 15), now=NOW)
    INTERVIEW.fire(row, "hold", minutes="记录", commitments=["承诺"], new_deadline=D(2026, 10, 30), today=TODAY)
    INTERVIEW.fire(row, "follow_up", follow_up_note="回访")
    INTERVIEW.fire(row, "close")
    assert row.state == "closed" and type(row.state) is str
    assert INTERVIEW.allowed_events(row.state) == []


# --- hold ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"minutes": None}, "minutes_required", "minutes"),
        ({"minutes": "  "}, "minutes_required", "minutes"),
        ({"commitments": []}, "commitments_required", "commitments"),
        ({"commitments": None}, "commitments_required", "commitments"),
        ({"commitments": "一项承诺"}, "commitments_required", "commitments"),  # a string is not a list
        ({"commitments": ["承诺", ""]}, "commitment_blank", "commitments[1]"),
        ({"new_deadline": None}, "new_deadline_required", "new_deadline"),
        ({"new_deadline": dt.datetime(2026, 10, 30, 17)}, "new_deadline_required", "new_deadline"),
        ({"new_deadline": TODAY}, "new_deadline_not_in_future", "new_deadline"),
        ({"new_deadline": TODAY - dt.timedelta(days=1)}, "new_deadline_not_in_future", "new_deadline"),
    ],
)
def test_hold_guard_names_the_missing_field(change: dict[str, Any], code: str, field: str) -> None:
    row = Row("scheduled")
    kwargs = {k: GOOD_KWARGS[k] for k in ("minutes", "commitments", "new_deadline", "today")} | change
    with pytest.raises(RuleViolation) as exc:
        INTERVIEW.fire(row, "hold", **kwargs)
    assert (exc.value.code, exc.value.field) == (code, field)
    assert row.state == "scheduled"


def test_hold_new_deadline_tomorrow_is_enough() -> None:
    row = Row("scheduled")
    INTERVIEW.fire(row, "hold", minutes="记录", commitments=["承诺"], new_deadline=D(2026, 10, 1), today=TODAY)
    assert row.state == "held"


def test_hold_without_today_is_a_programming_error() -> None:
    row = Row("scheduled")
    with pytest.raises(TypeError, match="today"):
        INTERVIEW.fire(row, "hold", minutes="记录", commitments=["承诺"], new_deadline=D(2026, 10, 30))
    assert row.state == "scheduled"
    with pytest.raises(TypeError):
        check_held("记录", ["承诺"], D(2026, 10, 30), NOW)  # type: ignore[arg-type]  # a datetime, not a date


@pytest.mark.parametrize(("n", "ok"), [(0, False), (1, True), (MAX_COMMITMENTS, True), (MAX_COMMITMENTS + 1, False)])
def test_commitment_count_edges(n: int, ok: bool) -> None:
    items = [f"承诺{i}" for i in range(n)]
    if ok:
        assert check_held("记录", items, D(2026, 10, 30), TODAY) is None
    else:
        exc = refused(check_held, "记录", items, D(2026, 10, 30), TODAY)
        assert exc.code == ("commitments_required" if n == 0 else "too_many_commitments")
        assert exc.field == "commitments"


def test_post_interview_deadline_feeds_accountability() -> None:
    row = Row("scheduled")
    new_deadline = D(2026, 10, 9)
    INTERVIEW.fire(row, "hold", minutes="记录", commitments=["承诺"], new_deadline=new_deadline, today=TODAY)
    assert row.state == "held"
    assert not needs_accountability(new_deadline, D(2026, 10, 9), "rectifying")
    assert needs_accountability(new_deadline, D(2026, 10, 10), "rectifying")


# --- follow up, cancel ---------------------------------------------------------------------------


@pytest.mark.parametrize("note", [None, "", " \t"])
def test_follow_up_needs_a_note(note: str | None) -> None:
    row = Row("held")
    with pytest.raises(RuleViolation) as exc:
        INTERVIEW.fire(row, "follow_up", follow_up_note=note)
    assert (exc.value.code, exc.value.field) == ("follow_up_note_required", "follow_up_note")
    assert row.state == "held"


@pytest.mark.parametrize("reason", [None, "", "  "])
def test_cancel_needs_a_reason(reason: str | None) -> None:
    row = Row("scheduled")
    with pytest.raises(RuleViolation) as exc:
        INTERVIEW.fire(row, "cancel", reason=reason)
    assert (exc.value.code, exc.value.field) == ("cancel_reason_required", "reason")
    assert row.state == "scheduled"


def test_held_interview_cannot_be_cancelled() -> None:
    row = Row("held")
    with pytest.raises(Conflict) as exc:
        INTERVIEW.fire(row, "cancel", reason="理由")
    assert exc.value.message == "当前状态「已约谈」不能执行「取消」"


# --- schedule / reschedule -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("at", "ok"),
    [
        (NOW - dt.timedelta(days=1), False),
        (NOW, False),
        (NOW + dt.timedelta(minutes=1), True),
    ],
)
def test_schedule_must_be_in_the_future(at: dt.datetime, ok: bool) -> None:
    if ok:
        assert check_schedule(at, NOW, "会议室") is None
    else:
        exc = refused(check_schedule, at, NOW, "会议室")
        assert (exc.code, exc.field) == ("scheduled_at_not_in_future", "scheduled_at")


@pytest.mark.parametrize("place", [None, "", "  "])
def test_schedule_needs_a_place(place: str | None) -> None:
    exc = refused(check_schedule, NOW + dt.timedelta(days=1), NOW, place)
    assert (exc.code, exc.field) == ("place_required", "place")


def test_schedule_needs_a_datetime() -> None:
    exc = refused(check_schedule, D(2026, 10, 8), NOW, "会议室")
    assert (exc.code, exc.field) == ("scheduled_at_required", "scheduled_at")


def test_schedule_mixing_aware_and_naive_times_is_a_programming_error() -> None:
    aware = dt.datetime(2026, 10, 8, 9, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    with pytest.raises(ValueError):
        check_schedule(aware, NOW, "会议室")
    assert check_schedule(aware, NOW.replace(tzinfo=dt.UTC), "会议室") is None


@pytest.mark.parametrize(
    ("kwargs", "code", "field"),
    [
        ({"scheduled_at": NOW}, "scheduled_at_not_in_future", "scheduled_at"),
        ({"scheduled_at": NOW - dt.timedelta(hours=1)}, "scheduled_at_not_in_future", "scheduled_at"),
        ({}, "scheduled_at_required", "scheduled_at"),
        ({"scheduled_at": NOW + dt.timedelta(days=1), "place": " "}, "place_required", "place"),
    ],
)
def test_reschedule_guard(kwargs: dict[str, Any], code: str, field: str) -> None:
    row = Row("scheduled")
    with pytest.raises(RuleViolation) as exc:
        INTERVIEW.fire(row, "reschedule", now=NOW, **kwargs)
    assert (exc.value.code, exc.value.field) == (code, field)
    assert row.state == "scheduled"


def test_reschedule_keeps_the_place_when_none_given() -> None:
    row = Row("scheduled")
    INTERVIEW.fire(row, "reschedule", scheduled_at=NOW + dt.timedelta(days=2), now=NOW)
    assert row.state == "scheduled"
    INTERVIEW.fire(row, "reschedule", scheduled_at=NOW + dt.timedelta(days=3), now=NOW, place="县委会议室")
    assert row.state == "scheduled"


def test_reschedule_without_now_is_a_programming_error() -> None:
    row = Row("scheduled")
    with pytest.raises(TypeError, match="now"):
        INTERVIEW.fire(row, "reschedule", scheduled_at=NOW + dt.timedelta(days=1))
    assert row.state == "scheduled"
