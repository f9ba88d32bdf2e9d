"""催办 rules (workflows.urge): open and overdue only, once per working day on the official calendar."""

from __future__ import annotations

from datetime import date

import pytest

from workflows.errors import Conflict, RuleViolation
from workflows.urge import (
    MESSAGE_MAX,
    check_task_urge,
    check_ticket_urge,
    clean_message,
    may_urge_again,
    next_allowed_on,
)
from workflows.workdays import WorkdayCalendar

CAL = WorkdayCalendar()
DUE = date(2026, 11, 2)  # a Monday


def test_an_overdue_open_task_may_be_urged() -> None:
    check_task_urge("open", DUE, date(2026, 11, 3), None, CAL)


@pytest.mark.parametrize("today", [date(2026, 11, 1), DUE])
def test_a_task_not_yet_overdue_is_refused_with_its_due_date(today: date) -> None:
    with pytest.raises(RuleViolation) as exc:
        check_task_urge("open", DUE, today, None, CAL)
    assert not isinstance(exc.value, Conflict)
    assert exc.value.code == "task_not_overdue" and "2026-11-02" in exc.value.message


@pytest.mark.parametrize("status", ["done", "cancelled", "waiting"])
def test_a_task_not_open_is_refused(status: str) -> None:
    with pytest.raises(Conflict) as exc:
        check_task_urge(status, DUE, date(2026, 11, 3), None, CAL)
    assert exc.value.code == "task_not_open"


def test_the_same_working_day_twice_is_refused_and_says_when_again() -> None:
    with pytest.raises(Conflict) as exc:
        check_task_urge("open", DUE, date(2026, 11, 3), date(2026, 11, 3), CAL)
    assert exc.value.code == "already_urged"
    assert "2026-11-04" in exc.value.message
    assert exc.value.detail == {"last_urged_on": "2026-11-03", "next_allowed_on": "2026-11-04"}


def test_the_next_working_day_is_allowed() -> None:
    check_task_urge("open", DUE, date(2026, 11, 4), date(2026, 11, 3), CAL)


def test_a_weekend_is_not_a_new_working_day() -> None:
    friday, saturday, sunday, monday = date(2026, 11, 6), date(2026, 11, 7), date(2026, 11, 8), date(2026, 11, 9)
    for day in (saturday, sunday):
        assert not may_urge_again(friday, day, CAL)
    assert may_urge_again(friday, monday, CAL)
    assert next_allowed_on(friday, CAL) == monday
    # Urged on a Saturday: Monday is a new working day; Sunday is not.
    assert not may_urge_again(saturday, sunday, CAL)
    assert may_urge_again(saturday, monday, CAL)


def test_the_national_day_holiday_and_its_make_up_saturday() -> None:
    # 2026: 1-7 October off, 8 October back, Saturday 10 October worked (调休).
    last = date(2026, 9, 30)
    with pytest.raises(Conflict) as exc:
        check_ticket_urge("rectifying", date(2026, 10, 5), last, CAL)
    assert "2026-10-08" in exc.value.message
    check_ticket_urge("rectifying", date(2026, 10, 8), last, CAL)
    assert may_urge_again(date(2026, 10, 9), date(2026, 10, 10), CAL)  # the worked Saturday counts
    assert next_allowed_on(date(2026, 10, 10), CAL) == date(2026, 10, 12)


def test_a_year_the_calendar_does_not_know_falls_back_to_weekdays() -> None:
    friday = date(2031, 1, 10)
    assert next_allowed_on(friday, CAL) == date(2031, 1, 13)


@pytest.mark.parametrize("state", ["issued", "acknowledged", "rectifying"])
def test_a_ticket_with_the_unit_may_be_urged_overdue_or_not(state: str) -> None:
    check_ticket_urge(state, date(2026, 9, 28), None, CAL)


@pytest.mark.parametrize(
    ("state", "code"),
    [
        ("submitted", "ticket_reported"),
        ("closed", "ticket_not_open"),
        ("cancelled", "ticket_not_open"),
        ("draft", "ticket_not_open"),
    ],
)
def test_a_ticket_the_unit_owes_nothing_on_is_refused(state: str, code: str) -> None:
    with pytest.raises(Conflict) as exc:
        check_ticket_urge(state, date(2026, 9, 28), None, CAL)
    assert exc.value.code == code


def test_the_message_is_optional_and_bounded() -> None:
    assert clean_message(None) is None
    assert clean_message("   ") is None
    assert clean_message(" 请尽快 ") == "请尽快"
    assert clean_message("催" * MESSAGE_MAX) == "催" * MESSAGE_MAX
    with pytest.raises(RuleViolation) as exc:
        clean_message("催" * (MESSAGE_MAX + 1))
    assert exc.value.field == "message"
