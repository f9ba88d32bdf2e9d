"""The approver's actions in a real browser (Chromium through Playwright), each by the people who do them:

- 委派: an approver consults a colleague, the colleague signs in and gives the 意见, the owner sees it on the task;
- 加签 / 减签: on a countersign step with named approvers, an approver adds a colleague and removes one who has
  not acted;
- 拿回: the approver who closed a level takes the approval back before the next level touched the case; in a
  sequence, the approver whose approval passed the turn on takes it back before the next approver touched it;
- 退回到此前环节: the county returns the case to the township's review with a reason, and the review's task is
  back in the township's 待办.
The world is set up through the API (as the other browser tests do); the browser shows the action itself. Each
step asserts what the page says, the history line with who and when. Screenshots go to artifacts/screenshots/
(gitignored); some are in docs/screenshots/ (action-*.png)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.support.browser import ARTIFACTS, MARKS, Person
from tests.support.console import Console
from tests.support.establishment import decide, make_unit, new_case, route, submit, submitted_branch, task_for
from tests.support.world import Api, World

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extras)")
pytestmark = MARKS

A, B, C = "approver@east_t1", "approver2@east_t1", "approver3@east_t1"
COUNTY = "approver@east"
WHEN = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"  # the history's time, China time to the minute


def _person(browser: Any, live_server: str, console: Console, who: str) -> Person:
    """`who` signed in in their own browser context; every confirm dialog is accepted."""
    console.give_password(who)
    person = Person(browser, live_server, who.replace("@", "."))
    person.page.on("dialog", lambda dialog: dialog.accept())
    person.sign_in()
    return person


def _shot(person: Person, name: str, selector: str | None = None) -> None:
    """A screenshot of the part of the page that shows the action (the whole page without `selector`)."""
    if selector is None:
        person.shot(name)
        return
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    person.page.locator(selector).screenshot(path=str(ARTIFACTS / f"{name}.png"))


RECORDS = "div.grid:has(#history)"  # 审批环节 · 意见 | 办理记录


def _submit(page: Any, form: str) -> None:
    """Click the form's submit button (it asks first: accepted) and wait for the next page."""
    with page.expect_navigation():
        page.click(f"#{form} button[type=submit]")


def _history(person: Person) -> list[str]:
    return person.page.locator("#history li").all_inner_texts()


def _line(history: list[str], *words: str) -> str:
    """The one history line holding all `words`, with its time."""
    found = [h for h in history if all(w in h for w in words)]
    assert len(found) == 1, (words, history)
    assert re.match(WHEN, found[0].strip()), found[0]
    return found[0]


def _primary(api: Api) -> int:
    """A primary committee request: east_t1 reviews (countersign A, B), then the county approves."""
    route(api, "east_t1", "countersign", [A, B], level="superior_review")
    unit = make_unit(api, formal_members=100, employees=400)
    cid = int(new_case(api, [unit["id"]], "primary_committee")["id"])
    submit(api, cid)
    return cid


def test_consult_a_colleague_and_read_the_opinion(
    api: Api, colleagues: World, console: Console, live_server: str, browser: Any
) -> None:
    route(api, "east_t1", "countersign", [A, B])
    cid = submitted_branch(api)["id"]
    task = task_for(api, A, cid)["id"]
    me = _person(browser, live_server, console, A)
    me.page.goto(f"{live_server}/tasks/{task}")
    form = me.page.locator("#form-consult")
    assert "委派（请本单位其他审批人提出意见，仍由您审批）" in form.inner_text()
    form.locator("select[name=to_user_id]").select_option(label=C)
    form.locator("textarea[name=comment]").fill("请帮看书记人选是否合适")
    _shot(me, "action-consult-form", "#form-consult")
    _submit(me.page, "form-consult")
    assert me.page.url.endswith(f"/tasks/{task}")
    _line(_history(me), A, "委派", f"→ {C}")

    colleague = _person(browser, live_server, console, C)
    colleague.open_first_task()
    assert colleague.page.locator("#form-decide").count() == 0  # a consult task never decides
    assert "请帮看书记人选是否合适" in colleague.page.inner_text("#comments")
    colleague.page.fill("#form-opinion textarea[name=comment]", "书记人选政治素质好，同意")
    _submit(colleague.page, "form-opinion")
    assert colleague.page.url.endswith("/inbox")

    me.page.goto(f"{live_server}/tasks/{task}")
    _line(_history(me), C, "回复委派意见")
    assert "书记人选政治素质好，同意" in me.page.inner_text("#comments")
    assert me.page.locator("#form-decide").count() == 1  # the owner decides
    _shot(me, "action-consult-opinion", RECORDS)
    colleague.context.close()
    me.context.close()


