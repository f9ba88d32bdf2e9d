"""常用意见 in the console: the account page's section (add, refuse in Chinese, delete, the examples on
request), and the picker in the task page's opinion boxes, with JavaScript (the vendored script) and without
(the chosen text is the opinion when the box is empty)."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from service.extensions import db
from service.models import ApprovalAction
from tests.support.console import Console
from tests.support.establishment import submitted_cases
from tests.support.world import Api, World
from workflows.opinions import EXAMPLES

ME = "approver@east_t1"


def test_the_account_page_adds_refuses_and_deletes(app: Flask, console: Console, api: Api) -> None:
    page = console.get("/account", as_=ME).get_data(as_text=True)
    assert "常用意见" in page and 'id="no-opinions"' in page and "添加常用意见示例" in page
    res = console.post("/account/opinions", as_=ME, data={"text": "同意。"})
    assert res.status_code == 302
    assert [o["text"] for o in api.get("/api/v1/me/opinions", as_=ME).json] == ["同意。"]
    again = console.post("/account/opinions", as_=ME, data={"text": "同意。"})
    assert again.status_code == 422
    assert "该常用意见已保存" in again.get_data(as_text=True)
    long = console.post("/account/opinions", as_=ME, data={"text": "意" * 201})
    assert long.status_code == 422
    text = long.get_data(as_text=True)
    assert "常用意见不能超过200个字" in text and "意" * 201 in text  # what was typed is kept
    ident = api.get("/api/v1/me/opinions", as_=ME).json[0]["id"]
    assert console.post(f"/account/opinions/{ident}/delete", as_=ME).status_code == 302
    assert api.get("/api/v1/me/opinions", as_=ME).json == []


def test_examples_are_added_only_on_request(app: Flask, console: Console, api: Api) -> None:
    console.get("/account", as_=ME)
    assert api.get("/api/v1/me/opinions", as_=ME).json == []  # nothing created unasked
    assert console.post("/account/opinions/examples", as_=ME).status_code == 302
    assert [o["text"] for o in api.get("/api/v1/me/opinions", as_=ME).json] == list(EXAMPLES)
    page = console.get("/account", as_=ME).get_data(as_text=True)
    assert 'id="form-opinion-examples"' not in page  # all added: the offer is gone
    console.post("/account/opinions/examples", as_=ME)
    assert len(api.get("/api/v1/me/opinions", as_=ME).json) == len(EXAMPLES)  # twice adds nothing


def test_another_users_opinion_cannot_be_deleted_from_the_console(console: Console, api: Api) -> None:
    theirs = api.post("/api/v1/me/opinions", as_="approver@west_t1", json={"text": "同意。"}).json
    res = console.post(f"/account/opinions/{theirs['id']}/delete", as_=ME)
    assert res.status_code == 404
    assert [o["text"] for o in api.get("/api/v1/me/opinions", as_="approver@west_t1").json] == ["同意。"]


def _task(app: Flask, world: World, api: Api) -> int:
    case_id = submitted_cases(app, world, 1)[0]
    res = api.get("/api/v1/tasks/inbox?workflow=establishment", as_=ME)
    return next(t["id"] for t in res.json if t["subject_id"] == case_id)


def test_the_task_page_offers_my_opinions_in_every_opinion_box(
    app: Flask, console: Console, api: Api, world: World
) -> None:
    task = _task(app, world, api)
    page = console.get(f"/tasks/{task}", as_=ME).get_data(as_text=True)
    assert 'name="saved_opinion"' not in page and "设置常用意见" in page  # none saved: a link to set them
    api.post("/api/v1/me/opinions", as_=ME, json={"text": "同意。"})
    api.post("/api/v1/me/opinions", as_=ME, json={"text": "请补充党员名册。"})
    api.post("/api/v1/me/opinions", as_="approver@west_t1", json={"text": "别人的意见"})
    console.post(f"/tasks/{task}/claim", as_=ME)
    page = console.get(f"/tasks/{task}", as_=ME).get_data(as_text=True)
    assert "console/opinion_picker.js" in page
    for box in ("decide-comment", "comment-comment"):
        assert f'data-opinion-for="{box}"' in page, box
        assert f'id="{box}"' in page
    assert '<option value="请补充党员名册。"' in page and "别人的意见" not in page
    # the case page (no task) shows no opinion boxes, so no picker
    assert 'name="saved_opinion"' not in console.get(f"/cases/{_case_of(api, task)}", as_=ME).get_data(as_text=True)


def _case_of(api: Api, task: int) -> int:
    return int(api.get(f"/api/v1/tasks/{task}", as_=ME).json["subject_id"])


def test_without_javascript_the_chosen_opinion_is_used_when_the_box_is_empty(
    app: Flask, console: Console, api: Api, world: World
) -> None:
    task = _task(app, world, api)
    api.post("/api/v1/me/opinions", as_=ME, json={"text": "请补充党员名册。"})
    res = console.post(f"/tasks/{task}/comment", as_=ME, data={"comment": "", "saved_opinion": "请补充党员名册。"})
    assert res.status_code == 302, res.get_data(as_text=True)[:500]
    # a typed opinion wins over the choice
    res = console.post(
        f"/tasks/{task}/comment", as_=ME, data={"comment": "我自己写的", "saved_opinion": "请补充党员名册。"}
    )
    assert res.status_code == 302
    with app.app_context():
        comments = list(
            db.session.execute(
                select(ApprovalAction.comment).where(ApprovalAction.task_id == task, ApprovalAction.action == "comment")
            ).scalars()
        )
    assert comments == ["请补充党员名册。", "我自己写的"]
    # neither typed nor chosen: the field's Chinese message, as before
    empty = console.post(f"/tasks/{task}/comment", as_=ME, data={"comment": "", "saved_opinion": ""})
    assert empty.status_code == 422
