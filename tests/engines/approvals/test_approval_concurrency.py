"""Simultaneous actions on one approval step (real threads, one test client each, released together by a
barrier): a claim is won once, a step closes once and moves the case once, never a 500."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import select

from service.extensions import db
from service.models import ApprovalStep
from tests.support.establishment import (
    DOC_NO,
    TASKS,
    audit_actions,
    decide,
    get_case,
    make_unit,
    new_case,
    race,
    route,
    submit,
    submitted_branch,
    task_for,
)
from tests.support.world import Api, World

A, B, C = "approver@east_t1", "approver2@east_t1", "approver3@east_t1"

# Real threads, each request on its own connection: real commits.
pytestmark = pytest.mark.commits


def steps_of(app: Flask, case_id: int) -> list[tuple[int, str, bool]]:
    with app.app_context():
        rows = db.session.execute(
            select(ApprovalStep)
            .where(ApprovalStep.workflow == "establishment", ApprovalStep.subject_id == case_id)
            .order_by(ApprovalStep.id)
        ).scalars()
        out = [(s.level, s.status, s.closed_at is not None) for s in rows]
        db.session.remove()
    return out


@pytest.mark.parametrize("round_", range(2))
def test_two_approvers_claim_the_same_group_task(api: Api, app: Flask, colleagues: World, round_: int) -> None:
    route(api, "east_t1", "any_one")
    cid = submitted_branch(api)["id"]
    task = task_for(api, A, cid)
    results = race(
        app, colleagues, [(A, f"{TASKS}/{task['id']}/claim", None), (B, f"{TASKS}/{task['id']}/claim", None)]
    )

    statuses = sorted(status for status, _ in results)
    assert statuses == [200, 409], results
    winner = next(body for status, body in results if status == 200)
    loser = next(body for status, body in results if status == 409)
    assert loser["code"] == "task_claimed"
    held = api.get(f"{TASKS}/{task['id']}", as_=A).json
    assert held["assignee_id"] == winner["assignee_id"]
    assert held["assignee_id"] in (colleagues.users[A], colleagues.users[B])
    assert audit_actions(api, cid).count("task.claim") == 1


def test_last_two_countersigners_at_the_same_instant(api: Api, app: Flask, colleagues: World) -> None:
    route(api, "east_t1", "countersign", [A, B, C])
    cid = submitted_branch(api)["id"]
    assert decide(api, task_for(api, A, cid)["id"], A).status_code == 200
    body = {"action": "approve", "approval_doc_no": DOC_NO}
    results = race(
        app,
        colleagues,
        [
            (B, f"{TASKS}/{task_for(api, B, cid)['id']}/decide", body),
            (C, f"{TASKS}/{task_for(api, C, cid)['id']}/decide", body),
        ],
    )

    oks = [r for r in results if r[0] == 200]
    assert oks, results
    assert all(r[1]["code"] == "step_already_decided" for r in results if r[0] == 409), results
    assert steps_of(app, cid) == [(0, "approved", True)]
    case = get_case(api, cid)
    assert case["state"] == "approved" and case["approval_doc_no"] == DOC_NO
    trail = audit_actions(api, cid)
    assert trail.count("establishment.approve") == 1
    assert trail.count("task.approve") == 1 + len(oks)


def test_closing_review_opens_the_next_level_once(api: Api, app: Flask, colleagues: World) -> None:
    route(api, "east_t1", "countersign", [A, B], level="superior_review")
    unit = make_unit(api, formal_members=100, employees=400)
    cid = new_case(api, [unit["id"]], "primary_committee")["id"]
    submit(api, cid)
    results = race(
        app,
        colleagues,
        [
            (A, f"{TASKS}/{task_for(api, A, cid)['id']}/decide", {"action": "approve"}),
            (B, f"{TASKS}/{task_for(api, B, cid)['id']}/decide", {"action": "approve"}),
        ],
    )

    assert [r[0] for r in results] == [200, 200], results
    assert steps_of(app, cid) == [(0, "approved", True), (1, "pending", False)]
    assert audit_actions(api, cid).count("approval_step.open") == 2
    county = task_for(api, "approver@east", cid)
    assert county["step"]["level_name"] == "county_approval"
    assert get_case(api, cid)["state"] == "submitted"


def test_two_deciders_on_an_any_one_task(api: Api, app: Flask, colleagues: World) -> None:
    route(api, "east_t1", "any_one")
    cid = submitted_branch(api)["id"]
    task = task_for(api, A, cid)
    url = f"{TASKS}/{task['id']}/decide"
    results = race(
        app,
        colleagues,
        [
            (A, url, {"action": "approve", "approval_doc_no": DOC_NO}),
            (B, url, {"action": "reject", "comment": "材料不全"}),
        ],
    )

    assert sorted(r[0] for r in results) == [200, 409], results
    loser = next(body for status, body in results if status == 409)
    assert loser["code"] in ("step_already_decided", "task_claimed")
    winner = next(i for i, r in enumerate(results) if r[0] == 200)
    expected_state, event = (
        ("approved", "establishment.approve") if winner == 0 else ("rejected", "establishment.reject")
    )
    case = get_case(api, cid)
    assert case["state"] == expected_state
    assert case["steps"][0]["tasks"][0]["assignee_id"] == colleagues.users[(A, B)[winner]]
    assert len(steps_of(app, cid)) == 1
    trail = audit_actions(api, cid)
    assert trail.count(event) == 1
    assert trail.count("establishment.approve") + trail.count("establishment.reject") == 1
