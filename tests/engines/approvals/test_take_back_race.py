"""拿回 racing the next approver's decision (real threads, real commits; on PostgreSQL the row locks decide):
exactly one wins. Either the take-back wins (the county's step is cancelled, the review reopens, the county's
decision gets 409) or the county's decision wins (the take-back gets 409 naming who acted), never both, never a
500, never a half-done state."""

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
    task_for,
)
from tests.support.world import Api, World

A, B, COUNTY = "approver@east_t1", "approver2@east_t1", "approver@east"

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
