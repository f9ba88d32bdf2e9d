"""组织调整 in the console (server-rendered): the list, a case's page and its forms — every API refusal shown beside
its input, what was typed kept — the approvers' task page reached from 待办, and the upgrade-eligible list."""

from __future__ import annotations

import re

from flask import Flask

from tests.support.adjustment import (
    DOC_NO,
    deregistered_case,
    open_task,
    org_row,
    org_with_units,
    submitted,
)
from tests.support.console import Console
from tests.support.world import Api, World

ENGLISH = re.compile(r"[A-Za-z]{4,}")


def _text(html: str) -> str:
    """The page's visible text of <main> (no tags, no attribute values) but the history, whose people are the
    test city's (display names such as handler@east_t1)."""
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    main = re.sub(r'<section class="card" id="history">.*?</section>', "", main, flags=re.S)
    main = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", main, flags=re.S)
    return re.sub(r"<[^>]+>", " ", main.split(">", 1)[1])


def _no_english(html: str) -> None:
    assert not ENGLISH.findall(_text(html)), ENGLISH.findall(_text(html))


def test_the_list_and_a_case_page_in_chinese(app: Flask, api: Api, world: World, console: Console) -> None:
    case = deregistered_case(api, app, world.ids["east_t1"])
    page = console.get("/adjustments", as_="handler@east_t1")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert f'data-case="{case["id"]}"' in html and "单位注销" in html and "正在办理的组织调整：1件" in html
    _no_english(html)
    page = console.get(f"/adjustments/{case['id']}", as_="handler@east_t1")
    html = page.get_data(as_text=True)
    assert 'data-state="proposed"' in html and "报上级审批" in html and "立案" in html
    assert "admin@city" in html and "admin.city" not in html  # people by display name, never a username
    _no_english(html)
    # Outside the scope the case does not exist; a portal has no such page.
    assert console.get(f"/adjustments/{case['id']}", as_="handler@west_t1").status_code == 404
    assert console.get("/adjustments", as_="portal@east_t1").status_code == 403


def test_a_refused_submission_keeps_what_was_typed(app: Flask, api: Api, world: World, console: Console) -> None:
    case = deregistered_case(api, app, world.ids["east_t1"])
    page = console.post(
        f"/adjustments/{case['id']}/submit", as_="handler@east_t1", data={"action": "change_form", "note": "请变更"}
    )
    assert page.status_code == 422
    html = page.get_data(as_text=True)
    assert 'data-field="proposed_form"' in html and "变更组织形式须写明拟变更的组织形式" in html
    assert ">请变更</textarea>" in html and '<option value="change_form" selected' in html
    page = console.post(f"/adjustments/{case['id']}/cancel", as_="handler@east_t1", data={"reason": ""})
    assert page.status_code == 422 and 'data-field="reason"' in page.get_data(as_text=True)
    # Nothing changed: the case is still waiting to be submitted.
    assert api.get(f"/api/v1/adjustment-cases/{case['id']}", as_="admin@city").json["state"] == "proposed"
    page = console.post(f"/adjustments/{case['id']}/submit", as_="handler@east_t1", data={"note": "单位已注销"})
    assert page.status_code == 302
    again = console.post(f"/adjustments/{case['id']}/submit", as_="handler@east_t1", data={})
    assert again.status_code == 409 and 'id="conflict"' in again.get_data(as_text=True)


def test_the_approver_decides_from_the_task_page(app: Flask, api: Api, world: World, console: Console) -> None:
    case = deregistered_case(api, app, world.ids["east_t1"])
    submitted(api, case["id"])
    task = open_task(app, case["id"])
    inbox = console.get("/inbox", as_="approver@east_t1").get_data(as_text=True)
    assert f"/tasks/{task}" in inbox and "组织调整·撤销" in inbox
    # The shared task address leads to this workflow's own task page.
    moved = console.get(f"/tasks/{task}", as_="approver@east_t1")
    assert moved.status_code == 302 and moved.headers["Location"].endswith(f"/adjustments/tasks/{task}")
    page = console.get(f"/adjustments/tasks/{task}", as_="approver@east_t1").get_data(as_text=True)
    assert 'id="decide"' in page and "集体表决" in page
    _no_english(page)
    tally = {"action": "approve", "members": "9", "present": "7", "votes_for": "6", "votes_against": "1"}
    refused = console.post(
        f"/adjustments/tasks/{task}/decide", as_="approver@east_t1", data={**tally, "comment": "同意撤销"}
    )
    assert refused.status_code == 422
    html = refused.get_data(as_text=True)
    assert 'data-field="approval_doc_no"' in html and ">同意撤销</textarea>" in html and 'value="6"' in html
    assert org_row(app, case["party_org"]["id"])[0] == "active"
    done = console.post(
        f"/adjustments/tasks/{task}/decide", as_="approver@east_t1", data={**tally, "approval_doc_no": DOC_NO}
    )
    assert done.status_code == 302
    assert org_row(app, case["party_org"]["id"])[0] == "dissolved"
    page = console.get(f"/adjustments/{case['id']}", as_="handler@east_t1").get_data(as_text=True)
    assert 'data-state="applied"' in page and DOC_NO in page
    # 已办 names the workflow in words and leads to the case, not to a ticket of the same number.
    done_page = console.get("/done", as_="approver@east_t1").get_data(as_text=True)
    assert f'<a href="/adjustments/{case["id"]}">第{case["id"]}号</a>' in done_page and ">组织调整<" in done_page
    assert not {"adjustment", "election"} & set(ENGLISH.findall(_text(done_page)))
    assert '<option value="adjustment"' in done_page


def test_the_upgrade_eligible_list(app: Flask, api: Api, world: World, console: Console) -> None:
    _, (up,) = org_with_units(app, world.ids["east_t1"], "branch", [51])
    _, (stays,) = org_with_units(app, world.ids["east_t1"], "branch", [50])
    html = console.get("/adjustments/upgrade-eligible", as_="handler@east_t1").get_data(as_text=True)
    assert f'data-unit="{up}"' in html and f'data-unit="{stays}"' not in html and "51名" in html
    _no_english(html)


def test_the_board_counts_open_adjustments_at_once(app: Flask, api: Api, world: World, console: Console) -> None:
    def counted(who: str) -> str:
        html = console.get("/board", as_=who).get_data(as_text=True)
        return html.split('id="open-adjustments"', 1)[1].split("</p>", 1)[0]

    assert "0件" in counted("supervisor@east")
    case = deregistered_case(api, app, world.ids["east_t1"])
    assert "1件" in counted("supervisor@east") and "0件" in counted("supervisor@west_t1")
    api.post(f"/api/v1/adjustment-cases/{case['id']}/cancel", json={"reason": "误报"}, as_="handler@east_t1")
    assert "0件" in counted("supervisor@east")


def test_the_opening_notification_leads_to_the_case(app: Flask, api: Api, world: World, console: Console) -> None:
    case = deregistered_case(api, app, world.ids["east_t1"])
    page = console.get("/notifications", as_="handler@east_t1").get_data(as_text=True)
    assert "组织调整：" in page and "请报上级审批" in page
    assert f"/adjustments/{case['id']}" in page or "/notifications/" in page
