"""Supervision tickets: state machine, content, report, extension, metrics and accountability rules.

Working-day cases use real 2026 dates (chinesecalendar 1.11.0): 10-01..10-07 National Day holiday, Saturday
10-10 a make-up working day; 2027 is unknown to the package (fallback: Monday–Friday).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from workflows.deadlines import (
    ScheduledStep,
    accountability_scheduled,
    next_escalation,
    planned_escalations,
)
from workflows.errors import Conflict, RuleViolation
from workflows.supervision import (
    DEFAULT_SETTINGS,
    ESCALATING_STATES,
    PRIORITY_LABELS_ZH,
    SUPERVISION_TICKET,
    TICKET_LADDER,
    ExtensionDecision,
    Priority,
    ProblemInput,
    ProblemReport,
    SupervisionSettings,
    TicketDeadlines,
    TicketState,
    check_extension_request,
    check_report,
    check_ticket,
    closure_rate,
    decide_extension,
    escalation_start_level,
    is_on_time,
    needs_accountability,
    on_time_rate,
    tracked_deadline,
)
from workflows.workdays import Deadline, WorkdayCalendar

D = dt.date


class Row:
    """Stands in for a ticket row: only a `state` attribute."""

    def __init__(self, state: str) -> None:
        self.state = state


@pytest.fixture(scope="module")
def cal() -> WorkdayCalendar:
    return WorkdayCalendar()


def problems(n: int) -> list[ProblemInput]:
    return [ProblemInput(f"问题{i + 1}", f"整改要求{i + 1}") for i in range(n)]


def ticket(cal: WorkdayCalendar, **overrides: Any) -> TicketDeadlines:
    kwargs: dict[str, Any] = {
        "title": "关于加快非公企业党组织组建的督办单",
        "problems": problems(2),
        "rectification_workdays": 10,
        "issued_on": D(2026, 9, 29),
        "calendar": cal,
    }
    kwargs.update(overrides)
    title = kwargs.pop("title")
    items = kwargs.pop("problems")
    return check_ticket(title, items, **kwargs)


def refused(call: Any, *args: Any, **kwargs: Any) -> RuleViolation:
    with pytest.raises(RuleViolation) as exc:
        call(*args, **kwargs)
    return exc.value


# --- state machine -------------------------------------------------------------------------------

S = TicketState
EVENTS = ["issue", "acknowledge", "start_rectification", "submit_report", "close", "return_for_rework", "cancel"]

# (state, event) -> destination; every pair not listed must be refused.
ALLOWED: dict[tuple[str, str], str] = {
    (S.DRAFT, "issue"): S.ISSUED,
    (S.ISSUED, "acknowledge"): S.ACKNOWLEDGED,
    (S.ACKNOWLEDGED, "start_rectification"): S.RECTIFYING,
    (S.RECTIFYING, "submit_report"): S.SUBMITTED,
    (S.SUBMITTED, "close"): S.CLOSED,
    (S.SUBMITTED, "return_for_rework"): S.RECTIFYING,
    (S.DRAFT, "cancel"): S.CANCELLED,
    (S.ISSUED, "cancel"): S.CANCELLED,
    (S.ACKNOWLEDGED, "cancel"): S.CANCELLED,
    (S.RECTIFYING, "cancel"): S.CANCELLED,
    (S.SUBMITTED, "cancel"): S.CANCELLED,
}

GOOD_KWARGS: dict[str, Any] = {
    "problems_reported": [ProblemReport(1, "已召开专题会议部署整改", ["doc://1"]), ProblemReport(2, "已完成组建")],
    "problem_ids": [1, 2],
    "reason": "理由",
}


@pytest.mark.parametrize(("state", "event"), [(s, e) for s in S for e in EVENTS])
def test_every_transition_allowed_or_refused(state: str, event: str) -> None:
    row = Row(state)
    expected = ALLOWED.get((state, event))
    if expected is None:
        with pytest.raises(Conflict) as exc:
            SUPERVISION_TICKET.fire(row, event, **GOOD_KWARGS)
        assert exc.value.code == "transition_not_allowed"
        assert row.state == state
    else:
        SUPERVISION_TICKET.fire(row, event, **GOOD_KWARGS)
        assert row.state == expected


@pytest.mark.parametrize("state", list(S))
def test_allowed_events_match_table(state: str) -> None:
    assert SUPERVISION_TICKET.allowed_events(state) == [e for e in EVENTS if (state, e) in ALLOWED]


def test_acknowledge_never_jumps_to_rectifying() -> None:
    row = Row("issued")
    SUPERVISION_TICKET.fire(row, "acknowledge")
    assert row.state == "acknowledged"
    with pytest.raises(Conflict):
        SUPERVISION_TICKET.fire(row, "submit_report", **GOOD_KWARGS)  # must start rectification first
    assert row.state == "acknowledged"


def test_labels_terminal_and_guards() -> None:
    d = SUPERVISION_TICKET.describe()
    assert d["initial"] == "draft"
    assert {s["name"]: s["label"] for s in d["states"]} == {
        "draft": "草稿",
        "issued": "已下发",
        "acknowledged": "已签收",
        "rectifying": "整改中",
        "submitted": "已报送整改情况",
        "closed": "已办结（销号）",
        "cancelled": "已撤销",
    }
    assert {s["name"] for s in d["states"] if s["terminal"]} == {"closed", "cancelled"}
    assert {t["event"]: t["label"] for t in d["transitions"]} == {
        "issue": "下发",
        "acknowledge": "签收",
        "start_rectification": "开始整改",
        "submit_report": "报送整改情况",
        "close": "审核办结",
        "return_for_rework": "退回重新整改",
        "cancel": "撤销",
    }
    assert [t["event"] for t in d["transitions"] if t["guarded"]] == ["submit_report", "return_for_rework", "cancel"]
    text = SUPERVISION_TICKET.mermaid()
    assert "submitted --> rectifying: 退回重新整改" in text
    assert "closed --> [*]" in text and "cancelled --> [*]" in text


def test_submit_report_guard_runs_check_report() -> None:
    row = Row("rectifying")
    with pytest.raises(RuleViolation) as exc:
        SUPERVISION_TICKET.fire(row, "submit_report")
    assert (exc.value.code, exc.value.field) == ("report_required", "problems_reported")
    with pytest.raises(RuleViolation) as exc:
        SUPERVISION_TICKET.fire(
            row, "submit_report", problems_reported=[ProblemReport(1, "已整改")], problem_ids=[1, 2]
        )
    assert exc.value.code == "problem_not_reported"
    assert row.state == "rectifying"
    # The guard honours custom settings (here: no evidence allowed at all).
    strict = SupervisionSettings(max_evidence_per_problem=0)
    with pytest.raises(RuleViolation) as exc:
        SUPERVISION_TICKET.fire(row, "submit_report", settings=strict, **GOOD_KWARGS)
    assert exc.value.code == "too_much_evidence"
    assert row.state == "rectifying"


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_return_for_rework_needs_reason(reason: str | None) -> None:
    row = Row("submitted")
    with pytest.raises(RuleViolation) as exc:
        SUPERVISION_TICKET.fire(row, "return_for_rework", reason=reason)
    assert (exc.value.code, exc.value.field) == ("rework_reason_required", "reason")
    assert row.state == "submitted"


@pytest.mark.parametrize("state", ["draft", "issued", "acknowledged", "rectifying", "submitted"])
def test_cancel_needs_reason_from_every_open_state(state: str) -> None:
    row = Row(state)
    with pytest.raises(RuleViolation) as exc:
        SUPERVISION_TICKET.fire(row, "cancel")
    assert (exc.value.code, exc.value.field) == ("cancel_reason_required", "reason")
    assert row.state == state
    SUPERVISION_TICKET.fire(row, "cancel", reason="单位已撤并，督办事项不再适用")
    assert row.state == "cancelled"


def test_full_path_with_rework_and_enum_rows() -> None:
    row = Row(TicketState.DRAFT)
    for event in ["issue", "acknowledge", "start_rectification", "submit_report", "return_for_rework"]:
        SUPERVISION_TICKET.fire(row, event, **GOOD_KWARGS)
    assert row.state == "rectifying"
    SUPERVISION_TICKET.fire(row, "submit_report", **GOOD_KWARGS)
    SUPERVISION_TICKET.fire(row, "close")
    assert row.state == "closed" and type(row.state) is str
    assert SUPERVISION_TICKET.allowed_events(row.state) == []


# --- ticket content: problems --------------------------------------------------------------------


@pytest.mark.parametrize(("n", "ok"), [(0, False), (1, True), (50, True), (51, False)])
def test_problem_count_edges(cal: WorkdayCalendar, n: int, ok: bool) -> None:
    if ok:
        assert isinstance(ticket(cal, problems=problems(n)), TicketDeadlines)
    else:
        exc = refused(ticket, cal, problems=problems(n))
        assert exc.code == ("problems_required" if n == 0 else "too_many_problems")
        assert exc.field == "problems"


def test_problem_limit_is_a_setting(cal: WorkdayCalendar) -> None:
    settings = SupervisionSettings(max_problems=3)
    assert ticket(cal, problems=problems(3), settings=settings).rectify_by.date == D(2026, 10, 19)
    exc = refused(ticket, cal, problems=problems(4), settings=settings)
    assert exc.code == "too_many_problems" and "3" in exc.message


@pytest.mark.parametrize(
    ("bad", "code", "field"),
    [
        (ProblemInput("", "整改"), "problem_description_required", "problems[1].description"),
        (ProblemInput("  ", "整改"), "problem_description_required", "problems[1].description"),
        (ProblemInput("问题", ""), "problem_measure_required", "problems[1].measure"),
        (ProblemInput("问题", None), "problem_measure_required", "problems[1].measure"),  # type: ignore[arg-type]
    ],
)
def test_each_problem_needs_description_and_measure(
    cal: WorkdayCalendar, bad: ProblemInput, code: str, field: str
) -> None:
    exc = refused(ticket, cal, problems=[ProblemInput("问题", "整改"), bad])
    assert (exc.code, exc.field) == (code, field)
    assert "第2个问题" in exc.message


@pytest.mark.parametrize("title", ["", "   ", None])
def test_title_required(cal: WorkdayCalendar, title: str | None) -> None:
    exc = refused(ticket, cal, title=title)
    assert (exc.code, exc.field) == ("title_required", "title")


# --- ticket content: deadlines -------------------------------------------------------------------


def test_exactly_one_kind_of_deadline(cal: WorkdayCalendar) -> None:
    exc = refused(ticket, cal, rectification_deadline=D(2026, 10, 30), rectification_workdays=10)
    assert (exc.code, exc.field) == ("rectification_deadline_ambiguous", "rectification_deadline")
    exc = refused(ticket, cal, rectification_workdays=None)
    assert (exc.code, exc.field) == ("rectification_deadline_required", "rectification_deadline")


@pytest.mark.parametrize(
    ("deadline", "ok"),
    [(D(2026, 9, 28), False), (D(2026, 9, 29), False), (D(2026, 9, 30), True)],  # before / on / after issue
)
def test_deadline_date_must_be_after_issue_date(cal: WorkdayCalendar, deadline: dt.date, ok: bool) -> None:
    kwargs = {"rectification_deadline": deadline, "rectification_workdays": None}
    if ok:
        result = ticket(cal, **kwargs)
        assert result.rectify_by == Deadline(deadline, "official")
        # Two working days would be 10-08; clamped to the earlier rectification deadline.
        assert result.acknowledge_by.date == D(2026, 9, 30)
    else:
        exc = refused(ticket, cal, **kwargs)
        assert (exc.code, exc.field) == ("rectification_deadline_not_after_issue", "rectification_deadline")
        assert "2026-09-29" in exc.message


def test_explicit_deadline_on_a_holiday_is_taken_as_given(cal: WorkdayCalendar) -> None:
    result = ticket(cal, rectification_deadline=D(2026, 10, 3), rectification_workdays=None, issued_on=D(2026, 9, 1))
    assert result.rectify_by == Deadline(D(2026, 10, 3), "official")
    assert result.acknowledge_by == Deadline(D(2026, 9, 3), "official")


def test_deadline_date_must_be_a_date_not_a_datetime(cal: WorkdayCalendar) -> None:
    exc = refused(ticket, cal, rectification_deadline=dt.datetime(2026, 10, 30, 9), rectification_workdays=None)
    assert (exc.code, exc.field) == ("invalid_rectification_deadline", "rectification_deadline")


def test_working_day_deadlines_across_national_day(cal: WorkdayCalendar) -> None:
    # Issued Wednesday 09-30: 10-08, 10-09, 10-10 (make-up Saturday) are the next working days.
    result = ticket(cal, issued_on=D(2026, 9, 30), rectification_workdays=3)
    assert result == TicketDeadlines(
        acknowledge_by=Deadline(D(2026, 10, 9), "official"),
        rectify_by=Deadline(D(2026, 10, 10), "official"),
    )
    # Issued on a holiday: the count starts after it, the same as issuing on 09-30.
    assert ticket(cal, issued_on=D(2026, 10, 3), rectification_workdays=3) == result
    # Issued Tuesday 09-29: 09-30, 10-08, 10-09, 10-10, 10-12 .. 10-16 are nine; the tenth is Monday 10-19.
    assert ticket(cal).rectify_by == Deadline(D(2026, 10, 19), "official")


@pytest.mark.parametrize("workdays", [0, -1, True])
def test_rectification_workdays_must_be_positive_int(cal: WorkdayCalendar, workdays: int) -> None:
    exc = refused(ticket, cal, rectification_workdays=workdays)
    assert (exc.code, exc.field) == ("invalid_rectification_workdays", "rectification_workdays")


def test_one_working_day_clamps_acknowledgement(cal: WorkdayCalendar) -> None:
    result = ticket(cal, issued_on=D(2026, 9, 30), rectification_workdays=1)
    assert result.rectify_by.date == D(2026, 10, 8)
    assert result.acknowledge_by == result.rectify_by  # not 10-09, after the rectification deadline


def test_acknowledge_workdays_setting_and_override(cal: WorkdayCalendar) -> None:
    assert DEFAULT_SETTINGS.acknowledge_workdays == 2
    assert ticket(cal, issued_on=D(2026, 9, 30)).acknowledge_by.date == D(2026, 10, 9)
    assert ticket(cal, issued_on=D(2026, 9, 30), acknowledge_workdays=3).acknowledge_by.date == D(2026, 10, 10)
    settings = SupervisionSettings(acknowledge_workdays=1)
    assert ticket(cal, issued_on=D(2026, 9, 30), settings=settings).acknowledge_by.date == D(2026, 10, 8)
    exc = refused(ticket, cal, acknowledge_workdays=0)
    assert (exc.code, exc.field) == ("invalid_acknowledge_workdays", "acknowledge_workdays")


def test_deadline_in_year_without_calendar_data_is_flagged(cal: WorkdayCalendar) -> None:
    # 12-31 (official), then 2027 on Monday–Friday: 01-01, 01-04, 01-05, 01-06.
    result = ticket(cal, issued_on=D(2026, 12, 30), rectification_workdays=5)
    assert result.rectify_by == Deadline(D(2027, 1, 6), "fallback")
    assert result.acknowledge_by == Deadline(D(2027, 1, 1), "fallback")


# --- priority and escalation ---------------------------------------------------------------------


def test_priority_labels_and_validation(cal: WorkdayCalendar) -> None:
    assert {p.value: PRIORITY_LABELS_ZH[p] for p in Priority} == {
        "normal": "一般",
        "urgent": "紧急",
        "critical": "特急",
    }
    assert isinstance(ticket(cal, priority="critical"), TicketDeadlines)
    exc = refused(ticket, cal, priority="very_urgent")
    assert (exc.code, exc.field) == ("unknown_priority", "priority")


@pytest.mark.parametrize(
    ("priority", "start", "plan"),
    [
        ("normal", None, [("reminder", D(2026, 10, 8)), ("warning", D(2026, 10, 12)), ("interview", D(2026, 10, 15))]),
        ("urgent", "warning", [("warning", D(2026, 10, 8)), ("interview", D(2026, 10, 12))]),
        ("critical", "interview", [("interview", D(2026, 10, 8))]),
    ],
)
def test_priority_start_levels_on_the_ticket_ladder(
    cal: WorkdayCalendar, priority: str, start: str | None, plan: list[tuple[str, dt.date]]
) -> None:
    ladder = TICKET_LADDER.defaults().ladder()
    level = escalation_start_level(priority, ladder=ladder)
    assert level == start
    # Deadline 09-30: the first overdue working day is 10-08, whatever level the ticket starts at.
    assert [(s.level, s.due_on) for s in planned_escalations(ladder, D(2026, 9, 30), cal, level)] == plan


def test_priority_start_levels_are_a_checked_setting(cal: WorkdayCalendar) -> None:
    custom = SupervisionSettings(priority_start_levels={"normal": None, "urgent": "warning", "critical": "red_notice"})
    with_red = TICKET_LADDER.configure({"red_notice_after_workdays": 2}).ladder()
    assert custom.start_level("critical", with_red) == "red_notice"
    first = next_escalation(with_red, D(2026, 9, 30), None, cal, custom.start_level("critical"))
    assert first == ScheduledStep("red_notice", "红色通报", D(2026, 10, 8), "official")
    # The default ticket ladder has no red notice: a configuration error, not a user error.
    with pytest.raises(ValueError, match="red_notice"):
        custom.start_level("critical", TICKET_LADDER.defaults().ladder())
    with pytest.raises(RuleViolation):
        custom.start_level("unknown")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"acknowledge_workdays": 0},
        {"max_problems": 0},
        {"max_evidence_per_problem": -1},
        {"extension_lead_workdays": -1},
        {"priority_start_levels": {"normal": None, "urgent": "warning"}},
        {"priority_start_levels": {"normal": None, "urgent": "warning", "critical": "accountability"}},
    ],
)
def test_invalid_settings_refused(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="invalid SupervisionSettings"):
        SupervisionSettings(**kwargs)


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("draft", None),
        ("issued", D(2026, 10, 9)),
        ("acknowledged", D(2026, 10, 16)),
        ("rectifying", D(2026, 10, 16)),
        ("submitted", None),
        ("closed", None),
        ("cancelled", None),
    ],
)
def test_tracked_deadline_per_state(state: str, expected: dt.date | None) -> None:
    assert tracked_deadline(state, D(2026, 10, 9), D(2026, 10, 16)) == expected
    assert (state in ESCALATING_STATES) == (state in {"issued", "acknowledged", "rectifying"})


# --- rectification report ------------------------------------------------------------------------


def test_complete_report_passes_with_0_and_20_evidence_items() -> None:
    reports = [
        ProblemReport("p1", "已完成", []),
        ProblemReport("p2", "已完成", [f"https://files.example/{i}.pdf" for i in range(20)]),
    ]
    assert check_report(reports, ["p2", "p1"]) is None


def test_report_missing_a_problem() -> None:
    exc = refused(check_report, [ProblemReport(1, "已完成")], [1, 2, 3])
    assert (exc.code, exc.field) == ("problem_not_reported", "problems_reported")
    assert "2" in exc.message and "3" in exc.message
    assert refused(check_report, [], [1]).code == "problem_not_reported"


def test_report_duplicate_problem() -> None:
    exc = refused(check_report, [ProblemReport(1, "已完成"), ProblemReport(2, "好"), ProblemReport(1, "再报")], [1, 2])
    assert (exc.code, exc.field) == ("problem_reported_twice", "problems_reported[2].problem_id")


def test_report_unknown_problem() -> None:
    exc = refused(check_report, [ProblemReport(1, "已完成"), ProblemReport(9, "已完成")], [1])
    assert (exc.code, exc.field) == ("unknown_problem", "problems_reported[1].problem_id")


@pytest.mark.parametrize("measures", ["", "  \n", None])
def test_report_needs_measures_taken(measures: str | None) -> None:
    exc = refused(check_report, [ProblemReport(1, measures)], [1])  # type: ignore[arg-type]
    assert (exc.code, exc.field) == ("measures_taken_required", "problems_reported[0].measures_taken")


def test_report_evidence_limits() -> None:
    exc = refused(check_report, [ProblemReport(1, "已完成", ["f"] * 21)], [1])
    assert (exc.code, exc.field) == ("too_much_evidence", "problems_reported[0].evidence")
    exc = refused(check_report, [ProblemReport(1, "已完成", ["file://a", " "])], [1])
    assert (exc.code, exc.field) == ("invalid_evidence", "problems_reported[0].evidence[1]")
    exc = refused(check_report, [ProblemReport(1, "已完成", "file://a")], [1])  # a string, not a list
    assert (exc.code, exc.field) == ("invalid_evidence", "problems_reported[0].evidence")
    assert (
        check_report([ProblemReport(1, "已完成", ["f"] * 25)], [1], SupervisionSettings(max_evidence_per_problem=25))
        is None
    )


# --- extension -----------------------------------------------------------------------------------

DEADLINE = D(2026, 10, 9)  # Friday after National Day


@pytest.mark.parametrize(
    ("today", "ok"),
    [(D(2026, 9, 30), True), (D(2026, 10, 8), True), (D(2026, 10, 9), True), (D(2026, 10, 10), False)],
)
def test_extension_before_on_and_after_deadline(cal: WorkdayCalendar, today: dt.date, ok: bool) -> None:
    args = (today, DEADLINE, D(2026, 10, 23), "需协调多家企业，时间不足", cal)
    if ok:
        assert check_extension_request(*args) is None
    else:
        exc = refused(check_extension_request, *args)
        assert (exc.code, exc.field) == ("extension_too_late", "new_deadline")
        assert "2026-10-09" in exc.message


def test_extension_lead_workdays_setting(cal: WorkdayCalendar) -> None:
    one_day = SupervisionSettings(extension_lead_workdays=1)
    new = D(2026, 10, 23)
    assert check_extension_request(D(2026, 10, 8), DEADLINE, new, "理由", cal, settings=one_day) is None
    exc = refused(check_extension_request, DEADLINE, DEADLINE, new, "理由", cal, settings=one_day)
    assert exc.code == "extension_too_late" and "1个工作日" in exc.message
    # Deadline 10-08: from 09-30 only 10-08 itself is left (the holiday week does not count).
    two_days = SupervisionSettings(extension_lead_workdays=2)
    assert check_extension_request(D(2026, 9, 30), D(2026, 10, 8), new, "理由", cal, settings=one_day) is None
    exc = refused(check_extension_request, D(2026, 9, 30), D(2026, 10, 8), new, "理由", cal, settings=two_days)
    assert exc.code == "extension_too_late"


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_extension_needs_reason(cal: WorkdayCalendar, reason: str | None) -> None:
    exc = refused(check_extension_request, D(2026, 10, 8), DEADLINE, D(2026, 10, 23), reason, cal)
    assert (exc.code, exc.field) == ("extension_reason_required", "reason")


@pytest.mark.parametrize(
    ("new", "code"),
    [
        (None, "extension_deadline_required"),
        (D(2026, 10, 8), "extension_not_later"),
        (DEADLINE, "extension_not_later"),
    ],
)
def test_extension_new_date_after_current(cal: WorkdayCalendar, new: dt.date | None, code: str) -> None:
    exc = refused(check_extension_request, D(2026, 10, 8), DEADLINE, new, "理由", cal)
    assert (exc.code, exc.field) == (code, "new_deadline")
    assert check_extension_request(D(2026, 10, 8), DEADLINE, D(2026, 10, 10), "理由", cal) is None


def test_pending_extension_blocks_another(cal: WorkdayCalendar) -> None:
    with pytest.raises(Conflict) as exc:
        check_extension_request(D(2026, 10, 8), DEADLINE, D(2026, 10, 23), "理由", cal, pending=True)
    assert exc.value.code == "extension_already_pending"


@pytest.mark.parametrize("state", list(S))
def test_extension_only_while_the_unit_owes_work(cal: WorkdayCalendar, state: str) -> None:
    args = (D(2026, 10, 8), DEADLINE, D(2026, 10, 23), "理由", cal)
    if state in {"issued", "acknowledged", "rectifying"}:
        assert check_extension_request(*args, state=state) is None
    else:
        with pytest.raises(Conflict) as exc:
            check_extension_request(*args, state=state)
        assert exc.value.code == "extension_not_allowed_in_state"
        assert SUPERVISION_TICKET.state_label(state) in exc.value.message


def test_decide_extension_approve_keeps_previous_deadline() -> None:
    decision = decide_extension(True, DEADLINE, D(2026, 10, 23))
    assert decision == ExtensionDecision(True, DEADLINE, D(2026, 10, 23), D(2026, 10, 23), None)
    shorter = decide_extension(True, DEADLINE, D(2026, 10, 23), approved_deadline=D(2026, 10, 16), comment=" 同意 ")
    assert (shorter.effective_deadline, shorter.previous_deadline, shorter.comment) == (
        D(2026, 10, 16),
        DEADLINE,
        "同意",
    )


@pytest.mark.parametrize(
    ("approved", "code"),
    [
        (D(2026, 10, 24), "approved_deadline_after_requested"),
        (DEADLINE, "extension_not_later"),
        (D(2026, 10, 8), "extension_not_later"),
    ],
)
def test_decide_extension_approved_date_window(approved: dt.date, code: str) -> None:
    exc = refused(decide_extension, True, DEADLINE, D(2026, 10, 23), approved_deadline=approved)
    assert (exc.code, exc.field) == (code, "approved_deadline")


def test_decide_extension_refusal() -> None:
    exc = refused(decide_extension, False, DEADLINE, D(2026, 10, 23))
    assert (exc.code, exc.field) == ("extension_rejection_reason_required", "comment")
    decision = decide_extension(False, DEADLINE, D(2026, 10, 23), comment="整改任务可按期完成")
    assert not decision.approved and decision.effective_deadline == DEADLINE
    exc = refused(decide_extension, False, DEADLINE, D(2026, 10, 23), approved_deadline=D(2026, 10, 16), comment="否")
    assert exc.code == "approved_deadline_without_approval"


# --- metrics -------------------------------------------------------------------------------------


def test_rates() -> None:
    assert closure_rate(0, 0) is None
    assert on_time_rate(0, 0) is None
    assert closure_rate(3, 4) == Decimal("0.75")
    assert closure_rate(2, 3) == Decimal("0.6667")  # four decimals, half up
    assert closure_rate(4, 4) == Decimal("1")
    assert closure_rate(0, 7) == Decimal("0")
    assert on_time_rate(1, 3) == Decimal("0.3333")
    assert isinstance(on_time_rate(1, 3), Decimal)


@pytest.mark.parametrize(("part", "whole"), [(5, 4), (-1, 3), (1, -1), (True, 2)])
def test_rates_refuse_impossible_counts(part: int, whole: int) -> None:
    with pytest.raises(ValueError):
        closure_rate(part, whole)
    with pytest.raises(ValueError):
        on_time_rate(part, whole)


def test_on_time_judged_by_report_date_against_effective_deadline() -> None:
    assert is_on_time(D(2026, 10, 9), D(2026, 10, 9))
    assert is_on_time(D(2026, 10, 8), D(2026, 10, 9))
    assert not is_on_time(D(2026, 10, 10), D(2026, 10, 9))


# --- accountability ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "state", "expected"),
    [
        (D(2026, 10, 8), "rectifying", False),  # before
        (D(2026, 10, 9), "rectifying", False),  # the deadline day is still within time
        (D(2026, 10, 10), "rectifying", True),
        (D(2026, 10, 10), "issued", True),
        (D(2026, 10, 10), "acknowledged", True),
        (D(2026, 10, 10), "submitted", False),  # reported: the supervisor has it
        (D(2026, 10, 10), "closed", False),
        (D(2026, 10, 10), "cancelled", False),
    ],
)
def test_accountability_after_missed_post_interview_deadline(today: dt.date, state: str, expected: bool) -> None:
    assert needs_accountability(D(2026, 10, 9), today, state) is expected


def test_no_accountability_without_an_interview_deadline(cal: WorkdayCalendar) -> None:
    assert needs_accountability(None, D(2027, 1, 1), "rectifying") is False
    # The sweep raises it on the first working day after the deadline: the make-up Saturday 10-10.
    assert accountability_scheduled(D(2026, 10, 9), cal).due_on == D(2026, 10, 10)
