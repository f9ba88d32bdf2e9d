"""拿回 racing the next approver's decision (real threads, real commits; on PostgreSQL the row locks decide):
exactly one wins. Either the take-back wins (the county's step is cancelled, the review reopens, the county's
decision gets 409) or the county's decision wins (the take-back gets 409 naming who acted), never both, never a
500, never a half-done state. The same within a sequence still open: the take-back and the next approver's
decision queue on the subject row."""

from __future__ import annotations

import pytest
from flask import Flask

from tests.support.establishment import (
    DOC_NO,
    TASKS,
    decide,
    get_case,
    make_unit,
    new_case,
    race,
    route,
    submit,
    submitted_branch,
    task_for,
    tasks_for,
)
from tests.support.world import Api, World

A, B, C, COUNTY = "approver@east_t1", "approver2@east_t1", "approver3@east_t1", "approver@east"

pytestmark = pytest.mark.commits


@pytest.mark.parametrize("round_", range(3))
def test_take_back_races_the_next_decision(api: Api, app: Flask, colleagues: World, round_: int) -> None:
    route(api, "east_t1", "countersign", [A, B], level="superior_review")
    route(api, "east", "any_one", [COUNTY], level="county_approval")
    unit = make_unit(api, formal_members=100, employees=400)
    cid = new_case(api, [unit["id"]], "primary_committee")["id"]
    submit(api, cid)
    assert decide(api, task_for(api, A, cid)["id"], A).status_code == 200
    mine = task_for(api, B, cid)["id"]
    assert decide(api, mine, B).status_code == 200
    county = task_for(api, COUNTY, cid)["id"]
    calls = [
        (B, f"{TASKS}/{mine}/take-back", {"comment": "再核实"}),
        (COUNTY, f"{TASKS}/{county}/decide", {"action": "approve", "approval_doc_no": DOC_NO}),
    ]
    results = race(app, colleagues, calls if round_ % 2 == 0 else calls[::-1])
    assert sorted(status for status, _ in results) == [200, 409], results
    by_path = {call[1]: result for call, result in zip(calls if round_ % 2 == 0 else calls[::-1], results, strict=True)}
    took_back = by_path[calls[0][1]][0] == 200
    case = get_case(api, cid)
    if took_back:
        assert by_path[calls[1][1]][1]["code"] in ("step_already_decided", "task_closed")
        assert [s["status"] for s in case["steps"]] == ["pending", "cancelled"]
        assert case["state"] == "submitted"
    else:
        assert by_path[calls[0][1]][1]["code"] == "next_step_touched"
        assert [s["status"] for s in case["steps"]] == ["approved", "approved"]
        assert case["state"] == "approved"


@pytest.mark.parametrize("round_", range(3))
def test_take_back_in_a_sequence_races_the_next_decision(api: Api, app: Flask, colleagues: World, round_: int) -> None:
    """A sequence A → B → C: A's take-back and B's approval at the same instant. Either A wins (B's task is
    withdrawn, B's approval 409) or B wins (A's take-back 409 naming B), never both."""
    route(api, "east_t1", "sequential", [A, B, C])
    cid = submitted_branch(api)["id"]
    mine = task_for(api, A, cid)["id"]
    assert decide(api, mine, A).status_code == 200
    turn = task_for(api, B, cid)["id"]
    calls = [
        (A, f"{TASKS}/{mine}/take-back", {"comment": "再核实"}),
        (B, f"{TASKS}/{turn}/decide", {"action": "approve"}),
    ]
    ordered = calls if round_ % 2 == 0 else calls[::-1]
    results = race(app, colleagues, ordered)
    assert sorted(status for status, _ in results) == [200, 409], results
    by_path = {call[1]: result for call, result in zip(ordered, results, strict=True)}
    tasks = {t["id"]: t for t in get_case(api, cid)["steps"][0]["tasks"]}
    mine_now, turn_now = tasks[mine], tasks[turn]
    if by_path[calls[0][1]][0] == 200:
        assert by_path[calls[1][1]][1]["code"] == "task_closed"
        assert (mine_now["status"], turn_now["status"], turn_now["outcome"]) == ("open", "cancelled", None)
        assert task_for(api, A, cid)["id"] == mine and tasks_for(api, B, cid) == tasks_for(api, C, cid) == []
    else:
        refusal = by_path[calls[0][1]][1]
        assert refusal["code"] == "not_the_latest_approver" and B in refusal["message"]
        assert (mine_now["outcome"], turn_now["outcome"]) == ("approve", "approve")
        assert tasks_for(api, A, cid) == [] and task_for(api, C, cid)["status"] == "open"
    assert get_case(api, cid)["steps"][0]["status"] == "pending"
