"""Exports: Chinese headers, frozen header row, widths, dates as YYYY-MM-DD, the list's filters and scope."""

from __future__ import annotations

import io
from datetime import date

from flask import Flask
from openpyxl import load_workbook

from service.spreadsheets.ledger_columns import EXPORT_COLUMNS
from tests.support.excel import read_xlsx
from tests.support.factories import unit_payload
from tests.support.supervision import issued
from tests.support.world import Api, World


def test_ledger_export_is_the_scoped_filtered_list(app: Flask, api: Api, world: World) -> None:
    east = api.post(
        "/api/v1/units", json=unit_payload(world.ids["east_t1"], name="东企业", employees=80), as_="admin@city"
    )
    api.post("/api/v1/units", json=unit_payload(world.ids["east_t2"], name="东二企业", employees=10), as_="admin@city")
    api.post("/api/v1/units", json=unit_payload(world.ids["west_t1"], name="西企业"), as_="admin@city")
    res = api.get("/api/v1/units/export.xlsx", as_="handler@east")
    assert res.status_code == 200
    assert res.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment" in res.headers["Content-Disposition"] and ".xlsx" in res.headers["Content-Disposition"]
    rows = read_xlsx(res.data)
    assert rows[0] == tuple(c.header for c in EXPORT_COLUMNS)
    assert sorted(r[1] for r in rows[1:]) == sorted(["东企业", "东二企业"])  # west is out of scope
    filtered = read_xlsx(api.get("/api/v1/units/export.xlsx?in_scope=true", as_="handler@east").data)
    assert [r[1] for r in filtered[1:]] == ["东企业"]
    row = dict(zip(rows[0], filtered[1], strict=True))
    assert row["单位类型"] == "非公企业" and row["经营状态"] == "正常经营" and row["是否应建"] == "是"
    assert row["所属管辖单位代码"] == "east_t1" and row["所属管辖单位"] == "东一镇"
    assert row["最近更新日期"].date() == date(2026, 9, 25)  # a date cell, Beijing's day
    wb = load_workbook(io.BytesIO(res.data))
    ws = wb.active
    assert ws.title == "台账" and ws.freeze_panes == "A2"
    assert ws.column_dimensions["A"].width == 22 and ws.column_dimensions["B"].width == 36
    assert ws["A1"].font.b
    updated = rows[0].index("最近更新日期") + 1
    assert ws.cell(row=2, column=updated).number_format == "yyyy-mm-dd"
    assert east.status_code == 201


def test_ledger_export_outside_scope_is_404_and_bad_filter_422(api: Api, world: World) -> None:
    assert (
        api.get(f"/api/v1/units/export.xlsx?jurisdiction_id={world.ids['west']}", as_="admin@east").status_code == 404
    )
    assert api.get("/api/v1/units/export.xlsx?kind=nope", as_="admin@east").status_code == 422


def test_ticket_export_has_the_list_and_the_board(app: Flask, api: Api, world: World) -> None:
    draft = issued(api)
    res = api.get("/api/v1/supervision-tickets/export.xlsx", as_="admin@east")
    assert res.status_code == 200
    tickets = read_xlsx(res.data, 0)
    assert tickets[0][:4] == ("督办单编号", "标题", "承办单位", "督办单位")
    row = dict(zip(tickets[0], tickets[1], strict=True))
    assert row["督办单编号"] == draft["id"] and row["承办单位"] == "东一镇" and row["督办单位"] == "东县"
    assert row["状态"] and row["预警"] in ("绿灯 正常", "黄灯 临期", "红灯 逾期") and row["问题数"] >= 1
    board = read_xlsx(res.data, 1)
    assert board[0][0] == "承办单位" and board[-1][0] == "合计" and board[-1][2] == 1
    none = read_xlsx(api.get("/api/v1/supervision-tickets/export.xlsx?state=closed", as_="admin@east").data, 0)
    assert len(none) == 1
    west = read_xlsx(api.get("/api/v1/supervision-tickets/export.xlsx", as_="admin@west_t1").data, 0)
    assert len(west) == 1  # nothing visible beside
