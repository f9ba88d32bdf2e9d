"""覆盖 in the console: the report with its charts (figures from the same service function as the API), the
must-establish list, the Excel exports and import under the session, circulars and the documents' links."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from typing import Any

from flask import Flask

from tests.engines.reports.conftest import Ledger
from tests.support.console import Console
from tests.support.excel import read_xlsx, run_job, xlsx
from tests.support.factories import new_credit_code
from tests.support.supervision import INTERVIEWS, draft, issued
from tests.support.world import Api, World

SUPERVISOR = "supervisor@east"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def svg_of(page: str, section: str) -> ET.Element:
    block = page.split(f'id="{section}"', 1)[1]
    svg = block[block.index("<svg") : block.index("</svg>") + len("</svg>")]
    return ET.fromstring(svg)


def bars(root: ET.Element) -> list[tuple[str | None, str | None, str | None]]:
    return [
        (e.get("data-label"), e.get("data-series"), e.get("data-value")) for e in root.iter() if e.get("class") == "bar"
    ]


def test_report_page_shows_the_hand_counted_figures_and_charts(console: Console, world: World, ledger: Ledger) -> None:
    res = console.get("/coverage", as_=SUPERVISOR)
    assert res.status_code == 200
    page = res.get_data(as_text=True)
    assert '<dd id="units">9</dd>' in page and '<dd id="org-rate">66.7%</dd>' in page
    assert '<dd id="work-rate">77.8%</dd>' in page and '<dd id="neither">2（' in page
    assert "最久 30 天" in page  # u10's case; the withdrawn one is not open
    # one table row per child, and the body's own units apart
    assert page.count("data-child=") == 4  # east_t1, east_t2, east_ic + 本级直属 (u12)
    ic_row = page.split(f'data-child="{world.ids["east_ic"]}"', 1)[1].split("</tr>", 1)[0]
    assert "—" in ic_row and "0.0%" not in ic_row  # no unit in scope: no rate
    chart = bars(svg_of(page, "bar-chart"))
    assert chart == [
        ("东一镇", "组织覆盖率", "0.6667"),
        ("东一镇", "工作覆盖率", "0.8333"),
        ("东二街道", "组织覆盖率", "0.5000"),
        ("东二街道", "工作覆盖率", "0.5000"),
    ]  # east_ic has no rate: no bar
    svg_of(page, "trend-chart")  # well-formed even without snapshots
    assert "月末数据不足，无法测算" in page  # the projection sentence, from the same trend function as the API


def test_report_page_for_a_child_and_out_of_scope(console: Console, world: World, ledger: Ledger) -> None:
    page = console.get(f"/coverage?jurisdiction_id={world.ids['east_t1']}", as_=SUPERVISOR).get_data(as_text=True)
    assert '<dd id="units">6</dd>' in page and "返回本级" in page
    outside = console.get(f"/coverage?jurisdiction_id={world.ids['west_t1']}", as_=SUPERVISOR)
    assert outside.status_code == 404 and "页面不存在" in outside.get_data(as_text=True)
    assert console.get("/coverage", as_="portal@east").status_code == 403


def test_trend_chart_draws_the_snapshots(app: Flask, console: Console, world: World, ledger: Ledger) -> None:
    from service.operations.reports import coverage_snapshots

    with app.app_context():
        coverage_snapshots.take_snapshots()
    page = console.get("/coverage", as_=SUPERVISOR).get_data(as_text=True)
    points = [e for e in svg_of(page, "trend-chart").iter() if e.get("class") == "point"]
    assert [(p.get("data-label"), p.get("data-value")) for p in points] == [
        ("2026-08", "0.6667"),
        ("2026-08", "0.7778"),
    ]


def test_must_establish_list_is_the_api_list(console: Console, api: Api, world: World, ledger: Ledger) -> None:
    page = console.get("/coverage/must-establish", as_=SUPERVISOR).get_data(as_text=True)
    assert (
        page.count("data-unit=") == 3
        and "只有指导员的企业" in page
        and "应建未建甲公司" in page
        and "应建未建乙协会" in page
    )
    filtered = console.get("/coverage/must-establish?kind=social_org&has_open_case=true", as_=SUPERVISOR)
    text = filtered.get_data(as_text=True)
    api_rows = api.get("/api/v1/coverage/must-establish?kind=social_org&has_open_case=true", as_=SUPERVISOR).json
    assert text.count("data-unit=") == len(api_rows) == 1 and "应建未建乙协会" in text
    bad = console.get("/coverage/must-establish?kind=nonsense", as_=SUPERVISOR).get_data(as_text=True)
    assert 'data-field="kind"' in bad and bad.count("data-unit=") == 3  # the bad filter is said and dropped


def sheet(res: Any) -> list[tuple[Any, ...]]:
    assert res.status_code == 200, res.get_data(as_text=True)[:300]
    assert res.headers["Content-Type"].startswith(XLSX)
    return read_xlsx(res.data)


def test_exports_stream_the_api_workbooks_under_the_session(console: Console, world: World, ledger: Ledger) -> None:
    rows = sheet(console.get("/coverage/must-establish/export.xlsx?kind=enterprise", as_=SUPERVISOR))
    assert rows[0][:2] == ("统一社会信用代码", "单位名称") and [r[1] for r in rows[1:]] == [
        "只有指导员的企业",
        "应建未建甲公司",
    ]
    report = sheet(console.get("/coverage/export.xlsx", as_=SUPERVISOR))
    assert report[1][0] == "东县（合计）" and report[1][2] == 9
    assert sheet(console.get("/exports/ledger.xlsx", as_=SUPERVISOR))[0][0] == "统一社会信用代码"
    assert sheet(console.get("/exports/tickets.xlsx", as_=SUPERVISOR))
    refused = console.get("/coverage/must-establish/export.xlsx?kind=nonsense", as_=SUPERVISOR)
    assert refused.status_code == 422 and "无法办理" in refused.get_data(as_text=True)
    assert (
        console.get(f"/exports/ledger.xlsx?jurisdiction_id={world.ids['west_t1']}", as_=SUPERVISOR).status_code == 404
    )


def test_import_valid_rows_only_shows_the_row_errors(app: Flask, console: Console, world: World) -> None:
    data = xlsx(
        [
            [new_credit_code(), "导入甲公司", "非公企业", "east_t1", 80, 3],
            ["not-a-code", "导入乙公司", "非公企业", "east_t1", 80, 3],
        ]
    )
    form = console.as_(SUPERVISOR).get("/coverage/imports").get_data(as_text=True)
    assert 'name="mode"' in form and 'enctype="multipart/form-data"' in form
    res = console.post(
        "/coverage/imports",
        as_=SUPERVISOR,
        data={"mode": "valid_rows_only", "file": (io.BytesIO(data), "台账.xlsx")},
        content_type="multipart/form-data",
    )
    assert res.status_code == 303, res.get_data(as_text=True)[:500]
    import_id = int(res.headers["Location"].rsplit("/", 1)[1])
    queued = console.get(f"/coverage/imports/{import_id}", as_=SUPERVISOR).get_data(as_text=True)
    assert 'data-status="queued"' in queued and 'http-equiv="refresh"' in queued
    assert run_job(app, import_id) == "succeeded"
    page = console.get(f"/coverage/imports/{import_id}", as_=SUPERVISOR).get_data(as_text=True)
    assert 'data-status="succeeded"' in page and '<dd id="created">1</dd>' in page
    assert '<dd id="error-rows">1</dd>' in page and 'data-row="3"' in page and "errors-xlsx" in page
    report = sheet(console.get(f"/coverage/imports/{import_id}/errors.xlsx", as_=SUPERVISOR))
    assert any("not-a-code" in str(cell) for row in report for cell in row)
    # another body's handler does not see the import
    assert console.get(f"/coverage/imports/{import_id}", as_="handler@west_t1").status_code == 404


def test_import_refusals_are_said_next_to_the_field(console: Console) -> None:
    no_file = console.post("/coverage/imports", as_=SUPERVISOR, data={"mode": "valid_rows_only"})
    assert no_file.status_code == 422 and 'data-field="file"' in no_file.get_data(as_text=True)
    not_xlsx = console.post(
        "/coverage/imports",
        as_=SUPERVISOR,
        data={"mode": "valid_rows_only", "file": (io.BytesIO(b"hello"), "a.xlsx")},
        content_type="multipart/form-data",
    )
    text = not_xlsx.get_data(as_text=True)
    assert not_xlsx.status_code == 422 and 'data-field="file"' in text
    bad_mode = console.post(
        "/coverage/imports",
        as_=SUPERVISOR,
        data={"mode": "sometimes", "file": (io.BytesIO(xlsx([])), "a.xlsx")},
        content_type="multipart/form-data",
    )
    assert bad_mode.status_code == 422 and 'data-field="mode"' in bad_mode.get_data(as_text=True)


def test_circulars_issue_list_and_download(console: Console, world: World, ledger: Ledger) -> None:
    period = {"period_start": "2026-09-01", "period_end": "2026-09-20"}
    res = console.post("/coverage/circulars", as_=SUPERVISOR, data={**period, "previewed": "1"})
    assert res.status_code == 303, res.get_data(as_text=True)[:500]
    page = console.get("/coverage/circulars", as_="approver@east").get_data(as_text=True)
    found = re.search(r'data-circular="(\d+)"', page)
    assert found and "下载通报" in page and "关于东县“两个覆盖”工作情况的通报" in page
    doc = console.get(f"/coverage/circulars/{found.group(1)}/document.docx", as_="approver@east")
    assert doc.status_code == 200 and doc.data[:2] == b"PK"
    # only issuers post; readers see no form
    assert 'id="circular-form"' not in page
    refused = console.post("/coverage/circulars", as_="approver@east", data={"period_start": "2026-09-01"})
    assert refused.status_code == 403
    bad = console.post("/coverage/circulars", as_=SUPERVISOR, data={"period_start": "2026-13-01", "period_end": "x"})
    assert bad.status_code == 422 and 'data-field="period_start"' in bad.get_data(as_text=True)


def test_ticket_page_links_the_documents(console: Console, api: Api) -> None:
    d = draft(api)
    page = console.get(f"/board/tickets/{d['id']}", as_=SUPERVISOR).get_data(as_text=True)
    assert 'id="ticket-document"' not in page  # a draft has no 督办单 yet
    refused = console.get(f"/board/tickets/{d['id']}/document.docx", as_=SUPERVISOR)
    assert refused.status_code == 409 and "操作冲突" in refused.get_data(as_text=True)
    t = issued(api)
    page = console.get(f"/board/tickets/{t['id']}", as_=SUPERVISOR).get_data(as_text=True)
    assert f'href="/board/tickets/{t["id"]}/document.docx"' in page
    doc = console.get(f"/board/tickets/{t['id']}/document.docx", as_="handler@east_t1")
    assert doc.status_code == 200 and doc.data[:2] == b"PK"
    iv = api.post(
        INTERVIEWS,
        as_=SUPERVISOR,
        json={
            "ticket_id": t["id"],
            "reason": "逾期未整改",
            "scheduled_at": "2026-09-29T09:00:00+08:00",
            "place": "县委组织部会议室",
        },
    )
    assert iv.status_code == 201, iv.json
    page = console.get(f"/board/tickets/{t['id']}", as_=SUPERVISOR).get_data(as_text=True)
    assert f'data-notice="{iv.json["id"]}"' in page
    notice = console.get(f"/interviews/{iv.json['id']}/notice.docx", as_=SUPERVISOR)
    assert notice.status_code == 200 and notice.data[:2] == b"PK"


def test_a_circular_is_previewed_before_it_is_issued(console: Console, world: World, ledger: Ledger) -> None:
    from tests.support.database import fingerprint

    page = console.get("/coverage/circulars", as_=SUPERVISOR).get_data(as_text=True)
    form = re.search(
        r'<form method="get" action="/coverage/circulars/preview" id="circular-form".*?</form>', page, re.S
    )
    assert form is not None and 'type="date" name="period_start"' in form.group(0) and "预览" in form.group(0)
    before = fingerprint(console.app)
    period = {"period_start": "2026-09-01", "period_end": "2026-09-20", "title": ""}
    preview = console.get("/coverage/circulars/preview", as_=SUPERVISOR, query_string=period)
    assert preview.status_code == 200
    text = preview.get_data(as_text=True)
    assert "关于东县“两个覆盖”工作情况的通报（2026-09-01至2026-09-20）" in text
    assert "应建单位" in text and "印发人：supervisor@east" in text  # the world's display names are user@place
    issue = re.search(r'<form method="post" action="/coverage/circulars" id="issue-circular".*?</form>', text, re.S)
    assert issue is not None
    assert 'name="previewed" value="1"' in issue.group(0) and 'name="period_start" value="2026-09-01"' in issue.group(0)
    assert "不能撤回。确定印发？" in issue.group(0)
    assert fingerprint(console.app) == before  # a preview records nothing
    # Posting the draft form without the preview shows the preview; nothing is issued unseen.
    unseen = console.post("/coverage/circulars", as_=SUPERVISOR, data=period)
    assert unseen.status_code == 200 and 'id="issue-circular"' in unseen.get_data(as_text=True)
    assert fingerprint(console.app) == before
    # A refused preview: the draft form again, the messages, what was typed.
    bad = console.get(
        "/coverage/circulars/preview",
        as_=SUPERVISOR,
        query_string={"period_start": "2026-09-30", "period_end": "2026-09-01"},
    )
    assert bad.status_code == 422
    assert "通报期间的开始日期不能晚于结束日期" in bad.get_data(as_text=True)
    assert 'name="period_start" value="2026-09-30"' in bad.get_data(as_text=True)
    issued = console.post("/coverage/circulars", as_=SUPERVISOR, data={**period, "previewed": "1"})
    assert issued.status_code == 303
    # The preview is signed as the issued document is (中共…委员会…, not the bare place name).
    signer = re.search(r'<p class="issuer"><strong>(.*?)</strong>', text)
    assert signer is not None and signer.group(1).startswith("中共") and signer.group(1) != "东县"
    listed = console.get("/coverage/circulars", as_=SUPERVISOR).get_data(as_text=True)
    (doc_path,) = set(re.findall(r'href="(/coverage/circulars/\d+/document\.docx)"', listed))
    from service.documents.render import document_text

    assert document_text(console.get(doc_path, as_=SUPERVISOR).data).startswith(signer.group(1))


def test_circulars_show_who_issued_them_by_name(console: Console, world: World, ledger: Ledger, app: Any) -> None:
    from service.extensions import db
    from service.models import User

    with app.app_context():
        user = db.session.get(User, world.users[SUPERVISOR])
        assert user is not None
        user.display_name = "张组织"
        db.session.commit()
    period = {"period_start": "2026-09-01", "period_end": "2026-09-20", "previewed": "1"}
    assert console.post("/coverage/circulars", as_=SUPERVISOR, data=period).status_code == 303
    page = console.get("/coverage/circulars", as_="approver@east").get_data(as_text=True)
    assert '<td data-label="印发人">张组织</td>' in page
    assert "supervisor.east" not in page


def test_report_and_must_establish_list_numbers_agree(console: Console, world: World, ledger: Ledger) -> None:
    """应建未建 on the report (no organisation, no instructor) and the list (every unit without an organisation)
    count different things: both pages say which, and the list splits its total so the numbers meet."""
    report = console.get("/coverage", as_=SUPERVISOR).get_data(as_text=True)
    neither = re.search(r'<dd id="neither">(\d+)（未建党组织且未选派党建指导员）</dd>', report)
    no_org = re.search(
        r'<dd id="no-org"><a href="[^"]+">(\d+)</a>（即应建未建清单的条数：其中 (\d+) 个已选派党建指导员', report
    )
    assert neither is not None and no_org is not None
    assert (int(neither.group(1)), int(no_org.group(1)), int(no_org.group(2))) == (2, 3, 1)
    listed = console.get("/coverage/must-establish", as_=SUPERVISOR).get_data(as_text=True)
    assert listed.count("data-unit=") == 3
    assert (
        '<p id="must-total">共 3 条，其中 1 条已选派党建指导员（计入工作覆盖），'
        "应建未建（未建党组织且未选派指导员）2 条。</p>" in listed
    )
    only_instructed = console.get("/coverage/must-establish?has_instructor=true", as_=SUPERVISOR).get_data(as_text=True)
    assert "共 1 条，其中 1 条已选派党建指导员" in only_instructed
