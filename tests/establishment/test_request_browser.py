"""请示 in a real browser (Chromium through Playwright): the applicant opens its case, follows 查看请示, sees the
request on a sheet no wider than A4 whose long text wraps inside it, and prints it: in print media only the sheet
is shown (the console's header, footer and buttons are not), and the printed PDF is A4. Screenshot:
artifacts/screenshots/request-page.png (gitignored)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.support.browser import MARKS, Person
from tests.support.console import Console
from tests.support.establishment import make_unit, new_case, submit
from tests.support.world import Api

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
pytestmark = MARKS

APPLICANT = "portal@east"
LONG_WORD = "https://example.invalid/" + "a" * 300  # no place to break but anywhere
TEXT = (
    "本单位成立于2015年，现有职工120名，其中正式党员8名、预备党员1名，党员组织关系均已转入。\n"
    f"有关材料见：{LONG_WORD}\n"
    "妥否，请批示。"
)


def test_the_applicant_reads_and_prints_the_request(api: Api, console: Console, live_server: str, browser: Any) -> None:
    unit = make_unit(api, "east_t1", formal_members=8, name="青山精密机械有限公司")
    case = new_case(api, [unit["id"]], "branch", proposed_committee_size=3, request_text=TEXT)
    submit(api, case["id"])
    console.give_password(APPLICANT)
    me = Person(browser, live_server, APPLICANT.replace("@", "."))
    me.sign_in()
    page = me.page
    page.goto(f"{live_server}/applications/{case['id']}")
    with page.expect_navigation():
        page.locator("#request-page-link").click()
    assert page.locator("#request-title").inner_text() == "关于成立中共青山精密机械有限公司支部委员会的请示"
    assert page.locator("#request-print").is_visible()  # shown by its script
    sheet = page.locator("#request-sheet").bounding_box()
    assert sheet is not None and sheet["width"] <= 210 / 25.4 * 96 + 1  # A4's width at 96 dpi, or less
    body = page.locator("#request-body").bounding_box()
    scroll = page.evaluate("document.getElementById('request-body').scrollWidth")
    assert body is not None and scroll <= body["width"] + 1  # the long word wraps inside the sheet
    me.shot("request-page")

    page.emulate_media(media="print")
    assert not page.locator("header.top").is_visible() and not page.locator(".request-tools").is_visible()
    assert page.locator("#request-sheet").is_visible()
    pdf = page.pdf(prefer_css_page_size=True)
    boxes = {tuple(round(float(n)) for n in m.split()) for m in re.findall(rb"/MediaBox \[0 0 ([\d. ]+)\]", pdf)}
    assert pdf.startswith(b"%PDF") and boxes == {(595, 842)}, boxes  # every page A4: 595 x 842 points
    me.context.close()
