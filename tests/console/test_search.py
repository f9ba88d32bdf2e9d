"""全部事项: one search over the cases and tickets in my scope — scope (东一镇's approver never sees 西一镇's
items, in the page or its export), each filter, paging, refused input shown next to its field with what was
typed, the role gate, the .xlsx export's headers and rows, its row cap, and a fixed number of statements."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from flask import Flask
from openpyxl import load_workbook
from sqlalchemy import text

from service.auth import actor_for_token
from service.extensions import db
from service.operations.flows.establishment import cases
from service.operations.flows.supervision import ticket_board
from service.operations.worklists import search
from tests.support.console import Console
from tests.support.database import statements
from tests.support.establishment import make_unit, new_case, submitted_cases
from tests.support.supervision import issued
from tests.support.world import Api, World

APPROVER = "approver@east_t1"
ITEM = re.compile(r'data-kind="(\w+)" data-id="(\d+)"')


def items(html: str) -> set[tuple[str, int]]:
    return {(kind, int(ident)) for kind, ident in ITEM.findall(html)}


def listed(console: Console, path: str, who: str = APPROVER) -> set[tuple[str, int]]:
    res = console.get(path, as_=who)
    assert res.status_code == 200, res.get_data(as_text=True)[:800]
    return items(res.get_data(as_text=True))


@pytest.fixture
def scene(app: Flask, api: Api, world: World) -> dict[str, Any]:
    """Two cases filed by the system and one by a portal in 东一镇, one case in 西一镇; a ticket to each town."""
    east = submitted_cases(app, world, 2, "east_t1")
    unit = make_unit(api, "east_t1", name="青山机械有限公司", formal_members=4)
    portal_case = new_case(api, [unit["id"]], "branch", proposed_name="中共青山机械有限公司支部委员会")
    west = submitted_cases(app, world, 1, "west_t1")
    east_ticket = issued(api, "east_t1", title="东一镇覆盖推进滞后")
    west_ticket = issued(api, "west_t1", as_="supervisor@city", title="西一镇覆盖推进滞后")
    return {
        "east": [("establishment", i) for i in east] + [("establishment", portal_case["id"])],
        "west": [("establishment", i) for i in west],
        "east_ticket": ("supervision_ticket", east_ticket["id"]),
        "west_ticket": ("supervision_ticket", west_ticket["id"]),
        "portal_case": portal_case,
        "unit": unit,
    }


def test_an_approver_of_a_town_sees_only_its_items(console: Console, scene: dict[str, Any]) -> None:
    seen = listed(console, "/search")
    assert seen == {*scene["east"], scene["east_ticket"]}
    assert not seen & {*scene["west"], scene["west_ticket"]}
    # above both towns, the city's supervisor sees everything
    assert {*scene["east"], *scene["west"], scene["east_ticket"], scene["west_ticket"]} <= listed(
        console, "/search", "supervisor@city"
    )


def test_rows_link_to_their_pages_and_show_people_by_name(console: Console, scene: dict[str, Any]) -> None:
    html = console.get("/search?unit=青山", as_=APPROVER).get_data(as_text=True)
    case_id = scene["portal_case"]["id"]
    assert items(html) == {("establishment", case_id)}
    assert f'href="/cases/{case_id}"' in html
    assert "portal@east" in html and scene["unit"]["credit_code"] in html and "筹备中" in html
    ticket_id = scene["east_ticket"][1]
    html = console.get("/search?kind=supervision_ticket", as_=APPROVER).get_data(as_text=True)
    assert f'href="/board/tickets/{ticket_id}"' in html and "supervisor@east" in html


def test_each_filter_narrows_the_list(console: Console, world: World, scene: dict[str, Any]) -> None:
    east_cases = set(scene["east"])
    assert listed(console, "/search?kind=establishment") == east_cases
    assert listed(console, "/search?kind=supervision_ticket") == {scene["east_ticket"]}
    assert listed(console, "/search?state=establishment:submitted") == set(scene["east"][:2])
    assert listed(console, "/search?state=establishment:preparing") == {scene["east"][2]}
    assert listed(console, "/search?state=supervision_ticket:issued") == {scene["east_ticket"]}
    assert listed(console, "/search?state=supervision_ticket:closed") == set()
    code = scene["unit"]["credit_code"]
    assert listed(console, f"/search?credit_code={code.lower()}") == {scene["east"][2]}
    assert listed(console, "/search?unit=东一镇") == {scene["east_ticket"]}  # a ticket's handling body
    assert listed(console, "/search?unit=%25") == set()  # LIKE wildcards are text
    assert listed(console, f"/search?body={world.ids['east_t1']}") == {*east_cases, scene["east_ticket"]}
    # filed / issued on the injected clock's day (2026-09-25 in Beijing)
    assert listed(console, "/search?date_from=2026-09-25&date_to=2026-09-25") == {*east_cases, scene["east_ticket"]}
    assert listed(console, "/search?date_from=2026-09-26") == set()
    assert listed(console, "/search?date_to=2026-09-24") == set()
    # the city supervisor narrows to a town below him
    assert listed(console, f"/search?body={world.ids['west_t1']}", "supervisor@city") == {
        *scene["west"],
        scene["west_ticket"],
    }


def test_refused_filters_are_shown_by_field_and_keep_what_was_typed(console: Console, scene: dict[str, Any]) -> None:
    res = console.get(
        "/search?credit_code=91350100ABC&date_from=2026-13-01&date_to=yesterday&state=nope&unit=青山", as_=APPROVER
    )
    assert res.status_code == 422
    html = res.get_data(as_text=True)
    for field in ("credit_code", "date_from", "date_to", "state"):
        assert f'data-field="{field}"' in html, field
    assert "统一社会信用代码应为18位" in html and "不是有效的日期" in html
    assert 'value="91350100ABC"' in html and 'value="2026-13-01"' in html and 'value="青山"' in html
    assert items(html) == set() and "导出Excel" not in html
    res = console.get(
        "/search?date_from=2026-09-26&date_to=2026-09-25&kind=supervision_ticket&state=establishment:founded",
        as_=APPROVER,
    )
    assert res.status_code == 422
    html = res.get_data(as_text=True)
    assert "截止日期不能早于起始日期" in html and "所选状态不属于所选事项类型" in html
    # a body outside my scope is the 404 page, as the API's filters answer
    assert console.get(f"/search?body={console.world.ids['west_t1']}", as_=APPROVER).status_code == 404


def test_pages_of_twenty(app: Flask, console: Console, world: World) -> None:
    ids = submitted_cases(app, world, 23, "east_t1")
    first = listed(console, "/search?kind=establishment")
    second = listed(console, "/search?kind=establishment&page=2")
    assert len(first) == 20 and len(second) == 3 and not first & second
    assert {i for _, i in first | second} == set(ids)
    html = console.get("/search?kind=establishment", as_=APPROVER).get_data(as_text=True)
    assert "第 1 / 2 页，共 23 条" in html and "kind=establishment" in html and "page=2" in html
    # newest first: the last case filed leads the first page
    assert ITEM.search(html) is not None and int(ITEM.findall(html)[0][1]) == max(ids)


@pytest.mark.parametrize("who", ["portal@east_t1", "portal@city"])
def test_portals_may_not_search(console: Console, scene: dict[str, Any], who: str) -> None:
    for path in ("/search", "/search/export.xlsx"):
        res = console.get(path, as_=who)
        assert res.status_code == 403 and "无权访问" in res.get_data(as_text=True)


def test_the_navigation_offers_the_search_to_whom_it_serves(console: Console, scene: dict[str, Any]) -> None:
    assert "全部事项" in console.get("/done", as_="instructor@east").get_data(as_text=True)
    assert "全部事项" not in console.get("/done", as_="portal@east").get_data(as_text=True)


def _sheet(data: bytes, index: int = 0) -> list[tuple[Any, ...]]:
    wb = load_workbook(io.BytesIO(data))
    return [tuple(r) for r in wb.worksheets[index].iter_rows(values_only=True)]


HEADERS = ("事项类型", "编号", "事项名称", "单位名称", "统一社会信用代码", "所属/承办单位", "督办单位", "状态")


def test_the_export_holds_the_filtered_list_in_scope(console: Console, scene: dict[str, Any]) -> None:
    res = console.get("/search/export.xlsx?unit=青山", as_=APPROVER)
    assert res.status_code == 200
    assert "filename*=UTF-8''%E5%85%A8%E9%83%A8%E4%BA%8B%E9%A1%B9-2026-09-25.xlsx" in res.headers["Content-Disposition"]
    assert "filename=search-2026-09-25.xlsx" in res.headers["Content-Disposition"]
    rows = _sheet(res.data)
    assert rows[0][: len(HEADERS)] == HEADERS and rows[0][-2:] == ("申请/下发日期", "申请人/督办人")
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["事项类型"] == "建立党组织" and row["编号"] == scene["portal_case"]["id"]
    assert row["单位名称"] == "青山机械有限公司" and row["统一社会信用代码"] == scene["unit"]["credit_code"]
    assert row["所属/承办单位"] == "东一镇" and row["状态"] == "筹备中" and row["申请人/督办人"] == "portal@east"
    assert row["申请/下发日期"].date() == date(2026, 9, 25)  # a date cell, not text
    notes = dict(r[:2] for r in _sheet(res.data, 1)[1:])
    assert notes["导出内容"] == "全部事项" and notes["导出人"] == APPROVER and notes["导出条数"] == 1
    assert "单位名称：青山" in notes["筛选条件"]

    everything = _sheet(console.get("/search/export.xlsx", as_=APPROVER).data)
    exported = {(r[0], r[1]) for r in everything[1:]}
    assert exported == {("建立党组织", i) for _, i in scene["east"]} | {("督办单", scene["east_ticket"][1])}
    tickets = [dict(zip(everything[0], r, strict=True)) for r in everything[1:] if r[0] == "督办单"]
    assert tickets[0]["督办单位"] == "东县" and tickets[0]["申请人/督办人"] == "supervisor@east"


def test_the_export_is_capped_and_says_so(app: Flask, console: Console, scene: dict[str, Any]) -> None:
    app.config["SETTINGS"] = replace(app.config["SETTINGS"], console_export_max_rows=2)
    try:
        res = console.get("/search/export.xlsx", as_=APPROVER)
    finally:
        app.config["SETTINGS"] = replace(app.config["SETTINGS"], console_export_max_rows=5000)
    assert len(_sheet(res.data)) == 1 + 2
    notes = dict(r[:2] for r in _sheet(res.data, 1)[1:])
    assert "仅导出前 2 条" in notes["导出上限"]
    assert "最多 5000 条" in console.get("/search", as_=APPROVER).get_data(as_text=True)


def test_a_refused_export_is_the_422_page(console: Console, scene: dict[str, Any]) -> None:
    res = console.get("/search/export.xlsx?date_from=2026-02-30", as_=APPROVER)
    assert res.status_code == 422 and "不是有效的日期" in res.get_data(as_text=True)


def test_the_search_page_has_a_fixed_statement_count(app: Flask, console: Console, api: Api, world: World) -> None:
    who = "supervisor@east"
    console.as_(who)
    submitted_cases(app, world, 1, "east_t1")
    new_case(api, [make_unit(api, "east_t1", name="测试甲")["id"]], "branch")  # a case with an applicant to name
    issued(api, "east_t1")
    paths = ("/search", "/search?unit=测试&kind=establishment", f"/search?body={world.ids['east_t1']}")

    def count(path: str) -> int:
        with statements(app) as seen:
            assert console.get(path, as_=who).status_code == 200
        return len(seen)

    for p in paths:  # warm the process-wide caches
        count(p)
    small = {p: count(p) for p in paths}
    submitted_cases(app, world, 12, "east_t1")
    for _ in range(4):
        issued(api, "east_t1")
    for _ in range(3):
        new_case(api, [make_unit(api, "east_t1")["id"]], "branch")
    big = {p: count(p) for p in paths}
    assert big == small, (small, big)
    assert max(big.values()) <= 12, big


def test_the_search_runs_on_indexes(app: Flask, api: Api) -> None:
    """SQLite's plan: each branch starts from its scope index; no whole-table scan of cases, tickets or units."""
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("the plan is SQLite's")
        actor = actor_for_token(api.world.tokens[APPROVER], None)
        assert actor is not None
        for narrow in (
            search.SearchFilters(unit="青山", date_from=date(2026, 9, 1)),
            search.SearchFilters(credit_code="91350100MA2Y000010"),
        ):
            stmt = search.query(cases.query(actor, {}), ticket_board.query(actor, {}), narrow)
            sql = stmt.compile(db.engine, compile_kwargs={"literal_binds": True})
            plan = [row[3] for row in db.session.execute(text(f"EXPLAIN QUERY PLAN {sql}"))]
            assert any("ix_establishment_cases_scope_state" in step for step in plan), plan
            for table in ("establishment_cases", "supervision_tickets", "ledger_units", "establishment_case_units"):
                assert not any(step.startswith(f"SCAN {table}") for step in plan), plan
        db.session.remove()
