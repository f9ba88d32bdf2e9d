"""The approvers' working day in the demo city (what `make run` loads), in Chromium, on a Monday morning:

- 青山镇党委委员 (`approver`): lands on 待办 with three requests of the township (one offered to the body,
  one claimed, one overdue with a red light and the sweep's 催办), claims the offered one and records the
  committee's vote (the township's reply), adds an opinion on the claimed one and returns it for changes,
  finds the approved case in 全部事项, reads 已办 and 通知, exports 待办 to Excel, opens 待办 on a phone;
- 青山县委组织部审批人 (`county_approver`): the primary committee 青山镇 reviewed, read (units, members, the
  township's opinion by display name, the request), voted and replied (批复文号), its 批复 downloaded.

Work is done only through the pages; the service layer is read only to confirm what a page said."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from service.extensions import db
from service.models import ApprovalTask, EstablishmentCase
from tests.support.browser import MARKS, Person
from tests.support.day import DemoCity, clock, demo_server, shot

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
pytestmark = MARKS
__all__ = ["clock", "demo_server"]  # the day's fixtures (tests/support/day.py)

OFFERED = "中共华宇物流有限公司支部委员会"
CLAIMED = "中共青山镇新源电商鑫达协会联合支部委员会"
OVERDUE = "中共青山绿源食品有限公司支部委员会"
COMMITTEE = "中共青山新能源电池股份有限公司委员会"
ENGLISH = re.compile(r"[A-Za-z]{4,}")  # a word of English on a page (credit codes mix digits and letters)


def _case(city: DemoCity, name: str) -> EstablishmentCase:
    with city.app.app_context():
        case = db.session.execute(select(EstablishmentCase).where(EstablishmentCase.proposed_name == name)).scalar_one()
        db.session.expunge(case)
        db.session.remove()
    return case


def _open_tasks(city: DemoCity, case_id: int) -> list[ApprovalTask]:
    with city.app.app_context():
        tasks = list(
            db.session.execute(
                select(ApprovalTask).where(ApprovalTask.subject_id == case_id, ApprovalTask.status == "open")
            ).scalars()
        )
        db.session.remove()
    return tasks


def _row(person: Person, title: str) -> Any:
    return person.page.locator("table#tasks tbody tr[data-task]", has_text=title)


def _main(person: Person) -> str:
    return str(person.page.inner_text("main"))


def _no_english(person: Person) -> None:
    """No English word shows in the page's text (usernames, audit codes, server messages)."""
    words = [w for w in ENGLISH.findall(_main(person)) if w != "Excel"]  # 导出Excel
    assert not words, f"English on {person.page.url}: {words}"


def _vote(person: Person, members: int, present: int, votes_for: int, against: int, doc_no: str, comment: str) -> None:
    form = person.page.locator("#form-vote")
    for field, value in (
        ("members", members),
        ("present", present),
        ("votes_for", votes_for),
        ("votes_against", against),
    ):
        form.locator(f"input[name={field}]").fill(str(value))
    form.locator("input[name=approval_doc_no]").fill(doc_no)
    form.locator("textarea[name=comment]").fill(comment)


def _download(person: Person, selector: str) -> tuple[str, bytes]:
    with person.page.expect_download() as info:
        person.page.click(selector)
    download = info.value
    path = download.path()
    assert path is not None
    with open(path, "rb") as f:
        return download.suggested_filename, f.read()


