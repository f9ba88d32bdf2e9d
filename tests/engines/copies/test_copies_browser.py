"""抄送 / 待阅 in a real browser (Chromium through Playwright): an approver copies a case to a colleague from the
case page; the colleague signs in, finds it in 待阅 (the badge, the row with who copied and the note), opens it
onto the case's live page, and it is read. Screenshots go to artifacts/screenshots/ (gitignored); one is in
docs/screenshots/ (action-copies-list.png)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.browser import MARKS, Person
from tests.support.console import Console
from tests.support.establishment import submitted_branch
from tests.support.world import Api

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
pytestmark = MARKS

ME, READER = "approver@east_t1", "supervisor@east"


def _person(browser: Any, live_server: str, console: Console, who: str) -> Person:
    console.give_password(who)
    person = Person(browser, live_server, who.replace("@", "."))
    person.sign_in()
    return person


def test_copy_a_case_and_read_it_from_the_copies_list(
    api: Api, console: Console, live_server: str, browser: Any
) -> None:
    case = submitted_branch(api)
    me = _person(browser, live_server, console, ME)
    me.page.goto(f"{live_server}/cases/{case['id']}")
    form = me.page.locator("#copy")
    assert "抄送给需要知悉的人员" in form.inner_text()
    form.locator("select[name=user_ids]").select_option(label="supervisor@east（东县）")
    form.locator("textarea[name=note]").fill("请阅知，该支部党员人数刚满三人")
    with me.page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert me.page.url.endswith(f"/cases/{case['id']}")
    assert "已抄送1人" in me.page.inner_text("body")
    me.context.close()

    reader = _person(browser, live_server, console, READER)
    reader.page.click("nav >> text=待阅")
    reader.page.wait_for_load_state()
    assert reader.page.inner_text("#copies-count") == "1"
    rows = reader.page.locator("table#copies tbody tr.unread")
    assert rows.count() == 1
    row = rows.inner_text()
    assert case["proposed_name"] in row and "审批中" in row and ME in row and "请阅知，该支部党员人数刚满三人" in row
    reader.shot("action-copies-list")
    with reader.page.expect_navigation():
        rows.locator("a.open").click()
    assert reader.page.url.endswith(f"/cases/{case['id']}")
    assert case["proposed_name"] in reader.page.inner_text("main")
    reader.page.goto(f"{live_server}/copies")
    assert reader.page.locator("#copies-count").count() == 0  # read: the badge is gone
    assert reader.page.locator("table#copies tbody tr.unread").count() == 0
    reader.context.close()
