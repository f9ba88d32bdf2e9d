"""退回 to an earlier approval level: the county sends a primary committee's request back to the superior review
(not to the applicant). The rule at its edges, then through the API and the console: a new review step opens
(same body, fresh tasks), the reason is recorded and shown, and the county's level opens again after it."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from tests.support.console import Console
from tests.support.establishment import (
    TASKS,
    approve_level,
    assert_error,
    audit_actions,
    decide,
    get_case,
    make_unit,
    new_case,
    route,
    submit,
    submitted_branch,
    task_for,
    tasks_for,
    write_fingerprint,
)
from tests.support.world import Api, World
from workflows import approval as engine
from workflows.approval import Action, StepStatus
from workflows.errors import Conflict, RuleViolation

A, B, COUNTY = "approver@east_t1", "approver2@east_t1", "approver@east"
REVIEW = (0, "superior_review")

# -- the rule ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["countersign", "any_one", "sequential", "committee_vote"])
def test_returning_closes_the_step_as_returned(mode: str) -> None:
    out = engine.return_to(engine.new_step(mode, ["a", "b"]), "a", level=1, target=REVIEW, comment="人数有误")
    assert out.status is StepStatus.RETURNED and out.decided
    assert out.step.decisions[-1].action is Action.RETURN_TO and out.step.decisions[-1].to_level == "superior_review"


@pytest.mark.parametrize(
    ("mode", "actor", "level", "target", "comment", "error", "code"),
    [
        ("any_one", "a", 0, (0, "superior_review"), "x", RuleViolation, "not_an_earlier_level"),  # the first level
        ("any_one", "a", 1, (1, "county_approval"), "x", RuleViolation, "not_an_earlier_level"),  # its own level
        ("any_one", "a", 1, None, "x", RuleViolation, "unknown_level"),  # a level the case never passed
        ("any_one", "a", 1, REVIEW, "  ", RuleViolation, "reason_required"),
        ("any_one", "z", 1, REVIEW, "x", RuleViolation, "not_an_approver"),
        ("sequential", "b", 1, REVIEW, "x", Conflict, "not_your_turn"),
    ],
)
def test_return_to_refusals(
    mode: str,
    actor: str,
    level: int,
    target: Any,
    comment: str,
    error: type[Exception],
    code: str,
) -> None:
    with pytest.raises(error) as caught:
        engine.return_to(engine.new_step(mode, ["a", "b"]), actor, level=level, target=target, comment=comment)
    assert getattr(caught.value, "code", None) == code


def test_a_decided_step_or_approver_cannot_return() -> None:
    step = engine.decide(engine.new_step("countersign", ["a", "b"]), "a", Action.APPROVE).step
    with pytest.raises(Conflict) as caught:
        engine.return_to(step, "a", level=1, target=REVIEW, comment="x")
    assert caught.value.code == "approver_already_decided"
    closed = engine.decide(engine.new_step("any_one", ["a", "b"]), "a", Action.APPROVE).step
    with pytest.raises(Conflict) as caught:
        engine.return_to(closed, "b", level=1, target=REVIEW, comment="x")
    assert caught.value.code == "step_already_decided"


# -- through the API ---------------------------------------------------------------------------------------------


def _at_county(api: Api) -> int:
    """A primary committee request reviewed by east_t1 (countersign A, B) and now at the county."""
    route(api, "east_t1", "countersign", [A, B], level="superior_review")
    unit = make_unit(api, formal_members=100, employees=400)
    cid = int(new_case(api, [unit["id"]], "primary_committee")["id"])
    submit(api, cid)
    for who in (A, B):
        assert decide(api, task_for(api, who, cid)["id"], who).status_code == 200
    return cid


def _return_to(api: Api, task: int, user: str, level: str = "superior_review", reason: str = "党员人数需复核") -> Any:
    return api.post(f"{TASKS}/{task}/return-to", as_=user, json={"level_name": level, "reason": reason})


def test_return_to_the_review_then_on_to_the_county_again(app: Flask, api: Api, colleagues: World) -> None:
    cid = _at_county(api)
    county = task_for(api, COUNTY, cid)["id"]
    r = _return_to(api, county, COUNTY)
    assert r.status_code == 200, r.json
    assert r.json["status"] == "done" and r.json["outcome"] == "return_to" and r.json["comment"] == "党员人数需复核"
    case = get_case(api, cid)
    assert case["state"] == "submitted"
    assert [(s["level_name"], s["status"]) for s in case["steps"]] == [
        ("superior_review", "approved"),
        ("county_approval", "returned"),
        ("superior_review", "pending"),
    ]
    assert tasks_for(api, COUNTY, cid) == []
    again = {who: task_for(api, who, cid)["id"] for who in (A, B)}  # fresh tasks at the review
    assert set(again.values()).isdisjoint({t["id"] for t in case["steps"][0]["tasks"]})
    history = case["history"]
    assert any(h["action"] == "task.return_to" and h["comment"] == "党员人数需复核" for h in history)
    assert "task.return_to" in audit_actions(api, cid)

    for who in (A, B):
        assert decide(api, again[who], who).status_code == 200
    approve_level(api, cid, COUNTY)  # the county's level opens again, and decides
    case = get_case(api, cid)
    assert case["state"] == "approved"
    assert [s["status"] for s in case["steps"]] == ["approved", "returned", "approved", "approved"]


def test_return_to_refusals_change_nothing(app: Flask, api: Api, colleagues: World) -> None:
    cid = _at_county(api)
    county = task_for(api, COUNTY, cid)["id"]
    before = write_fingerprint(app)
    assert_error(_return_to(api, county, COUNTY, level="county_approval"), 422, "not_an_earlier_level")
    assert_error(_return_to(api, county, COUNTY, level="superior_approval"), 422, "unknown_level")
    bad = api.post(f"{TASKS}/{county}/return-to", as_=COUNTY, json={"level_name": "nowhere", "reason": ""})
    assert bad.status_code == 422 and set(bad.json["errors"]["json"]) == {"level_name", "reason"}
    assert_error(_return_to(api, county, A), 403, "forbidden")  # not the county's approver
    assert write_fingerprint(app) == before
    # a one-level request has nowhere earlier to go
    branch = submitted_branch(api)["id"]
    task = task_for(api, A, branch)["id"]
    assert_error(_return_to(api, task, A), 422, "unknown_level")


# -- the console -----------------------------------------------------------------------------------------------


def test_return_to_through_the_console(api: Api, colleagues: World, console: Console) -> None:
    cid = _at_county(api)
    county = task_for(api, COUNTY, cid)["id"]
    page = console.get(f"/tasks/{county}", as_=COUNTY).get_data(as_text=True)
    assert 'id="form-return_to"' in page and '<option value="superior_review"' in page
    review_page = console.get(f"/tasks/{task_for(api, A, cid)['id']}", as_=A) if tasks_for(api, A, cid) else None
    assert review_page is None  # the review is done: nothing of A's is open
    refused = console.post(f"/tasks/{county}/return-to", as_=COUNTY, data={"level_name": "superior_review"})
    assert refused.status_code == 422 and 'id="form-return_to"' in refused.get_data(as_text=True)
    res = console.post(
        f"/tasks/{county}/return-to", as_=COUNTY, data={"level_name": "superior_review", "reason": "党员人数需复核"}
    )
    assert res.status_code == 302 and res.headers["Location"] == "/inbox"
    page = console.get(f"/cases/{cid}", as_=COUNTY).get_data(as_text=True)
    assert "退回至此前环节" in page.split('id="history"')[1]
    assert "党员人数需复核" in page.split('id="comments"')[1]
