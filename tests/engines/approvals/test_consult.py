"""委派 (consult): an approver asks a colleague of the same body for an opinion; the colleague answers on a
consult task that never decides, and the task stays with the approver. The rule at its edges (pure), then
through the API: the consult task, the opinion going back, the step closing over an open consultation,
chains and doubles refused, 转办 unchanged."""

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

# -- the rule (workflows.approval) -------------------------------------------------------------------------------


def _consulted(mode: str = "countersign") -> engine.StepState:
    """A step of a and b where a consulted x."""
    return engine.decide(engine.new_step(mode, ["a", "b"]), "a", Action.CONSULT, delegate_to="x", comment="请看").step


@pytest.mark.parametrize("mode", ["countersign", "any_one", "sequential", "committee_vote"])
def test_consulting_decides_nothing_and_the_owner_may_decide_anytime(mode: str) -> None:
    step = _consulted(mode)
    assert step.status is StepStatus.PENDING
    assert engine.open_consultations(step) == {"x": "a"}
    assert engine.may_act(step, "a")  # deciding while the consultation is open is allowed
    assert not engine.may_act(step, "x")  # the consulted colleague is no approver
    answered = engine.decide(step, "x", Action.OPINION, comment="材料齐全").step
    assert engine.open_consultations(answered) == {}
    assert answered.status is StepStatus.PENDING and answered.decisions[-1].comment == "材料齐全"


@pytest.mark.parametrize(
    ("actor", "action", "kw", "error", "code"),
    [
        ("a", Action.CONSULT, {"delegate_to": None}, RuleViolation, "consultee_required"),
        ("a", Action.CONSULT, {"delegate_to": "a"}, RuleViolation, "cannot_consult_self"),
        ("a", Action.CONSULT, {"delegate_to": "b"}, RuleViolation, "consultee_on_step"),  # an approver of the step
        ("b", Action.CONSULT, {"delegate_to": "x"}, RuleViolation, "consultee_already_consulted"),
        ("x", Action.CONSULT, {"delegate_to": "y"}, RuleViolation, "consult_chain"),  # no chains
        ("y", Action.CONSULT, {"delegate_to": "z"}, RuleViolation, "not_an_approver"),
        ("y", Action.OPINION, {"comment": "意见"}, Conflict, "no_open_consultation"),
        ("a", Action.OPINION, {"comment": "意见"}, Conflict, "no_open_consultation"),
        ("x", Action.OPINION, {"comment": "  "}, RuleViolation, "opinion_required"),
        ("x", Action.APPROVE, {}, RuleViolation, "not_an_approver"),  # the consulted colleague cannot decide
        ("a", Action.DELEGATE, {"delegate_to": "x"}, RuleViolation, "delegate_consulted"),
    ],
)
def test_consult_refusals(actor: str, action: Action, kw: dict[str, Any], error: type[Exception], code: str) -> None:
    with pytest.raises(error) as caught:
        engine.decide(_consulted(), actor, action, **kw)
    assert getattr(caught.value, "code", None) == code


def test_after_an_opinion_the_colleague_may_be_consulted_again_and_a_decided_approver_not_consult() -> None:
    step = engine.decide(_consulted(), "x", Action.OPINION, comment="可以").step
    again = engine.decide(step, "a", Action.CONSULT, delegate_to="x").step
    assert engine.open_consultations(again) == {"x": "a"}
    approved = engine.decide(step, "a", Action.APPROVE).step
    with pytest.raises(Conflict) as caught:
        engine.decide(approved, "a", Action.CONSULT, delegate_to="y")
    assert caught.value.code == "approver_already_decided"


def test_an_opinion_after_the_step_closed_is_refused() -> None:
    step = engine.decide(_consulted("any_one"), "a", Action.APPROVE).step
    with pytest.raises(Conflict) as caught:
        engine.decide(step, "x", Action.OPINION, comment="晚了")
    assert caught.value.code == "step_already_decided"


# -- through the API -----------------------------------------------------------------------------------------------


def _consult(api: Api, task_id: int, user: str, to: int, comment: str | None = "请帮看书记人选") -> Any:
    return api.post(f"{TASKS}/{task_id}/consult", as_=user, json={"to_user_id": to, "comment": comment})


