"""常用意见 in a real browser (Chromium through Playwright): 添加常用意见示例 on the account page, then on a task
the picker puts the chosen text into the opinion box (an empty box gets it, a filled one gets it on a new line)
and the decision carries it."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from tests.support.browser import ARTIFACTS, MARKS, Person
from tests.support.console import Console
from tests.support.establishment import submitted_cases
from tests.support.world import Api, World
from workflows.opinions import EXAMPLES

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
pytestmark = MARKS


def test_pick_saved_opinions_into_the_box(
    app: Flask, world: World, api: Api, console: Console, live_server: str, browser: Any
) -> None:
    console.give_password("approver@east_t1")
    submitted_cases(app, world, 1)
    me = Person(browser, live_server, "approver.east_t1")
    me.page.on("dialog", lambda dialog: dialog.accept())
    me.sign_in()
    me.page.goto(live_server + "/account")
    me.page.click("#form-opinion-examples button[type=submit]")
    me.page.wait_for_load_state()
    assert me.page.locator("#opinion-list li[data-opinion]").count() == len(EXAMPLES)
    me.shot("opinions-account")

    me.open_first_task()
    picker = me.page.locator("select[data-opinion-for=decide-comment]")
    box = me.page.locator("#decide-comment")
    picker.select_option(EXAMPLES[2])
    assert box.input_value() == EXAMPLES[2]
    assert picker.input_value() == ""  # back to "选择常用意见…": the box holds the text now
    picker.select_option(EXAMPLES[3])
    assert box.input_value() == f"{EXAMPLES[2]}\n{EXAMPLES[3]}"
    me.shot("opinions-picker")
    me.page.locator("#form-decide").screenshot(path=str(ARTIFACTS / "opinions-picker-form.png"))
    me.page.click("#form-decide button[data-action=return]")
    me.page.wait_for_load_state()
    assert "已办理：退回修改" in me.page.inner_text("main")
    done = api.get("/api/v1/tasks/done", as_="approver@east_t1").json
    # a form posts line breaks as CRLF (HTML's rule); the comment keeps what was posted
    assert done[0]["comment"].replace("\r\n", "\n") == f"{EXAMPLES[2]}\n{EXAMPLES[3]}"
    me.context.close()
