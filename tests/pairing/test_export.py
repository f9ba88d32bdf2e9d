"""结对共建 as .xlsx (the API and the console's 导出Excel): the list's filters and scope, each agreement's plan,
what is done, what lags, its light and its escalation level, with Chinese headers."""

from __future__ import annotations

from datetime import date

from flask import Flask

from service.extensions import db
from service.operations.engines import escalation
from tests.support.console import Console
from tests.support.excel import read_xlsx
from tests.support.pairing import URL, body, in_force, ok
from tests.support.world import Api, World


def test_the_export_holds_the_list_with_its_progress_and_ladder(
    app: Flask, api: Api, world: World, console: Console
) -> None:
    a = in_force(api, app, world)
    ok(api.post(f"{URL}/{a['id']}/progress", as_="handler@east_t1", json={"visits": 1, "trainings": 1}))
    with app.app_context():
        assert escalation.escalate("pairing_agreement", a["id"], date(2026, 10, 8)) == "reminder"
        db.session.remove()
    draft = ok(api.post(URL, as_="handler@east_t1", json=body(app, world, "east_t1", "east_t1", title="草拟")), 201)
    res = api.get(f"{URL}/export.xlsx", as_="supervisor@east")
    assert res.status_code == 200 and "filename=pairing-agreements-" in res.headers["Content-Disposition"]
    header, *rows = read_xlsx(res.data)
    assert header[:4] == ("协议编号", "协议名称", "年度", "状态")
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    row = by_id[a["id"]]
    assert (row["状态"], row["甲方"], row["督导单位"]) == ("履行中", a["org_a"]["name"], "东一镇")
    assert (row["走访交流（已完成/计划）"], row["联合培训（已完成/计划）"]) == ("1/2", "1/1")
    assert row["滞后事项"] == "走访交流、培养入党积极分子" and row["催办级别"] == "催办"
    assert row["预警"] in ("黄灯 临期", "红灯 逾期")
    assert by_id[draft["id"]]["状态"] == "草拟中" and by_id[draft["id"]]["滞后事项"] is None
    # The list's filters, and its scope.
    header, *rows = read_xlsx(api.get(f"{URL}/export.xlsx?state=draft", as_="supervisor@east").data)
    assert [r[0] for r in rows] == [draft["id"]]
    header, *rows = read_xlsx(api.get(f"{URL}/export.xlsx", as_="supervisor@west_t1").data)
    assert rows == []
    # The console's link downloads the same list with the page's filters.
    page = console.get("/pairing?state=in_force", as_="supervisor@east").get_data(as_text=True)
    assert 'href="/pairing/export.xlsx?state=in_force"' in page
    header, *rows = read_xlsx(console.get("/pairing/export.xlsx?state=in_force", as_="supervisor@east").data)
    assert [r[0] for r in rows] == [a["id"]]
