"""The console in a real browser: Playwright for Python driving Debian's Chromium (/usr/bin/chromium, headless,
--no-sandbox) against the app served on a real port over the test database.

- a primary committee carried from the township's review through the county's committee vote to its founding,
  each approver in their own browser context;
- two approvers of one body on the same task: the second sees the conflict said plainly, with the new state;
- irreversible buttons ask first (the server's words in a confirm dialog); cancelling sends nothing.
Screenshots of each page go to artifacts/screenshots/ (gitignored); three of them are in docs/screenshots/."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from service.auth import system_actor
from service.extensions import db
from service.inputs import NewUser
from service.operations.flows.establishment import cases
from service.operations.reference import units, users
from tests.support.browser import MARKS, Person
from tests.support.console import Console
from tests.support.factories import new_unit
from tests.support.world import World
from workflows.establishment import NewCase

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
pytestmark = MARKS


def _people(app: Flask, world: World, console: Console, *who: str) -> None:
    for name in who:
        console.give_password(name)


def _dialogs(person: Person, *answers: bool) -> list[str]:
    """Answer the page's confirm dialogs (in turn `answers`, then OK) and keep what they asked."""
    asked: list[str] = []
    pending = list(answers)

    def answer(dialog: Any) -> None:
        asked.append(dialog.message)
        if pending.pop(0) if pending else True:
            dialog.accept()
        else:
            dialog.dismiss()

    person.page.on("dialog", answer)
    return asked


def _primary_committee(app: Flask, world: World) -> int:
    actor = system_actor("test")
    with app.app_context():
        unit = units.create(
            actor,
            new_unit(
                world.ids["east_t1"],
                name="青山重工机械股份有限公司",
                employees=800,
                formal_members=120,
                mobile_members=5,
            ),
        )
        case = cases.create(
            actor,
            NewCase(
                unit_ids=[unit.id],
                form="primary_committee",
                proposed_name="中共青山重工机械股份有限公司委员会",
                proposed_secretary="陈建国",
                proposed_committee_size=5,
            ),
        )
        cases.submit(actor, case.id)
        case_id = case.id
        db.session.remove()
    return case_id


def test_primary_committee_from_review_to_founding(
    app: Flask, world: World, console: Console, live_server: str, browser: Any
) -> None:
    _people(app, world, console, "approver@east_t1", "approver@east")
    case_id = _primary_committee(app, world)
    township = Person(browser, live_server, "approver.east_t1")
    county = Person(browser, live_server, "approver.east")

    township_asked, county_asked = _dialogs(township, False), _dialogs(county)
    township.sign_in()
    township.shot("01-inbox-township")
    assert township.page.locator("#open-count").inner_text() == "1"
    township.open_first_task()
    township.shot("02-case-township-review")
    assert "正式党员120名" in township.page.inner_text("#form-reason") or "120" in township.page.inner_text("#units")
    township.page.fill("#form-decide textarea[name=comment]", "经镇党委会议审查，同意上报")
    task_url = township.page.url
    township.page.click("#form-decide button[data-action=approve]")  # asked, cancelled: nothing is sent
    assert township.page.url == task_url and "已办理" not in township.page.inner_text("main")
    assert township.page.input_value("#form-decide textarea[name=comment]") == "经镇党委会议审查，同意上报"
    township.page.click("#form-decide button[data-action=approve]")  # asked again, confirmed
    township.page.wait_for_load_state()
    assert "已办理：同意" in township.page.inner_text("main")
    assert township_asked == ["同意后本环节办结，申请将转至东县审批。确定？"] * 2

    county.sign_in()
    county.open_first_task()
    form = county.page.locator("#form-vote")
    for field, value in (("members", "9"), ("present", "8"), ("votes_for", "8"), ("votes_against", "0")):
        form.locator(f"input[name={field}]").fill(value)
    form.locator("input[name=approval_doc_no]").fill("东组复〔2026〕18号")
    form.locator("textarea[name=comment]").fill("县委组织部部务会研究同意")
    county.shot("03-case-county-vote")
    form.locator("button[type=submit]").click()
    county.page.wait_for_load_state()
    assert "已录入表决结果" in county.page.inner_text("main")
    assert len(county_asked) == 1 and county_asked[0].startswith("提交后本环节按表决结果办结：通过则将发出批复")

    # founding, from 已办 → the case page
    township.page.goto(live_server + "/done")
    township.shot("04-done")
    township.page.goto(f"{live_server}/cases/{case_id}")
    assert township.page.inner_text("#case-state") == "已批复"
    found = township.page.locator("#form-found")
    found.locator("input[name=entitled]").fill("120")
    found.locator("input[name=present]").fill("112")
    found.locator("textarea[name=elected]").fill("陈建国 110\n林晓燕 104\n王志强 99\n黄丽华 97\n郑海波 90")
    found.locator("button[type=submit]").click()
    township.page.wait_for_load_state()
    assert township.page.inner_text("#case-state") == "已成立"
    assert township_asked[-1].startswith("登记成立后将建立「中共青山重工机械股份有限公司委员会」")
    township.shot("05-case-founded")

    township.page.goto(live_server + "/notifications")
    township.shot("06-notifications")
    phone = Person(browser, live_server, "approver.east", width=390, height=844)
    phone.sign_in()
    phone.page.goto(live_server + "/done")
    assert "同意" in phone.page.inner_text("table#done")
    phone.shot("07-done-phone")
    for person in (township, county, phone):
        person.context.close()


def test_two_browsers_on_one_task_the_second_sees_the_conflict(
    app: Flask, world: World, console: Console, live_server: str, browser: Any
) -> None:
    actor = system_actor("test")
    with app.app_context():
        second = users.create(
            actor,
            NewUser(
                username="second.east_t1",
                display_name="第二审批人",
                role="approver",
                jurisdiction_id=world.ids["east_t1"],
            ),
        )
        world.users["second@east_t1"] = second.id
        unit = units.create(actor, new_unit(world.ids["east_t1"], formal_members=3))
        case = cases.create(actor, NewCase(unit_ids=[unit.id], form="branch", proposed_name="东一镇测试党支部"))
        cases.submit(actor, case.id)
        db.session.remove()
    _people(app, world, console, "approver@east_t1", "second@east_t1")
    first, other = Person(browser, live_server, "approver.east_t1"), Person(browser, live_server, "second.east_t1")
    for person in (first, other):
        _dialogs(person)
        person.sign_in()
        person.open_first_task()
    for person in (first, other):
        form = person.page.locator("#form-vote")
        for field, value in (("members", "5"), ("present", "5"), ("votes_for", "4"), ("votes_against", "1")):
            form.locator(f"input[name={field}]").fill(value)
        form.locator("input[name=approval_doc_no]").fill("东一委复〔2026〕3号")
    first.page.click("#form-vote button[type=submit]")
    first.page.wait_for_load_state()
    assert "已录入表决结果" in first.page.inner_text("main")
    response = other.page.expect_response(lambda r: "/vote" in r.url)
    with response as info:
        other.page.click("#form-vote button[type=submit]")
    assert info.value.status == 409
    other.page.wait_for_load_state()
    message = other.page.inner_text("#conflict")
    assert "操作未执行" in message and "已批复" in message
    assert "Traceback" not in other.page.content()
    other.shot("08-conflict")
    for person in (first, other):
        person.context.close()
