"""The coverage report against hand-counted figures (conftest.py's ledger), and on a generated ledger
against the pure rule (workflows.coverage.classify), unit by unit."""

from __future__ import annotations

import random
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import event

from service.extensions import TEST_CONNECTION
from tests.engines.reports.conftest import Ledger
from tests.support import coverage as h
from tests.support.world import Api, World
from workflows.coverage import count_units

REPORT = h.COVERAGE


def by_code(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["jurisdiction"]["code"]: row["figures"] for row in report["children"]}


def test_county_report_matches_the_hand_count(api: Api, world: World, ledger: Ledger) -> None:
    res = api.get(f"{REPORT}?jurisdiction_id={world.ids['east']}", as_="supervisor@east")
    assert res.status_code == 200, res.json
    body = res.json
    assert body["jurisdiction"]["code"] == "east"
    assert body["as_of"] == "2026-09-25"
    # 9 units in scope: u8 (deregistered), u9 (too small) and u11 (west) are not counted.
    assert body["totals"] == {
        "units": 9,
        "own_org": 3,  # u1, u4 (org + instructor), u12
        "joint_org": 3,  # u2, u3, u5: the joint branch covers each of its units once
        "instructor_only": 1,  # u6
        "neither": 2,  # u7, u10
        "org_coverage_rate": 0.6667,  # 6/9
        "work_coverage_rate": 0.7778,  # 7/9
        "standalone_rate": 0.3333,  # 3/9
        "open_cases": 2,  # the withdrawn case is not open
        "oldest_case_days": 30,
        "mean_case_days": 20.0,
        "active_units": 3,  # u1, u4 (on the window's first day), u5
        "activity_rate": 0.3333,  # 3/9
        "inspections": 3,  # u1, u6, u10 in 2026 (u7's was last year, u9 is out of scope)
        "inspections_checked": 2,  # u1, u10
        "party_work_checked_rate": 0.6667,  # 2/3
    }
    children = by_code(body)
    assert list(children) == ["east_t1", "east_t2", "east_ic"]
    assert children["east_t1"] == {
        "units": 6,
        "own_org": 2,
        "joint_org": 2,
        "instructor_only": 1,
        "neither": 1,
        "org_coverage_rate": 0.6667,
        "work_coverage_rate": 0.8333,
        "standalone_rate": 0.3333,
        "open_cases": 1,
        "oldest_case_days": 10,
        "mean_case_days": 10.0,
        "active_units": 2,
        "activity_rate": 0.3333,
        "inspections": 2,
        "inspections_checked": 1,
        "party_work_checked_rate": 0.5,
    }
    assert children["east_t2"] == {
        "units": 2,
        "own_org": 0,
        "joint_org": 1,
        "instructor_only": 0,
        "neither": 1,
        "org_coverage_rate": 0.5,
        "work_coverage_rate": 0.5,
        "standalone_rate": 0.0,
        "open_cases": 1,
        "oldest_case_days": 30,
        "mean_case_days": 30.0,
        "active_units": 1,
        "activity_rate": 0.5,
        "inspections": 1,
        "inspections_checked": 1,
        "party_work_checked_rate": 1.0,
    }
    # No unit in scope: no rate (null), not 0% and not an error.
    assert children["east_ic"]["units"] == 0
    assert children["east_ic"]["org_coverage_rate"] is None
    assert children["east_ic"]["work_coverage_rate"] is None
    assert children["east_ic"]["standalone_rate"] is None
    assert children["east_ic"]["open_cases"] == 0 and children["east_ic"]["mean_case_days"] is None
    assert children["east_ic"]["activity_rate"] is None and children["east_ic"]["party_work_checked_rate"] is None
    assert body["direct"]["units"] == 1 and body["direct"]["own_org"] == 1
    kinds = {row["kind"]: row for row in body["kinds"]}
    assert kinds["enterprise"]["kind_label"] == "非公企业"
    assert kinds["enterprise"]["figures"] == {
        "units": 7,
        "own_org": 2,
        "joint_org": 3,
        "instructor_only": 1,
        "neither": 1,
        "org_coverage_rate": 0.7143,
        "work_coverage_rate": 0.8571,
        "standalone_rate": 0.2857,
        "open_cases": None,
        "oldest_case_days": None,
        "mean_case_days": None,
        "active_units": 2,  # u1, u5
        "activity_rate": 0.2857,
        "inspections": 2,  # u1, u6
        "inspections_checked": 1,
        "party_work_checked_rate": 0.5,
    }
    assert kinds["social_org"]["figures"]["units"] == 2
    assert kinds["social_org"]["figures"]["own_org"] == 1
    assert kinds["social_org"]["figures"]["neither"] == 1
    assert (kinds["social_org"]["figures"]["activity_rate"], kinds["social_org"]["figures"]["inspections"]) == (0.5, 1)


def test_default_is_the_callers_own_jurisdiction(api: Api, ledger: Ledger) -> None:
    body = api.get(REPORT, as_="handler@east_t1").json
    assert body["jurisdiction"]["code"] == "east_t1"
    assert body["totals"]["units"] == 6 and body["children"] == []
    assert body["direct"]["units"] == 6


def test_city_report_adds_west(api: Api, ledger: Ledger) -> None:
    body = api.get(REPORT, as_="admin@city").json
    assert body["totals"]["units"] == 10 and body["totals"]["neither"] == 3
    assert by_code(body)["west"]["units"] == 1 and by_code(body)["west"]["org_coverage_rate"] == 0.0


