"""The pure rules of re-elections (workflows/re_election.py), table-tested at their edges: the due window,
the reminders (6 and 3 months before, monthly after), the postponement limit, the slate by the founding
committee rules, and the general meeting's quorum and majority (the founding rule table, reused)."""

from __future__ import annotations

from datetime import date

import pytest

from workflows import establishment as founding
from workflows import re_election as rules
from workflows.errors import RuleViolation
from workflows.establishment import Candidate, GeneralMeeting

S = founding.DEFAULT_SETTINGS
DUE = date(2027, 3, 31)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 8, 31), 6, date(2027, 2, 28)),  # a day the month lacks: its last day
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2027, 3, 31), -1, date(2027, 2, 28)),
        (date(2027, 3, 31), -6, date(2026, 9, 30)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert rules.add_months(day, months) == expected


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (date(2026, 9, 29), None),  # one day before the 6-month window opens
        (date(2026, 9, 30), "due"),  # the due date is exactly 6 months ahead: due
        (date(2027, 3, 31), "due"),  # the due day itself
        (date(2027, 4, 1), "overdue"),  # the day after
    ],
)
def test_due_status_edges(today: date, status: str | None) -> None:
    assert rules.due_status(DUE, today) == status
    assert rules.due_status(None, today) is None


@pytest.mark.parametrize(
    ("today", "key"),
    [
        (date(2026, 9, 29), None),
        (date(2026, 9, 30), "before_6"),
        (date(2026, 12, 30), "before_6"),
        (date(2026, 12, 31), "before_3"),
        (date(2027, 3, 31), "before_3"),
        (date(2027, 4, 1), "overdue_1"),  # the day after the due date
        (date(2027, 4, 30), "overdue_1"),
        (date(2027, 5, 1), "overdue_2"),  # then monthly
        (date(2027, 12, 25), "overdue_9"),
    ],
)
def test_the_reminder_due_on_a_day(today: date, key: str | None) -> None:
    reminder = rules.reminder_due(DUE, today)
    assert (reminder.key if reminder else None) == key


def test_reminders_follow_the_settings() -> None:
    s = rules.ReElectionSettings(remind_months_before=(3, 1), overdue_every_months=2)
    assert [r.key for r in rules.reminder_points(DUE, s)] == ["before_3", "before_1"]
    assert rules.overdue_reminder(DUE, 2, s).due_on == date(2027, 6, 1)
    with pytest.raises(ValueError):
        rules.ReElectionSettings(max_postponement_months=0)
    with pytest.raises(ValueError):
        rules.ReElectionSettings(remind_months_before=(30,))


@pytest.mark.parametrize(
    ("kind", "new", "code"),
    [
        ("postponement", date(2028, 3, 31), None),  # exactly one year: allowed
        ("postponement", date(2028, 4, 1), "postponement_too_long"),  # a day beyond
        ("postponement", DUE, "postponement_not_later"),
        ("postponement", None, "new_due_on_required"),
        ("advance", date(2027, 3, 30), None),
        ("advance", date(2026, 9, 25), None),  # today
        ("advance", date(2026, 9, 24), "advance_not_earlier"),  # before today
        ("advance", DUE, "advance_not_earlier"),
    ],
)
def test_the_postponement_limit(kind: str, new: date | None, code: str | None) -> None:
    today = date(2026, 9, 25)
    if code is None:
        rules.check_new_due_on(kind, DUE, new, today)
        return
    with pytest.raises(RuleViolation) as err:
        rules.check_new_due_on(kind, DUE, new, today)
    assert (err.value.code, err.value.field) == (code, "new_due_on" if code != "no_term_due_on" else "party_org_id")


def test_a_shorter_postponement_setting_is_the_limit() -> None:
    s = rules.ReElectionSettings(max_postponement_months=6)
    rules.check_new_due_on("postponement", DUE, date(2027, 9, 30), date(2026, 9, 25), s)
    with pytest.raises(RuleViolation, match="6个月"):
        rules.check_new_due_on("postponement", DUE, date(2027, 10, 1), date(2026, 9, 25), s)


