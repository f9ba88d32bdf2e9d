"""The township's working day in the browser, on the demo city (`service/demo.py`, what `make run` loads):

- the applicant: 青山镇党建办 (`handler`) files the README walk-through's application for 青山重工 — finds the unit,
  reads which organisation forms it may ask for and why, saves a draft after a refused field, submits it to
  the township committee and the county, sees it 审批中 with its history by display name, and withdraws a second
  draft; the enterprise portal (`portal`) sees the applications of its area and may file too;
- the handler: 青山镇党建办 signs for ticket 1 (签收) and starts rectifying it, reports on ticket 4 problem by
  problem after a refused empty measure, asks for an extension of ticket 1 by a date picked in the date input,
  reads its notifications and downloads ticket 1's 督办单 (.docx).

Work is done only through the pages; the service layer is read to confirm what a page said."""

from __future__ import annotations

import re
from typing import Any

import docx
import pytest

from service.extensions import db
from service.models import EstablishmentCase, SupervisionTicket
from tests.support.browser import MARKS
from tests.support.day import DemoCity, Person, clock, demo_server, shot

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
pytestmark = MARKS
__all__ = ["clock", "demo_server"]  # the day's fixtures (tests/support/day.py)

WALKTHROUGH = "青山重工机械股份有限公司"
COMMITTEE = "中共青山重工机械股份有限公司委员会"
BRANCH = "中共启明建筑工程有限公司支部委员会"


def _text(person: Person, selector: str = "main") -> str:
    return str(person.page.inner_text(selector))


def _go(person: Person, label: str) -> None:
    """Open a section from the navigation, as a person does."""
    person.page.click(f"nav a:text-is('{label}')")
    person.page.wait_for_load_state()


def _cases(city: DemoCity, name: str) -> list[EstablishmentCase]:
    with city.app.app_context():
        rows = list(db.session.query(EstablishmentCase).filter_by(proposed_name=name))
        db.session.remove()
    return rows


