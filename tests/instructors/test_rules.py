"""The instructors' pure rules (workflows/instructors.py), table-tested at their edges: the cap, the visit date,
the phone, which units may be served, the visit interval and preparation limit in working days (across the 2026
National Day holiday and its make-up Saturday), and when synchronisation 1 is met."""

from __future__ import annotations

from datetime import date

import pytest

from workflows import instructors as rules
from workflows.errors import RuleViolation
from workflows.instructors import INSTRUCTOR_ASSIGNMENT, PREPARATION_ITEM, InstructorSettings, UnitFacts
from workflows.workdays import WorkdayCalendar

CAL = WorkdayCalendar()


@pytest.mark.parametrize(
    ("serving", "adding", "cap", "ok"),
    [
        (0, 5, 5, True),  # one person, several units: up to the cap
        (4, 1, 5, True),  # reaching the cap exactly
        (5, 0, 5, True),
        (5, 1, 5, False),  # one over
        (0, 6, 5, False),  # several at once, over
        (3, 3, 5, False),
        (0, 1, 1, True),  # "one person, one unit"
        (1, 1, 1, False),
        (9, 1, 10, True),
    ],
)
def test_the_cap(serving: int, adding: int, cap: int, ok: bool) -> None:
    settings = InstructorSettings(max_units_per_instructor=cap)
    if ok:
        rules.check_cap(serving, adding, settings)
        return
    with pytest.raises(RuleViolation) as e:
        rules.check_cap(serving, adding, settings)
    assert (e.value.code, e.value.field) == ("instructor_over_cap", "unit_ids")
    assert e.value.detail == {"cap": cap, "serving": serving, "adding": adding}
    assert f"最多同时联系{cap}个单位" in e.value.message


@pytest.mark.parametrize("cap", [0, 101, True, "5", 2.5])
def test_a_bad_cap_setting_is_refused(cap: object) -> None:
    with pytest.raises(ValueError, match="max_units_per_instructor"):
        InstructorSettings(max_units_per_instructor=cap)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("facts", "code"),
    [
        (UnitFacts("甲", in_scope=True, has_party_org=False, deregistered=False), None),
        (UnitFacts("乙", in_scope=False, has_party_org=False, deregistered=False), "unit_not_in_scope"),
        (UnitFacts("丙", in_scope=True, has_party_org=True, deregistered=False), "unit_has_party_org"),
        (UnitFacts("丁", in_scope=True, has_party_org=False, deregistered=True), "unit_not_in_scope"),
    ],
)
def test_which_units_may_be_served(facts: UnitFacts, code: str | None) -> None:
    if code is None:
        rules.check_assignable(facts)
        return
    with pytest.raises(RuleViolation) as e:
        rules.check_assignable(facts)
    assert (e.value.code, e.value.field) == (code, "unit_ids") and facts.name in e.value.message


@pytest.mark.parametrize(
    ("visited_on", "code"),
    [
        (date(2026, 9, 25), None),  # today
        (date(2026, 9, 1), None),  # the assignment day
        (date(2026, 9, 26), "visit_in_future"),
        (date(2026, 8, 31), "visit_before_assignment"),
    ],
)
def test_the_visit_date(visited_on: date, code: str | None) -> None:
    args = (visited_on, date(2026, 9, 25), date(2026, 9, 1))
    if code is None:
        rules.check_visit_date(*args)
        return
    with pytest.raises(RuleViolation) as e:
        rules.check_visit_date(*args)
    assert (e.value.code, e.value.field) == (code, "visited_on")


@pytest.mark.parametrize(
    ("phone", "ok"),
    [("0591-87654321", True), ("13800138000", True), ("+8613800138000", True), ("123456", False), ("电话", False)],
)
def test_the_phone(phone: str, ok: bool) -> None:
    if ok:
        rules.check_phone(phone)
    else:
        with pytest.raises(RuleViolation, match="联系电话"):
            rules.check_phone(phone)


@pytest.mark.parametrize(
    ("last_visit", "assigned", "interval", "due"),
    [
        # From Friday 25 September 2026, 20 working days skip the National Day week and count Saturday 10 October.
        (None, date(2026, 9, 25), 20, date(2026, 10, 29)),
        (None, date(2026, 9, 25), 1, date(2026, 9, 28)),
        (date(2026, 9, 30), date(2026, 9, 1), 1, date(2026, 10, 8)),  # the day after the holiday week
        (date(2026, 10, 9), date(2026, 9, 1), 1, date(2026, 10, 10)),  # the make-up Saturday is a working day
    ],
)
def test_the_visit_falls_due_in_working_days(last_visit: date | None, assigned: date, interval: int, due: date) -> None:
    assert rules.visit_due_on(last_visit, assigned, interval, CAL) == due


def test_the_preparation_limit_in_working_days() -> None:
    assert rules.preparation_due_on(date(2026, 9, 25), 20, CAL) == date(2026, 10, 29)


@pytest.mark.parametrize(
    ("assigned", "first_visit", "done"),
    [(False, None, False), (True, None, False), (False, date(2026, 9, 25), False), (True, date(2026, 9, 25), True)],
)
def test_synchronisation_1_needs_both_an_instructor_and_a_visit(
    assigned: bool, first_visit: date | None, done: bool
) -> None:
    assert rules.preparation_done(assigned, first_visit) is done


def test_the_declarations() -> None:
    assert INSTRUCTOR_ASSIGNMENT.escalation is not None and PREPARATION_ITEM.escalation is not None
    assert [r.level for r in INSTRUCTOR_ASSIGNMENT.escalation.rungs] == ["reminder", "warning"]
    assert INSTRUCTOR_ASSIGNMENT.escalation.parameters["visit_interval_workdays"] == 20
    assert PREPARATION_ITEM.escalation.parameters["preparation_limit_workdays"] == 20
    assert INSTRUCTOR_ASSIGNMENT.roles["manage"] == ("admin", "supervisor", "handler")
    assert "portal" not in INSTRUCTOR_ASSIGNMENT.roles["read"]