@pytest.mark.parametrize(
    ("formal", "size", "candidates", "secretary", "code"),
    [
        (9, 3, ("甲", "乙", "丙"), "甲", None),  # committee of 3 from 7 formal members on
        (9, 3, ("甲", "乙", "丙", "丁"), "甲", None),  # more candidates than seats (差额)
        (9, 5, ("甲", "乙", "丙", "丁", "戊"), "甲", None),
        (9, 0, ("甲",), "甲", "committee_required"),  # 7+ formal members: a committee is required
        (9, 2, ("甲", "乙"), "甲", "committee_too_small"),
        (9, 6, tuple("甲乙丙丁戊己"), "甲", "committee_oversize_needs_reason"),
        (6, 0, ("甲",), "甲", None),  # fewer than 7: a secretary alone
        (6, 3, ("甲", "乙", "丙"), "甲", "committee_not_allowed"),
        (9, 3, ("甲", "乙"), "甲", "too_few_candidates"),
        (9, 3, ("甲", "乙", "乙"), "甲", "duplicate_candidates"),
        (9, 3, ("甲", "乙", "丙"), "丁", "secretary_not_candidate"),
    ],
)
def test_the_slate_by_the_founding_committee_rules(
    formal: int, size: int, candidates: tuple[str, ...], secretary: str, code: str | None
) -> None:
    slate = rules.Slate(size, secretary, candidates)
    if code is None:
        rules.check_slate(slate, formal, S, oversize_reason=None)
        return
    with pytest.raises(RuleViolation) as err:
        rules.check_slate(slate, formal, S, oversize_reason=None)
    assert err.value.code == code


def test_an_oversize_committee_with_a_reason() -> None:
    rules.check_slate(rules.Slate(6, "甲", tuple("甲乙丙丁戊己")), 30, S, oversize_reason="下设多个支部")


SLATE = rules.Slate(3, "甲", ("甲", "乙", "丙", "丁"))


def _meeting(entitled: int, present: int, votes: tuple[int, ...], names: str = "甲乙丙") -> GeneralMeeting:
    return GeneralMeeting(
        date(2026, 9, 25), entitled, present, "甲", tuple(Candidate(n, v) for n, v in zip(names, votes, strict=True))
    )


@pytest.mark.parametrize(
    ("entitled", "present", "votes", "names", "code"),
    [
        (10, 9, (5, 5, 5), "甲乙丙", None),  # 9 of 10 present (> 4/5); 5 of 9 votes (> half)
        (10, 8, (5, 5, 5), "甲乙丙", "meeting_quorum_not_met"),  # exactly 4/5: not more
        (10, 9, (5, 5, 4), "甲乙丙", "candidate_not_elected"),  # 4 of 9: not more than half
        (10, 10, (5, 6, 6), "甲乙丙", "candidate_not_elected"),  # exactly half of 10
        (10, 9, (5, 5, 5), "甲乙戊", "elected_not_candidate"),
        (10, 9, (5, 5), "甲乙", "elected_count_mismatch"),
        (10, 11, (6, 6, 6), "甲乙丙", "meeting_present_exceeds_entitled"),
    ],
)
def test_the_general_meeting_by_the_founding_rule_table(
    entitled: int, present: int, votes: tuple[int, ...], names: str, code: str | None
) -> None:
    meeting = _meeting(entitled, present, votes, names)
    if code is None:
        rules.check_election(meeting, SLATE, 10, S)
        return
    with pytest.raises(RuleViolation) as err:
        rules.check_election(meeting, SLATE, 10, S)
    assert err.value.code == code


def test_the_elect_transition_is_guarded() -> None:
    class Row:
        state = "approved"

    row = Row()
    with pytest.raises(RuleViolation):
        rules.RE_ELECTION.fire(row, "elect")
    with pytest.raises(RuleViolation):
        rules.RE_ELECTION.fire(row, "elect", election=rules.Election(_meeting(10, 8, (5, 5, 5)), SLATE, 10, S))
    rules.RE_ELECTION.fire(row, "elect", election=rules.Election(_meeting(10, 9, (5, 5, 5)), SLATE, 10, S))
    assert row.state == "elected"


@pytest.mark.parametrize(
    ("form", "years", "due"), [("branch", 3, date(2029, 9, 25)), ("primary_committee", 5, date(2031, 9, 25))]
)
def test_the_next_term_by_form(form: str, years: int, due: date) -> None:
    assert rules.next_due_on(date(2026, 9, 25), form, S) == (years, due)


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (date(2026, 9, 30), date(2027, 3, 31)),
        (date(2026, 8, 31), date(2027, 2, 28)),
        (date(2026, 9, 29), date(2027, 3, 29)),
    ],
)
def test_the_window_and_the_first_reminder_agree_at_month_ends(today: date, due: date) -> None:
    assert rules.window_end(today, 6) == due
    assert (
        rules.due_status(due, today) == "due"
        and rules.due_status(due + (date(2000, 1, 2) - date(2000, 1, 1)), today) is None
    )
    assert rules.reminder_due(due, today) is not None
