"""The ledger import template: the importer's exact header row, an example row under the downloader's own
jurisdiction, a notes sheet; filled in, it imports cleanly (the round trip through the importer)."""

from __future__ import annotations

import io

from flask import Flask
from openpyxl import load_workbook

from service.spreadsheets.ledger_columns import COLUMNS, REQUIRED_HEADERS
from tests.engines.excel.test_imports import _units
from tests.support.console import Console
from tests.support.excel import imported
from tests.support.factories import new_credit_code
from tests.support.world import Api, World

TEMPLATE = "/coverage/imports/template.xlsx"
IMPORTED_HEADERS = [c.header for c in COLUMNS if c.field]


def _download(console: Console, who: str) -> bytes:
    res = console.get(TEMPLATE, as_=who)
    assert res.status_code == 200, res.get_data(as_text=True)[:300]
    assert "filename=ledger-import-template.xlsx" in res.headers["Content-Disposition"]
    assert "filename*=UTF-8''%E5%8F%B0%E8%B4%A6" in res.headers["Content-Disposition"]  # 台账导入模板.xlsx
    return bytes(res.data)


def test_the_template_has_the_importers_headers_an_example_and_notes(console: Console) -> None:
    wb = load_workbook(io.BytesIO(_download(console, "handler@east_t1")))
    data, notes = wb.worksheets
    rows = [list(r) for r in data.iter_rows(values_only=True)]
    assert rows[0] == IMPORTED_HEADERS and set(REQUIRED_HEADERS) <= set(rows[0])
    assert len(rows) == 2  # the header and one example, nothing else (the importer counts every stored row)
    example = dict(zip(rows[0], rows[1], strict=True))
    assert example["所属管辖单位代码"] == "east_t1"  # the downloader's own body
    assert example["单位类型"] == "非公企业" and isinstance(example["统一社会信用代码"], str)
    assert notes.title == "填写说明"
    described = {r[0]: (r[1], r[2]) for r in notes.iter_rows(min_row=2, values_only=True) if r and r[0] in rows[0]}
    assert set(described) == set(IMPORTED_HEADERS)
    assert described["统一社会信用代码"][0] == "必填" and described["地址"][0] == "选填"
    assert all(text for _, text in described.values())


def test_the_filled_template_imports_cleanly(app: Flask, api: Api, console: Console, world: World) -> None:
    wb = load_workbook(io.BytesIO(_download(console, "handler@east_t1")))
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    code = new_credit_code()
    ws.cell(row=2, column=header.index("统一社会信用代码") + 1, value=code)
    ws.cell(row=2, column=header.index("单位名称") + 1, value="青山精密机械有限公司")
    out = io.BytesIO()
    wb.save(out)
    status = imported(app, api, out.getvalue(), as_="handler@east_t1")
    assert (status["status"], status["created_count"], status["error_count"]) == ("succeeded", 1, 0), status
    unit = _units(app)[code]
    assert unit.name == "青山精密机械有限公司" and unit.jurisdiction_id == world.ids["east_t1"]
    assert (unit.employees, unit.formal_members, unit.probationary_members) == (60, 3, 1)
    assert unit.operating_status == "operating" and unit.investor_or_head == "张三"


def test_the_import_page_links_the_template_and_only_unit_writers_get_it(console: Console) -> None:
    assert TEMPLATE in console.get("/coverage/imports", as_="portal@east").get_data(as_text=True)
    _download(console, "portal@east")
    for who in ("approver@east", "instructor@east"):
        res = console.get(TEMPLATE, as_=who)
        assert res.status_code == 403 and "无权访问" in res.get_data(as_text=True)
