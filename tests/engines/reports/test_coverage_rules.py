"""The pure coverage rules: classification, rates, months, projection, rankings, lagging."""

from __future__ import annotations

from datetime import date

import pytest

from workflows.coverage import (
    ChildStanding,
    Counts,
    CoverageClass,
    LaggingReason,
    Point,
    ProjectionStatus,
    add_months,
    classify,
    count_units,
    lagging_reasons,
    month_ends_after,
    previous_month_end,
    project,
    rank_by_coverage,
    rank_by_progress,
    rank_by_supervision,
    rate,
)


def test_classification() -> None:
    assert classify(org_form="branch", has_instructor=False) is CoverageClass.OWN_ORG
    assert classify(org_form="primary_committee", has_instructor=True) is CoverageClass.OWN_ORG  # org wins
    assert classify(org_form="joint_branch", has_instructor=True) is CoverageClass.JOINT_ORG
    assert classify(org_form=None, has_instructor=True) is CoverageClass.INSTRUCTOR_ONLY
    assert classify(org_form=None, has_instructor=False) is CoverageClass.NEITHER


def test_a_joint_branch_of_three_units_covers_three() -> None:
    c = count_units([("joint_branch", False)] * 3 + [(None, False)])
    assert (c.units, c.joint_org, c.neither, c.org_coverage_rate) == (4, 3, 1, 0.75)


def test_rates_and_no_rate() -> None:
    c = Counts(units=6, own_org=2, joint_org=2, instructor_only=1)
    assert c.neither == 1
    assert (c.org_coverage_rate, c.work_coverage_rate, c.standalone_rate) == (0.6667, 0.8333, 0.3333)
    empty = Counts()
    assert (empty.org_coverage_rate, empty.work_coverage_rate, empty.standalone_rate) == (None, None, None)
    assert rate(0, 0) is None and rate(0, 5) == 0.0
    with pytest.raises(ValueError):
        Counts(units=1, own_org=2)


def test_months() -> None:
    assert previous_month_end(date(2026, 10, 1)) == date(2026, 9, 30)
    assert previous_month_end(date(2026, 3, 31)) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 1, 31), -2) == date(2025, 11, 30)
    assert month_ends_after(None, date(2026, 8, 31), limit=24) == [date(2026, 8, 31)]
    assert month_ends_after(date(2026, 8, 31), date(2026, 8, 31), limit=24) == [date(2026, 8, 31)]
    assert month_ends_after(date(2026, 5, 31), date(2026, 8, 31), limit=24) == [
        date(2026, 6, 30),
        date(2026, 7, 31),
        date(2026, 8, 31),
    ]
    assert month_ends_after(date(2020, 1, 31), date(2026, 8, 31), limit=2) == [date(2026, 7, 31), date(2026, 8, 31)]


def _points(*rates: float | None) -> list[Point]:
    return [Point(add_months(date(2026, 6, 30), i), r) for i, r in enumerate(rates)]


def test_projection_reaching() -> None:
    # 0.70 -> 0.80 over two months: 0.05 a month; 0.20 to go from 0.80 at 2026-08-31: four months.
    p = project(_points(0.70, 0.75, 0.80), 1.0)
    assert p.status is ProjectionStatus.REACHING
    assert p.pace_per_month == pytest.approx(0.05)
    assert p.reaches_on == date(2026, 12, 31)
    assert p.basis == (date(2026, 6, 30), date(2026, 7, 31), date(2026, 8, 31))


def test_projection_uses_only_the_last_three() -> None:
    # An old flat stretch does not slow down the recent pace.
    p = project(_points(0.5, 0.5, 0.5, 0.70, 0.75, 0.80), 1.0)
    assert p.pace_per_month == pytest.approx(0.05) and len(p.basis) == 3


def test_projection_rounds_up_to_a_month_end() -> None:
    p = project(_points(0.90, 0.93), 1.0)  # 0.03 a month, 0.07 to go: 2.33 -> 3 months after 2026-07-31
    assert p.reaches_on == date(2026, 10, 31)


def test_projection_already_reached_and_not_at_this_pace() -> None:
    assert project(_points(0.9, 1.0), 1.0).status is ProjectionStatus.REACHED
    assert project(_points(0.97), 0.95).status is ProjectionStatus.REACHED  # a lower target setting
    flat = project(_points(0.8, 0.8, 0.8), 1.0)
    assert flat.status is ProjectionStatus.NOT_AT_THIS_PACE and flat.reaches_on is None
    assert project(_points(0.9, 0.85), 1.0).status is ProjectionStatus.NOT_AT_THIS_PACE


def test_projection_without_enough_data() -> None:
    assert project([], 1.0).status is ProjectionStatus.INSUFFICIENT_DATA
    assert project(_points(0.5), 1.0).status is ProjectionStatus.INSUFFICIENT_DATA
    assert project(_points(0.5, None), 1.0).status is ProjectionStatus.NO_RATE
    assert project(_points(0.5, 0.6), 1.0).label == "按当前进度预计达到目标"


def test_projection_with_a_gap_divides_by_real_months() -> None:
    points = [Point(date(2026, 5, 31), 0.6), Point(date(2026, 8, 31), 0.9)]  # three months apart
    p = project(points, 1.0)
    assert p.pace_per_month == pytest.approx(0.1) and p.reaches_on == date(2026, 9, 30)


def _child(ident: int, own: int, units: int, progress: float | None = None, **kw: int) -> ChildStanding:
    return ChildStanding(ident, f"镇{ident}", Counts(units=units, own_org=own), progress, **kw)


def test_rankings_share_ranks_on_ties_and_put_no_rate_last() -> None:
    a, b, c, d = _child(1, 9, 10), _child(2, 9, 10), _child(3, 5, 10), _child(4, 0, 0)
    ranked = rank_by_coverage([d, c, b, a])
    assert [(rank, x.jurisdiction_id) for rank, x in ranked] == [(1, 1), (1, 2), (3, 3), (4, 4)]
    progress = rank_by_progress([_child(1, 1, 2, None), _child(2, 1, 2, 0.1), _child(3, 1, 2, -0.05)])
    assert [x.jurisdiction_id for _, x in progress] == [2, 3, 1]
    supervision = rank_by_supervision(
        [
            _child(1, 1, 2, tickets_overdue=1, tickets_closed_on_time=5),
            _child(2, 1, 2, tickets_overdue=0, tickets_closed_on_time=1),
            _child(3, 1, 2, tickets_overdue=0, tickets_closed_on_time=3),
        ]
    )
    assert [x.jurisdiction_id for _, x in supervision] == [3, 2, 1]


def test_lagging_rule() -> None:
    assert lagging_reasons(_child(1, 5, 10, 0.1), 0.6, 1.0) == [LaggingReason.BELOW_AVERAGE]
    assert lagging_reasons(_child(1, 7, 10, 0.0), 0.6, 1.0) == [LaggingReason.NO_PROGRESS]
    assert lagging_reasons(_child(1, 10, 10, 0.0), 0.6, 1.0) == []  # no progress, but at the target
    assert lagging_reasons(_child(1, 7, 10, None, tickets_overdue=2), 0.6, 1.0) == [LaggingReason.OVERDUE_TICKETS]
    assert lagging_reasons(_child(1, 0, 0, 0.0), 0.6, 1.0) == []  # no rate: not named on coverage
