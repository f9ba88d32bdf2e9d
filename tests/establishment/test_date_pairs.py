"""Date pairs of an establishment case, at their edges: the day before / the same day / the day after.

Each later step rests on an earlier one (submission → approval → founding) and none may be dated in the future.
The supervision side's pairs (issue → deadline → extension; schedule → hold) are in
tests/supervision/test_date_pairs.py."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from workflows.errors import RuleViolation
from workflows.establishment import check_decision_dates, check_founding_dates

DAY = timedelta(days=1)
TODAY = date(2026, 9, 25)
SUBMITTED = date(2026, 9, 10)
APPROVED = date(2026, 9, 20)


def _refused(code: str, field: str, call: object) -> None:
    assert callable(call)
    with pytest.raises(RuleViolation) as err:
        call()
    assert err.value.code == code
    assert err.value.field == field
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err.value.message)  # a Chinese message


# -- approval reply: meeting date and approval document date -----------------------------------------------


@pytest.mark.parametrize("name", ["meeting_on", "approved_on"])
def test_decision_date_not_before_submission(name: str) -> None:
    _refused(
        f"{name}_before_submission",
        name,
        lambda: check_decision_dates(submitted_on=SUBMITTED, today=TODAY, **{name: SUBMITTED - DAY}),
    )
    check_decision_dates(submitted_on=SUBMITTED, today=TODAY, **{name: SUBMITTED})  # the same day
    check_decision_dates(submitted_on=SUBMITTED, today=TODAY, **{name: SUBMITTED + DAY})


@pytest.mark.parametrize("name", ["meeting_on", "approved_on"])
def test_decision_date_not_in_future(name: str) -> None:
    check_decision_dates(submitted_on=SUBMITTED, today=TODAY, **{name: TODAY - DAY})
    check_decision_dates(submitted_on=SUBMITTED, today=TODAY, **{name: TODAY})
    _refused(
        f"{name}_in_future",
        name,
        lambda: check_decision_dates(submitted_on=SUBMITTED, today=TODAY, **{name: TODAY + DAY}),
    )


def test_approval_document_not_before_its_meeting() -> None:
    meeting = date(2026, 9, 15)
    _refused(
        "approved_on_before_meeting",
        "approved_on",
        lambda: check_decision_dates(
            submitted_on=SUBMITTED, today=TODAY, meeting_on=meeting, approved_on=meeting - DAY
        ),
    )
    check_decision_dates(submitted_on=SUBMITTED, today=TODAY, meeting_on=meeting, approved_on=meeting)
    check_decision_dates(submitted_on=SUBMITTED, today=TODAY, meeting_on=meeting, approved_on=meeting + DAY)


def test_decision_without_dates_is_fine() -> None:
    check_decision_dates(submitted_on=SUBMITTED, today=TODAY)


# -- founding: general meeting (= founded_on) and term start -------------------------------------------------


def test_meeting_not_before_approval() -> None:
    _refused(
        "meeting_before_approval",
        "held_on",
        lambda: check_founding_dates(held_on=APPROVED - DAY, today=TODAY, approved_on=APPROVED),
    )
    check_founding_dates(held_on=APPROVED, today=TODAY, approved_on=APPROVED)  # founded the day of the reply
    check_founding_dates(held_on=APPROVED + DAY, today=TODAY, approved_on=APPROVED)


def test_meeting_falls_back_on_the_approval_meeting_date() -> None:
    # A reply recorded without a document date still rests on its committee meeting.
    _refused(
        "meeting_before_approval",
        "held_on",
        lambda: check_founding_dates(
            held_on=APPROVED - DAY, today=TODAY, approved_on=None, approval_meeting_on=APPROVED
        ),
    )
    check_founding_dates(held_on=APPROVED, today=TODAY, approved_on=None, approval_meeting_on=APPROVED)
    # The document date wins when both are known (it is never before the meeting).
    _refused(
        "meeting_before_approval",
        "held_on",
        lambda: check_founding_dates(
            held_on=APPROVED, today=TODAY, approved_on=APPROVED + DAY, approval_meeting_on=APPROVED
        ),
    )


def test_meeting_not_in_future() -> None:
    check_founding_dates(held_on=TODAY - DAY, today=TODAY, approved_on=APPROVED)
    check_founding_dates(held_on=TODAY, today=TODAY, approved_on=APPROVED)
    _refused(
        "meeting_in_future",
        "held_on",
        lambda: check_founding_dates(held_on=TODAY + DAY, today=TODAY, approved_on=APPROVED),
    )


def test_term_start_between_meeting_and_today() -> None:
    held = APPROVED + DAY

    def call(start: date) -> None:
        check_founding_dates(held_on=held, today=TODAY, approved_on=APPROVED, term_start=start)

    _refused("term_start_before_meeting", "term_start", lambda: call(held - DAY))  # = the approval day: still refused
    call(held)
    call(held + DAY)
    call(TODAY)
    _refused("term_start_in_future", "term_start", lambda: call(TODAY + DAY))
