"""拿回 (take back): an approver takes their approval back — on a countersign step still open, or, when it closed
the step and opened the next level, while nobody touched that next step (which is then cancelled, the step
reopening with the approver's task open again). The rule at its edges, then through the API and the console."""

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

A, B, C = "approver@east_t1", "approver2@east_t1", "approver3@east_t1"
COUNTY = "approver@east"

# -- the rule ----------------------------------------------------------------------------------------------------


def _step(mode: str, *approved: str) -> engine.StepState:
    step = engine.new_step(mode, ["a", "b"])
    for who in approved:
        step = engine.decide(step, who, Action.APPROVE).step
    return step


@pytest.mark.parametrize(
    ("mode", "approved", "who", "kw", "status"),
    [
        ("countersign", ["a"], "a", {}, StepStatus.PENDING),  # open countersign: my own approval
        ("countersign", ["a", "b"], "b", {"moved_on": True}, StepStatus.PENDING),  # I closed it, next untouched
        ("any_one", ["a"], "a", {"moved_on": True}, StepStatus.PENDING),
        ("sequential", ["a", "b"], "b", {"moved_on": True}, StepStatus.PENDING),
    ],
)
def test_taking_back_reopens(mode: str, approved: list[str], who: str, kw: dict[str, Any], status: StepStatus) -> None:
    out = engine.take_back(_step(mode, *approved), who, **kw)
    assert out.status is status and who in out.may_act
    assert not out.step.has_decided(who)
    # and deciding again counts once
    again = engine.decide(out.step, who, Action.APPROVE).step
    assert again.has_decided(who)


@pytest.mark.parametrize(
    ("mode", "approved", "who", "kw", "error", "code"),
    [
        ("countersign", [], "a", {}, Conflict, "nothing_to_take_back"),
        ("countersign", ["a"], "b", {}, Conflict, "nothing_to_take_back"),
        ("countersign", ["a"], "z", {}, RuleViolation, "not_an_approver"),
        ("sequential", ["a"], "a", {}, Conflict, "take_back_not_allowed"),  # open sequence: the next one acts
        ("countersign", ["a", "b"], "a", {"moved_on": True}, Conflict, "not_the_closing_approver"),
        ("countersign", ["a", "b"], "b", {}, Conflict, "no_next_step"),  # the final level: the reply is issued
        (
            "countersign",
            ["a", "b"],
            "b",
            {"moved_on": True, "touched_by": ("李四", "签收")},
            Conflict,
            "next_step_touched",
        ),
    ],
)
def test_take_back_refusals(
    mode: str, approved: list[str], who: str, kw: dict[str, Any], error: type[Exception], code: str
) -> None:
    with pytest.raises(error) as caught:
        engine.take_back(_step(mode, *approved), who, **kw)
    assert getattr(caught.value, "code", None) == code
    if code == "next_step_touched":
        assert "李四签收" in str(caught.value)


def test_a_rejection_cannot_be_taken_back() -> None:
    step = engine.decide(engine.new_step("countersign", ["a", "b"]), "a", Action.REJECT, comment="不全").step
    with pytest.raises(Conflict) as caught:
        engine.take_back(step, "a", moved_on=True)
    assert caught.value.code in ("nothing_to_take_back", "step_already_decided")


# -- through the API ---------------------------------------------------------------------------------------------


def _primary(api: Api) -> int:
    """A primary committee case: east_t1 reviews (countersign A, B), then the county approves."""
    route(api, "east_t1", "countersign", [A, B], level="superior_review")
    unit = make_unit(api, formal_members=100, employees=400)
    cid = int(new_case(api, [unit["id"]], "primary_committee")["id"])
    submit(api, cid)
    return cid


def _take_back(api: Api, task: int, user: str) -> Any:
    return api.post(f"{TASKS}/{task}/take-back", as_=user, json={"comment": "还需核实人数"})