def test_township_approver_day(demo_server: DemoCity, browser: Any) -> None:
    city = demo_server
    me = city.person(browser, "approver")
    page = me.page
    me.sign_in()

    # 1. 待办: the navigation's count is the four rows, each of the township (three requests and the adjustment
    # case of the joint branch a deregistered unit left, 组织调整)
    assert page.url.endswith("/inbox") and "登录成功" in _main(me)
    assert page.inner_text(".who .name") == "青山镇党委委员"
    rows = page.locator("table#tasks tbody tr[data-task]")
    assert page.inner_text("#open-count") == "4" and rows.count() == 4
    assert {t.split("\n")[0] for t in rows.locator("td[data-label=事项]").all_inner_texts()} == {
        OFFERED,
        CLAIMED,
        OVERDUE,
        "青山镇非公企业联合党支部 改建联合党支部",
    }
    offered, claimed, overdue = _row(me, OFFERED), _row(me, CLAIMED), _row(me, OVERDUE)
    assert "待认领" in offered.inner_text() and offered.locator("form[data-claim] button").inner_text() == "签收"
    assert "我的待办" in claimed.inner_text() and claimed.locator("form[data-claim]").count() == 0
    # the overdue one: first, red, and marked with the escalation sweep's 催办 of the last working day
    # (the row's first cell is the batch checkbox: the text starts after it)
    assert rows.first.inner_text().lstrip().startswith("红灯") and "overdue" in (
        rows.first.get_attribute("class") or ""
    )
    assert overdue.locator(".light.red").inner_text() == "红灯"
    assert overdue.locator(".escalated").inner_text() == "催办"
    assert offered.locator(".escalated").count() == 0 and claimed.locator(".light.green").count() == 1
    _no_english(me)
    shot(me, "approver", 1, "inbox")

    # 2. 导出Excel: the workbook holds the page's rows
    page_rows = [
        (
            r.locator(".light").inner_text(),
            r.locator("td[data-label=事项] a").inner_text(),
            r.locator("td[data-label=所属]").inner_text(),
            r.locator("td[data-label=环节]").inner_text(),
            # a deadline counted Monday–Friday (2027's holiday notice not loaded) is marked "*" on the page
            r.locator("td[data-label=期限]").inner_text().rstrip("*"),
        )
        for r in rows.all()
    ]
    assert "2027年节假日安排尚未载入" in me.page.inner_text("#calendar-fallback")
    name, content = _download(me, "#export")
    assert name.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    header, *data = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert header[:7] == ["预警", "事项", "业务", "申请单位所属", "环节", "办理期限", "状态"]
    exported = [
        (str(r[0]), r[1], r[3], r[4], r[5].isoformat()[:10] if hasattr(r[5], "isoformat") else str(r[5]))
        for r in data
        if r[1]
    ]
    assert [(light.split()[0], *rest) for light, *rest in exported] == page_rows  # 红灯 逾期 / 红灯
    assert [r[6] for r in data if r[1]] == ["待认领" if "待认领" in r.inner_text() else "我的待办" for r in rows.all()]

    # 3. the overdue request: red on the case page too, the sweep's 催办 said in Chinese, by 系统
    overdue.locator("td[data-label=事项] a").click()
    page.wait_for_load_state()
    assert page.inner_text("h1").startswith(OVERDUE)
    assert "办理期限 2026-12-03" in page.inner_text("#actions")
    comments = page.inner_text("#comments")
    assert "系统 · 催办" in comments and "escalation" not in _main(me)
    assert "系统 · 催办" in page.inner_text("#history")
    _no_english(me)
    shot(me, "approver", 2, "overdue-case")

    # 4. the request offered to the body: open it, 签收, then the committee's vote (the township replies)
    page.goto(city.base + "/inbox")
    _row(me, OFFERED).locator("td[data-label=事项] a").click()
    page.wait_for_load_state()
    assert page.inner_text("h1").startswith(OFFERED) and page.inner_text("#case-state") == "审批中"
    assert "华宇物流有限公司" in page.inner_text("#units") and "正式党员12名" in page.inner_text("#form-reason")
    assert "holder" not in page.content() or page.locator("#holder").count() == 0
    page.click("#form-claim button[type=submit]")
    page.wait_for_load_state()
    case = _case(city, OFFERED)
    assert "已签收" in _main(me) and page.inner_text("#holder") == "已由青山镇党委委员签收"
    assert page.locator("#form-claim").count() == 0 and page.locator("#form-release").count() == 1
    assert "青山镇党委委员 · 签收" in page.inner_text("#history")
    [task] = _open_tasks(city, case.id)
    assert task.assignee_id == city.user_id("approver")
    shot(me, "approver", 3, "offered-claimed")
    _vote(me, 7, 6, 6, 0, "青委复〔2026〕21号", "经镇党委会议集体研究，同意成立")
    shot(me, "approver", 4, "vote")
    page.click("#form-vote button[type=submit]")
    page.wait_for_load_state()
    assert me.asked == [  # type: ignore[attr-defined]
        "提交后本环节按表决结果办结：通过则将发出批复，申请转为已批复，未通过则不予批准。表决结果不能更改。确定？"
    ]
    assert page.url.endswith("/inbox") and "已录入表决结果：赞成6票，反对0票" in _main(me)
    assert page.inner_text("#open-count") == "3" and _row(me, OFFERED).count() == 0
    case = _case(city, OFFERED)
    assert case.state == "approved" and case.approval_doc_no == "青委复〔2026〕21号"
    assert case.approving_body == "青山镇"
    shot(me, "approver", 5, "voted")

    # 5. the claimed request: an opinion, then returned for changes (a reason is required, said in Chinese)
    _row(me, CLAIMED).locator("td[data-label=事项] a").click()
    page.wait_for_load_state()
    assert page.inner_text("#holder") == "已由青山镇党委委员签收"
    assert "已签收，提交下次镇党委会议集体研究" in page.inner_text("#comments")
    page.fill("#form-comment textarea[name=comment]", "请补充两单位党员名册后再提交镇党委会议")
    page.click("#form-comment button[type=submit]")
    page.wait_for_load_state()
    assert "已添加意见" in _main(me)
    assert "青山镇党委委员 · 添加意见" in page.inner_text("#comments")
    assert "请补充两单位党员名册后再提交镇党委会议" in page.inner_text("#comments")
    page.click("#form-decide button[data-action=return]")  # no reason: refused, nothing changes
    page.wait_for_load_state()
    assert "退回" in page.inner_text("#form-decide .field-error") and page.inner_text("#case-state") == "审批中"
    _no_english(me)
    page.fill("#form-decide textarea[name=comment]", "缺少两单位党员名册，请补齐后重新提交")
    shot(me, "approver", 6, "return")
    page.click("#form-decide button[data-action=return]")
    page.wait_for_load_state()
    assert me.asked[-1] == "退回后本环节终止，申请将退回申请单位修改，重新提交后再行审批。确定？"  # type: ignore[attr-defined]
    assert "已办理：退回修改" in _main(me) and page.inner_text("#open-count") == "2"
    returned = _case(city, CLAIMED)
    assert returned.state == "returned" and returned.return_reason == "缺少两单位党员名册，请补齐后重新提交"
    assert [r.split("\n")[0] for r in rows.locator("td[data-label=事项]").all_inner_texts()] == [
        OVERDUE,
        "青山镇非公企业联合党支部 改建联合党支部",
    ]
    shot(me, "approver", 7, "inbox-after")

    # 6. 已办: today's return and vote, and the committee the township reviewed on 2026-11-26
    page.click("nav a[data-nav='console.done']")
    page.wait_for_load_state()
    done = [
        (r.locator("td[data-label=事项]").inner_text(), r.locator("td[data-label=办理]").inner_text())
        for r in page.locator("table#done tbody tr[data-event]").all()
    ]
    # a passed vote is the body's 同意; an opinion decides nothing and is not listed
    assert done == [(CLAIMED, "退回修改"), (OFFERED, "同意"), (COMMITTEE, "同意")]
    assert "经镇党委会议集体研究，同意成立" in page.locator("table#done tbody tr", has_text=OFFERED).inner_text()
    _no_english(me)
    shot(me, "approver", 8, "done")
    page.locator("table#done tbody tr", has_text=OFFERED).locator("a").click()
    page.wait_for_load_state()
    assert page.inner_text("h1").startswith(OFFERED) and page.inner_text("#case-state") == "已批复"
    assert page.inner_text("#approving-body") == "青山镇"
    assert "青委复〔2026〕21号" in page.inner_text("main") and "赞成6票" in page.inner_text("#steps")

    # 7. 通知: what waits for me, by subject; a notification leads to its case page
    page.click("nav a[data-nav='console.notifications']")
    page.wait_for_load_state()
    table = page.inner_text("table#notifications")
    assert "催办" in table and "2026-12-03" in table
    _no_english(me)
    shot(me, "approver", 9, "notifications")
    if "console.notification_open" in city.app.view_functions:  # notifications naming and linking their subject
        urged = page.locator("table#notifications tbody tr", has_text="催办")
        assert "青山绿源食品有限公司 建立党支部申请" in urged.first.inner_text()
        # what I did today settled its notice: the vote and the return
        for unit in ("华宇物流有限公司", "鑫达行业协会"):
            assert "已处理" in page.locator("table#notifications tbody tr", has_text=unit).inner_text()
        urged.first.locator("a.open").click()
        page.wait_for_load_state()
        assert page.inner_text("h1").startswith(OVERDUE)

    # 8. 全部事项: the approved case found by its unit's name
    page.click("nav a[data-nav='console.search']")
    page.wait_for_load_state()
    page.fill("input[name=unit]", "华宇物流")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_load_state()
    found = page.locator("table tbody tr", has_text=OFFERED)
    assert found.count() == 1 and "已批复" in found.inner_text()
    assert CLAIMED not in page.inner_text("main")
    shot(me, "approver", 10, "search")
    found.locator("a").first.click()
    page.wait_for_load_state()
    assert page.inner_text("h1").startswith(OFFERED)

    # 9. 待办 on a phone: the overdue row, its light and mark readable, nothing wider than the screen
    phone = city.person(browser, "approver", width=390, height=844)
    phone.sign_in()
    assert phone.page.inner_text("#open-count") == "2"  # the overdue request and the adjustment case
    row = _row(phone, OVERDUE)
    assert row.locator(".light.red").is_visible() and row.locator(".escalated").is_visible()
    assert row.locator("form[data-claim] button").is_visible()
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(phone, "approver", 11, "inbox-phone")
    for person in (me, phone):
        person.context.close()


