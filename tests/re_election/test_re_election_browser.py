"""换届 in a real browser (Chromium through Playwright): the township's handler finds an organisation on the due
list (换届提醒), asks for its re-election (a refused slate keeps what was typed and says why), the township's
approver opens the task from 待办 and records the committee's vote with the reply (批复), and the handler records
the general meeting (a meeting without its quorum is refused first); the new term shows at once, on the request
and on the due list. Screenshots: artifacts/screenshots/re-election-*.png (gitignored)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.support.browser import MARKS, Person
from tests.support.console import Console
from tests.support.re_election import org
from tests.support.world import Api

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
pytestmark = MARKS

HANDLER, APPROVER = "handler@east_t1", "approver@east_t1"


def _person(browser: Any, base: str, console: Console, who: str) -> Person:
    console.give_password(who)
    me = Person(browser, base, who.replace("@", "."))
    me.sign_in()
    return me


def test_a_re_election_from_the_due_list_to_the_new_term(
    app: Any, api: Api, console: Console, live_server: str, browser: Any
) -> None:
    org_id = org(app, api, formal=9, due_on=date(2026, 11, 30))
    handler = _person(browser, live_server, console, HANDLER)
    page = handler.page
    page.goto(f"{live_server}/re-elections/due")
    row = page.locator(f"#due-list tr[data-org='{org_id}']")
    assert "即将到期" in row.inner_text()
    with page.expect_navigation():
        row.locator("a.button").click()

    page.fill("input[name=committee_size]", "3")
    page.fill("input[name=secretary]", "李明")
    page.fill("textarea[name=candidates]", "李明\n张华")
    with page.expect_navigation():
        page.click("#submit-request")
    assert "少于应选3名" in page.locator(".field-error[data-field=candidates]").inner_text()
    assert page.input_value("input[name=secretary]") == "李明"  # what was typed is kept
    page.fill("textarea[name=candidates]", "李明\n张华\n赵强\n孙丽")
    with page.expect_navigation():
        page.click("#submit-request")
    assert "审批中" in page.locator("#state").inner_text()
    request_url = page.url
    handler.shot("re-election-request")

    approver = _person(browser, live_server, console, APPROVER)
    ap = approver.page
    ap.goto(f"{live_server}/inbox")
    with ap.expect_navigation():
        ap.locator("table#tasks tbody tr[data-task] a").first.click()
    assert "/re-elections/tasks/" in ap.url  # the 待办's task opens the re-election's own page
    ap.fill("#vote-form input[name=members]", "9")
    ap.fill("#vote-form input[name=present]", "7")
    ap.fill("#vote-form input[name=votes_for]", "6")
    ap.fill("#vote-form input[name=votes_against]", "1")
    ap.fill("#vote-form input[name=approval_doc_no]", "东一委复〔2026〕30号")
    ap.fill("#vote-form input[name=meeting_on]", "2026-09-25")
    with ap.expect_navigation():
        ap.click("#vote")
    assert "已批复" in ap.locator("#state").inner_text()
    approver.shot("re-election-approved")

    page.goto(request_url)
    page.fill("input[name=held_on]", "2026-09-25")
    page.fill("input[name=entitled]", "9")
    page.fill("input[name=present]", "7")  # 7 of 9 is not more than 4/5
    page.fill("input[name=secretary]", "李明")
    page.fill("textarea[name=elected]", "李明 7\n张华 6\n赵强 5")
    with page.expect_navigation():
        page.click("#elect")
    assert "五分之四" in page.locator("[role=alert], .field-error").first.inner_text()
    assert page.input_value("textarea[name=elected]") == "李明 7\n张华 6\n赵强 5"
    page.fill("input[name=present]", "8")
    with page.expect_navigation():
        page.click("#elect")
    assert "已换届" in page.locator("#state").inner_text()
    assert "2029-09-25" in page.locator("#new-term").inner_text()
    with page.expect_download() as download:
        page.click("#report-link")
    assert download.value.suggested_filename.endswith("选举结果的报告.docx")
    handler.shot("re-election-elected")
    page.goto(f"{live_server}/re-elections/due")
    assert page.locator(f"#due-list tr[data-org='{org_id}']").count() == 0
    handler.context.close()
    approver.context.close()
