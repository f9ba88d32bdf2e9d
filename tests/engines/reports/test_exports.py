"""The coverage report and the must-establish list as .xlsx, checked against the hand-counted ledger
(tests/engines/reports/conftest.py), and the circular as an official document (通报)."""

from __future__ import annotations

from flask import Flask

from tests.engines.reports.conftest import Ledger
from tests.support import coverage as h
from tests.support.documents import table_rows, text_of
from tests.support.excel import read_xlsx
from tests.support.world import Api, World


def _sheet(api: Api, path: str, as_: str = "supervisor@east", sheet: int = 0) -> list[tuple[object, ...]]:
    res = api.get(path, as_=as_)
    assert res.status_code == 200, res.json
    assert res.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return read_xlsx(res.data, sheet)


def test_report_export_has_the_hand_counted_figures(api: Api, world: World, ledger: Ledger) -> None:
    rows = _sheet(api, f"{h.COVERAGE}/export.xlsx?jurisdiction_id={world.ids['east']}")
    header, *body = rows
    assert header[:10] == ("管辖单位", "单位代码", "应建单位数", "单独建立党组织", "联合建立党组织", "仅选派党建指导员",
                           "应建未建", "组织覆盖率", "工作覆盖率", "单独组建率")  # fmt: skip
    by_name = {r[0]: r for r in body}
    # 东县: 9 in scope (u8 deregistered, u9 too small), own 3 (u1, u4 with an instructor too, u12),
    # joint 3 (J once per unit), instructor only 1, neither 2.
    assert by_name["东县（合计）"][2:10] == (9, 3, 3, 1, 2, "66.7%", "77.8%", "33.3%")
    assert by_name["东一镇"][2:10] == (6, 2, 2, 1, 1, "66.7%", "83.3%", "33.3%")
    assert by_name["东二街道"][2:10] == (2, 0, 1, 0, 1, "50.0%", "50.0%", "0.0%")
    # No in-scope unit: no rate (an empty cell, not 0%).
    assert by_name["东县物流行业党委"][2] == 0 and by_name["东县物流行业党委"][7:10] == (None, None, None)
    # The party-work indicators follow (conftest.py's count): 3 of 9 active, 2 of 3 inspections checked.
    assert header[12:] == ("近一年开展活动单位", "活动开展率", "本年年检单位", "年检同步检查党建", "党建检查比例")
    assert by_name["东县（合计）"][12:] == (3, "33.3%", 3, 2, "66.7%")
    assert by_name["东县物流行业党委"][12:] == (0, None, 0, 0, None)
    kinds = {r[0]: r for r in _sheet(api, f"{h.COVERAGE}/export.xlsx?jurisdiction_id={world.ids['east']}", sheet=1)}
    assert kinds["社会组织"][1:6] == (2, 1, 0, 0, 1)
    assert kinds["社会组织"][9:] == (1, "50.0%", 1, 1, "100.0%")


def test_must_establish_export_is_the_list(api: Api, world: World, ledger: Ledger) -> None:
    query = f"jurisdiction_id={world.ids['east']}&sort=name"
    header, *body = _sheet(api, f"{h.COVERAGE}/must-establish/export.xlsx?{query}")
    assert header[:2] == ("统一社会信用代码", "单位名称")
    # No organisation (an instructor alone does not make one): u6, u7, u10 — in the list's own order.
    assert sorted(r[1] for r in body) == sorted(["只有指导员的企业", "应建未建甲公司", "应建未建乙协会"])
    listed = api.get(f"{h.COVERAGE}/must-establish?{query}", as_="supervisor@east")
    assert [r[1] for r in body] == [u["name"] for u in listed.json]
    reasons = {r[1]: r[6] for r in body}
    assert reasons["应建未建甲公司"] == "党员人数不足，正在培养"


def test_exports_are_scoped_and_role_checked(api: Api, world: World, ledger: Ledger) -> None:
    west = world.ids["west"]
    for path in (f"{h.COVERAGE}/export.xlsx", f"{h.COVERAGE}/must-establish/export.xlsx"):
        assert api.get(f"{path}?jurisdiction_id={west}", as_="supervisor@east").status_code == 404
        assert api.get(f"{path}?jurisdiction_id={world.ids['east']}", as_="portal@east").status_code == 403


def test_a_circular_becomes_a_numbered_document_of_its_figures_as_issued(
    app: Flask, api: Api, world: World, ledger: Ledger
) -> None:
    body = {"jurisdiction_id": world.ids["east"], "period_start": "2026-09-01", "period_end": "2026-09-30"}
    issued = api.post(f"{h.COVERAGE}/circulars", as_="supervisor@east", json=body)
    assert issued.status_code == 201, issued.json
    path = f"{h.COVERAGE}/circulars/{issued.json['id']}/document.docx"
    first = api.get(path, as_="supervisor@east")
    assert first.status_code == 200, first.json
    text = text_of(first.data)
    assert "通报" in text and "〔2026〕1号" in text
    assert "组织覆盖率66.7%" in text  # the totals sentence, from the stored figures
    names = [row[1] for row in table_rows(first.data)[1:] if len(row) > 1]
    assert "东一镇" in names and "东二街道" in names
    # The ledger changes; the document stays the circular as issued, with the same number.
    h.unit(app, world.ids["east_t1"], name="通报后新登记的企业")
    again = api.get(path, as_="supervisor@east")
    assert text_of(again.data) == text
    assert api.get(path, as_="supervisor@west_t1").status_code == 404
    assert api.get(path, as_="portal@east").status_code == 403
