"""催办 in a real browser (Chromium through Playwright): the applicant's side opens its overdue request, urges
the approval task with a message, and sees the count and who urged when; a second urge the same working day is
not offered; the approver sees the count on the task and the notification. Screenshots go to
artifacts/screenshots/ (gitignored); one is in docs/screenshots/ (action-urge.png)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from service.clock import FixedClock
from tests.support.browser import ARTIFACTS, MARKS, Person
from tests.support.console import Console
from tests.support.establishment import submitted_branch, task_for
from tests.support.supervision import move
from tests.support.world import Api

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
pytestmark = MARKS

APPLICANT, APPROVER = "handler@east_t1", "approver@east_t1"


def _person(browser: Any, live_server: str, console: Console, who: str) -> Person:
    console.give_password(who)
    person = Person(browser, live_server, who.replace("@", "."))
    person.sign_in()
    return person


def test_the_applicant_urges_an_overdue_task_and_the_approver_sees_it(
    api: Api, console: Console, live_server: str, browser: Any, clock: FixedClock
) -> None:
    case = submitted_branch(api, as_=APPLICANT)
    task = task_for(api, APPROVER, case["id"])["id"]
    me = _person(browser, live_server, console, APPLICANT)
    me.page.goto(f"{live_server}/cases/{case['id']}")
    panel = me.page.locator("#urge")
    assert "逾期后方可催办" in panel.inner_text() and panel.locator("form.urge-form").count() == 0

    move(clock, date(2026, 11, 3))  # the task was due 2026-11-02
    me.page.goto(f"{live_server}/cases/{case['id']}")
    form = me.page.locator("#urge form.urge-form")
    form.locator("textarea[name=message]").fill("材料已齐，请尽快审批")
    with me.page.expect_navigation():
        form.locator("button[type=submit]").click()
    text = me.page.locator("#urge").inner_text()
    assert "已催办 1 次" in text and APPLICANT in text
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", text)
    assert me.page.locator("#urge form.urge-form").count() == 0  # once per working day
    assert "2026-11-04" in text  # when it may be urged again
    me.page.locator("#urge").screenshot(path=str(ARTIFACTS / "action-urge.png"))
    me.context.close()

    approver = _person(browser, live_server, console, APPROVER)
    approver.page.goto(f"{live_server}/tasks/{task}")
    assert approver.page.locator("#urge .urge-count").inner_text() == "1"
    approver.page.goto(f"{live_server}/notifications")
    assert "催办" in approver.page.locator("table#notifications").inner_text()
