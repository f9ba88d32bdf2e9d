"""The approvers' pages through the test client: 待办 with filters and lights, the case page with only the
actions allowed now, deciding, a conflict shown plainly with the new state, 已办 and its API, and a fixed
number of SQL statements per page whatever the number of rows (no N+1)."""

from __future__ import annotations

from typing import Any

from flask import Flask

from service.auth import system_actor
from service.extensions import db
from service.inputs import NewUser
from service.operations.reference import users
from tests.support.console import Console
from tests.support.database import statements
from tests.support.establishment import submitted_cases
from tests.support.world import Api, World

TODAY = "2026-09-25"


def _count(app: Flask, console: Console, path: str, who: str) -> int:
    with statements(app) as seen:
        res = console.get(path, as_=who)
    assert res.status_code == 200, res.get_data(as_text=True)[:500]
    return len(seen)


def test_no_n_plus_one_on_any_page(app: Flask, console: Console, world: World) -> None:
    who = "approver@east_t1"
    console.as_(who)
    first = submitted_cases(app, world, 2)
    small = {p: _count(app, console, p, who) for p in ("/inbox", "/done", "/notifications")}
    case_small = _count(app, console, f"/cases/{first[0]}", who)
    submitted_cases(app, world, 15)
    big = {p: _count(app, console, p, who) for p in ("/inbox", "/done", "/notifications")}
    assert big == small, (small, big)
    assert max(big.values()) <= 14, big
    # The case page's statements are fixed whatever the rows (== case_small); the bound is what it reads: the
    # case, its steps, tasks and actions, people by name, its documents, attachments (附件) and the colleagues it
    # may be copied (抄送) or consulted (委派) to — one statement each.
    assert _count(app, console, f"/cases/{first[0]}", who) == case_small <= 28
    page = console.get("/inbox", as_=who).get_data(as_text=True)
    assert page.count('data-task="') == 17
    assert 'id="open-count">17<' in page


def test_inbox_filters_and_lights(app: Flask, console: Console, world: World) -> None:
    submitted_cases(app, world, 2)
    who = "approver@east_t1"
    page = console.get("/inbox", as_=who).get_data(as_text=True)
    assert page.count('data-task="') == 2 and "绿灯" in page  # due in a month: green
    assert console.get("/inbox?light=red", as_=who).get_data(as_text=True).count('data-task="') == 0
    assert console.get("/inbox?light=green", as_=who).get_data(as_text=True).count('data-task="') == 2
    west = console.get(f"/inbox?body={world.ids['east_t2']}", as_=who)
    assert west.status_code == 404  # a body outside my scope, as the API's filters answer
    assert console.get("/inbox?light=bogus&page=abc", as_=who).status_code == 200


def test_the_case_page_offers_only_what_this_user_may_do(app: Flask, console: Console, world: World) -> None:
    case_id = submitted_cases(app, world, 1)[0]
    task = _task_of(console, case_id, "approver@east_t1")
    approver = console.get(f"/tasks/{task}", as_="approver@east_t1").get_data(as_text=True)
    # the default mode at this level is a committee vote: vote or return, nothing else
    assert 'id="form-vote"' in approver and 'data-action="return"' in approver
    assert 'data-action="approve"' not in approver and 'id="form-found"' not in approver
    assert "正式党员3名" in approver and "党支部" in approver
    assert "请从" in console.get(f"/cases/{case_id}", as_="approver@east_t1").get_data(as_text=True)
    above = console.get(f"/tasks/{task}", as_="approver@east").get_data(as_text=True)
    assert 'id="no-actions"' in above  # in scope, but not a candidate of this step
    handler = console.get(f"/cases/{case_id}", as_="handler@east_t1").get_data(as_text=True)
    assert 'id="no-actions"' in handler


def _task_of(console: Console, case_id: int, who: str) -> int:
    page = console.get("/inbox", as_=who).get_data(as_text=True)
    import re

    ids = re.findall(r'data-task="(\d+)"', page)
    assert ids, page[:500]
    return int(ids[0])


def test_decide_then_a_second_approver_sees_the_conflict(app: Flask, console: Console, world: World) -> None:
    actor = system_actor("test")
    with app.app_context():
        other = users.create(
            actor,
            NewUser(
                username="second.east_t1",
                display_name="第二审批人",
                role="approver",
                jurisdiction_id=world.ids["east_t1"],
            ),
        )
        world.users["second@east_t1"] = other.id
        db.session.remove()
    case_id = submitted_cases(app, world, 1)[0]
    task = _task_of(console, case_id, "approver@east_t1")
    # both open the page; the first records the committee's vote
    assert console.get(f"/tasks/{task}", as_="second@east_t1").status_code == 200
    vote = {"members": "7", "present": "6", "votes_for": "6", "votes_against": "0", "meeting_on": TODAY}
    bad = console.post(f"/tasks/{task}/vote", as_="approver@east_t1", data={**vote, "present": "3"})
    assert bad.status_code == 422 and "field-error" in bad.get_data(as_text=True)
    ok = console.post(
        f"/tasks/{task}/vote", as_="approver@east_t1", data={**vote, "approval_doc_no": "东一委复〔2026〕9号"}
    )
    assert ok.status_code == 302 and ok.headers["Location"] == "/inbox"
    assert "已录入表决结果" in console.get("/inbox", as_="approver@east_t1").get_data(as_text=True)
    late = console.post(
        f"/tasks/{task}/vote", as_="second@east_t1", data={**vote, "approval_doc_no": "东一委复〔2026〕9号"}
    )
    text = late.get_data(as_text=True)
    assert late.status_code == 409
    assert 'id="conflict"' in text and "已批复" in text and "Traceback" not in text
    # the approver sees it in 已办, the API too
    done = console.get("/done", as_="approver@east_t1").get_data(as_text=True)
    assert "测试党支部east_t10" in done and "同意" in done
    api = Api(app.test_client(), world)
    rows = api.get("/api/v1/tasks/done?workflow=establishment", as_="approver@east_t1").json
    assert [r["action"] for r in rows] == ["task.approve"] and rows[0]["subject_id"] == case_id
    assert api.get("/api/v1/tasks/done?date_from=2026-09-26", as_="approver@east_t1").json == []
    assert api.get("/api/v1/tasks/done", as_="approver@east_t1").headers["X-Pagination"]
    # the founding, from the case page, returns there with the new state
    found = console.post(
        f"/cases/{case_id}/found",
        as_="approver@east_t1",
        data={"held_on": TODAY, "entitled": "3", "present": "3", "secretary": "王书记", "elected": "王书记 3"},
    )
    assert found.status_code == 302
    assert "已成立" in console.get(f"/cases/{case_id}", as_="approver@east_t1").get_data(as_text=True)


def test_error_pages_are_chinese_html_and_the_api_keeps_json(client: Any, console: Console) -> None:
    page = console.get("/no-such-page", as_="approver@east_t1")
    assert page.status_code == 404 and "页面不存在" in page.get_data(as_text=True)
    assert page.content_type.startswith("text/html")
    api = client.get("/api/v1/no-such-thing")
    assert api.status_code == 401 and api.is_json
    assert client.get("/api").is_json
