"""Issue 7 (pure rules): the date window, and working-day arithmetic that never overflows for an accepted date."""

from __future__ import annotations

import datetime as dt

import pytest

from workflows.dates import DEFAULT_DATE_WINDOW, LATEST_MAX_YEAR, DateWindow
from workflows.deadlines import (
    MAX_SETTING_WORKDAYS,
    EscalationSettings,
    LadderStep,
    accountability_scheduled,
    planned_escalations,
)
from workflows.errors import RuleViolation
from workflows.registry import LADDERS
from workflows.supervision import TICKET_LADDER
from workflows.workdays import WorkdayCalendar

D = dt.date


def test_default_window_edges() -> None:
    w = DEFAULT_DATE_WINDOW
    assert (w.first, w.last) == (D(2000, 1, 1), D(2100, 12, 31))
    assert w.contains(D(2000, 1, 1)) and w.contains(D(2100, 12, 31))
    assert not w.contains(D(1999, 12, 31)) and not w.contains(D(2101, 1, 1)) and not w.contains(D(9999, 12, 31))
    assert w.check(D(2100, 12, 31), "x") == D(2100, 12, 31)
    with pytest.raises(RuleViolation) as exc:
        w.check(D(9999, 12, 31), "rectification_deadline")
    assert (exc.value.code, exc.value.field) == ("date_out_of_range", "rectification_deadline")
    assert exc.value.message == "日期须在2000-01-01至2100-12-31之间"


@pytest.mark.parametrize(("lo", "hi"), [(2101, 2100), (1800, 2100), (2000, LATEST_MAX_YEAR + 1), (2000, 9999)])
def test_a_nonsense_window_is_refused(lo: int, hi: int) -> None:
    with pytest.raises(ValueError, match="date window"):
        DateWindow(lo, hi)


def _longest_settings() -> EscalationSettings:
    big = MAX_SETTING_WORKDAYS
    return EscalationSettings.from_declarations(
        LADDERS,
        {
            "supervision_ticket": {
                "reminder_after_workdays": big,
                "warning_after_workdays": big,
                "red_notice_after_workdays": big,
                "interview_after_workdays": big,
            }
        },
    )


@pytest.mark.parametrize("last", [DEFAULT_DATE_WINDOW.last, DateWindow(2000, LATEST_MAX_YEAR).last])
def test_the_longest_arithmetic_after_the_last_allowed_day_does_not_overflow(last: dt.date) -> None:
    cal = WorkdayCalendar()
    for settings in (EscalationSettings.from_declarations(LADDERS), _longest_settings()):
        for item in settings.items:
            plan = planned_escalations(settings.ladder_for(item), last, cal)
            assert plan and all(step.due_on > last for step in plan)
    assert accountability_scheduled(last, cal).due_on > last
    assert cal.add_workdays(last, 1000).date > last  # the calendar endpoint's largest query (MAX_DEADLINE_WORKDAYS)
    assert cal.workdays_between(DEFAULT_DATE_WINDOW.first, last) > 0


def test_past_the_last_representable_date_is_a_rule_violation_not_a_crash() -> None:
    cal = WorkdayCalendar()
    assert cal.add_workdays(D(9999, 12, 26), 5).date == cal.add_workdays(D(9999, 12, 31), 0).date == D(9999, 12, 31)
    for start, n in ((D(9999, 12, 31), 1), (D(9999, 12, 26), 6), (D(9998, 1, 1), 1000)):
        with pytest.raises(RuleViolation) as exc:
            cal.add_workdays(start, n)
        assert exc.value.code == "date_out_of_range"
    # the same through the ladder (a deadline stored before the window existed)
    with pytest.raises(RuleViolation):
        accountability_scheduled(D(9999, 12, 31), cal)


def test_ladder_settings_are_bounded() -> None:
    with pytest.raises(ValueError):
        TICKET_LADDER.configure({"warning_after_workdays": MAX_SETTING_WORKDAYS + 1})
    with pytest.raises(ValueError):
        LadderStep("reminder", MAX_SETTING_WORKDAYS + 1)
    assert LadderStep("reminder", MAX_SETTING_WORKDAYS).after_workdays == MAX_SETTING_WORKDAYS