def test_jurisdiction_without_units_has_no_rate(api: Api, world: World) -> None:
    body = api.get(f"{REPORT}?jurisdiction_id={world.ids['east_ic']}", as_="admin@east").json
    assert body["totals"]["units"] == 0
    assert body["totals"]["org_coverage_rate"] is None
    assert body["totals"]["work_coverage_rate"] is None
    assert body["totals"]["standalone_rate"] is None


def test_deregistering_a_unit_takes_it_out_of_the_denominator(api: Api, world: World, ledger: Ledger) -> None:
    unit = api.get(f"/api/v1/units/{ledger.units['u7']}", as_="admin@east")
    res = api.patch(
        f"/api/v1/units/{ledger.units['u7']}",
        as_="admin@east",
        json={"operating_status": "deregistered"},
        headers={"If-Match": unit.headers["ETag"]},
    )
    assert res.status_code == 200, res.json
    t1 = api.get(f"{REPORT}?jurisdiction_id={world.ids['east_t1']}", as_="admin@east").json["totals"]
    assert (t1["units"], t1["neither"], t1["org_coverage_rate"]) == (5, 0, 0.8)


def test_out_of_scope_jurisdiction_is_404(api: Api, world: World) -> None:
    for target in ("east", "west", "city"):
        res = api.get(f"{REPORT}?jurisdiction_id={world.ids[target]}", as_="supervisor@east_t1")
        assert res.status_code == 404, (target, res.json)
    assert api.get(f"{REPORT}?jurisdiction_id=2147483647", as_="admin@city").status_code == 404


def test_bad_input_is_422(api: Api) -> None:
    for query in ("jurisdiction_id=abc", "jurisdiction_id=0", "jurisdiction_id=99999999999"):
        res = api.get(f"{REPORT}?{query}", as_="admin@city")
        assert res.status_code == 422, (query, res.json)
        assert "jurisdiction_id" in res.json["errors"]["query"]


def test_portal_may_not_read_coverage(api: Api) -> None:
    assert api.get(REPORT, as_="portal@east").status_code == 403


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_ledger_matches_the_rule_unit_by_unit(app: Flask, api: Api, world: World, seed: int) -> None:
    """A random ledger over the world's bodies; the expectation is each unit classified by the pure rule."""
    rng = random.Random(seed)
    places = ["east", "east_t1", "east_t2", "east_ic", "west", "west_t1"]
    instructor = world.users["instructor@city"]
    orgs = {p: (h.org(app, world.ids[p]), h.org(app, world.ids[p], "joint_branch")) for p in places}
    expected: dict[str, list[tuple[str | None, bool]]] = {p: [] for p in places}
    for _ in range(150):
        place = rng.choice(places)
        form = rng.choice([None, None, "branch", "joint_branch"])
        has_instructor = rng.random() < 0.4
        kind = rng.choice(["enterprise", "social_org"])
        employees = rng.choice([10, 29, 30, 49, 50, 200])
        deregistered = rng.random() < 0.1
        org_id = None if form is None else orgs[place][form == "joint_branch"]
        h.unit(
            app,
            world.ids[place],
            kind=kind,
            employees=employees,
            org_id=org_id,
            instructor=instructor if has_instructor else None,
            deregistered=deregistered,
        )
        if employees >= (50 if kind == "enterprise" else 30) and not deregistered:
            expected[place].append((form, has_instructor))
    body = api.get(REPORT, as_="admin@city").json
    east = count_units(expected["east"] + expected["east_t1"] + expected["east_t2"] + expected["east_ic"])
    west = count_units(expected["west"] + expected["west_t1"])
    total = east + west
    got = body["totals"]
    assert (got["units"], got["own_org"], got["joint_org"], got["instructor_only"], got["neither"]) == (
        total.units,
        total.own_org,
        total.joint_org,
        total.instructor_only,
        total.neither,
    )
    assert got["org_coverage_rate"] == total.org_coverage_rate
    children = by_code(body)
    for code, want in (("east", east), ("west", west)):
        assert children[code]["units"] == want.units
        assert children[code]["own_org"] == want.own_org
        assert children[code]["joint_org"] == want.joint_org
        assert children[code]["work_coverage_rate"] == want.work_coverage_rate


def _statements(app: Flask, fn: Any) -> list[str]:
    """The SQL statements `fn` sends (savepoint bookkeeping of the test harness aside)."""
    conn = app.extensions[TEST_CONNECTION]
    seen: list[str] = []

    def _count(_conn: Any, _cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(conn, "before_cursor_execute", _count)
    try:
        fn()
    finally:
        event.remove(conn, "before_cursor_execute", _count)
    return [s for s in seen if "SAVEPOINT" not in s.upper()]


def test_statement_count_is_fixed_whatever_the_number_of_units(app: Flask, api: Api, world: World) -> None:
    def call() -> None:
        assert api.get(f"{REPORT}?jurisdiction_id={world.ids['east']}", as_="admin@city").status_code == 200

    small = _statements(app, call)
    for i in range(60):
        h.unit(app, world.ids["east_t1" if i % 2 else "east_t2"], org_id=None)
    large = _statements(app, call)
    assert len(small) == len(large)
    # the token lookup, the scoped jurisdiction, its children and the one aggregate
    assert len(large) == 4, large
