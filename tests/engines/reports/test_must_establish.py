"""The must-establish list (应建未建清单): in-scope units without an organisation, their reason, instructor
and open case, with the ledger's filters, sort and pagination."""

from __future__ import annotations

import json

from tests.engines.reports.conftest import Ledger
from tests.support import coverage as h
from tests.support.world import Api, World

LIST = f"{h.COVERAGE}/must-establish"


def test_lists_units_without_an_organisation(api: Api, world: World, ledger: Ledger) -> None:
    res = api.get(f"{LIST}?jurisdiction_id={world.ids['east']}", as_="handler@east")
    assert res.status_code == 200, res.json
    rows = {row["id"]: row for row in res.json}
    # u6 (instructor only), u7 and u10 (neither); not u8 (deregistered), u9 (too small), u11 (west)
    assert set(rows) == {ledger.units["u6"], ledger.units["u7"], ledger.units["u10"]}
    assert json.loads(res.headers["X-Pagination"])["total"] == 3
    u7 = rows[ledger.units["u7"]]
    assert u7["no_org_reason"] == "党员人数不足，正在培养"
    assert u7["instructor_id"] is None and u7["instructor_name"] is None
    assert u7["open_case"] == {
        "id": ledger.cases["u7"],
        "state": "preparing",
        "state_label": "筹备中",
        "started_on": "2026-09-15",
        "age_days": 10,
    }
    assert u7["jurisdiction"]["code"] == "east_t1" and u7["kind_label"] == "非公企业"
    u6 = rows[ledger.units["u6"]]
    assert u6["instructor_name"] == "instructor@east_t1" and u6["open_case"] is None
    # the withdrawn case is not u10's open case
    assert rows[ledger.units["u10"]]["open_case"]["id"] == ledger.cases["u10"]
    assert rows[ledger.units["u10"]]["open_case"]["age_days"] == 30


def test_filters_and_sort_like_the_ledger(api: Api, world: World, ledger: Ledger) -> None:
    def ids(query: str, as_: str = "admin@city") -> list[int]:
        res = api.get(f"{LIST}?{query}", as_=as_)
        assert res.status_code == 200, res.json
        return [row["id"] for row in res.json]

    u = ledger.units
    assert ids("has_instructor=true") == [u["u6"]]
    assert set(ids("has_instructor=false")) == {u["u7"], u["u10"], u["u11"]}
    assert ids("kind=social_org") == [u["u10"]]
    assert set(ids("has_open_case=true")) == {u["u7"], u["u10"]}
    assert set(ids("has_open_case=false")) == {u["u6"], u["u11"]}
    assert ids("q=应建未建甲") == [u["u7"]]
    assert ids("sort=-employees&jurisdiction_id=" + str(world.ids["east_t1"]))[0] == u["u7"]  # 300 employees
    assert ids("", as_="instructor@east_t1") == ids(f"jurisdiction_id={world.ids['east_t1']}")
    page = api.get(f"{LIST}?page_size=1&page=2&sort=name", as_="admin@city")
    assert len(page.json) == 1 and json.loads(page.headers["X-Pagination"])["total"] == 4


def test_scope_roles_and_bad_input(api: Api, world: World, ledger: Ledger) -> None:
    assert api.get(f"{LIST}?jurisdiction_id={world.ids['west']}", as_="admin@east").status_code == 404
    assert api.get(LIST, as_="portal@east").status_code == 403
    for query in ("sort=secret", "kind=bank", "page_size=1000", "has_open_case=maybe"):
        assert api.get(f"{LIST}?{query}", as_="admin@city").status_code == 422, query
