"""Warning lights and the escalation ladder on real 2026 dates (chinesecalendar 1.11.0 data)."""

from __future__ import annotations

import datetime as dt

import pytest

from workflows.approval import APPROVAL_TASK_LADDER
from workflows.deadlines import (
    LEVEL_LABELS,
    WARNING_LABELS,
    EscalationSettings,
    Ladder,
    LadderStep,
    ScheduledStep,
    accountability_due,
    accountability_scheduled,
    next_escalation,
    planned_escalations,
    warning_level,
)
from workflows.errors import RuleViolation
from workflows.establishment import PREPARATION_LADDER, preparation_deadline
from workflows.registry import LADDERS
from workflows.supervision import TICKET_LADDER
from workflows.workdays import WorkdayCalendar

D = dt.date


@pytest.fixture(scope="module")
def cal() -> WorkdayCalendar:
    return WorkdayCalendar()


@pytest.fixture(scope="module")
def ticket_ladder() -> Ladder:
    return TICKET_LADDER.defaults().ladder()


# --- warning light -------------------------------------------------------------------------------

# Week of Mon 2026-03-09 .. Fri 03-13, an ordinary week.
MON, TUE, WED, THU, FRI = (D(2026, 3, d) for d in range(9, 14))


def test_overdue_is_red(cal: WorkdayCalendar) -> None:
    assert warning_level(TUE, MON, cal) == "red"  # deadline was yesterday
    assert warning_level(D(2026, 3, 14), FRI, cal) == "red"  # red from Saturday, a non-working day


def test_deadline_today_is_yellow(cal: WorkdayCalendar) -> None:
    assert warning_level(THU, THU, cal) == "yellow"
    assert warning_level(THU, THU, cal, yellow_within_workdays=0) == "yellow"  # 0 days left <= 0


@pytest.mark.parametrize(
    ("deadline", "expected"),
    [(TUE, "yellow"), (THU, "yellow"), (FRI, "green")],  # 1, 3, 4 working days left
)
def test_yellow_within_three_workdays(cal: WorkdayCalendar, deadline: dt.date, expected: str) -> None:
    assert warning_level(MON, deadline, cal) == expected


def test_deadline_day_counts_today_does_not(cal: WorkdayCalendar) -> None:
    # Mon -> Thu is 3 days left (Tue, Wed, Thu). If Thu did not count it would be 2 and yellow at N=2.
    assert cal.workdays_between(MON, THU) == 3
    assert warning_level(MON, THU, cal, yellow_within_workdays=2) == "green"
    assert warning_level(MON, WED, cal, yellow_within_workdays=2) == "yellow"
    # If today counted, Mon -> Wed would be 3 and green at N=2.


def test_holidays_do_not_count_as_days_left(cal: WorkdayCalendar) -> None:
    # Nine calendar days, but only 10-08 and 10-09 are working days.
    assert warning_level(D(2026, 9, 30), D(2026, 10, 9), cal) == "yellow"
    # 10-08, 10-09, 10-10 (make-up Saturday), 10-12: four.
    assert warning_level(D(2026, 9, 30), D(2026, 10, 12), cal) == "green"
    # Deadline on a holiday: only 09-30 is left before it.
    assert warning_level(D(2026, 9, 29), D(2026, 10, 5), cal, yellow_within_workdays=1) == "yellow"
    assert warning_level(D(2026, 10, 6), D(2026, 10, 5), cal) == "red"


def test_warning_labels_and_bad_threshold(cal: WorkdayCalendar) -> None:
    assert WARNING_LABELS == {"green": "绿灯 正常", "yellow": "黄灯 临期", "red": "红灯 逾期"}
    with pytest.raises(ValueError):
        warning_level(MON, FRI, cal, yellow_within_workdays=-1)


# --- ladders and settings ------------------------------------------------------------------------


def test_default_ladders(ticket_ladder: Ladder) -> None:
    assert ticket_ladder.levels == ("reminder", "warning", "interview")
    assert [s.after_workdays for s in ticket_ladder.steps] == [0, 3, 3]
    assert [s.label_zh for s in ticket_ladder.steps] == ["催办", "预警", "约谈"]
    approval = APPROVAL_TASK_LADDER.defaults().ladder()
    assert approval.levels == ("reminder", "escalate_to_superior")
    assert [s.label_zh for s in approval.steps] == ["催办", "上报上级"]
    assert PREPARATION_LADDER.defaults().ladder().levels == ("reminder", "warning")
    assert "accountability" not in ticket_ladder.levels  # a separate rule


def test_red_notice_optional(ticket_ladder: Ladder) -> None:
    assert "red_notice" not in ticket_ladder.levels
    ladder = TICKET_LADDER.configure({"red_notice_after_workdays": 2}).ladder()
    assert ladder.levels == ("reminder", "warning", "red_notice", "interview")
    assert ladder.steps[2].label_zh == "红色通报"