def test_applicant_day(demo_server: DemoCity, browser: Any) -> None:
    me = demo_server.person(browser, "handler")
    me.sign_in()
    _go(me, "申请")
    assert me.page.url.endswith("/applications")
    rows = me.page.locator("table#applications tbody tr[data-case]")
    assert rows.count() == 4  # the demo's four requests of 青山镇, all 审批中
    assert WALKTHROUGH not in _text(me, "table#applications")
    shot(me, "applicant", 1, "applications")

    # 新建申请: find the walk-through unit by name, choose it, read the forms it may ask for
    me.page.click("#new-application")
    me.page.fill("#choose-units input[name=q]", "青山重工")
    me.page.click("#choose-units button:text-is('查找')")
    me.page.wait_for_load_state()
    candidates = me.page.locator("#candidates li[data-unit]")
    assert candidates.count() == 1 and "正式党员120名" in candidates.inner_text()
    candidates.locator("input[type=checkbox]").check()
    me.page.click("#choose-units button[type=submit]:has-text('选择并查看')")
    me.page.wait_for_load_state()
    assert WALKTHROUGH in _text(me, "#chosen-units")
    shot(me, "applicant", 2, "form-options")
    options = me.page.locator("#form-options label.option")
    committee = me.page.locator("#form-options label[data-form=primary_committee]")
    # each choice sits on its line, before its name (not stretched over a line of its own)
    radio, name = committee.locator("input[type=radio]").bounding_box(), committee.locator("strong").bounding_box()
    assert radio and name and radio["width"] < 40 and radio["x"] < name["x"]
    assert abs((radio["y"] + radio["height"] / 2) - (name["y"] + name["height"] / 2)) < 10
    assert committee.get_attribute("data-allowed") == "yes"
    assert "正式党员120名，达到100名以上，可以成立基层党委" in committee.inner_text()
    joint = me.page.locator("#form-options label[data-form=joint_branch]")
    assert joint.get_attribute("data-allowed") == "no" and "（不可选）" in joint.inner_text()
    assert "应单独成立党支部" in joint.inner_text()
    assert joint.locator("input[type=radio]").is_disabled()
    assert options.count() == 5 and "保留党支部须说明理由" in _text(me, "#form-options label[data-form=branch]")

    # the primary committee's fields, with a committee of 20 (at most 15): refused at its input, all kept
    form = me.page.locator("#application-form")
    committee.locator("input[type=radio]").check()
    form.locator("input[name=proposed_name]").fill(COMMITTEE)
    form.locator("input[name=proposed_secretary]").fill("陈建国")
    form.locator("input[name=proposed_committee_size]").fill("20")
    request_text = "本公司有正式党员120名，经公司党员大会讨论，申请成立中共青山重工机械股份有限公司委员会。"
    form.locator("textarea[name=request_text]").fill(request_text)
    form.locator("button:text-is('保存草稿')").click()
    me.page.wait_for_load_state()
    shot(me, "applicant", 3, "refused-field")
    assert me.page.locator("#application-form p.field-error").all_inner_texts() == ["必须大于或等于 0 且小于或等于 15"]
    assert _text(me, "p.field-error[data-field=proposed_committee_size]") == "必须大于或等于 0 且小于或等于 15"
    assert form.locator("input[name=proposed_committee_size]").input_value() == "20"
    assert form.locator("input[name=proposed_name]").input_value() == COMMITTEE
    assert form.locator("input[name=proposed_secretary]").input_value() == "陈建国"
    assert form.locator("textarea[name=request_text]").input_value() == request_text
    assert form.locator("input[name=form]:checked").get_attribute("value") == "primary_committee"
    assert not _cases(demo_server, COMMITTEE)  # nothing saved

    form.locator("input[name=proposed_committee_size]").fill("7")
    form.locator("button:text-is('保存草稿')").click()
    me.page.wait_for_load_state()
    assert f"已保存申请草稿「{COMMITTEE}」" in _text(me, ".flash")
    assert _text(me, "#case-state") == "筹备中" and _text(me, "#case-form") == "基层党委"
    assert _text(me, "#applicant") == "青山镇党建办"
    assert "符合条件：正式党员120名，达到100名以上，可以成立基层党委" in _text(me, "#form-reason")
    shot(me, "applicant", 4, "draft")

    # 提交审批: unticked, the page asks for the tick; ticked, the dialog says where it goes
    submit = me.page.locator("#form-submit")
    where = _text(me, "#submit-consequence")
    assert where.startswith("提交后，本申请将报送青山镇审查，再报县级党委（工委）审批")
    submit.locator("button[type=submit]").click()  # the box not ticked: asked, then refused at the box
    me.page.wait_for_load_state()
    assert _text(me, "p.field-error[data-field=confirm]") == "请勾选确认后再提交"
    assert _text(me, "#case-state") == "筹备中"
    me.page.locator("#form-submit input[name=confirm]").check()
    me.page.locator("#form-submit button[type=submit]").click()
    me.page.wait_for_load_state()
    assert me.asked == ["提交后，本申请将报送青山镇审查，再报县级党委（工委）审批；审批期间不能修改。确定提交？"] * 2
    assert f"「{COMMITTEE}」已提交审批：青山镇审查，再报县级党委（工委）审批" in _text(me, ".flash")
    assert _text(me, "#case-state") == "审批中"
    history = me.page.locator("#history li").all_inner_texts()
    assert "青山镇党建办 · 创建申请（草稿） → 筹备中" in history[0]
    assert "青山镇党建办 · 提交审批 → 审批中" in history[1]
    assert "handler" not in _text(me, "#history")
    assert me.page.locator("#form-submit").count() == 0 and me.page.locator("#form-withdraw").count() == 1
    shot(me, "applicant", 5, "submitted")
    [case] = _cases(demo_server, COMMITTEE)
    assert case.state == "submitted"

    # the list: five requests now, the new one 审批中 by 青山镇党建办
    _go(me, "申请")
    row = me.page.locator(f"table#applications tbody tr[data-case='{case.id}']")
    assert "审批中" in row.inner_text() and "青山镇党建办" in row.inner_text() and WALKTHROUGH in row.inner_text()

    # no second draft here: the township's remaining units without an organisation have no formal members
    me.page.click("#new-application")
    assert WALKTHROUGH not in _text(me, "#candidates")  # it has its case now
    assert "正式党员0名" in _text(me, "#candidates") and "正式党员1名" not in _text(me, "#candidates")
    me.context.close()

    # the enterprise portal of 青山县: files a branch request for a 石桥乡 enterprise, then withdraws the draft
    portal = demo_server.person(browser, "portal")
    portal.sign_in()
    nav = portal.page.locator("nav a").all_inner_texts()
    assert "申请" in nav and "覆盖" not in nav and "全部事项" not in nav and "管理" not in nav and "督办" not in nav
    _go(portal, "申请")
    listed = _text(portal, "table#applications")
    assert "青山新能源电池股份有限公司" in listed and "华宇物流有限公司" in listed  # the two it filed
    assert "青山重工机械" not in listed  # the handler's application this morning is not the portal's
    portal.page.goto(demo_server.base + "/board")  # the county's internal supervision board
    assert "403" in portal.page.title() or "无权" in _text(portal, "main")
    portal.page.go_back()
    shot(portal, "applicant", 6, "portal-applications")
    portal.page.click("#new-application")
    portal.page.fill("#choose-units input[name=q]", "启明建筑")
    portal.page.click("#choose-units button:text-is('查找')")
    portal.page.wait_for_load_state()
    portal.page.locator("#candidates li[data-unit]", has_text="石桥乡").locator("input[type=checkbox]").check()
    portal.page.click("#choose-units button[type=submit]:has-text('选择并查看')")
    portal.page.wait_for_load_state()
    branch = portal.page.locator("#form-options label[data-form=branch]")
    assert branch.get_attribute("data-allowed") == "yes"
    refused = portal.page.locator("#form-options label[data-allowed=no]")
    assert refused.count() == 4
    assert "须超过50名才能成立党总支" in _text(portal, "#form-options label[data-form=general_branch]")
    assert "须达到100名才能成立基层党委" in _text(portal, "#form-options label[data-form=primary_committee]")
    draft = portal.page.locator("#application-form")
    assert draft.locator("input[name=form]:checked").get_attribute("value") == "branch"  # 应当成立, chosen
    draft.locator("input[name=proposed_name]").fill(BRANCH)
    draft.locator("input[name=proposed_secretary]").fill("吴志刚")
    draft.locator("button:text-is('保存草稿')").click()
    portal.page.wait_for_load_state()
    assert f"已保存申请草稿「{BRANCH}」" in _text(portal, ".flash")
    assert _text(portal, "#case-state") == "筹备中" and _text(portal, "#applicant") == "青山县非公企业服务门户"
    shot(portal, "applicant", 7, "portal-draft")

    withdraw = portal.page.locator("#form-withdraw")
    withdraw.locator("textarea[name=reason]").fill("企业拟与关联公司联合申请，先撤回本申请")
    withdraw.locator("input[name=confirm]").check()
    withdraw.locator("button[type=submit]").click()
    portal.page.wait_for_load_state()
    assert portal.asked == [f"撤回后「{BRANCH}」即告结束，不能恢复。确定撤回？"]
    assert f"已撤回「{BRANCH}」，涉及单位可以重新申请" in _text(portal, ".flash")
    assert _text(portal, "#case-state") == "已撤回"
    assert "企业拟与关联公司联合申请，先撤回本申请" in _text(portal, "#history")
    history = portal.page.locator("#history li").all_inner_texts()
    assert "青山县非公企业服务门户 · 撤回申请 → 已撤回" in history[-1] and "portal" not in _text(portal, "#history")
    shot(portal, "applicant", 8, "portal-withdrawn")
    [withdrawn] = _cases(demo_server, BRANCH)
    assert withdrawn.state == "withdrawn"
    portal.context.close()


