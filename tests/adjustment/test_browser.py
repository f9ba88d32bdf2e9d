"""组织调整 in a real browser (Playwright + Debian Chromium): a deregistration written to the ledger opens a case;
the township's handler finds it under 组织调整 and submits it (confirming); the approver opens it from 待办, a
refused tally keeps what was typed, the committee's tally with the reply's number dissolves the organisation;
the upgrade-eligible list shows a unit that reached a higher form. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from tests.support.adjustment import DOC_NO, deregistered_case, org_row, org_with_units
from tests.support.browser import MARKS, Person
from tests.support.console import Console
from tests.support.world import Api, World

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
pytestmark = MARKS


def submit(person: Person, action: str) -> list[str]:
    """Submit an action's form, accepting the confirmation it asks; returns the question asked."""
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
    return str(person.page.get_attribute("#case-state", "data-state"))


def test_submit_then_decide_in_the_browser(
    app: Flask, world: World, api: Api, console: Console, live_server: str, browser: Any
) -> None:
    case = deregistered_case(api, app, world.ids["east_t1"])
    _, (eligible,) = org_with_units(app, world.ids["east_t1"], "branch", [120])
    for who in ("handler@east_t1", "approver@east_t1"):
        console.give_password(who)
    handler = Person(browser, live_server, "handler.east_t1")
    approver = Person(browser, live_server, "approver.east_t1")

    handler.sign_in()
    handler.page.click("nav >> text=组织调整")
    handler.page.wait_for_load_state()
    handler.shot("adjust-01-list")
    handler.page.click(f"table#adjustments tr[data-case='{case['id']}'] a")
    handler.page.wait_for_load_state()
    assert state_of(handler) == "proposed"
    handler.page.fill("form[data-action=submit] textarea[name=note]", "单位已于9月注销，党员组织关系待转出")
    asked = submit(handler, "submit")
    assert len(asked) == 1 and asked[0].endswith("确定报批？")
    assert state_of(handler) == "submitted"
    assert "已报上级审批" in handler.page.inner_text("[role=status], .flash")
    handler.shot("adjust-02-submitted")

    approver.sign_in()
    approver.open_first_task()
    assert "/adjustments/tasks/" in approver.page.url
    form = approver.page.locator("form[data-action=decide]")
    for name, value in (("members", "9"), ("present", "7"), ("votes_for", "6"), ("votes_against", "1")):
        form.locator(f"input[name={name}]").fill(value)
    form.locator("textarea[name=comment]").fill("同意撤销")
    submit(approver, "decide")  # without the reply's number: refused, the tally kept
    assert approver.page.locator("[data-field=approval_doc_no]").count() == 1
    assert form.locator("input[name=votes_for]").input_value() == "6"
    assert form.locator("textarea[name=comment]").input_value() == "同意撤销"
    approver.shot("adjust-03-refused")
    form.locator("input[name=approval_doc_no]").fill(DOC_NO)
    asked = submit(approver, "decide")
    assert asked and "不能撤回" in asked[0]
    assert state_of(approver) == "applied" and DOC_NO in approver.page.inner_text("#doc-no")
    approver.shot("adjust-04-applied")
    assert org_row(app, case["party_org"]["id"])[0] == "dissolved"

    handler.page.goto(live_server + "/adjustments/upgrade-eligible")
    assert handler.page.locator(f"table#upgrades tr[data-unit='{eligible}']").inner_text().count("基层党委") == 1
    handler.shot("adjust-05-upgrades")