def test_level_labels() -> None:
    assert LEVEL_LABELS["accountability"] == "问责"
    assert LadderStep("interview", 1).label_zh == "约谈"
    assert LadderStep("site_visit", 1, "实地督导").label_zh == "实地督导"


def test_invalid_ladders_refused() -> None:
    with pytest.raises(ValueError):
        LadderStep("site_visit", 1)  # no label known
    with pytest.raises(ValueError):
        LadderStep("reminder", -1)
    with pytest.raises(ValueError):
        Ladder([])
    with pytest.raises(ValueError):
        Ladder([LadderStep("reminder", 0), LadderStep("reminder", 3)])
    with pytest.raises(ValueError):
        TICKET_LADDER.configure({"warning_after_workdays": -2})
    with pytest.raises(ValueError):
        PREPARATION_LADDER.configure({"preparation_limit_workdays": -1})


def test_settings_per_item_type() -> None:
    settings = EscalationSettings.from_declarations(
        LADDERS, {"approval_task": {"escalate_to_superior_after_workdays": 5}}
    )
    assert settings.ladder_for("approval_task").steps[1].after_workdays == 5
    assert settings.ladder_for("supervision_ticket").levels == ("reminder", "warning", "interview")
    assert settings.for_item("establishment").preparation_limit_workdays == 30
    with pytest.raises(ValueError):
        settings.ladder_for("no_such_item")


# --- next_escalation -----------------------------------------------------------------------------


def test_ticket_ladder_in_sequence_across_national_day(cal: WorkdayCalendar, ticket_ladder: Ladder) -> None:
    deadline = D(2026, 9, 30)
    reminder = next_escalation(ticket_ladder, deadline, None, cal)
    assert reminder == ScheduledStep("reminder", "催办", D(2026, 10, 8), "official")  # first overdue working day
    warning = next_escalation(ticket_ladder, deadline, "reminder", cal, reached_on=reminder.due_on)
    assert warning == ScheduledStep("warning", "预警", D(2026, 10, 12), "official")  # 10-09, 10-10, 10-12
    interview = next_escalation(ticket_ladder, deadline, "warning", cal, reached_on=warning.due_on)
    assert interview == ScheduledStep("interview", "约谈", D(2026, 10, 15), "official")
    assert next_escalation(ticket_ladder, deadline, "interview", cal, reached_on=interview.due_on) is None
    assert planned_escalations(ticket_ladder, deadline, cal) == [reminder, warning, interview]


def test_friday_deadline_reminder_on_monday(cal: WorkdayCalendar, ticket_ladder: Ladder) -> None:
    step = next_escalation(ticket_ladder, FRI, None, cal)
    assert step is not None and step.due_on == D(2026, 3, 16)
    assert not step.is_due(D(2026, 3, 14)) and step.is_due(D(2026, 3, 16))


def test_after_downtime_only_the_next_level_is_due(cal: WorkdayCalendar, ticket_ladder: Ladder) -> None:
    deadline = D(2026, 6, 1)
    back_up = D(2026, 9, 1)  # Tuesday; every level would be long overdue on the ideal schedule
    planned = planned_escalations(ticket_ladder, deadline, cal)
    assert all(s.is_due(back_up) for s in planned)

    reminder = next_escalation(ticket_ladder, deadline, None, cal)
    assert reminder is not None and reminder.level == "reminder" and reminder.is_due(back_up)
    # The sweep performs the reminder on back_up; the warning is scheduled from that day, not from June.
    warning = next_escalation(ticket_ladder, deadline, "reminder", cal, reached_on=back_up)
    assert warning is not None and warning.level == "warning"
    assert warning.due_on == D(2026, 9, 4)
    assert not warning.is_due(back_up) and not warning.is_due(D(2026, 9, 3))


def test_reached_on_non_working_day(cal: WorkdayCalendar, ticket_ladder: Ladder) -> None:
    # A reminder sent by hand on a holiday: three working days after it are 10-08, 10-09, 10-10.
    step = next_escalation(ticket_ladder, D(2026, 9, 28), "reminder", cal, reached_on=D(2026, 10, 3))
    assert step is not None and (step.level, step.due_on) == ("warning", D(2026, 10, 10))


def test_zero_delay_step_same_working_day_or_next(cal: WorkdayCalendar) -> None:
    ladder = Ladder([LadderStep("reminder", 0), LadderStep("warning", 0)])
    on_workday = next_escalation(ladder, D(2026, 9, 1), "reminder", cal, reached_on=D(2026, 10, 10))
    on_holiday = next_escalation(ladder, D(2026, 9, 1), "reminder", cal, reached_on=D(2026, 10, 4))
    assert on_workday is not None and on_workday.due_on == D(2026, 10, 10)
    assert on_holiday is not None and on_holiday.due_on == D(2026, 10, 8)


def test_first_step_delay_counts_from_first_overdue_day(cal: WorkdayCalendar) -> None:
    ladder = Ladder([LadderStep("reminder", 2), LadderStep("warning", 3)])
    step = next_escalation(ladder, D(2026, 9, 30), None, cal)
    assert step is not None and step.due_on == D(2026, 10, 10)  # 10-08 + 2 working days