def test_take_back_across_levels_while_the_next_is_untouched(app: Flask, api: Api, colleagues: World) -> None:
    cid = _primary(api)
    assert decide(api, task_for(api, A, cid)["id"], A).status_code == 200
    mine = task_for(api, B, cid)["id"]
    assert decide(api, mine, B).status_code == 200
    assert [s["status"] for s in get_case(api, cid)["steps"]] == ["approved", "pending"]
    assert tasks_for(api, COUNTY, cid)

    assert_error(_take_back(api, task_id_of_a(api, cid), A), 409, "not_the_closing_approver")
    r = _take_back(api, mine, B)
    assert r.status_code == 200, r.json
    assert r.json["status"] == "open" and r.json["outcome"] is None
    case = get_case(api, cid)
    assert [s["status"] for s in case["steps"]] == ["pending", "cancelled"]
    assert case["state"] == "submitted"
    assert tasks_for(api, COUNTY, cid) == []
    assert task_for(api, B, cid)["id"] == mine
    assert "task.take_back" in audit_actions(api, cid)
    # deciding again moves the case on again: a new step at the next level
    assert decide(api, mine, B).status_code == 200
    assert [s["status"] for s in get_case(api, cid)["steps"]] == ["approved", "cancelled", "pending"]


def task_id_of_a(api: Api, cid: int) -> int:
    step = get_case(api, cid)["steps"][0]
    return int(next(t["id"] for t in step["tasks"] if t["position"] == 0))


def test_take_back_refused_once_the_next_step_was_touched(app: Flask, api: Api, colleagues: World) -> None:
    cid = _primary(api)
    assert decide(api, task_for(api, A, cid)["id"], A).status_code == 200
    mine = task_for(api, B, cid)["id"]
    assert decide(api, mine, B).status_code == 200
    county = task_for(api, COUNTY, cid)["id"]
    assert api.post(f"{TASKS}/{county}/claim", as_=COUNTY).status_code == 200
    before = write_fingerprint(app)
    r = _take_back(api, mine, B)
    assert_error(r, 409, "next_step_touched")
    assert "签收" in r.json["message"]
    assert write_fingerprint(app) == before


def test_take_back_inside_an_open_countersign(api: Api, colleagues: World) -> None:
    route(api, "east_t1", "countersign", [A, B])
    cid = submitted_branch(api)["id"]
    mine = task_for(api, A, cid)["id"]
    assert decide(api, mine, A).status_code == 200
    assert _take_back(api, mine, A).status_code == 200
    assert task_for(api, A, cid)["status"] == "open"
    assert decide(api, task_for(api, B, cid)["id"], B).status_code == 200
    assert get_case(api, cid)["state"] == "submitted"  # A must approve again
    assert decide(api, mine, A, approval_doc_no=DOC_NO).status_code == 200
    assert get_case(api, cid)["state"] == "approved"
    assert_error(_take_back(api, mine, A), 409, "no_next_step")  # the reply is issued
    assert_error(_take_back(api, mine, B), 403, "forbidden")


# -- the console -----------------------------------------------------------------------------------------------


def test_take_back_through_the_console(api: Api, colleagues: World, console: Console) -> None:
    cid = _primary(api)
    assert decide(api, task_for(api, A, cid)["id"], A).status_code == 200
    mine = task_for(api, B, cid)["id"]
    assert decide(api, mine, B).status_code == 200
    # the case page (from 已办) links to the task where it can be taken back
    case_page = console.get(f"/cases/{cid}", as_=B).get_data(as_text=True)
    assert f'href="/tasks/{mine}"' in case_page.split('id="take-back-link"')[1]
    assert 'id="take-back-link"' not in console.get(f"/cases/{cid}", as_=A).get_data(as_text=True)
    page = console.get(f"/tasks/{mine}", as_=B).get_data(as_text=True)
    assert 'id="form-take_back"' in page and "已转入的下一环节将取消" in page
    res = console.post(f"/tasks/{mine}/take-back", as_=B, data={"comment": "再核实"})
    assert res.status_code == 302 and res.headers["Location"] == f"/tasks/{mine}"
    page = console.get(f"/tasks/{mine}", as_=B).get_data(as_text=True)
    assert 'id="form-take_back"' not in page and 'id="form-decide"' in page
    assert 'id="take-back-link"' not in console.get(f"/cases/{cid}", as_=B).get_data(as_text=True)
    assert "拿回" in page.split('id="history"')[1]