def test_consult_then_opinion_then_the_owner_decides(app: Flask, api: Api, colleagues: World) -> None:
    route(api, "east_t1", "countersign", [A, B])
    cid = submitted_branch(api)["id"]
    task = task_for(api, A, cid)
    r = _consult(api, task["id"], A, colleagues.users[C])
    assert r.status_code == 200, r.json
    assert r.json["status"] == "open" and r.json["assignee_id"] == colleagues.users[A]  # still mine
    asked = task_for(api, C, cid)
    assert asked["kind"] == "consult" and asked["status"] == "open"
    assert task_for(api, A, cid)["kind"] == "approval"
    # the consulted colleague cannot decide, delegate or consult onwards
    before = write_fingerprint(app)
    assert_error(decide(api, asked["id"], C), 409, "consult_task_opinion_only")
    assert_error(_consult(api, asked["id"], C, colleagues.users[D]), 409, "consult_task_opinion_only")
    assert_error(api.post(f"{TASKS}/{asked['id']}/opinion", as_=C, json={"comment": ""}), 422, "validation_failed")
    assert_error(api.post(f"{TASKS}/{task['id']}/opinion", as_=A, json={"comment": "x"}), 422, "not_a_consult_task")
    assert write_fingerprint(app) == before

    r = api.post(f"{TASKS}/{asked['id']}/opinion", as_=C, json={"comment": "书记人选合适"})
    assert r.status_code == 200, r.json
    assert r.json["status"] == "done" and r.json["outcome"] == "opinion" and r.json["comment"] == "书记人选合适"
    assert tasks_for(api, C, cid) == []
    # the opinion went back to the owner (a notification naming their task), who decides
    notes = api.get("/api/v1/notifications", as_=A).json
    assert any("委派意见" in n["title"] and n.get("task_id") == task["id"] for n in notes), notes
    assert decide(api, task["id"], A).status_code == 200
    assert decide(api, task_for(api, B, cid)["id"], B, approval_doc_no=DOC_NO).status_code == 200
    case = get_case(api, cid)
    assert case["state"] == "approved"
    actions = audit_actions(api, cid)
    assert actions.index("task.consult") < actions.index("task.opinion") < actions.index("establishment.approve")
    step = case["steps"][0]
    # the consult task is listed right after the task it was asked from
    assert [t["kind"] for t in step["tasks"]] == ["approval", "consult", "approval"]


def test_an_open_consultation_is_cancelled_when_the_step_closes(api: Api, colleagues: World) -> None:
    route(api, "east_t1", "any_one", [A, B])
    cid = submitted_branch(api)["id"]
    task = task_for(api, A, cid)
    assert _consult(api, task["id"], A, colleagues.users[C]).status_code == 200
    asked = task_for(api, C, cid)
    assert decide(api, task["id"], A, approval_doc_no=DOC_NO).status_code == 200  # no need to wait
    assert tasks_for(api, C, cid) == []
    consult = next(t for t in get_case(api, cid)["steps"][0]["tasks"] if t["id"] == asked["id"])
    assert consult["status"] == "cancelled"
    assert_error(
        api.post(f"{TASKS}/{asked['id']}/opinion", as_=C, json={"comment": "晚了"}), 409, "step_already_decided"
    )


def test_consult_refusals_through_the_api(app: Flask, api: Api, colleagues: World) -> None:
    route(api, "east_t1", "countersign", [A, B])
    cid = submitted_branch(api)["id"]
    task = task_for(api, A, cid)
    assert _consult(api, task["id"], A, colleagues.users[C]).status_code == 200
    before = write_fingerprint(app)
    for target, code in [
        ("approver@east", "consultee_not_colleague"),  # another body
        ("handler@east_t1", "consultee_not_colleague"),  # same body, not an approver
        (B, "consultee_on_step"),
        (A, "cannot_consult_self"),
        (C, "consultee_already_consulted"),
    ]:
        r = _consult(api, task["id"], A, colleagues.users[target])
        assert r.status_code == 422 and r.json["code"] == code, (target, r.json)
    # B's own task: C is busy with A's consultation; 转办 to C is refused too
    other = task_for(api, B, cid)["id"]
    assert_error(_consult(api, other, B, colleagues.users[C]), 422, "consultee_already_consulted")
    r = api.post(f"{TASKS}/{other}/delegate", as_=B, json={"to_user_id": colleagues.users[C]})
    assert_error(r, 422, "delegate_consulted")
    assert_error(api.post(f"{TASKS}/{task['id']}/consult", as_=A, json={}), 422, "validation_failed")
    assert write_fingerprint(app) == before


