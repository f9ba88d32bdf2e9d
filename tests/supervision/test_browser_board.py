"""督办 in a real browser (Playwright + Debian Chromium, the console fixtures): a supervisor drafts and issues a
ticket, the township's handler acknowledges, rectifies and reports, the supervisor closes it — each in their own
browser context; then an overdue ticket is swept (the escalation service functions on the injected clock) and
the escalation appears on the ticket page after a reload. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from flask import Flask

from service.clock import FixedClock
from tests.supervision.test_board_pages import sweep_days
from tests.support.browser import MARKS, Person
from tests.support.console import Console
from tests.support.supervision import issued
from tests.support.world import Api, World
from workflows.registry import WORKFLOWS

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
pytestmark = MARKS


def submit(person: Person, action: str) -> list[str]:
    """Submit an action's form, accepting the confirmation an irreversible action asks; returns its text."""
    asked: list[str] = []

    def accept(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.accept()

    person.page.on("dialog", accept)
    person.page.click(f"form[data-action={action}] button[type=submit]")
    person.page.wait_for_load_state()
    person.page.remove_listener("dialog", accept)
    return asked


def state_of(person: Person) -> str:
    return str(person.page.get_attribute("#ticket-state", "data-state"))


def test_issue_rectify_close_then_an_escalation_appears(
    app: Flask, world: World, api: Api, console: Console, clock: FixedClock, live_server: str, browser: Any
) -> None:
    for who in ("supervisor@east", "handler@east_t1"):
        console.give_password(who)
    supervisor = Person(browser, live_server, "supervisor.east")
    handler = Person(browser, live_server, "handler.east_t1")

    # The supervisor drafts and issues a ticket to 东一镇.
    supervisor.sign_in()
    supervisor.page.goto(live_server + "/board/tickets/new")
    form = supervisor.page.locator("#ticket-form")
    form.locator("input[name=title]").fill("非公企业党组织覆盖推进滞后")
    form.locator("select[name=jurisdiction_id]").select_option(str(world.ids["east_t1"]))
    form.locator("input[name=responsible_person]").fill("刘镇长")
    form.locator("input[name=rectification_workdays]").fill("10")
    form.locator("textarea[name=problem]").nth(0).fill("规上非公企业党组织覆盖率低于90%")
    form.locator("textarea[name=measure]").nth(0).fill("逐户排查，10月底前完成单独或联合组建")
    form.locator("textarea[name=problem]").nth(1).fill("党建指导员选派不到位")
    form.locator("textarea[name=measure]").nth(1).fill("为未建党组织单位全部选派党建指导员")
    supervisor.shot("b01-ticket-new")
    form.locator("button[type=submit]").click()
    supervisor.page.wait_for_load_state()
    assert state_of(supervisor) == "draft"
    asked = submit(supervisor, "issue")
    assert len(asked) == 1 and "东一镇" in asked[0] and asked[0].endswith("确定下发？")
    assert state_of(supervisor) == "issued"
    ticket_url = supervisor.page.url

    # The handler finds it on the board and works it through.
    handler.sign_in()
    handler.page.goto(live_server + "/board")
    handler.shot("b02-board-handler")
    handler.page.click("table#tickets tbody tr[data-id] a")
    handler.page.wait_for_load_state()
    assert handler.page.url == ticket_url
    submit(handler, "acknowledge")
    submit(handler, "start")
    assert state_of(handler) == "rectifying"
    measures = handler.page.locator("form[data-action=report] textarea[name^=measures_]")
    assert measures.count() == 2
    measures.nth(0).fill("已逐户排查52家企业，新建联合党支部3个")
    measures.nth(1).fill("已为全部未建党组织企业选派党建指导员")
    handler.shot("b03-ticket-report")
    submit(handler, "report")
    assert state_of(handler) == "submitted"
    assert handler.page.locator("form[data-action]").count() == 0  # nothing left for the handler now

    # The supervisor reviews and closes; the diagram shows the path taken.
    supervisor.page.reload()
    supervisor.page.fill("form[data-action=close] input[name=comment]", "整改到位，同意销号")
    submit(supervisor, "close")
    assert state_of(supervisor) == "closed"
    assert supervisor.page.locator("svg .dg-current").get_attribute("data-state") == "closed"
    assert supervisor.page.locator("svg .dg-taken").count() == 5
    supervisor.shot("b04-ticket-closed")

    # An overdue ticket: the sweep runs (service functions, injected clock), the supervisor reloads the page.
    late = issued(api, rectification_workdays=1)
    supervisor.page.goto(f"{live_server}/board/tickets/{late['id']}")
    assert supervisor.page.locator("#ladder li").count() == 0
    sweep_days(app, clock, date(2026, 9, 26), date(2026, 10, 12))
    supervisor.page.reload()
    ladder = supervisor.page.inner_text("#ladder")
    assert "催办" in ladder and "预警" in ladder
    assert "红灯" in supervisor.page.inner_text("h1")
    supervisor.shot("b05-ticket-escalated")
    supervisor.page.goto(live_server + "/board?light=red")
    assert supervisor.page.locator(f"table#tickets tr[data-id='{late['id']}']").count() == 1
    supervisor.shot("b06-board-red")

    phone = Person(browser, live_server, "supervisor.east", width=390, height=844)
    phone.sign_in()
    phone.page.goto(f"{live_server}/board/tickets/{late['id']}")
    phone.shot("b07-ticket-phone")
    for person in (supervisor, handler, phone):
        person.context.close()


def test_admin_creates_a_user_and_issues_a_token(
    app: Flask, world: World, console: Console, live_server: str, browser: Any
) -> None:
    console.give_password("admin@east")
    admin = Person(browser, live_server, "admin.east")
    admin.sign_in()
    admin.page.goto(live_server + "/admin")
    admin.page.click("a[href='/admin/users']")
    form = admin.page.locator("#new-user form")
    form.locator("input[name=username]").fill("zhang.san")
    form.locator("input[name=display_name]").fill("张三")
    form.locator("select[name=role]").select_option("approver")
    form.locator("select[name=jurisdiction_id]").select_option(str(world.ids["east_t1"]))
    form.locator("button[type=submit]").click()
    admin.page.wait_for_load_state()
    assert "张三" in admin.page.inner_text("h1")
    admin.page.fill("#token-form input[name=name]", "门户系统")
    admin.page.click("#token-form button[type=submit]")
    admin.page.wait_for_load_state()
    token = admin.page.inner_text("#new-token code")
    assert token.startswith("dj_")
    admin.shot("b08-admin-token")
    admin.page.goto(live_server + "/workflows")
    assert admin.page.locator("svg.dg-diagram").count() == len(WORKFLOWS)
    admin.shot("b09-workflows")
    admin.context.close()