def test_add_an_approver_and_remove_one_who_has_not_acted(
    api: Api, colleagues: World, console: Console, live_server: str, browser: Any
) -> None:
    route(api, "east_t1", "countersign", [A, B])
    cid = submitted_branch(api)["id"]
    task = task_for(api, A, cid)["id"]
    me = _person(browser, live_server, console, A)
    me.page.goto(f"{live_server}/tasks/{task}")
    add = me.page.locator("#form-add_approvers")
    assert "加签（增加本单位审批人参与本环节审批）" in add.inner_text()
    assert add.locator("select[name=position]").count() == 0  # a countersign: no order to choose
    add.get_by_label(C).check()
    add.locator("textarea[name=reason]").fill("请分管组织工作的同志一并把关")
    _shot(me, "action-add-approvers", "#form-add_approvers")
    _submit(me.page, "form-add_approvers")
    _line(_history(me), A, f"加签：{C}")
    assert task_for(api, C, cid)["kind"] == "approval"  # in the new approver's 待办

    remove = me.page.locator("#form-remove_approvers")
    assert remove.get_by_label(B).count() == 1 and remove.get_by_label(C).count() == 1
    remove.get_by_label(B).check()
    remove.locator("textarea[name=reason]").fill("该同志出差，不再参与本环节")
    _submit(me.page, "form-remove_approvers")
    _line(_history(me), A, f"减签：{B}")
    assert me.page.locator("#form-remove_approvers").get_by_label(B).count() == 0
    _shot(me, "action-remove-approvers", RECORDS)
    me.context.close()


def test_approve_a_level_then_take_it_back(
    api: Api, colleagues: World, console: Console, live_server: str, browser: Any
) -> None:
    cid = _primary(api)
    assert decide(api, task_for(api, A, cid)["id"], A).status_code == 200
    mine = task_for(api, B, cid)["id"]
    me = _person(browser, live_server, console, B)
    me.page.goto(f"{live_server}/tasks/{mine}")
    me.page.fill("#decide-comment", "同意")
    with me.page.expect_navigation():
        me.page.click("#form-decide button[data-action=approve]")
    assert task_for(api, COUNTY, cid)  # the county's level is open, untouched

    me.page.goto(f"{live_server}/cases/{cid}")
    assert "您对本申请的同意尚可拿回" in me.page.inner_text("#take-back-link")
    me.page.click("#take-back-link a")
    me.page.wait_for_load_state()
    assert "收回您的同意，重新办理" in me.page.inner_text("#form-take_back")
    # the button asks first, in the server's words
    assert "已转入的下一环节将取消" in (me.page.get_attribute("#form-take_back button", "data-confirm") or "")
    me.page.fill("#form-take_back textarea[name=comment]", "党员人数还需再核实")
    _shot(me, "action-take-back", "#form-take_back")
    _submit(me.page, "form-take_back")
    assert me.page.url.endswith(f"/tasks/{mine}")
    _line(_history(me), B, "拿回")
    assert me.page.locator("#form-decide").count() == 1 and me.page.locator("#form-take_back").count() == 0
    assert "党员人数还需再核实" in me.page.inner_text("#comments")
    me.context.close()
    county = _person(browser, live_server, console, COUNTY)
    assert county.page.locator("table#tasks tbody tr[data-task]").count() == 0  # the county's task is gone
    county.context.close()