def test_a_group_task_is_claimed_by_consulting(api: Api, colleagues: World) -> None:
    cid = submitted_branch(api)["id"]  # committee_vote: offered to every approver of east_t1
    task = task_for(api, A, cid)
    r = _consult(api, task["id"], A, colleagues.users[D])
    assert r.status_code == 200, r.json
    assert r.json["assignee_id"] == colleagues.users[A]
    assert [t["kind"] for t in tasks_for(api, D, cid)] == ["consult"]
    assert tasks_for(api, B, cid) == []  # the group's offer was taken by A


# -- the console -----------------------------------------------------------------------------------------------


def test_consult_and_opinion_through_the_console(api: Api, colleagues: World, console: Console) -> None:
    route(api, "east_t1", "countersign", [A, B])
    cid = submitted_branch(api)["id"]
    task = task_for(api, A, cid)["id"]
    page = console.get(f"/tasks/{task}", as_=A).get_data(as_text=True)
    assert 'id="form-consult"' in page and "委派后所选同事将收到待办并回复意见" in page
    assert f'<option value="{colleagues.users[C]}"' in page
    assert f'<option value="{colleagues.users[B]}"' not in page.split('id="form-consult"')[1].split("</form>")[0]

    # a refusal (nobody chosen) re-renders the form with its message, 422
    refused = console.post(f"/tasks/{task}/consult", as_=A, data={"to_user_id": "", "comment": "请看"})
    assert refused.status_code == 422 and 'id="form-consult"' in refused.get_data(as_text=True)

    res = console.post(
        f"/tasks/{task}/consult", as_=A, data={"to_user_id": str(colleagues.users[C]), "comment": "请看"}
    )
    assert res.status_code == 302 and res.headers["Location"] == f"/tasks/{task}"
    asked = task_for(api, C, cid)["id"]
    page = console.get(f"/tasks/{asked}", as_=C).get_data(as_text=True)
    assert 'id="form-opinion"' in page
    assert 'id="form-decide"' not in page and 'id="form-consult"' not in page and 'id="form-delegate"' not in page

    refused = console.post(f"/tasks/{asked}/opinion", as_=C, data={"comment": ""})
    assert refused.status_code == 422 and 'id="form-opinion"' in refused.get_data(as_text=True)
    res = console.post(f"/tasks/{asked}/opinion", as_=C, data={"comment": "书记人选合适"})
    assert res.status_code == 302 and res.headers["Location"] == "/inbox"

    page = console.get(f"/tasks/{task}", as_=A).get_data(as_text=True)
    history = page.split('id="history"')[1]
    assert "委派 → approver3@east_t1" in history  # who asked whom
    assert "回复委派意见" in history
    assert "书记人选合适" in page.split('id="comments"')[1]  # the opinion is shown with the others
    assert 'id="form-decide"' in page  # back to the owner to decide


# -- webhooks ------------------------------------------------------------------------------------------------------


def test_consult_and_its_answer_are_published(app: Flask, api: Api, colleagues: World) -> None:
    hook = register(
        api, "portal@east_t1", "https://portal.example.org/hooks", ["task.consulted", "task.consult_answered"]
    )
    route(api, "east_t1", "countersign", [A, B])
    cid = submitted_branch(api)["id"]
    task = task_for(api, A, cid)["id"]
    assert _consult(api, task, A, colleagues.users[C]).status_code == 200
    asked = task_for(api, C, cid)["id"]
    assert api.post(f"{TASKS}/{asked}/opinion", as_=C, json={"comment": "可以"}).status_code == 200
    log = api.get(f"/api/v1/webhooks/{hook['id']}/deliveries", as_="portal@east_t1").json
    data = {d["event"]: d["payload"]["data"] for d in log}
    assert set(data) == {"task.consulted", "task.consult_answered"}
    assert data["task.consulted"]["task_id"] == task and data["task.consulted"]["consult_task_id"] == asked
    assert (
        data["task.consulted"]["from_id"] == colleagues.users[A]
        and data["task.consulted"]["to_id"] == colleagues.users[C]
    )
    answered = data["task.consult_answered"]
    assert answered["task_id"] == task and answered["from_id"] == colleagues.users[C]
    assert answered["to_id"] == colleagues.users[A] and answered["opinion"] == "可以"
