"""加签 / 减签 (add / remove approvers) on an open countersign, any-one or sequential step: the rule at its edges
(pure), then through the API: the added approvers' tasks and notices, a sequence's order (before / after me), the
last approver kept, a committee vote and a group-offered step refused, and nothing changed by a refusal."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from tests.support.console import Console
from tests.support.establishment import (
    DOC_NO,
    TASKS,
    assert_error,
    audit_actions,
    decide,
    get_case,
    route,
    submitted_branch,
    task_for,
    tasks_for,
    write_fingerprint,
)
from tests.support.webhooks import register
from tests.support.world import Api, World
from workflows import approval as engine
from workflows.approval import Action, StepStatus
from workflows.errors import Conflict, RuleViolation

A, B, C, D = "approver@east_t1", "approver2@east_t1", "approver3@east_t1", "approver4@east_t1"
ADD, REMOVE = Action.ADD_APPROVERS, Action.REMOVE_APPROVERS

# -- the rule ----------------------------------------------------------------------------------------------------


def _change(step: engine.StepState, actor: str, action: Action, people: list[str], **kw: Any) -> engine.StepState:
    return engine.change_approvers(step, actor, action, people, reason=kw.pop("reason", "需要"), **kw)


@pytest.mark.parametrize(
    ("mode", "placed", "approvers", "current"),
    [
        ("countersign", None, ("a", "b", "x", "y"), None),
        ("any_one", None, ("a", "b", "x", "y"), None),
        ("sequential", "after", ("a", "x", "y", "b"), "a"),
        ("sequential", None, ("a", "x", "y", "b"), "a"),  # after me by default
        ("sequential", "before", ("x", "y", "a", "b"), "x"),
    ],
)
def test_adding_places_the_new_approvers(
    mode: str, placed: str | None, approvers: tuple[str, ...], current: str
) -> None:
    step = _change(engine.new_step(mode, ["a", "b"]), "a", ADD, ["x", "y"], placed=placed)
    assert step.approvers == approvers and step.current == current
    assert step.status is StepStatus.PENDING
    assert step.decisions[-1].people == ("x", "y") and step.decisions[-1].comment == "需要"


def test_a_countersign_waits_for_the_added_approver() -> None:
    step = _change(engine.new_step("countersign", ["a", "b"]), "a", ADD, ["x"])
    step = engine.decide(engine.decide(step, "a", "approve").step, "b", "approve").step
    assert step.status is StepStatus.PENDING
    assert engine.decide(step, "x", "approve").status is StepStatus.APPROVED


def test_removing_an_approver_who_has_not_acted() -> None:
    step = engine.decide(engine.new_step("countersign", ["a", "b", "c"]), "b", "approve").step
    left = _change(step, "a", REMOVE, ["c"])
    assert left.approvers == ("a", "b") and left.status is StepStatus.PENDING
    assert engine.decide(left, "a", "approve").status is StepStatus.APPROVED
    # removing oneself is allowed while another approver is still to act
    assert _change(engine.new_step("any_one", ["a", "b"]), "a", REMOVE, ["a"]).approvers == ("b",)


@pytest.mark.parametrize(
    ("mode", "decided", "actor", "action", "people", "kw", "error", "code"),
    [
        ("committee_vote", [], "a", ADD, ["x"], {}, RuleViolation, "committee_vote_membership"),
        ("committee_vote", [], "a", REMOVE, ["b"], {}, RuleViolation, "committee_vote_membership"),
        ("countersign", [], "a", ADD, [], {}, RuleViolation, "approvers_required"),
        ("countersign", [], "a", ADD, ["x", "x"], {}, RuleViolation, "duplicate_approvers"),
        ("countersign", [], "a", ADD, ["x"], {"reason": " "}, RuleViolation, "reason_required"),
        ("countersign", [], "a", ADD, ["b"], {}, RuleViolation, "approver_already_on_step"),
        ("countersign", [], "a", ADD, ["a"], {}, RuleViolation, "approver_already_on_step"),
        ("countersign", [], "z", ADD, ["x"], {}, RuleViolation, "not_an_approver"),
        ("countersign", ["a"], "a", ADD, ["x"], {}, Conflict, "approver_already_decided"),
        ("sequential", [], "b", ADD, ["x"], {}, Conflict, "not_your_turn"),
        ("sequential", [], "a", ADD, ["x"], {"placed": "middle"}, RuleViolation, "unknown_position"),
        ("countersign", [], "a", REMOVE, ["x"], {}, RuleViolation, "not_on_step"),
        ("countersign", ["b"], "a", REMOVE, ["b"], {}, RuleViolation, "approver_has_acted"),
        # the last approver still to act is kept
        ("countersign", [], "a", REMOVE, ["a", "b"], {}, RuleViolation, "last_approver"),
        ("countersign", ["b"], "a", REMOVE, ["a"], {}, RuleViolation, "last_approver"),
        ("any_one", ["a"], "b", ADD, ["x"], {}, Conflict, "step_already_decided"),
    ],
)
def test_refusals(
    mode: str,
    decided: list[str],
    actor: str,
    action: Action,
    people: list[str],
    kw: dict[str, Any],
    error: type[Exception],
    code: str,
) -> None:
    step = engine.new_step(mode, ["a", "b"])
    for who in decided:
        step = engine.decide(step, who, "approve").step
    with pytest.raises(error) as caught:
        _change(step, actor, action, people, **kw)
    assert getattr(caught.value, "code", None) == code, caught.value


# -- through the API ---------------------------------------------------------------------------------------------


def _post(api: Api, task: int, user: str, what: str, ids: list[int], **kw: Any) -> Any:
    return api.post(f"{TASKS}/{task}/{what}", as_=user, json={"user_ids": ids, "reason": "需要分管领导把关", **kw})


def test_add_then_remove_through_the_api(app: Flask, api: Api, colleagues: World) -> None:
    u = colleagues.users
    hook = register(api, "portal@east_t1", "https://portal.example.org/hooks", ["task.assigned"])
    route(api, "east_t1", "countersign", [A, B])
    cid = submitted_branch(api)["id"]
    mine = task_for(api, A, cid)["id"]
    r = _post(api, mine, A, "add-approvers", [u[C], u[D]])
    assert r.status_code == 200, r.json
    assert task_for(api, C, cid)["status"] == "open" and task_for(api, D, cid)["status"] == "open"
    notes = api.get("/api/v1/notifications", as_=C).json
    assert any("加签" in n["title"] for n in notes)
    log = api.get(f"/api/v1/webhooks/{hook['id']}/deliveries", as_="portal@east_t1").json
    assert any(d["payload"]["data"]["assignee_ids"] == [u[C], u[D]] for d in log)

    r = _post(api, mine, A, "remove-approvers", [u[D]])
    assert r.status_code == 200, r.json
    assert tasks_for(api, D, cid) == []
    step = get_case(api, cid)["steps"][0]
    assert [(t["assignee_id"], t["status"]) for t in step["tasks"]] == [
        (u[A], "open"),
        (u[B], "open"),
        (u[C], "open"),
        (u[D], "cancelled"),
    ]
    for who in (A, B):
        assert decide(api, task_for(api, who, cid)["id"], who).status_code == 200
    assert get_case(api, cid)["state"] == "submitted"  # C, added, must approve too
    assert decide(api, task_for(api, C, cid)["id"], C, approval_doc_no=DOC_NO).status_code == 200
    assert get_case(api, cid)["state"] == "approved"
    actions = audit_actions(api, cid)
    assert "task.add_approvers" in actions and "task.remove_approvers" in actions


def test_sequential_before_me(api: Api, colleagues: World) -> None:
    u = colleagues.users
    route(api, "east_t1", "sequential", [A, B])
    cid = submitted_branch(api)["id"]
    mine = task_for(api, A, cid)["id"]
    assert _post(api, mine, A, "add-approvers", [u[C]], position="before").status_code == 200
    assert task_for(api, C, cid)["status"] == "open"
    assert tasks_for(api, A, cid) == []  # my task waits for C
    assert_error(decide(api, mine, A), 409, "not_your_turn")
    assert decide(api, task_for(api, C, cid)["id"], C).status_code == 200
    assert decide(api, mine, A).status_code == 200
    assert decide(api, task_for(api, B, cid)["id"], B, approval_doc_no=DOC_NO).status_code == 200
    assert get_case(api, cid)["state"] == "approved"


def test_sequential_remove_the_next_one(api: Api, colleagues: World) -> None:
    u = colleagues.users
    route(api, "east_t1", "sequential", [A, B, C])
    cid = submitted_branch(api)["id"]
    mine = task_for(api, A, cid)["id"]
    assert _post(api, mine, A, "remove-approvers", [u[B]]).status_code == 200
    assert decide(api, mine, A).status_code == 200
    assert tasks_for(api, B, cid) == [] and task_for(api, C, cid)["status"] == "open"


def test_refusals_change_nothing(app: Flask, api: Api, colleagues: World) -> None:
    u = colleagues.users
    route(api, "east_t1", "countersign", [A])
    cid = submitted_branch(api)["id"]
    mine = task_for(api, A, cid)["id"]
    before = write_fingerprint(app)
    assert_error(_post(api, mine, A, "remove-approvers", [u[A]]), 422, "last_approver")
    assert "至少须保留一名审批人" in _post(api, mine, A, "remove-approvers", [u[A]]).json["message"]
    assert_error(
        _post(api, mine, A, "add-approvers", [colleagues.users["approver@east"]]), 422, "approver_not_colleague"
    )
    assert_error(_post(api, mine, A, "add-approvers", [u["handler@east_t1"]]), 422, "approver_not_colleague")
    assert_error(_post(api, mine, B, "add-approvers", [u[C]]), 403, "forbidden")
    bad = api.post(f"{TASKS}/{mine}/add-approvers", as_=A, json={"user_ids": [], "reason": ""})
    assert bad.status_code == 422 and set(bad.json["errors"]["json"]) == {"user_ids", "reason"}
    assert write_fingerprint(app) == before


def test_a_committee_vote_and_a_group_offer_are_refused(app: Flask, api: Api, colleagues: World) -> None:
    u = colleagues.users
    cid = submitted_branch(api)["id"]  # committee_vote: offered to every approver of east_t1
    task = task_for(api, A, cid)["id"]
    before = write_fingerprint(app)
    assert_error(_post(api, task, A, "add-approvers", [u[C]]), 422, "step_offered_to_group")
    route(api, "east_t1", "committee_vote", [A, B])
    named = submitted_branch(api)["id"]
    assert_error(
        _post(api, task_for(api, A, named)["id"], A, "add-approvers", [u[C]]), 422, "committee_vote_membership"
    )
    assert_error(
        _post(api, task_for(api, A, named)["id"], A, "remove-approvers", [u[B]]), 422, "committee_vote_membership"
    )
    del before


# -- the console -----------------------------------------------------------------------------------------------


def test_add_and_remove_through_the_console(api: Api, colleagues: World, console: Console) -> None:
    u = colleagues.users
    route(api, "east_t1", "sequential", [A, B])
    cid = submitted_branch(api)["id"]
    mine = task_for(api, A, cid)["id"]
    page = console.get(f"/tasks/{mine}", as_=A).get_data(as_text=True)
    assert 'id="form-add_approvers"' in page and 'id="form-remove_approvers"' in page
    assert 'name="position"' in page and "在我之前审批" in page  # a sequence: before or after me
    assert "减签后所选审批人的待办将取消" in page

    refused = console.post(f"/tasks/{mine}/add-approvers", as_=A, data={"reason": ""})
    assert refused.status_code == 422 and 'id="form-add_approvers"' in refused.get_data(as_text=True)

    res = console.post(
        f"/tasks/{mine}/add-approvers", as_=A, data={"user_ids": str(u[C]), "position": "after", "reason": "分管把关"}
    )
    assert res.status_code == 302, res.get_data(as_text=True)[:2000]
    step = get_case(api, cid)["steps"][0]
    assert [t["assignee_id"] for t in step["tasks"]] == [u[A], u[C], u[B]]

    last = console.post(
        f"/tasks/{mine}/remove-approvers", as_=A, data={"user_ids": [str(u[B]), str(u[C])], "reason": "x"}
    )
    assert last.status_code == 302
    page = console.get(f"/tasks/{mine}", as_=A).get_data(as_text=True)
    assert 'id="form-remove_approvers"' not in page  # only I am left to act
    history = page.split('id="history"')[1]
    assert "加签：approver3@east_t1" in history and "减签：approver2@east_t1、approver3@east_t1" in history


def test_removing_an_approver_ends_their_consultations(api: Api, colleagues: World) -> None:
    u = colleagues.users
    route(api, "east_t1", "countersign", [A, B])
    cid = submitted_branch(api)["id"]
    theirs = task_for(api, B, cid)["id"]
    r = api.post(f"{TASKS}/{theirs}/consult", as_=B, json={"to_user_id": u[C], "comment": "请看"})
    assert r.status_code == 200, r.json
    asked = task_for(api, C, cid)["id"]
    assert _post(api, task_for(api, A, cid)["id"], A, "remove-approvers", [u[B]]).status_code == 200
    assert tasks_for(api, C, cid) == []  # the consultation ended with B's place
    assert_error(api.post(f"{TASKS}/{asked}/opinion", as_=C, json={"comment": "晚了"}), 409, "task_closed")


def test_removal_ends_consultations_in_the_rule() -> None:
    step = engine.decide(engine.new_step("countersign", ["a", "b"]), "b", Action.CONSULT, delegate_to="x").step
    assert engine.open_consultations(_change(step, "a", REMOVE, ["b"])) == {}
