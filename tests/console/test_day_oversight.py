"""The working day of the supervisors' side, in the demo city (`service.demo`, what `make run` loads), in
Debian's Chromium on a Monday morning — only through the pages; the service layer is read only to confirm
what a page said.

- 青山县委组织部组织科 (county_supervisor): 待办 → the rectification report of ticket 3 (a refused 退回 without
  a reason, then 销号) → the extension request of ticket 4 (approved to a date picked in the date input) →
  the interview about ticket 2 (moved to the afternoon with the datetime input, after a refused empty time;
  held once its time came) and its 约谈通知 → the 督办 board (by light, 催办, a second 催办 refused) → a new
  ticket for 石桥乡 issued and its 督办单 → 覆盖 and the must-establish list → a circular previewed, issued and
  downloaded.
- 市委组织部系统管理员 (admin): 待办 and 全部事项 → 管理: a user created (no role preselected), its password →
  the holiday calendar of 2027 (not loaded; the December reminder) → an approval route by display name →
  the jurisdictions → sign out.

Screenshots: artifacts/screenshots/day-<role>-NN-<what>.png."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from service.clock import FixedClock
from service.extensions import db
from service.models import ApprovalRoute, IssuedDocument, SupervisionTicket, TicketExtension, User
from service.operations.reference import calendar_reminders
from tests.support.browser import MARKS, Person
from tests.support.day import ARTIFACTS, CHROMIUM, DemoCity, clock, demo_server, shot

docx = pytest.importorskip("docx", reason="python-docx is not installed")
pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
pytestmark = MARKS
__all__ = ["ARTIFACTS", "CHROMIUM", "clock", "demo_server"]  # the day's fixtures (tests/support/day.py)

SUP = "supervisor"


def _text(person: Person, selector: str = "main") -> str:
    return str(person.page.inner_text(selector))


def _go(person: Person, city: DemoCity, path: str) -> None:
    person.page.goto(city.base + path)
    person.page.wait_for_load_state()


def _submit(person: Person, form: str) -> None:
    person.page.click(f"{form} button[type=submit]")
    person.page.wait_for_load_state()


def _download(person: Person, selector: str) -> tuple[str, bytes]:
    with person.page.expect_download() as info:
        person.page.click(selector)
    download = info.value
    path = download.path()
    assert path is not None
    with open(path, "rb") as f:
        return download.suggested_filename, f.read()


def _docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _count(person: Person, name: str) -> int:
    return int(person.page.inner_text(f"#oversight-summary [data-count={name}]"))


def test_day_of_the_county_supervisor(demo_server: DemoCity, browser: Any, clock: FixedClock) -> None:
    city = demo_server
    sup = city.person(browser, "county_supervisor")
    page = sup.page

    # Sign in: the supervisors' 待办, its counts in the navigation.
    sup.sign_in()
    assert page.url.endswith("/oversight")
    assert "青山县委组织部组织科" in _text(sup, "header") and "county_supervisor" not in _text(sup, "header")
    desk = {name: _count(sup, name) for name in ("reports", "extensions", "interviews")}
    assert desk == {"reports": 1, "extensions": 1, "interviews": 1}
    assert int(page.inner_text("#oversight-count")) == sum(desk.values()) == 3
    assert page.locator("#todo-reports tr[data-ticket]").count() == 1
    assert page.get_attribute("#todo-reports tr[data-ticket]", "data-ticket") == "3"
    assert page.get_attribute("#todo-extensions tr[data-ticket]", "data-ticket") == "4"
    interview_row = _text(sup, "#todo-interviews tr[data-interview]")
    assert "石桥乡" in interview_row and "李国平" in interview_row and "待开展约谈" in interview_row
    # the demo's pairing agreements in force and behind on their plan (one already reminded), each a link
    assert page.locator("#todo-pairing tr[data-agreement]").count() == 2
    assert page.locator("#todo-pairing tr[data-agreement] a").count() == 2
    assert "0/" in _text(sup, "#todo-pairing tr[data-agreement]")
    shot(sup, SUP, 1, "oversight")

    # Ticket 3's report: a 退回 without a reason is refused in Chinese; the report is good: 销号.
    page.click("#todo-reports tr[data-ticket='3'] a")
    page.wait_for_load_state()
    assert page.get_attribute("#ticket-state", "data-state") == "submitted"
    reports = _text(sup, "#reports")
    assert "青山镇党建办 报送" in reports and "handler" not in reports
    shot(sup, SUP, 2, "ticket3-report")
    _submit(sup, "form[data-action=return]")
    assert page.get_attribute("#ticket-state", "data-state") == "submitted"
    assert _text(sup, "form[data-action=return] .field-error") == "审核意见不能为空"
    shot(sup, SUP, 3, "ticket3-return-refused")
    page.fill("form[data-action=close] input[name=comment]", "整改到位，同意销号")
    _submit(sup, "form[data-action=close]")
    assert sup.asked == ["审核办结后督办单即销号，不能撤回。确定办结？"]  # type: ignore[attr-defined]
    assert "已审核办结" in _text(sup, ".flash")
    assert page.get_attribute("#ticket-state", "data-state") == "closed"
    assert _text(sup, "#ticket-state") == "已办结（销号）"
    reports = _text(sup, "#reports")
    assert "青山镇党建办 报送 · 审核：审核通过（整改到位，同意销号）" in reports
    assert "county_supervisor" not in _text(sup) and "handler" not in _text(sup)
    shot(sup, SUP, 4, "ticket3-closed")
    with city.app.app_context():
        closed = db.session.get(SupervisionTicket, 3)
        assert closed is not None and closed.state == "closed"
        db.session.remove()

    # Ticket 4's extension: approved, to a date picked in the date input (earlier than asked).
    _go(sup, city, "/oversight")
    assert _count(sup, "reports") == 0 and int(page.inner_text("#oversight-count")) == 2
    page.click("#todo-extensions tr[data-ticket='4'] a")
    page.wait_for_load_state()
    form = page.locator("form[data-action=decide_extension]")
    assert "由 2026-12-08 延至 2026-12-22" in form.inner_text()
    assert form.locator("input[name=decision][value=approve]").is_checked()
    date_input = form.locator("input[name=approved_deadline]")
    assert date_input.get_attribute("type") == "date"
    date_input.fill("2026-12-18")
    form.locator("input[name=comment]").fill("同意延期至12月18日，请按期完成")
    shot(sup, SUP, 5, "ticket4-extension")
    _submit(sup, "form[data-action=decide_extension]")
    assert "已审批延期申请" in _text(sup, ".flash")
    assert _text(sup, "#rectify-by") == "2026-12-18（原定 2026-12-08）"
    decided = _text(sup, "#extensions")
    assert "已批准（青山县委组织部组织科）" in decided and "批准至 2026-12-18" in decided
    assert "青山镇党建办 申请由 2026-12-08 延至 2026-12-22" in decided
    shot(sup, SUP, 6, "ticket4-extended")
    supervisor_id = city.user_id("county_supervisor")
    with city.app.app_context():
        extended = db.session.get(SupervisionTicket, 4)
        assert extended is not None and extended.rectify_by == date(2026, 12, 18)
        extension = db.session.execute(select(TicketExtension).where(TicketExtension.ticket_id == 4)).scalar_one()
        assert extension.status == "approved" and extension.decided_by == supervisor_id
        db.session.remove()

    # The interview about ticket 2 (tomorrow 09:00): moved to this afternoon; an empty time is refused with the
    # format, keeping the typed place.
    _go(sup, city, "/oversight")
    assert int(page.inner_text("#oversight-count")) == 1
    page.click("#todo-interviews tr[data-interview] a")
    page.wait_for_load_state()
    assert "/board/tickets/2" in page.url
    interview = page.locator("#interviews .interview[data-id='1']")
    assert "已安排" in interview.inner_text() and "约谈人 青山县委组织部组织科" in interview.inner_text()
    moved = interview.locator("form[data-action=reschedule]")
    moment = moved.locator("input[name=scheduled_at]")
    assert moment.get_attribute("type") == "datetime-local"
    assert moment.input_value() == "2026-12-08T09:00"
    moment.fill("")
    moved.locator("input[name=place]").fill("青山县委组织部三楼小会议室")
    _submit(sup, "#interviews .interview[data-id='1'] form[data-action=reschedule]")
    moved = page.locator("#interviews .interview[data-id='1'] form[data-action=reschedule]")
    assert _text(sup, "#interviews .interview[data-id='1'] .field-error[data-field=scheduled_at]") == (
        "请填写约谈时间，如 2026-12-08 09:00"
    )
    assert moved.locator("input[name=place]").input_value() == "青山县委组织部三楼小会议室"
    shot(sup, SUP, 7, "interview-time-refused")
    moved.locator("input[name=scheduled_at]").fill("2026-12-07T14:30")
    _submit(sup, "#interviews .interview[data-id='1'] form[data-action=reschedule]")
    assert "已安排时间地点" in _text(sup, ".flash")
    interview = page.locator("#interviews .interview[data-id='1']")
    assert "时间 2026-12-07 14:30 · 地点 青山县委组织部三楼小会议室" in interview.inner_text()

    # Its 约谈通知, numbered on first download.
    name, content = _download(sup, "#documents a[data-notice='1']")
    notice = _docx_text(content)
    number = re.search(r"青山县谈〔2026〕(\d+)号", notice)
    assert number is not None and number.group(0) in name and name.endswith(".docx")
    assert "约谈通知" in notice and "中共石桥乡委员会" in notice
    assert "2026年12月7日 14:30" in notice and "青山县委组织部三楼小会议室" in notice and "李国平" in notice
    with city.app.app_context():
        record = db.session.execute(
            select(IssuedDocument).where(IssuedDocument.kind == "interview_notice", IssuedDocument.subject_id == 1)
        ).scalar_one()
        assert record.doc_no == number.group(0)
        db.session.remove()
    shot(sup, SUP, 8, "interview-moved")

    # Too early to record it; at 14:40 it is recorded as held, with a new deadline from the date input.
    held = page.locator("#interviews .interview[data-id='1'] form[data-action=hold]")
    held.locator("textarea[name=minutes]").fill("约谈石桥乡党委书记李国平，指出台账“五个清”整改进展缓慢。")
    held.locator("textarea[name=commitments]").fill("一周内补齐出资人、负责人信息\n每周报送整改进度")
    held.locator("input[name=new_deadline]").fill("2026-12-14")
    _submit(sup, "#interviews .interview[data-id='1'] form[data-action=hold]")
    assert "未能办理：约谈安排在2026-12-07 14:30，尚未到约谈时间" in _text(sup, ".flash")
    held = page.locator("#interviews .interview[data-id='1'] form[data-action=hold]")
    assert "指出台账“五个清”整改进展缓慢" in held.locator("textarea[name=minutes]").input_value()  # kept
    deadline = held.locator("input[name=new_deadline]")
    assert deadline.get_attribute("type") == "date" and deadline.input_value() == "2026-12-14"
    clock.set(datetime(2026, 12, 7, 6, 40, tzinfo=UTC))  # 14:40 in Beijing: the interview took place
    asked = len(sup.asked)  # type: ignore[attr-defined]
    _submit(sup, "#interviews .interview[data-id='1'] form[data-action=hold]")
    assert sup.asked[asked:] == ["记录约谈后将以新的整改期限继续督办，约谈记录不能修改。确定记录？"]  # type: ignore[attr-defined]
    assert "已记录约谈" in _text(sup, ".flash")
    interview = page.locator("#interviews .interview[data-id='1']")
    assert interview.get_attribute("data-state") == "held"
    record = interview.inner_text()
    assert "已于 2026-12-07 14:40 约谈 · 新整改期限 2026-12-14" in record
    assert "整改承诺：一周内补齐出资人、负责人信息；每周报送整改进度" in record
    assert _text(sup, "#rectify-by") == "2026-12-14"
    shot(sup, SUP, 9, "interview-held")
    _go(sup, city, "/oversight")
    assert "待跟踪回访" in _text(sup, "#todo-interviews tr[data-interview='1']")

    # The 督办 board: by light; 催办 an open ticket's handler; a second 催办 the same day is refused.
    _go(sup, city, "/board")
    assert page.locator("table#tickets tbody tr[data-id]").count() == 4
    page.select_option("form.filters select[name=light]", "yellow")
    _submit(sup, "form.filters")
    assert "light=yellow" in page.url
    yellow = page.locator("table#tickets tbody tr[data-id]")
    assert sorted(yellow.nth(i).get_attribute("data-id") for i in range(yellow.count())) == ["1", "2"]
    assert all("黄灯" in yellow.nth(i).inner_text() for i in range(yellow.count()))
    shot(sup, SUP, 10, "board-yellow")
    page.click("table#tickets tbody tr[data-id='1'] a")
    page.wait_for_load_state()
    assert page.get_attribute("#ticket-state", "data-state") == "issued"
    stale = sup.context.new_page()  # the same ticket left open in another tab
    stale.goto(page.url)
    page.fill("#urge textarea[name=message]", "请于12月9日前签收并报送组建计划")
    _submit(sup, "#urge form.urge-form")
    assert "已催办（第1次），已通知1人；下次可于2026-12-08起再催办" in _text(sup, ".flash")
    urge = _text(sup, "#urge")
    assert "已催办 1 次，最近一次：青山县委组织部组织科（2026-12-07 14:40）" in urge
    assert "今天已催办过，2026-12-08（下一个工作日）起可再催办" in urge
    assert page.locator("#urge form.urge-form").count() == 0
    shot(sup, SUP, 11, "ticket1-urged")
    stale.fill("#urge textarea[name=message]", "再次催办")
    stale.click("#urge form.urge-form button[type=submit]")
    stale.wait_for_load_state()
    refused = stale.inner_text("#urge")
    assert "同一工作日内只能催办一次，今天已催办过，请于2026-12-08（下一个工作日）再催办" in refused
    assert "已催办 1 次" in refused
    assert stale.input_value("#urge textarea[name=message]") == "再次催办"
    stale.screenshot(path=str(ARTIFACTS / "day-supervisor-12-second-urge-refused.png"), full_page=True)
    stale.close()

    # 新建督办单 for 石桥乡 with two problems, saved as a draft, then 下发 (the dialog names the body).
    _go(sup, city, "/board")
    page.click("#new-ticket")
    page.wait_for_load_state()
    form = page.locator("#ticket-form")
    form.locator("input[name=title]").fill("石桥乡非公企业党建指导员选派不到位")
    form.locator("select[name=jurisdiction_id]").select_option(label="石桥乡")
    form.locator("input[name=responsible_person]").fill("李国平")
    form.locator("input[name=responsible_title]").fill("党委书记")
    form.locator("input[name=rectification_workdays]").fill("10")
    form.locator("textarea[name=problem]").nth(0).fill("4家应建未建企业未选派党建指导员")
    form.locator("textarea[name=measure]").nth(0).fill("逐家选派党建指导员并建立联系制度")
    form.locator("textarea[name=problem]").nth(1).fill("党建指导员工作记录不全")
    form.locator("textarea[name=measure]").nth(1).fill("建立指导员工作台账，每月报送")
    shot(sup, SUP, 13, "ticket-new")
    _submit(sup, "#ticket-form")
    assert "督办单草稿已保存，请核对后下发" in _text(sup, ".flash")
    assert page.get_attribute("#ticket-state", "data-state") == "draft"
    assert page.locator("#problems li[data-problem]").count() == 2
    assert page.locator("#ticket-document").count() == 0  # a draft has no 督办单 yet
    new_id = int(page.url.rsplit("/", 1)[1])
    asked = len(sup.asked)  # type: ignore[attr-defined]
    _submit(sup, "form[data-action=issue]")
    assert sup.asked[asked:] == [  # type: ignore[attr-defined]
        "下发后将通知石桥乡签收办理，并按工作日开始计算签收和整改期限，不能撤回。确定下发？"
    ]
    assert "已下发" in _text(sup, ".flash") and page.get_attribute("#ticket-state", "data-state") == "issued"
    shot(sup, SUP, 14, "ticket-issued")
    name, content = _download(sup, "#ticket-document")
    paper = _docx_text(content)
    number = re.search(r"青山县督〔2026〕(\d+)号", paper)
    assert number is not None and number.group(0) in name
    assert "石桥乡非公企业党建指导员选派不到位" in paper and "4家应建未建企业未选派党建指导员" in paper
    assert "党建指导员工作记录不全" in paper and "李国平" in paper
    with city.app.app_context():
        issued = db.session.get(SupervisionTicket, new_id)
        assert issued is not None and issued.state == "issued" and issued.issued_on == date(2026, 12, 7)
        record = db.session.execute(
            select(IssuedDocument).where(
                IssuedDocument.kind == "supervision_ticket", IssuedDocument.subject_id == new_id
            )
        ).scalar_one()
        assert record.doc_no == number.group(0)
        db.session.remove()

    # 覆盖: 应建未建 on the report and the must-establish list's count say the same thing.
    _go(sup, city, "/coverage")
    assert "覆盖情况 · 青山县" in _text(sup, "h1")
    neither = int(_text(sup, "#neither").split("（")[0])
    no_org = _text(sup, "#no-org")
    listed, with_instructor = (int(x) for x in re.findall(r"\d+", no_org)[:2])
    assert "（未建党组织且未选派党建指导员）" in _text(sup, "#neither")
    assert listed == neither + with_instructor and neither > 0
    shot(sup, SUP, 15, "coverage")
    page.click("#no-org a")
    page.wait_for_load_state()
    total = _text(sup, "#must-total")
    assert total == (
        f"共 {listed} 条，其中 {with_instructor} 条已选派党建指导员（计入工作覆盖），"
        f"应建未建（未建党组织且未选派指导员）{neither} 条。"
    )
    assert page.locator("table#must-establish tbody tr[data-unit]").count() == min(listed, 20)
    page.select_option("#must-filters select[name=has_instructor]", "false")
    _submit(sup, "#must-filters")
    assert page.locator("table#must-establish tbody tr[data-unit]").count() == min(neither, 20)
    shot(sup, SUP, 16, "must-establish")

    # 通报: drafted, previewed, 印发 (asked first), downloaded.
    page.click("nav.subnav a:has-text('通报')")
    page.wait_for_load_state()
    form = page.locator("#circular-form")
    form.locator("input[name=period_start]").fill("2026-11-01")
    form.locator("input[name=period_end]").fill("2026-11-30")
    form.locator("input[name=title]").fill("关于2026年11月非公企业党组织覆盖情况的通报")
    _submit(sup, "#circular-form")
    title = "关于2026年11月非公企业党组织覆盖情况的通报"
    assert _text(sup, "#preview-title") == title
    preview = _text(sup, "#circular-preview")
    assert f"应建未建{neither}个" in preview and "印发人：青山县委组织部组织科" in preview
    assert page.locator("#preview-rankings tbody tr").count() == 4  # 青山县's four bodies
    shot(sup, SUP, 17, "circular-preview")
    asked = len(sup.asked)  # type: ignore[attr-defined]
    _submit(sup, "#issue-circular")
    question = sup.asked[asked:]  # type: ignore[attr-defined]
    assert len(question) == 1 and question[0].startswith(f"印发后《{title}》将以")
    assert question[0].endswith("不能撤回。确定印发？")
    assert _text(sup, "#issued") == "通报已印发。"
    row = page.locator("table#circulars tbody tr[data-circular]")
    assert row.count() == 1
    assert "2026-11-01 至 2026-11-30" in row.inner_text() and "青山县委组织部组织科" in row.inner_text()
    shot(sup, SUP, 18, "circular-issued")
    name, content = _download(sup, "table#circulars tbody tr[data-circular] a")
    circular = _docx_text(content)
    number = re.search(r"青山县通〔2026〕(\d+)号", circular)
    assert number is not None and name == f"通报-{number.group(0)}.docx"
    assert title in circular and f"应建未建{neither}个" in circular
    assert "通报期间：2026年11月1日至2026年11月30日" in circular and "2026年12月7日" in circular
    assert "county_supervisor" not in circular
    sup.context.close()


ADMIN = "admin"


def test_day_of_the_admin(demo_server: DemoCity, browser: Any, clock: FixedClock) -> None:
    city = demo_server
    # The scheduler's sweep this morning (December, 2027's holiday notice not loaded): the reminder it writes.
    with city.app.app_context():
        reminded = calendar_reminders.remind_admins()
        db.session.remove()
    admin = city.person(browser, "admin")
    page = admin.page

    # Sign in: the supervisors' 待办 (the city admin issues tickets too), then 全部事项.
    admin.sign_in()
    assert page.url.endswith("/oversight") and reminded == 1
    header = _text(admin, "header")
    assert "市委组织部系统管理员" in header and "示范市" in header and "admin" not in header
    desk = {name: _count(admin, name) for name in ("reports", "extensions", "interviews")}
    assert desk == {"reports": 1, "extensions": 1, "interviews": 1}
    assert int(page.inner_text("#oversight-count")) == 3 and int(page.inner_text("#unread-count")) == 1
    shot(admin, ADMIN, 1, "oversight")
    page.click("header nav a[data-nav='console.search']")
    page.wait_for_load_state()
    items = page.locator("table#items tbody tr[data-kind]")
    kinds = [items.nth(i).get_attribute("data-kind") for i in range(items.count())]
    assert kinds.count("establishment") == 4 and kinds.count("supervision_ticket") == 4
    assert "青山县委组织部组织科" in _text(admin, "table#items") and "county_supervisor" not in _text(admin)
    page.select_option("#search-form select[name=kind]", label="督办单")
    page.select_option("#search-form select[name=body]", label="石桥乡")
    _submit(admin, "#search-form")
    rows = page.locator("table#items tbody tr[data-kind]")
    assert rows.count() == 1 and "石桥乡台账“五个清”不完整" in rows.inner_text()
    shot(admin, ADMIN, 2, "search")

    # The December reminder, in 通知.
    page.click("header nav a[data-nav='console.notifications']")
    page.wait_for_load_state()
    reminder = _text(admin, "table#notifications tbody tr[data-id]")
    assert "2027年节假日安排尚未载入" in reminder and "管理 → 节假日安排" in reminder

    # 管理 → a new user: no role preselected; without one the form comes back with the Chinese message and the
    # typed names; the body defaults to the admin's own.
    page.click("header nav a[data-nav='console.admin']")
    page.wait_for_load_state()
    page.click("a:has-text('用户与API令牌')")
    page.wait_for_load_state()
    form = page.locator("#new-user-form")
    assert form.locator("select[name=role]").input_value() == ""
    assert form.locator("select[name=jurisdiction_id] option:checked").inner_text().strip() == "示范市"
    form.locator("input[name=username]").fill("shiqiao_approver")
    form.locator("input[name=display_name]").fill("石桥乡党委审批人")
    _submit(admin, "#new-user-form")
    form = page.locator("#new-user-form")
    assert _text(admin, "#new-user .field-error[data-field=role]") == "请选择角色"
    assert form.locator("input[name=username]").input_value() == "shiqiao_approver"
    assert form.locator("input[name=display_name]").input_value() == "石桥乡党委审批人"
    shot(admin, ADMIN, 3, "user-no-role")
    form.locator("select[name=role]").select_option("approver")
    form.locator("select[name=jurisdiction_id]").select_option(label="石桥乡")
    _submit(admin, "#new-user-form")
    assert "已创建用户「石桥乡党委审批人」（用户名 shiqiao_approver）" in _text(admin, ".flash")
    assert _text(admin, "h1") == "石桥乡党委审批人（shiqiao_approver）"
    user_form = page.locator("#user-form")
    assert user_form.locator("select[name=role] option:checked").inner_text() == "审批人"
    assert user_form.locator("select[name=jurisdiction_id] option:checked").inner_text().strip() == "石桥乡"
    shot(admin, ADMIN, 4, "user-created")
    assert _text(admin, "#password-link") == "设置密码"  # none yet: set, not reset
    page.click("#password-link")
    page.wait_for_load_state()
    assert "设置登录密码" in _text(admin, "h1") and "未设置" in _text(admin)
    page.fill("input[name=password]", "Shiqiao-2026-ok")
    page.fill("input[name=password_again]", "Shiqiao-2026-ok")
    _submit(admin, "form:has(input[name=password_again])")
    assert "已为「石桥乡党委审批人」设置新密码" in _text(admin, ".flash")
    shot(admin, ADMIN, 5, "user-password")
    newcomer = Person(browser, city.base, "shiqiao_approver")
    newcomer.page.goto(city.base + "/sign-in")
    newcomer.page.fill("input[name=username]", "shiqiao_approver")
    newcomer.page.fill("input[name=password]", "Shiqiao-2026-ok")
    newcomer.page.click("button[type=submit]")
    newcomer.page.wait_for_load_state()
    assert "石桥乡党委审批人" in newcomer.page.inner_text("header")
    newcomer.context.close()

    # 节假日安排: 2027 (next year) is not loaded, said plainly.
    _go(admin, city, "/admin")
    page.click("a:has-text('节假日安排')")
    page.wait_for_load_state()
    assert page.url.endswith("/admin/calendar") and _text(admin, "h1") == "2027年节假日安排"
    assert _text(admin, "#calendar-fallback").startswith(
        "2027年节假日安排尚未载入：涉及2027年的期限按周一至周五计算，可能与实际放假、调休不符。"
    )
    assert _text(admin, "#basis") == "按周一至周五推算"
    assert page.locator("#calendar-form").count() == 1  # the city admin may load it
    shot(admin, ADMIN, 6, "calendar-2027")

    # 审批路径: 石桥乡's approvers picked by display name.
    _go(admin, city, "/admin")
    page.click("a:has-text('审批路径')")
    page.wait_for_load_state()
    route = page.locator("#route-form")
    route.locator("select[name=body_id]").select_option(label="　　石桥乡")
    route.locator("select[name=workflow]").select_option(label="建立党组织")
    route.locator("select[name=mode]").select_option(label="或签")
    first = route.locator("select[name=approver_id]").nth(0)
    labels = first.locator("option").all_inner_texts()
    assert "石桥乡党委审批人（石桥乡）" in labels and not any("approver" in x for x in labels)
    first.select_option(label="石桥乡党委审批人（石桥乡）")
    shot(admin, ADMIN, 7, "route-form")
    _submit(admin, "#route-form")
    assert "审批路径已保存" in _text(admin, ".flash")
    saved = page.locator("table#routes tbody tr[data-id]")
    assert saved.count() == 1
    assert saved.inner_text().split("\t") == ["石桥乡", "建立党组织", "上级审批", "或签", "石桥乡党委审批人"]
    shot(admin, ADMIN, 8, "route-saved")
    with city.app.app_context():
        stored = db.session.execute(select(ApprovalRoute)).scalar_one()
        newcomer_id = db.session.execute(select(User.id).where(User.username == "shiqiao_approver")).scalar_one()
        assert stored.mode == "any_one" and stored.approver_ids == [newcomer_id]
        db.session.remove()

    # 管辖单位: the demo's tree, in order.
    _go(admin, city, "/admin")
    page.click("a:has-text('管辖单位')")
    page.wait_for_load_state()
    names = [x.strip() for x in page.locator("table#jurisdictions tbody tr td:first-child").all_inner_texts()]
    assert names[:3] == ["示范市", "青山县", "青山镇"] and len(names) == 10 and "绿水高新技术产业园区" in names
    shot(admin, ADMIN, 9, "jurisdictions")

    # Sign out: back to the sign-in page; the console is closed to this browser.
    page.click("header form button:has-text('退出')")
    page.wait_for_load_state()
    assert "/sign-in" in page.url
    _go(admin, city, "/admin")
    assert "/sign-in" in page.url
    shot(admin, ADMIN, 10, "signed-out")
    admin.context.close()
