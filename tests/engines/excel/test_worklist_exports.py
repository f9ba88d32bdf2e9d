"""待办 and 已办 as .xlsx from the console: the pages' own scope, filters and order, Chinese headers, dates as
date cells, people by display name, a 说明 sheet, the row cap, and the role gate."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from flask import Flask
from openpyxl import load_workbook

from tests.support.console import Console
from tests.support.establishment import submitted_cases
from tests.support.supervision import TICKETS, issued, ok
from tests.support.world import Api, World


def sheet(data: bytes, index: int = 0) -> list[dict[str, Any]]:
    rows = [tuple(r) for r in load_workbook(io.BytesIO(data)).worksheets[index].iter_rows(values_only=True)]
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def headers(data: bytes) -> tuple[Any, ...]:
    return next(load_workbook(io.BytesIO(data)).worksheets[0].iter_rows(values_only=True))


def notes(data: bytes) -> dict[str, Any]:
    return {r["项目"]: r["内容"] for r in sheet(data, 1)}


def test_an_approvers_inbox_export_holds_his_tasks_only(app: Flask, console: Console, world: World) -> None:
    east = submitted_cases(app, world, 2, "east_t1")
    submitted_cases(app, world, 1, "west_t1")
    res = console.get("/inbox/export.xlsx", as_="approver@east_t1")
    assert res.status_code == 200
    assert "filename=inbox-2026-09-25.xlsx" in res.headers["Content-Disposition"]
    assert headers(res.data) == ("预警", "事项", "业务", "申请单位所属", "环节", "办理期限", "状态", "办理人")
    rows = sheet(res.data)
    assert sorted(r["事项"] for r in rows) == [f"测试党支部east_t1{i}" for i in range(len(east))]
    assert {r["业务"] for r in rows} == {"建立党组织"} and {r["状态"] for r in rows} == {"待认领"}
    assert all(isinstance(r["办理期限"], datetime) for r in rows)  # a date cell
    assert {r["预警"] for r in rows} == {"绿灯 正常"}
    assert notes(res.data)["导出人"] == "approver@east_t1" and notes(res.data)["导出条数"] == 2
    # the page's filters
    assert sheet(console.get("/inbox/export.xlsx?light=red", as_="approver@east_t1").data) == []
    assert notes(console.get("/inbox/export.xlsx?light=red", as_="approver@east_t1").data)["筛选条件"] == (
        "预警：红灯（逾期）"
    )
    # the other county's approver sees none of them; a body outside his scope is the 404 page
    west = sheet(console.get("/inbox/export.xlsx", as_="approver@west_t1").data)
    assert [r["事项"] for r in west] == ["测试党支部west_t10"]
    assert console.get(f"/inbox/export.xlsx?body={world.ids['east_t1']}", as_="approver@west_t1").status_code == 404


def test_a_handlers_inbox_export_holds_his_bodys_tickets(app: Flask, api: Api, console: Console) -> None:
    t = issued(api, "east_t1", title="东一镇覆盖推进滞后")
    issued(api, "west_t1", as_="supervisor@city", title="西一镇覆盖推进滞后")
    res = console.get("/inbox/export.xlsx", as_="handler@east_t1")
    rows = sheet(res.data)
    assert [(r["督办单编号"], r["督办事项"]) for r in rows] == [(t["id"], "东一镇覆盖推进滞后")]
    row = rows[0]
    assert row["督办单位"] == "东县" and row["状态"] == "已下发" and row["责任人"] == "刘镇长"
    assert row["下发日期"].date() == date(2026, 9, 25) and isinstance(row["期限"], datetime)
    assert row["待办"]
    assert [r["督办事项"] for r in sheet(console.get("/inbox/export.xlsx", as_="handler@west_t1").data)] == [
        "西一镇覆盖推进滞后"
    ]


def test_the_done_export_lists_what_i_handled(app: Flask, api: Api, console: Console) -> None:
    t = issued(api, "east_t1")
    ok(api.post(f"{TICKETS}/{t['id']}/acknowledge", as_="handler@east_t1"))
    res = console.get("/done/export.xlsx?workflow=supervision_ticket&date_from=2026-09-25", as_="handler@east_t1")
    assert res.status_code == 200
    assert "filename=done-2026-09-25.xlsx" in res.headers["Content-Disposition"]
    assert headers(res.data) == ("办理日期", "办理时间", "业务", "事项", "办理", "意见", "办理人")
    rows = sheet(res.data)
    assert len(rows) == 1
    row = rows[0]
    assert row["办理日期"].date() == date(2026, 9, 25) and row["办理时间"] == "10:00"  # Beijing time
    assert (row["业务"], row["事项"], row["办理"], row["办理人"]) == ("督办单", t["title"], "签收", "handler@east_t1")
    assert "业务：督办单" in notes(res.data)["筛选条件"]
    assert sheet(console.get("/done/export.xlsx?date_from=2026-09-26", as_="handler@east_t1").data) == []
    assert sheet(console.get("/done/export.xlsx", as_="handler@west_t1").data) == []  # someone else's work


def test_worklist_exports_are_capped(app: Flask, console: Console, world: World) -> None:
    submitted_cases(app, world, 3, "east_t1")
    app.config["SETTINGS"] = replace(app.config["SETTINGS"], console_export_max_rows=2)
    try:
        res = console.get("/inbox/export.xlsx", as_="approver@east_t1")
    finally:
        app.config["SETTINGS"] = replace(app.config["SETTINGS"], console_export_max_rows=5000)
    assert len(sheet(res.data)) == 2 and "仅导出前 2 条" in notes(res.data)["导出上限"]


def test_the_pages_link_their_exports_with_their_filters(console: Console, world: World) -> None:
    inbox = console.get(f"/inbox?light=green&body={world.ids['east_t1']}", as_="approver@east_t1")
    assert "/inbox/export.xlsx?" in inbox.get_data(as_text=True) and "导出Excel" in inbox.get_data(as_text=True)
    assert "light=green" in inbox.get_data(as_text=True).split("/inbox/export.xlsx?", 1)[1].split('"', 1)[0]
    tickets = console.get("/inbox", as_="handler@east_t1").get_data(as_text=True)
    assert "/inbox/export.xlsx" in tickets
    done = console.get("/done?unit=青山", as_="handler@east_t1").get_data(as_text=True)
    assert "/done/export.xlsx?unit=" in done


def test_roles_without_an_inbox_may_not_export_it(console: Console) -> None:
    for who in ("supervisor@east", "portal@east", "instructor@east", "admin@east"):
        res = console.get("/inbox/export.xlsx", as_=who)
        assert res.status_code == 403 and "无权访问" in res.get_data(as_text=True)