TICKET_1 = "青山镇应建未建企业党组织组建进度滞后"
TICKET_3 = "青山镇非公企业党组织“三会一课”制度落实不到位"
TICKET_4 = "青山镇流动党员管理台账不健全"
EVIDENCE = "流动党员台账（5家企业）.xlsx\n电话核实记录.pdf"


def _ticket_state(city: DemoCity, ticket_id: int) -> str:
    with city.app.app_context():
        ticket = db.session.get(SupervisionTicket, ticket_id)
        assert ticket is not None
        state = ticket.state
        db.session.remove()
    return state


def _inbox_rows(person: Person) -> dict[str, str]:
    rows = person.page.locator("table#tickets tbody tr[data-ticket]")
    return {rows.nth(i).get_attribute("data-ticket") or "": rows.nth(i).inner_text() for i in range(rows.count())}


def test_handler_day(demo_server: DemoCity, browser: Any) -> None:
    me = demo_server.person(browser, "handler")
    me.sign_in()
    assert me.page.url.endswith("/inbox")
    assert _text(me, "nav a[href='/inbox']") == "待办2"
    rows = _inbox_rows(me)
    assert set(rows) == {"1", "4"}
    assert TICKET_1 in rows["1"] and "待签收" in rows["1"] and "已下发" in rows["1"]
    assert TICKET_4 in rows["4"] and "待报送整改情况" in rows["4"] and "整改中" in rows["4"]
    shot(me, "handler", 1, "inbox")

    # ticket 1: 签收, then 开始整改
    me.page.click(f"table#tickets a:text-is('{TICKET_1}')")
    me.page.wait_for_load_state()
    assert me.page.url.endswith("/board/tickets/1")
    assert _text(me, "#ticket-state") == "已下发"
    assert "王建华（党委书记）" in _text(me, "main")
    shot(me, "handler", 2, "ticket-1")
    me.page.click("form[data-action=acknowledge] button")
    me.page.wait_for_load_state()
    assert "已签收" in _text(me, ".flash") and _text(me, "#ticket-state") == "已签收"
    assert _text(me, "#acknowledged-by") == "青山镇党建办"
    me.page.click("form[data-action=start] button")
    me.page.wait_for_load_state()
    assert "已开始整改" in _text(me, ".flash") and _text(me, "#ticket-state") == "整改中"
    assert me.page.locator("form[data-action=report]").count() == 1
    shot(me, "handler", 3, "ticket-1-rectifying")
    assert me.asked == []  # signing for and starting ask nothing: neither is final

    _go(me, "待办")
    rows = _inbox_rows(me)
    assert set(rows) == {"1", "4"} and "待报送整改情况" in rows["1"] and "整改中" in rows["1"]

    # ticket 4: the rectification report, problem by problem; first with the measure left empty
    me.page.click(f"table#tickets a:text-is('{TICKET_4}')")
    me.page.wait_for_load_state()
    assert me.page.url.endswith("/board/tickets/4") and _text(me, "#ticket-state") == "整改中"
    report = me.page.locator("form[data-action=report]")
    measures = report.locator("textarea[name^=measures_]")
    evidence = report.locator("textarea[name^=evidence_]")
    assert measures.count() == 1 and "问题1：流动党员底数不清" in report.inner_text()
    evidence.first.fill(EVIDENCE)
    summary = "5家企业已全部建立流动党员台账，在外务工党员已逐一电话核实，台账按月更新"
    report.locator("textarea[name=summary]").fill(summary)
    report.locator("button[type=submit]").click()
    me.page.wait_for_load_state()
    shot(me, "handler", 4, "report-refused")
    report = me.page.locator("form[data-action=report]")
    assert report.locator("p.field-error").all_inner_texts() == ["问题1：整改措施不能为空"]
    measure = report.locator("textarea[name^=measures_]").first
    problem = (measure.get_attribute("name") or "").removeprefix("measures_")
    assert _text(me, f"p.field-error[data-field=measures_{problem}]") == "问题1：整改措施不能为空"
    assert report.locator(f"textarea[name=evidence_{problem}]").input_value() == EVIDENCE
    assert report.locator("textarea[name=summary]").input_value() == summary
    assert _text(me, "#ticket-state") == "整改中"

    measure.fill("逐企摸排流动党员，5家企业均已建立流动党员台账，明确专人每月更新")
    report.locator("button[type=submit]").click()
    me.page.wait_for_load_state()
    assert "已报送整改情况" in _text(me, ".flash") and _text(me, "#ticket-state") == "已报送整改情况"
    assert "已采取措施：逐企摸排流动党员" in _text(me, "#problems") and "电话核实记录.pdf" in _text(me, "#problems")
    reported = _text(me, "#reports")
    assert "青山镇党建办 报送" in reported and summary in reported and "handler" not in reported
    assert me.page.locator("form[data-action=report]").count() == 0
    assert me.asked == ["报送后整改情况即报青山县审核，不能修改或撤回。确定报送？"] * 2
    shot(me, "handler", 5, "ticket-4-reported")
    assert _ticket_state(demo_server, 4) == "submitted"  # 已报送整改情况

    _go(me, "待办")
    rows = _inbox_rows(me)
    assert set(rows) == {"1"}  # ticket 4 waits for the county's review now
    assert _text(me, "nav a[href='/inbox']") == "待办1"
    shot(me, "handler", 6, "inbox-after-report")

    # ticket 1: more time, the date picked in the date input
    me.page.click(f"table#tickets a:text-is('{TICKET_1}')")
    me.page.wait_for_load_state()
    ask = me.page.locator("form[data-action=request_extension]")
    assert ask.locator("input[name=new_deadline]").get_attribute("type") == "date"
    ask.locator("input[name=new_deadline]").fill("2027-01-15")
    ask.locator("button[type=submit]").click()  # no reason yet
    me.page.wait_for_load_state()
    shot(me, "handler", 7, "extension-refused")
    ask = me.page.locator("form[data-action=request_extension]")
    assert _text(me, "form[data-action=request_extension] p.field-error") == "理由不能为空"
    assert _text(me, "p.field-error[data-field=reason]") == "理由不能为空"
    assert ask.locator("input[name=new_deadline]").input_value() == "2027-01-15"
    ask.locator("textarea[name=reason]").fill("3家企业组建方案须经企业股东会研究，年底前难以全部完成，申请延期")
    ask.locator("button[type=submit]").click()
    me.page.wait_for_load_state()
    assert "已申请延期" in _text(me, ".flash")
    asked = _text(me, "#extensions")
    assert "青山镇党建办 申请由 2026-12-28 延至 2027-01-15" in asked and "待审核" in asked
    assert me.page.locator("form[data-action=request_extension]").count() == 0  # one request at a time
    assert me.asked[2:] == ["延期申请将报青山县审批，不能撤回，审批前不能再次申请。确定申请？"] * 2
    shot(me, "handler", 8, "extension-asked")

    # 通知: what was sent to 青山镇, each naming its ticket
    _go(me, "通知")
    notices = _text(me, "table#notifications")
    for title in (TICKET_1, TICKET_3, TICKET_4):
        assert f"督办单「{title}」已下发" in notices
    assert "handler" not in notices
    # every link of a notice opens where to act (its ticket), not an error page
    links = [a.get_attribute("href") or "" for a in me.page.locator("table#notifications tbody a").all()]
    for href in links:
        me.page.goto(demo_server.base + href if href.startswith("/") else href)
        assert "页面不存在" not in _text(me) and "无权访问" not in _text(me) and "服务器错误" not in _text(me)
        # its ticket, or the adjustment case a ledger change opened in 青山镇 (组织调整)
        assert any(title in _text(me) for title in (TICKET_1, TICKET_3, TICKET_4, "青山镇非公企业联合党支部"))
    if links:
        _go(me, "通知")
    shot(me, "handler", 9, "notifications")

    # the 督办单 of ticket 1, downloaded from its page
    me.page.goto(demo_server.base + "/board/tickets/1")
    with me.page.expect_download() as download:
        me.page.click("#ticket-document")
    saved = download.value.path()
    assert download.value.suggested_filename.endswith(".docx")
    doc = docx.Document(str(saved))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert re.search(r"^青山县督〔2026〕\d+号$", text, re.MULTILINE)  # its document number
    assert "责任人：王建华（党委书记）" in text and f"关于{TICKET_1}的督办单" in text
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert "2家企业未落实党建指导员" in cells and "选派党建指导员并建立联系制度" in cells

    # 已办: today's work, in the order done
    _go(me, "已办")
    done = [row.split("\t") for row in me.page.locator("table#done tbody tr").all_inner_texts()]
    assert [(r[2], r[3]) for r in done[:4]] == [
        (TICKET_1, "申请延期"),
        (TICKET_4, "报送整改情况"),
        (TICKET_1, "开始整改"),
        (TICKET_1, "签收"),
    ]
    assert all(r[0].startswith("2026-12-07") for r in done[:4]) and summary in done[1][4]
    assert "3家企业组建方案须经企业股东会研究" in done[0][4]
    shot(me, "handler", 10, "done")
    me.context.close()
