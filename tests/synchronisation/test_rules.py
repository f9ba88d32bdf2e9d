"""The pure rules of workflows/synchronisation.py, table-tested at their edges."""

from __future__ import annotations

import datetime as dt

import pytest

from workflows.errors import RuleViolation
from workflows.synchronisation import (
    PartyWork,
    SynchronisationSettings,
    check_activity,
    check_inspection,
    inactive,
    months_before,
    window_start,
)

D = dt.date
TODAY = D(2026, 9, 25)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 9, 25), 12, D(2025, 9, 25)),
        (D(2026, 3, 31), 1, D(2026, 2, 28)),  # no 31 February: the month's last day
        (D(2024, 2, 29), 12, D(2023, 2, 28)),
        (D(2028, 2, 29), 48, D(2024, 2, 29)),
        (D(2026, 1, 15), 1, D(2025, 12, 15)),  # across the year
    ],
)
def test_months_before(day: dt.date, months: int, expected: dt.date) -> None:
    assert months_before(day, months) == expected


@pytest.mark.parametrize(
    ("operating_since", "last_activity", "expected"),
    [
        (D(2025, 9, 25), None, True),  # in the ledger exactly a year: expected to be active
        (D(2025, 9, 26), None, False),  # a day short of a year
        (D(2020, 1, 1), D(2025, 9, 25), False),  # the last activity on the window's first day still counts
        (D(2020, 1, 1), D(2025, 9, 24), True),  # a day before it does not
        (D(2020, 1, 1), TODAY, False),
        (D(2026, 9, 1), D(2020, 1, 1), False),  # new in the ledger: not yet expected
    ],
)
def test_inactive_at_the_edges(operating_since: dt.date, last_activity: dt.date | None, expected: bool) -> None:
    assert inactive(operating_since, last_activity, TODAY) is expected


def test_inactive_follows_the_settings() -> None:
    six = SynchronisationSettings(operating_months=6, activity_window_months=6)
    assert window_start(TODAY, six) == D(2026, 3, 25)
    assert inactive(D(2026, 3, 25), D(2026, 3, 24), TODAY, six) is True
    assert inactive(D(2026, 3, 25), D(2026, 3, 25), TODAY, six) is False
    assert inactive(D(2026, 3, 26), None, TODAY, six) is False


@pytest.mark.parametrize("bad", [0, 121, True, "12"])
def test_settings_refuse_nonsense(bad: object) -> None:
    with pytest.raises(ValueError):
        SynchronisationSettings(operating_months=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("held_on", "attendance", "code", "field"),
    [
        (TODAY, 1, None, None),
        (TODAY + dt.timedelta(days=1), 5, "activity_in_future", "held_on"),
        (TODAY, 0, "attendance_out_of_range", "attendance"),
        (TODAY, 100_000, None, None),
        (TODAY, 100_001, "attendance_out_of_range", "attendance"),
    ],
)
def test_check_activity(held_on: dt.date, attendance: int, code: str | None, field: str | None) -> None:
    if code is None:
        check_activity(held_on, attendance, TODAY)
        return
    with pytest.raises(RuleViolation) as refused:
        check_activity(held_on, attendance, TODAY)
    assert (refused.value.code, refused.value.field) == (code, field)


@pytest.mark.parametrize(
    ("year", "inspected_on", "code", "field"),
    [
        (2026, D(2026, 1, 1), None, None),  # the year's first day
        (2026, TODAY, None, None),  # today
        (2026, TODAY + dt.timedelta(days=1), "inspection_in_future", "inspected_on"),
        (2025, D(2025, 12, 31), None, None),  # last year's last day
        (2025, D(2026, 1, 1), "inspection_outside_year", "inspected_on"),
        (2026, D(2025, 12, 31), "inspection_outside_year", "inspected_on"),
        (2027, D(2027, 1, 5), "inspection_year_in_future", "year"),
    ],
)
def test_check_inspection(year: int, inspected_on: dt.date, code: str | None, field: str | None) -> None:
    if code is None:
        check_inspection(year, inspected_on, TODAY)
        return
    with pytest.raises(RuleViolation) as refused:
        check_inspection(year, inspected_on, TODAY)
    assert (refused.value.code, refused.value.field) == (code, field)


@pytest.mark.parametrize(
    ("work", "activity_rate", "checked_rate"),
    [
        (PartyWork(), None, None),  # nothing in scope, nothing inspected: no rate, never 0
        (PartyWork(units=4, active_units=0), 0.0, None),
        (PartyWork(units=3, active_units=1, inspections=3, checked=2), 0.3333, 0.6667),
        (PartyWork(units=5, active_units=5, inspections=1, checked=1), 1.0, 1.0),
    ],
)
def test_party_work_rates(work: PartyWork, activity_rate: float | None, checked_rate: float | None) -> None:
    assert (work.activity_rate, work.checked_rate) == (activity_rate, checked_rate)


def test_party_work_adds_up_and_refuses_inconsistent_counts() -> None:
    assert PartyWork(2, 1, 1, 0) + PartyWork(1, 1, 2, 2) == PartyWork(3, 2, 3, 2)
    with pytest.raises(ValueError):
        PartyWork(units=1, active_units=2)
    with pytest.raises(ValueError):
        PartyWork(inspections=1, checked=2)


def test_the_party_work_ranking() -> None:
    """Activity rate first, then the checked rate, highest first; equal keys share a rank; no rate last."""
    from workflows.coverage import ChildStanding, Counts, rank_by_party_work

    def child(ident: int, work: PartyWork) -> ChildStanding:
        return ChildStanding(ident, f"单位{ident}", Counts(), None, party_work=work)

    ranked = rank_by_party_work(
        [
            child(1, PartyWork(4, 2, 2, 1)),  # 0.5, 0.5
            child(2, PartyWork(4, 2, 2, 2)),  # 0.5, 1.0
            child(3, PartyWork()),  # no rate
            child(4, PartyWork(2, 1, 4, 2)),  # 0.5, 0.5: ties with 1
            child(5, PartyWork(1, 1, 0, 0)),  # 1.0, no checked rate
        ]
    )
    assert [(rank, c.jurisdiction_id) for rank, c in ranked] == [(1, 5), (2, 2), (3, 1), (3, 4), (5, 3)]
