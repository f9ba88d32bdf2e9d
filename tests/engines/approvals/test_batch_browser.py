"""批量审批 in a real browser (Chromium through Playwright): the rows' checkboxes belong to the batch bar's form
(form="batch", outside the table's own claim forms), each button asks first with its own words — cancelling
sends nothing — and the result page lists each task's outcome."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from service.auth import system_actor
from service.extensions import db
from service.operations.flows.establishment import cases
from service.operations.reference import units
from tests.support.browser import MARKS, Person
from tests.support.console import Console
from tests.support.factories import new_unit
from tests.support.world import World
from workflows.establishment import NewCase

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
pytestmark = MARKS


def _requests(app: Flask, world: World, n: int) -> list[int]:
    """n primary committee requests of 东一镇, submitted: their township review may be batched."""
    actor = system_actor("test")
    ids = []
    with app.app_context():
        for i in range(n):
            unit = units.create(actor, new_unit(world.ids["east_t1"], employees=400, formal_members=100 + i))
            case = cases.create(
                actor,
                NewCase(unit_ids=[unit.id], form="primary_committee", proposed_name=f"中共青山第{i + 1}公司委员会"),
            )
            cases.submit(actor, case.id)
            ids.append(case.id)
        db.session.remove()
    return ids


def test_batch_approve_in_the_browser(
    app: Flask, world: World, console: Console, live_server: str, browser: Any
) -> None:
    console.give_password("approver@east_t1")
    _requests(app, world, 3)
    me = Person(browser, live_server, "approver.east_t1")
    asked: list[str] = []
    answers = [False]

    def answer(dialog: Any) -> None:
        asked.append(dialog.message)
        if answers.pop(0) if answers else True:
            dialog.accept()
        else:
            dialog.dismiss()

    me.page.on("dialog", answer)
    me.sign_in()
    boxes = me.page.locator("table#tasks input[type=checkbox][form=batch]")
    assert boxes.count() == 3
    boxes.nth(0).check()
    boxes.nth(2).check()
    me.page.fill("#batch textarea[name=comment]", "经镇党委会议审查，同意上报")
    me.shot("batch-inbox")
    me.page.click("#batch button[value=approve]")  # asked, cancelled: nothing sent
    assert me.page.url.endswith("/inbox") and boxes.count() == 3, (me.page.url, asked)
    me.page.click("#batch button[value=approve]")  # asked again, accepted
    me.page.wait_for_selector("#batch-results")
    assert len(asked) == 2 and "不能撤回" in asked[0]
    assert "共2项，已办理2项" in me.page.inner_text("#batch-summary")
    results = me.page.locator("#batch-results tbody tr")
    assert results.count() == 2
    assert all("已同意" in t for t in results.all_inner_texts())
    me.shot("batch-approve-result")
    me.page.click("text=返回待办")
    assert me.page.locator("table#tasks tbody tr[data-task]").count() == 1