def test_take_back_within_a_sequence_before_the_next_turn_is_touched(
    api: Api, colleagues: World, console: Console, live_server: str, browser: Any
) -> None:
    route(api, "east_t1", "sequential", [A, B, C])
    cid = submitted_branch(api)["id"]
    mine = task_for(api, A, cid)["id"]
    me = _person(browser, live_server, console, A)
    me.page.goto(f"{live_server}/tasks/{mine}")
    me.page.fill("#decide-comment", "同意")
    with me.page.expect_navigation():
        me.page.click("#form-decide button[data-action=approve]")
    next_one = _person(browser, live_server, console, B)
    next_one.page.goto(f"{live_server}/inbox")
    assert next_one.page.locator(f"table#tasks tbody tr[data-task='{task_for(api, B, cid)['id']}']").count() == 1

    me.page.goto(f"{live_server}/tasks/{mine}")
    assert "收回您的同意，重新办理" in me.page.inner_text("#form-take_back")
    assert "下一位审批人的待办将收回" in (me.page.get_attribute("#form-take_back button", "data-confirm") or "")
    me.page.fill("#form-take_back textarea[name=comment]", "书记人选还需再核实")
    _submit(me.page, "form-take_back")
    assert me.page.url.endswith(f"/tasks/{mine}")
    _line(_history(me), A, "拿回")
    assert me.page.locator("#form-decide").count() == 1 and me.page.locator("#form-take_back").count() == 0
    next_one.page.goto(f"{live_server}/inbox")
    assert next_one.page.locator("table#tasks tbody tr[data-task]").count() == 0  # B's turn is withdrawn

    # approved again, the turn is B's anew; once B has commented, A's approval stays and 拿回 is not offered
    with me.page.expect_navigation():
        me.page.click("#form-decide button[data-action=approve]")
    turn = task_for(api, B, cid)["id"]
    assert api.post(f"/api/v1/tasks/{turn}/comment", as_=B, json={"comment": "正在看"}).status_code == 200
    me.page.goto(f"{live_server}/tasks/{mine}")
    assert me.page.locator("#form-take_back").count() == 0
    me.page.goto(f"{live_server}/cases/{cid}")
    assert me.page.locator("#take-back-link").count() == 0
    next_one.context.close()
    me.context.close()


def test_return_the_case_to_an_earlier_level(
    api: Api, colleagues: World, console: Console, live_server: str, browser: Any
) -> None:
    cid = _primary(api)
    for who in (A, B):
        assert decide(api, task_for(api, who, cid)["id"], who).status_code == 200
    county = _person(browser, live_server, console, COUNTY)
    county.open_first_task()
    form = county.page.locator("#form-return_to")
    assert "退回此前的审批环节重新审批，不退回申请单位" in form.inner_text()
    form.locator("select[name=level_name]").select_option("superior_review")
    form.locator("textarea[name=reason]").fill("党员人数需复核，请镇党委重新审查")
    _shot(county, "action-return-to", "#form-return_to")
    _submit(county.page, "form-return_to")
    assert county.page.url.endswith("/inbox")
    county.page.goto(f"{live_server}/cases/{cid}")
    _line(_history(county), COUNTY, "退回至此前环节")
    assert "党员人数需复核，请镇党委重新审查" in county.page.inner_text("#comments")
    county.context.close()

    township = _person(browser, live_server, console, A)
    rows = township.page.locator("table#tasks tbody tr[data-task]")
    assert rows.count() == 1 and "基层党委 · 正式党员100名" in rows.inner_text()
    _shot(township, "action-return-to-inbox")
    township.open_first_task()
    assert "党员人数需复核，请镇党委重新审查" in township.page.inner_text("#comments")
    assert township.page.locator("#form-decide").count() == 1
    township.context.close()
