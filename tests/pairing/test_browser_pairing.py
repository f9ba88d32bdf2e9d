"""结对共建 in a real browser (Playwright + Debian Chromium): a supervisor opens the section from the menu, finds the
agreement behind its plan marked in the list, opens it, records progress (a refused entry first: the message at
its input, what was typed kept), sees the bar move, and downloads the 责任书. Screenshots go to
artifacts/screenshots/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from tests.support.browser import MARKS, Person
from tests.support.console import Console
from tests.support.documents import text_of
from tests.support.pairing import in_force
from tests.support.world import Api, World

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
pytestmark = MARKS


def bar(person: Person, duty: str) -> str:
    return str(person.page.get_attribute(f"tr[data-duty={duty}] progress", "value"))


def test_a_supervisor_records_progress_and_downloads_the_letter(
    app: Flask, world: World, api: Api, console: Console, live_server: str, browser: Any, tmp_path: Path
) -> None:
    a = in_force(api, app, world)  # 东一镇's two organisations: 2 visits, 1 training, 2 activists planned
    console.give_password("supervisor@east")
    sup = Person(browser, live_server, "supervisor.east")
    sup.sign_in()
    page = sup.page

    page.click("nav >> text=结对共建")
    page.wait_for_load_state()
    row = page.locator(f"table#agreements tr[data-id='{a['id']}']")
    assert "滞后" in row.inner_text() and "走访交流 0/2" in row.inner_text()
    sup.shot("pairing-list")
    row.locator("a").click()
    page.wait_for_load_state()
    assert page.get_attribute("#agreement-state", "data-state") == "in_force"
    assert bar(sup, "visits") == "0"

    # A count that is not a number: refused at its input, what was typed kept, nothing recorded.
    form = page.locator("form[data-action=progress]")
    form.locator("input[name=visits]").fill("两次")
    form.locator("input[name=trainings]").fill("1")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "本次走访交流次数" in page.inner_text("[data-field=visits]")
    assert page.input_value("form[data-action=progress] input[name=visits]") == "两次"
    assert page.input_value("form[data-action=progress] input[name=trainings]") == "1"
    assert bar(sup, "visits") == "0" and bar(sup, "trainings") == "0"

    form = page.locator("form[data-action=progress]")
    form.locator("input[name=visits]").fill("1")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "已登记履行情况" in page.inner_text("[role=status]")
    assert (bar(sup, "visits"), bar(sup, "trainings")) == ("50", "100")
    assert page.inner_text("tr[data-duty=visits] .done") == "1"
    sup.shot("pairing-agreement")

    with page.expect_download() as caught:
        page.click("#letter-docx")
    download = caught.value
    assert download.suggested_filename == f"结对共建责任书-{a['id']}.docx"
    saved = tmp_path / "letter.docx"
    download.save_as(str(saved))
    text = text_of(saved.read_bytes())
    assert "结对共建责任书" in text and f"甲方：{a['org_a']['name']}" in text and "2026年9月30日" in text