def test_urgent_item_starts_higher(cal: WorkdayCalendar, ticket_ladder: Ladder) -> None:
    deadline = D(2026, 9, 30)
    first = next_escalation(ticket_ladder, deadline, None, cal, start_level="interview")
    assert first == ScheduledStep("interview", "约谈", D(2026, 10, 8), "official")  # no later than a reminder
    assert next_escalation(ticket_ladder, deadline, "interview", cal, "interview", reached_on=first.due_on) is None
    plan = planned_escalations(ticket_ladder, deadline, cal, start_level="warning")
    assert [(s.level, s.due_on) for s in plan] == [
        ("warning", D(2026, 10, 8)),
        ("interview", D(2026, 10, 12)),
    ]


def test_item_turning_urgent_after_reminder_jumps(cal: WorkdayCalendar, ticket_ladder: Ladder) -> None:
    step = next_escalation(
        ticket_ladder, D(2026, 9, 30), "reminder", cal, start_level="interview", reached_on=D(2026, 10, 8)
    )
    assert step is not None and (step.level, step.due_on) == ("interview", D(2026, 10, 12))


def test_next_escalation_input_errors(cal: WorkdayCalendar, ticket_ladder: Ladder) -> None:
    with pytest.raises(RuleViolation) as exc:
        next_escalation(ticket_ladder, D(2026, 9, 30), None, cal, start_level="escalate_to_superior")
    assert (exc.value.code, exc.value.field) == ("unknown_escalation_level", "start_level")
    assert "上报上级" in exc.value.message
    with pytest.raises(RuleViolation) as exc:
        next_escalation(ticket_ladder, D(2026, 9, 30), "nonsense", cal, reached_on=D(2026, 10, 8))
    assert exc.value.field == "reached_level"
    with pytest.raises(ValueError):
        next_escalation(ticket_ladder, D(2026, 9, 30), "reminder", cal)  # reached_on missing


def test_approval_task_reminds_then_escalates(cal: WorkdayCalendar) -> None:
    ladder = EscalationSettings.from_declarations(LADDERS).ladder_for("approval_task")
    due = cal.add_workdays(D(2026, 9, 21), 5).date  # a step due 5 working days after assignment
    assert due == D(2026, 9, 29)  # 09-22, 23, 24, (25–27 Mid-autumn), 28, 29
    reminder = next_escalation(ladder, due, None, cal)
    assert reminder is not None and (reminder.level, reminder.due_on) == ("reminder", D(2026, 9, 30))
    up = next_escalation(ladder, due, "reminder", cal, reached_on=reminder.due_on)
    assert up is not None and (up.level, up.label_zh, up.due_on) == (
        "escalate_to_superior",
        "上报上级",
        D(2026, 10, 10),
    )


def test_establishment_stuck_in_preparation(cal: WorkdayCalendar) -> None:
    settings = PREPARATION_LADDER.defaults()
    limit = preparation_deadline(D(2026, 9, 1), settings.preparation_limit_workdays, cal)
    assert limit.basis == "official"
    assert cal.workdays_between(D(2026, 9, 1), limit.date) == 30
    # 30 working days counting Sunday 09-20 (make-up), skipping Mid-autumn and the National Day week.
    assert limit.date == D(2026, 10, 19)
    assert warning_level(D(2026, 10, 20), limit.date, cal, settings.yellow_within_workdays) == "red"
    plan = planned_escalations(settings.ladder(), limit.date, cal)
    assert [(s.level, s.due_on) for s in plan] == [
        ("reminder", D(2026, 10, 20)),
        ("warning", D(2026, 10, 27)),
    ]


def test_escalation_basis_turns_fallback_in_unknown_year(ticket_ladder: Ladder) -> None:
    cal = WorkdayCalendar()
    plan = planned_escalations(ticket_ladder, D(2026, 12, 30), cal)
    assert [(s.due_on, s.basis) for s in plan] == [
        (D(2026, 12, 31), "official"),
        (D(2027, 1, 5), "fallback"),
        (D(2027, 1, 8), "fallback"),
    ]
    loaded = WorkdayCalendar({D(2027, 1, 1): False}, loaded_years=[2027])
    plan = planned_escalations(ticket_ladder, D(2026, 12, 30), loaded)
    assert [(s.due_on, s.basis) for s in plan] == [
        (D(2026, 12, 31), "official"),
        (D(2027, 1, 6), "official"),
        (D(2027, 1, 11), "official"),
    ]


# --- accountability ------------------------------------------------------------------------------


def test_accountability_only_after_missed_post_interview_deadline(cal: WorkdayCalendar) -> None:
    deadline = D(2026, 9, 30)
    assert not accountability_due(deadline, D(2026, 9, 29))
    assert not accountability_due(deadline, deadline)
    assert accountability_due(deadline, D(2026, 10, 1))
    assert accountability_scheduled(deadline, cal) == ScheduledStep(
        "accountability", "问责", D(2026, 10, 8), "official"
    )