def test_county_approver_day(demo_server: DemoCity, browser: Any) -> None:
    city = demo_server
    me = city.person(browser, "county_approver")
    page = me.page
    me.sign_in()

    # 1. 待办: the primary committee 青山镇 reviewed, waiting for the county's committee
    assert page.url.endswith("/inbox") and page.inner_text(".who .name") == "青山县委组织部审批人"
    rows = page.locator("table#tasks tbody tr[data-task]")
    assert page.inner_text("#open-count") == "1" and rows.count() == 1
    row = _row(me, COMMITTEE)
    assert "基层党委 · 正式党员108名" in row.inner_text() and "青山县 · 集体表决" in row.inner_text()
    assert row.locator(".light.green").count() == 1 and row.locator(".escalated").count() == 0
    _no_english(me)
    shot(me, "county_approver", 1, "inbox")

    # 2. the case page: units, members, the township's opinion by its approver's display name, the request
    row.locator("td[data-label=事项] a").click()
    page.wait_for_load_state()
    assert page.inner_text("h1").startswith(COMMITTEE) and page.inner_text("#case-state") == "审批中"
    units = page.inner_text("#units")
    assert "青山新能源电池股份有限公司" in units and "108" in units and "620" in units
    facts = page.inner_text("dl.facts")
    assert "正式党员\n108名" in facts and "拟任书记\n刘志远" in facts and "委员会人数\n5" in facts
    assert "符合条件：正式党员108名，达到100名以上，可以成立基层党委" in page.inner_text("#form-reason")
    steps = page.inner_text("#steps")
    assert "第1级 · 青山镇 · 或签" in steps and "通过" in steps and "第2级 · 青山县 · 集体表决" in steps
    opinions = page.inner_text("#comments")
    assert "青山镇党委委员 · 同意" in opinions and "经镇党委会议审查，同意上报县委组织部审批" in opinions
    assert "approver" not in page.inner_text("main")
    request = page.locator("#request-text")
    assert request.is_visible()
    assert "本单位有正式党员108名，申请成立中共青山新能源电池股份有限公司委员会。" in request.inner_text()
    assert page.locator("#reply-fields").count() == 1  # the county's step issues the reply
    _no_english(me)
    shot(me, "county_approver", 2, "case")

    # 3. the committee's vote and the reply number
    _vote(me, 9, 8, 8, 0, "青组复〔2026〕18号", "县委组织部部务会研究，同意成立")
    shot(me, "county_approver", 3, "vote")
    page.click("#form-vote button[type=submit]")
    page.wait_for_load_state()
    assert me.asked == [  # type: ignore[attr-defined]
        "提交后本环节按表决结果办结：通过则将发出批复，申请转为已批复，未通过则不予批准。表决结果不能更改。确定？"
    ]
    assert "已录入表决结果：赞成8票，反对0票" in _main(me)
    assert page.locator("#open-count").count() == 0 and "暂无待办事项" in page.inner_text("table#tasks")
    case = _case(city, COMMITTEE)
    assert case.state == "approved" and case.approval_doc_no == "青组复〔2026〕18号"
    shot(me, "county_approver", 4, "inbox-empty")

    # 4. 已办 → the case page: 已批复, issued by 青山县, the reply downloadable
    page.click("nav a[data-nav='console.done']")
    page.wait_for_load_state()
    done = page.locator("table#done tbody tr[data-event]")
    assert done.count() == 1
    assert "同意" in done.inner_text() and "县委组织部部务会研究，同意成立" in done.inner_text()
    shot(me, "county_approver", 5, "done")
    done.locator("a", has_text=COMMITTEE).click()
    page.wait_for_load_state()
    assert page.inner_text("#case-state") == "已批复"
    assert page.inner_text("#approving-body") == "青山县"  # the body whose committee replied
    assert "青组复〔2026〕18号（2026-12-07）" in page.inner_text("dl.facts")
    assert "（委员9人，出席8人，赞成8票）" in page.inner_text("#steps")
    assert "青山县委组织部审批人 · 同意" in page.inner_text("#comments")
    _no_english(me)
    shot(me, "county_approver", 6, "case-approved")
    name, content = _download(me, "#case-reply")
    assert name.endswith(".docx")
    docx = pytest.importorskip("docx")
    document = docx.Document(io.BytesIO(content))
    text = "\n".join(
        [p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )
    assert "青组复〔2026〕18号" in text
    assert "青山新能源电池股份有限公司" in text and COMMITTEE in text
    me.context.close()
