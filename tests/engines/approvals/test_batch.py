"""批量审批 through the API (POST /api/v1/tasks/batch): each task on its own through the one decision path, the
answer per task in the order asked — done, conflict (naming who acted), refused (a rule, or not_found for a
task out of scope) — never a half-decided case, each decision audited once; the batch as a whole refused
with 422 (too many, repeated or no ids) before anything is decided; and the urge count on the task."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from service.clock import FixedClock
from service.extensions import db
from service.models import ApprovalStep
from tests.support.database import statements
from tests.support.establishment import (
    TASKS,
    audit_actions,
    decide,
    get_case,
    make_unit,
    new_case,
    route,
    submit,
    submitted_branch,
    task_for,
    write_fingerprint,
)
from tests.support.supervision import move
from tests.support.world import Api, World

A, B = "approver@east_t1", "approver2@east_t1"
BATCH = f"{TASKS}/batch"


def committee_request(api: Api, place: str = "east_t1", as_: str = "portal@east") -> int:
    """A primary committee request, submitted: its first level (superior review, any-one) may be batched."""
    unit = make_unit(api, place, as_=as_, formal_members=100, employees=400)
    case_id = int(new_case(api, [unit["id"]], "primary_committee", as_=as_)["id"])
    submit(api, case_id, as_=as_)
    return case_id


def steps_of(app: Flask, case_id: int) -> list[tuple[str, str]]:
    with app.app_context():
        rows = db.session.execute(
            select(ApprovalStep.level_name, ApprovalStep.status)
            .where(ApprovalStep.workflow == "establishment", ApprovalStep.subject_id == case_id)
            .order_by(ApprovalStep.id)
        ).all()
        db.session.remove()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def batch(api: Api, body: dict[str, Any], as_: str = A) -> Any:
    return api.post(BATCH, as_=as_, json=body)


def by_task(res: Any) -> dict[int, dict[str, Any]]:
    assert res.status_code == 200, res.json
    return {r["task_id"]: r for r in res.json["results"]}


def test_a_mixed_batch_answers_each_task_and_leaves_no_case_half_decided(
    api: Api, app: Flask, colleagues: World
) -> None:
    done_cases = [committee_request(api), committee_request(api)]
    taken_case = committee_request(api)
    west_case = committee_request(api, "west_t1", as_="portal@west_t1")
    committee_case = submitted_branch(api)["id"]  # superior approval: a committee vote by default
    route(api, "east_t1", "any_one")
    reply_case = submitted_branch(api)["id"]  # superior approval, any-one: approving issues the reply
    done = [task_for(api, A, c)["id"] for c in done_cases]
    taken = task_for(api, A, taken_case)["id"]
    assert decide(api, taken, B).status_code == 200  # a colleague decided it first
    west = task_for(api, "approver@west_t1", west_case)["id"]
    committee = task_for(api, A, committee_case)["id"]
    reply = task_for(api, A, reply_case)["id"]
    asked = [done[0], taken, west, 999_999, committee, reply, done[1]]

    res = batch(api, {"action": "approve", "task_ids": asked, "comment": "同意"})

    assert [r["task_id"] for r in res.json["results"]] == asked  # the order asked
    assert res.json["done"] == 2 and res.json["action"] == "approve"
    got = by_task(res)
    for t, case_id in zip(done, done_cases, strict=True):
        assert got[t]["result"] == "done"
        assert (got[t]["task_status"], got[t]["step_status"]) == ("done", "approved")
        assert (got[t]["subject_id"], got[t]["subject_state"]) == (case_id, "submitted")
        assert got[t]["subject_state_label"] and got[t]["subject_title"]
    assert got[taken]["result"] == "conflict" and got[taken]["code"] == "step_already_decided"
    assert got[taken]["acted_by"] == "approver2@east_t1"  # the display name
    # out of scope and missing alike: nothing said about the other body's task
    for t in (west, 999_999):
        assert got[t] == {**got[999_999], "task_id": t}
        assert (got[t]["result"], got[t]["code"]) == ("refused", "not_found")
        assert got[t]["subject_id"] is None and got[t]["subject_title"] is None
    assert (got[committee]["result"], got[committee]["code"], got[committee]["field"]) == (
        "refused",
        "batch_committee_vote",
        "action",
    )
    assert (got[committee]["subject_id"], got[committee]["task_status"]) == (committee_case, "open")  # in scope
    assert (got[reply]["result"], got[reply]["code"], got[reply]["field"]) == (
        "refused",
        "batch_needs_reply",
        "approval_doc_no",
    )

    # no case half-decided: the done ones moved on to the county, the refused ones untouched
    for case_id in done_cases:
        assert steps_of(app, case_id) == [("superior_review", "approved"), ("county_approval", "pending")]
        assert audit_actions(api, case_id).count("task.approve") == 1  # audited once
    for case_id in (committee_case, reply_case):
        assert steps_of(app, case_id) == [("superior_approval", "pending")]
        assert get_case(api, case_id)["state"] == "submitted"
        assert "task.approve" not in audit_actions(api, case_id)
    assert steps_of(app, west_case) == [("superior_review", "pending")]
    assert audit_actions(api, taken_case).count("task.approve") == 1  # the colleague's only


def test_a_batch_return_needs_a_reason_per_task(api: Api, app: Flask, world: World) -> None:
    reasoned, bare = committee_request(api), committee_request(api)
    t1, t2 = task_for(api, A, reasoned)["id"], task_for(api, A, bare)["id"]

    res = batch(api, {"action": "return", "task_ids": [t1, t2], "comments": {str(t1): "请补充党员名册"}})

    got = by_task(res)
    assert got[t1]["result"] == "done" and got[t1]["step_status"] == "returned"
    assert get_case(api, reasoned)["state"] == got[t1]["subject_state"] != "submitted"
    assert get_case(api, reasoned)["return_reason"] == "请补充党员名册"
    assert (got[t2]["result"], got[t2]["code"], got[t2]["field"]) == ("refused", "reason_required", "comment")
    assert "退回" in got[t2]["message"]
    assert steps_of(app, bare) == [("superior_review", "pending")]
    assert audit_actions(api, reasoned).count("task.return") == 1
    assert "task.return" not in audit_actions(api, bare)


def test_a_committee_step_may_be_returned_in_a_batch(api: Api) -> None:
    case_id = submitted_branch(api)["id"]
    task = task_for(api, A, case_id)["id"]
    got = by_task(batch(api, {"action": "return", "task_ids": [task], "comment": "材料不全"}))
    assert got[task]["result"] == "done" and got[task]["step_status"] == "returned"


@pytest.mark.parametrize(
    ("ids", "code"),
    [
        ([], "batch_empty"),
        (list(range(1, 52)), "batch_too_many"),
        ([1, 2, 1], "batch_duplicate_tasks"),
    ],
)
def test_the_batch_as_a_whole_is_refused_before_anything(api: Api, app: Flask, ids: list[int], code: str) -> None:
    committee_request(api)
    before = write_fingerprint(app)
    res = batch(api, {"action": "approve", "task_ids": ids, "comment": "同意"})
    assert res.status_code == 422, res.json
    assert res.json["code"] == code and "task_ids" in res.json["errors"]["json"]
    assert write_fingerprint(app) == before


def test_the_limit_is_a_setting(api: Api, app: Flask) -> None:
    app.config["SETTINGS"] = replace(app.config["SETTINGS"], batch_max_tasks=2)
    try:
        res = batch(api, {"action": "approve", "task_ids": [1, 2, 3]})
        assert res.status_code == 422 and res.json["detail"] == {"max_tasks": 2, "given": 3}
    finally:
        app.config["SETTINGS"] = replace(app.config["SETTINGS"], batch_max_tasks=50)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"action": "reject", "task_ids": [1], "comment": "不同意"}, "action"),
        ({"action": "approve"}, "task_ids"),
        ({"action": "approve", "task_ids": ["x"]}, "task_ids"),
        ({"action": "approve", "task_ids": [1], "comments": {"abc": "意见"}}, "comments"),
        ({"action": "approve", "task_ids": [1], "comments": {"2": "意见"}}, "comments"),
        ({"action": "approve", "task_ids": [1], "unknown": 1}, "unknown"),
    ],
)
def test_bad_bodies_are_refused_by_field(api: Api, body: dict[str, Any], field: str) -> None:
    res = batch(api, body)
    assert res.status_code == 422, res.json
    assert field in res.json["errors"]["json"], res.json


def test_only_deciders_batch(api: Api) -> None:
    res = batch(api, {"action": "approve", "task_ids": [1]}, as_="portal@east")
    assert res.status_code == 403


def test_the_task_shows_how_often_it_was_urged(api: Api, clock: FixedClock) -> None:
    case_id = submitted_branch(api)["id"]
    task = task_for(api, A, case_id)
    assert (task["urge_count"], task["last_urged_at"]) == (0, None)
    move(clock, date(2026, 11, 3))
    assert api.post(f"{TASKS}/{task['id']}/urge", as_="portal@east", json={}).status_code == 201
    move(clock, date(2026, 11, 4))
    assert api.post(f"{TASKS}/{task['id']}/urge", as_="supervisor@east", json={}).status_code == 201
    again = task_for(api, A, case_id)
    assert again["urge_count"] == 2 and again["last_urged_at"].startswith("2026-11-0")
    assert again["offered_to_group"] is True  # the same statement still says so
    one = api.get(f"{TASKS}/{task['id']}", as_=A).json
    assert one["urge_count"] == 2 and one["last_urged_at"] == again["last_urged_at"]


def test_the_openapi_document_describes_the_batch(client: FlaskClient) -> None:
    doc = client.get("/api/openapi.json").json
    op = doc["paths"]["/api/v1/tasks/batch"]["post"]
    schemas = doc["components"]["schemas"]
    body = op["requestBody"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    assert set(schemas[body]["properties"]) == {"action", "task_ids", "comment", "comments"}
    assert schemas[body]["properties"]["action"]["enum"] == ["approve", "return"]
    answer = op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    assert set(schemas[answer]["properties"]) == {"action", "done", "results"}
    item = schemas[answer]["properties"]["results"]["items"]["$ref"].split("/")[-1]
    props = schemas[item]["properties"]
    assert props["result"]["enum"] == ["done", "conflict", "refused", "error"]
    assert {"task_id", "code", "message", "field", "task_status", "subject_state", "acted_by"} <= set(props)
    assert {"403", "422"} <= set(op["responses"])
    task = schemas["Task"]["properties"]
    assert task["urge_count"]["type"] == "integer" and task["last_urged_at"]["format"] == "date-time"


def test_a_batch_costs_a_decision_per_task_and_a_few_statements_more(api: Api, app: Flask) -> None:
    """No statement per task beyond its decision: describing the answer is a fixed few."""
    ids = [task_for(api, A, committee_request(api))["id"] for _ in range(7)]
    by_task(batch(api, {"action": "approve", "task_ids": ids[:1], "comment": "同意"}))  # warm caches
    counts = []
    for chunk in (ids[1:2], ids[2:4], ids[4:7]):
        with statements(app) as seen:
            by_task(batch(api, {"action": "approve", "task_ids": chunk, "comment": "同意"}))
        counts.append(len(seen))
    per_task = counts[1] - counts[0]
    assert counts[2] - counts[1] == per_task, counts  # linear: the same statements for every task
    # the batch's own: the token, the tasks, their cases, the names of who acted first
    assert counts[0] - per_task <= 5, counts
