"""Date pairs of a supervision ticket and an interview, at their edges: the day before / the same day / the
day after.

Each later step rests on an earlier one (issue → deadline → extension; schedule → hold) and none may be dated
in the future. The establishment case's pairs (submission → approval → founding) are in
tests/establishment/test_date_pairs.py."""

from __future__ import annotations

import datetime as dt
from datetime import date, timedelta

import pytest

from workflows.errors import Conflict, RuleViolation
from workflows.interview import check_held, check_hold_time, check_schedule
from workflows.supervision import ProblemInput, check_extension_request, check_ticket, decide_extension
from workflows.workdays import WorkdayCalendar

DAY = timedelta(days=1)
TODAY = date(2026, 9, 25)


def _refused(code: str, field: str, call: object) -> None:
    assert callable(call)
    with pytest.raises(RuleViolation) as err:
        call()
    assert err.value.code == code
    assert err.value.field == field
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err.value.message)  # a Chinese message


# -- supervision: the supervisor's approved extension ---------------------------------------------------------

CURRENT = date(2026, 9, 30)
REQUESTED = date(2026, 10, 20)


def test_approved_deadline_after_current_not_after_requested() -> None:
    def grant(d: date) -> date:
        return decide_extension(True, CURRENT, REQUESTED, approved_deadline=d, today=TODAY).effective_deadline

    _refused("extension_not_later", "approved_deadline", lambda: grant(CURRENT))
    assert grant(CURRENT + DAY) == CURRENT + DAY
    assert grant(REQUESTED - DAY) == REQUESTED - DAY
    assert grant(REQUESTED) == REQUESTED
    _refused("approved_deadline_after_requested", "approved_deadline", lambda: grant(REQUESTED + DAY))


def test_approved_deadline_not_in_the_past() -> None:
    # Requested on the deadline day, decided days later: granting a day that has already gone is no extension.
    current, requested = date(2026, 9, 20), date(2026, 9, 28)

    def grant(d: date) -> date:
        return decide_extension(True, current, requested, approved_deadline=d, today=TODAY).effective_deadline

    _refused("approved_deadline_in_past", "approved_deadline", lambda: grant(TODAY - DAY))
    assert grant(TODAY) == TODAY
    assert grant(TODAY + DAY) == TODAY + DAY
    # Granting the request as asked is judged the same way.
    _refused(
        "approved_deadline_in_past",
        "approved_deadline",
        lambda: decide_extension(True, current, TODAY - DAY, today=TODAY),
    )
    # Once the unit has reported, a past date still judges whether the report came in time.
    assert (
        decide_extension(True, current, requested, approved_deadline=TODAY - DAY, today=TODAY, state="submitted")
    ).effective_deadline == TODAY - DAY
    _refused(
        "approved_deadline_in_past",
        "approved_deadline",
        lambda: decide_extension(
            True, current, requested, approved_deadline=TODAY - DAY, today=TODAY, state="rectifying"
        ),
    )
    # A refusal leaves the current deadline: no date to judge.
    assert not decide_extension(False, current, TODAY - DAY, comment="理由不充分", today=TODAY).approved


# -- interviews: held not before the scheduled time ------------------------------------------------------------

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
AT = dt.datetime(2026, 9, 25, 9, 0, tzinfo=SHANGHAI)


def test_hold_not_before_scheduled_time() -> None:
    with pytest.raises(Conflict) as err:
        check_hold_time(AT, AT - dt.timedelta(minutes=1))
    assert err.value.code == "interview_not_yet_held" and err.value.field == "scheduled_at"
    check_hold_time(AT, AT)
    check_hold_time(AT, AT + dt.timedelta(minutes=1))
    with pytest.raises(Conflict) as err:
        check_hold_time(None, AT)
    assert err.value.code == "interview_not_scheduled"


# -- pairs the workflows already enforced, pinned at their edges -----------------------------------------------


def test_ticket_deadline_after_its_issue_day() -> None:
    def issue(deadline: date) -> date:
        return check_ticket(
            "督办",
            [ProblemInput("问题", "措施")],
            rectification_deadline=deadline,
            issued_on=TODAY,
            calendar=WorkdayCalendar(),
        ).rectify_by.date

    _refused("rectification_deadline_not_after_issue", "rectification_deadline", lambda: issue(TODAY - DAY))
    _refused("rectification_deadline_not_after_issue", "rectification_deadline", lambda: issue(TODAY))
    assert issue(TODAY + DAY) == TODAY + DAY


def test_extension_request_in_time_and_later_than_the_deadline() -> None:
    def ask(today: date, new: date) -> None:
        check_extension_request(today, CURRENT, new, "理由", WorkdayCalendar())

    ask(CURRENT - DAY, CURRENT + DAY)
    ask(CURRENT, CURRENT + DAY)  # the deadline day is still in time
    _refused("extension_too_late", "new_deadline", lambda: ask(CURRENT + DAY, CURRENT + 2 * DAY))
    _refused("extension_not_later", "new_deadline", lambda: ask(TODAY, CURRENT - DAY))
    _refused("extension_not_later", "new_deadline", lambda: ask(TODAY, CURRENT))


def test_interview_deadline_after_the_hold_day_and_schedule_after_now() -> None:
    def hold(new: date) -> None:
        check_held("记录", ["承诺"], new, TODAY)

    _refused("new_deadline_not_in_future", "new_deadline", lambda: hold(TODAY - DAY))
    _refused("new_deadline_not_in_future", "new_deadline", lambda: hold(TODAY))
    hold(TODAY + DAY)
    _refused("scheduled_at_not_in_future", "scheduled_at", lambda: check_schedule(AT, AT, "会议室"))
    check_schedule(AT + dt.timedelta(minutes=1), AT, "会议室")
