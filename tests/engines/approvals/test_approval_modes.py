"""The approval modes through HTTP (routes set with PUT /api/v1/approval-routes): countersign, any_one,
sequential, committee_vote; delegation, comments and the final reply's document number."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from flask import Flask

from service.clock import FixedClock
from tests.support.establishment import (
    DOC_NO,
    TASKS,
    approve_level,
    assert_error,
    audit_actions,
    decide,
    get_case,
    make_unit,
    new_case,
    put_route,
    route,
    submit,
    submitted_branch,
    task_for,
    tasks_for,
    vote,
    write_fingerprint,
)
from tests.support.world import Api, World

A, B, C, D = "approver@east_t1", "approver2@east_t1", "approver3@east_t1", "approver4@east_t1"


def _step(api: Api, case_id: int) -> dict[str, Any]:
    return dict(get_case(api, case_id)["steps"][-1])


# -- countersign -----------------------------------------------------------------------------------------------


def test_countersign_needs_every_named_approver(api: Api, colleagues: World, clock: FixedClock) -> None:
    route(api, "east_t1", "countersign", [A, B, C])
    cid = submitted_branch(api)["id"]
    step = _step(api, cid)
    assert step["mode"] == "countersign" and step["mode_label"] == "会签"
    assert [t["assignee_id"] for t in step["tasks"]] == [colleagues.users[u] for u in (A, B, C)]
    assert not any(t["offered_to_group"] for t in step["tasks"])
    assert tasks_for(api, D, cid) == []  # not named on the route

    tasks = {u: task_for(api, u, cid)["id"] for u in (A, B, C)}
    assert decide(api, tasks[A], A).status_code == 200
    assert_error(decide(api, tasks[A], A), 409, "task_closed")  # once is enough
    assert decide(api, tasks[B], B).status_code == 200
    assert get_case(api, cid)["state"] == "submitted"
    assert _step(api, cid)["status"] == "pending"

    # The last approval closes the step: it must carry the reply's document number.
    assert_error(decide(api, tasks[C], C), 422, "approval_doc_no_required")
    assert _step(api, cid)["status"] == "pending"
    assert task_for(api, C, cid)["status"] == "open"
    # Submitted on 09-25; the committee met on 09-28 and the reply is dated 09-29, recorded on 09-30.
    clock.set(datetime(2026, 9, 30, 2, 0, tzinfo=UTC))
    r = decide(api, tasks[C], C, approval_doc_no=DOC_NO, approved_on="2026-09-29", meeting_on="2026-09-28")
    assert r.status_code == 200, r.json
    case = get_case(api, cid)
    assert case["state"] == "approved"
    assert case["approval_doc_no"] == DOC_NO
    assert case["approved_on"] == "2026-09-29" and case["approval_meeting_on"] == "2026-09-28"
    assert case["approving_body"] == "东一镇"
    assert [t["outcome"] for t in case["steps"][0]["tasks"]] == ["approve"] * 3
    assert audit_actions(api, cid).count("establishment.approve") == 1


@pytest.mark.parametrize("rejecter", [0, 1, 2], ids=["rejects-first", "rejects-second", "rejects-last"])
def test_countersign_one_rejection_decides_whatever_the_order(api: Api, colleagues: World, rejecter: int) -> None:
    route(api, "east_t1", "countersign", [A, B, C])
    cid = submitted_branch(api)["id"]
    tasks = {u: task_for(api, u, cid)["id"] for u in (A, B, C)}
    for n, user in enumerate((A, B, C)):
        if n < rejecter:
            assert decide(api, tasks[user], user).status_code == 200
        elif n == rejecter:
            r = decide(api, tasks[user], user, "reject", comment="党员人数与花名册不符")
            assert r.status_code == 200, r.json
        else:
            # The step is closed: later decisions are refused and change nothing.
            assert_error(decide(api, tasks[user], user, approval_doc_no=DOC_NO), 409, "step_already_decided")
            assert tasks_for(api, user, cid) == []
    case = get_case(api, cid)
    assert case["state"] == "rejected"
    assert case["decision_reason"] == "党员人数与花名册不符"
    assert case["steps"][0]["status"] == "rejected"
    statuses = [t["status"] for t in case["steps"][0]["tasks"]]
    assert statuses == ["done"] * (rejecter + 1) + ["cancelled"] * (2 - rejecter)
    assert audit_actions(api, cid).count("establishment.reject") == 1


def test_countersign_without_route_approvers_names_every_approver_of_the_body(api: Api, colleagues: World) -> None:
    route(api, "east_t1", "countersign")
    cid = submitted_branch(api)["id"]
    assert [t["assignee_id"] for t in _step(api, cid)["tasks"]] == sorted(colleagues.users[u] for u in (A, B, C, D))


# -- any_one (group task) --------------------------------------------------------------------------------------


def test_any_one_group_task_claim_and_release(api: Api, colleagues: World) -> None:
    route(api, "east_t1", "any_one")
    cid = submitted_branch(api)["id"]
    task = task_for(api, A, cid)
    assert task["offered_to_group"] is True and task["assignee_id"] is None
    assert task_for(api, B, cid)["id"] == task["id"]
    url = f"{TASKS}/{task['id']}"

    claimed = api.post(f"{url}/claim", as_=A)
    assert claimed.status_code == 200, claimed.json
    assert claimed.json["assignee_id"] == colleagues.users[A]
    assert api.post(f"{url}/claim", as_=A).status_code == 200  # claiming one's own task again is harmless
    assert_error(api.post(f"{url}/claim", as_=B), 409, "task_claimed")
    assert_error(decide(api, task["id"], B, approval_doc_no=DOC_NO), 409, "task_claimed")
    assert_error(api.post(f"{url}/release", as_=B), 409, "task_not_held")
    assert tasks_for(api, B, cid) == []
    assert task_for(api, A, cid)["assignee_id"] == colleagues.users[A]

    released = api.post(f"{url}/release", as_=A)
    assert released.status_code == 200, released.json
    assert released.json["assignee_id"] is None
    assert task_for(api, B, cid)["id"] == task["id"]
    assert api.post(f"{url}/claim", as_=B).status_code == 200
    assert tasks_for(api, A, cid) == []
    r = decide(api, task["id"], B, approval_doc_no=DOC_NO)
    assert r.status_code == 200, r.json
    assert get_case(api, cid)["state"] == "approved"
    trail = audit_actions(api, cid)
    assert trail.count("task.claim") == 2 and trail.count("task.release") == 1


def test_any_one_deciding_an_unclaimed_task_claims_it(api: Api, colleagues: World) -> None:
    route(api, "east_t1", "any_one")
    cid = submitted_branch(api)["id"]
    task = task_for(api, B, cid)
    r = decide(api, task["id"], B, approval_doc_no=DOC_NO)
    assert r.status_code == 200, r.json
    assert r.json["assignee_id"] == colleagues.users[B]
    assert r.json["outcome"] == "approve" and r.json["status"] == "done"
    assert get_case(api, cid)["state"] == "approved"
    assert_error(decide(api, task["id"], A, approval_doc_no=DOC_NO), 409, "step_already_decided")
    assert_error(api.post(f"{TASKS}/{task['id']}/claim", as_=A), 409, "task_claimed")


def test_individual_vote_on_an_any_one_step_is_refused(api: Api, colleagues: World) -> None:
    route(api, "east_t1", "any_one")
    cid = submitted_branch(api)["id"]
    task = task_for(api, A, cid)
    assert_error(vote(api, task["id"], A, approval_doc_no=DOC_NO), 422, "not_a_committee_vote")
    assert task_for(api, B, cid)["assignee_id"] is None  # the refused vote claimed nothing


# -- sequential ------------------------------------------------------------------------------------------------


def test_sequential_approvers_act_in_route_order(api: Api, colleagues: World) -> None:
    order = [B, A, C]
    route(api, "east_t1", "sequential", order)
    cid = submitted_branch(api)["id"]
    tasks = _step(api, cid)["tasks"]
    assert [t["assignee_id"] for t in tasks] == [colleagues.users[u] for u in order]
    assert [t["status"] for t in tasks] == ["open", "waiting", "waiting"]
    assert tasks_for(api, A, cid) == [] and tasks_for(api, C, cid) == []
    first = task_for(api, B, cid)
    second, third = tasks[1]["id"], tasks[2]["id"]

    assert_error(decide(api, second, A), 409, "not_your_turn")
    assert_error(decide(api, third, C), 409, "not_your_turn")
    assert decide(api, first["id"], B).status_code == 200
    assert task_for(api, A, cid)["id"] == second
    assert tasks_for(api, C, cid) == []
    assert_error(decide(api, third, C), 409, "not_your_turn")
    assert decide(api, second, A).status_code == 200
    assert task_for(api, C, cid)["id"] == third
    assert_error(decide(api, third, C), 422, "approval_doc_no_required")
    assert decide(api, third, C, approval_doc_no=DOC_NO).status_code == 200
    assert get_case(api, cid)["state"] == "approved"


def test_sequential_return_sends_the_case_back(api: Api, colleagues: World) -> None:
    route(api, "east_t1", "sequential", [A, B])
    cid = submitted_branch(api)["id"]
    first = task_for(api, A, cid)["id"]
    assert decide(api, first, A).status_code == 200
    r = decide(api, task_for(api, B, cid)["id"], B, "return", comment="请补充请示正文")
    assert r.status_code == 200, r.json
    case = get_case(api, cid)
    assert case["state"] == "returned" and case["return_reason"] == "请补充请示正文"


# -- committee_vote --------------------------------------------------------------------------------------------


def test_committee_vote_quorum_and_majority_of_all_members(api: Api, app: Flask, colleagues: World) -> None:
    cid = submitted_branch(api)["id"]  # the default mode of superior approval
    task = task_for(api, A, cid)
    assert task["step"]["mode"] == "committee_vote" and task["offered_to_group"] is True
    before = write_fingerprint(app)
    assert_error(decide(api, task["id"], A, approval_doc_no=DOC_NO), 422, "committee_vote_needs_tally")
    assert_error(
        vote(api, task["id"], A, members=9, present=4, votes_for=4, approval_doc_no=DOC_NO), 422, "committee_no_quorum"
    )
    assert_error(
        vote(api, task["id"], A, members=9, present=5, votes_for=5, votes_against=1, approval_doc_no=DOC_NO),
        422,
        "votes_exceed_present",
    )
    assert_error(
        vote(api, task["id"], A, members=9, present=10, votes_for=6, approval_doc_no=DOC_NO),
        422,
        "vote_present_exceeds_members",
    )
    assert write_fingerprint(app) == before
    assert task_for(api, B, cid)["assignee_id"] is None  # nothing claimed either

    r = vote(api, task["id"], B, members=9, present=5, votes_for=5, approval_doc_no=DOC_NO)
    assert r.status_code == 200, r.json
    case = get_case(api, cid)
    assert case["state"] == "approved"
    assert case["steps"][0]["tally"] == {"members": 9, "present": 5, "votes_for": 5, "votes_against": 0}


def test_committee_vote_without_majority_of_all_members_rejects(api: Api, colleagues: World) -> None:
    cid = submitted_branch(api)["id"]
    task = task_for(api, A, cid)
    r = vote(api, task["id"], A, members=9, present=9, votes_for=4, votes_against=5)
    assert r.status_code == 200, r.json
    assert r.json["outcome"] == "reject"
    case = get_case(api, cid)
    assert case["state"] == "rejected"
    assert case["steps"][0]["status"] == "rejected"
    assert tasks_for(api, B, cid) == []


def test_committee_vote_can_return_for_changes(api: Api) -> None:
    cid = submitted_branch(api)["id"]
    task = task_for(api, A, cid)
    r = decide(api, task["id"], A, "return", comment="请附党员名册")
    assert r.status_code == 200, r.json
    assert get_case(api, cid)["state"] == "returned"


# -- delegation and comments -----------------------------------------------------------------------------------


def test_delegation_moves_the_task_to_a_colleague(api: Api, app: Flask, colleagues: World) -> None:
    route(api, "east_t1", "countersign", [A, B])
    cid = submitted_branch(api)["id"]
    task = task_for(api, A, cid)
    url = f"{TASKS}/{task['id']}/delegate"

    before = write_fingerprint(app)
    for target, code in [
        ("approver@east", "delegate_not_colleague"),  # another body
        ("approver2@west_t1", "delegate_not_colleague"),
        ("handler@east_t1", "delegate_not_colleague"),  # same body, not an approver
        (B, "delegate_already_on_step"),
        (A, "cannot_delegate_to_self"),
    ]:
        r = api.post(url, as_=A, json={"to_user_id": colleagues.users[target], "comment": "出差"})
        assert r.status_code == 422 and r.json["code"] == code, (target, r.json)
    assert write_fingerprint(app) == before

    r = api.post(url, as_=A, json={"to_user_id": colleagues.users[C], "comment": "本周出差，请代为审批"})
    assert r.status_code == 200, r.json
    assert r.json["assignee_id"] == colleagues.users[C] and r.json["status"] == "open"
    assert tasks_for(api, A, cid) == []
    assert task_for(api, C, cid)["id"] == task["id"]
    assert_error(decide(api, task["id"], A), 403, "forbidden")

    assert decide(api, task["id"], C).status_code == 200
    assert decide(api, task_for(api, B, cid)["id"], B, approval_doc_no=DOC_NO).status_code == 200
    assert get_case(api, cid)["state"] == "approved"
    assert "task.delegate" in audit_actions(api, cid)


def test_delegating_a_group_task(api: Api, colleagues: World) -> None:
    cid = submitted_branch(api)["id"]  # committee_vote: offered to every approver of east_t1
    task = task_for(api, A, cid)
    r = api.post(f"{TASKS}/{task['id']}/delegate", as_=A, json={"to_user_id": colleagues.users[D]})
    assert r.status_code == 200, r.json
    assert task_for(api, D, cid)["assignee_id"] == colleagues.users[D]
    assert tasks_for(api, A, cid) == [] and tasks_for(api, B, cid) == []
    assert vote(api, task["id"], D, approval_doc_no=DOC_NO).status_code == 200
    assert get_case(api, cid)["state"] == "approved"


def test_comment_leaves_the_step_pending(api: Api, colleagues: World) -> None:
    route(api, "east_t1", "countersign", [A, B])
    cid = submitted_branch(api)["id"]
    task = task_for(api, A, cid)
    url = f"{TASKS}/{task['id']}/comment"
    assert_error(api.post(url, as_=A, json={"comment": "  "}), 422, "validation_failed")
    r = api.post(url, as_=A, json={"comment": "建议补充书记人选简历"})
    assert r.status_code == 200, r.json
    assert r.json["status"] == "open" and r.json["outcome"] is None
    step = _step(api, cid)
    assert step["status"] == "pending"
    assert [t["status"] for t in step["tasks"]] == ["open", "open"]
    assert get_case(api, cid)["state"] == "submitted"
    history = get_case(api, cid)["history"]
    assert any(h["action"] == "task.comment" and h["comment"] == "建议补充书记人选简历" for h in history)
    # The commenter can still decide.
    assert decide(api, task["id"], A).status_code == 200


def test_comment_on_a_group_task_keeps_it_offered_to_the_group(api: Api, colleagues: World) -> None:
    cid = submitted_branch(api)["id"]
    task = task_for(api, A, cid)
    r = api.post(f"{TASKS}/{task['id']}/comment", as_=A, json={"comment": "下周一党委会研究"})
    assert r.status_code == 200, r.json
    assert r.json["assignee_id"] is None
    assert task_for(api, B, cid)["id"] == task["id"]
    assert vote(api, task["id"], B, approval_doc_no=DOC_NO).status_code == 200
    assert get_case(api, cid)["state"] == "approved"


# -- the final reply -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("doc_no", [None, "   "], ids=["missing", "blank"])
def test_final_approval_without_document_number_changes_nothing(
    api: Api, app: Flask, colleagues: World, doc_no: str | None
) -> None:
    cid = submitted_branch(api)["id"]
    task = task_for(api, A, cid)
    before = write_fingerprint(app)
    body: dict[str, Any] = {} if doc_no is None else {"approval_doc_no": doc_no}
    assert_error(vote(api, task["id"], A, **body), 422, "approval_doc_no_required")
    assert write_fingerprint(app) == before
    step = _step(api, cid)
    assert step["status"] == "pending" and step["tasks"][0]["status"] == "open"
    assert step["tasks"][0]["assignee_id"] is None
    assert get_case(api, cid)["state"] == "submitted"
    assert task_for(api, B, cid)["id"] == task["id"]


def test_only_the_last_level_needs_the_document_number(api: Api, colleagues: World) -> None:
    unit = make_unit(api, formal_members=100, employees=300)
    cid = new_case(api, [unit["id"]], "primary_committee")["id"]
    submit(api, cid)
    review = task_for(api, A, cid)
    assert review["step"]["level_name"] == "superior_review" and review["step"]["mode"] == "any_one"
    assert decide(api, review["id"], A).status_code == 200
    county = task_for(api, "approver@east", cid)
    assert county["step"]["level_name"] == "county_approval"
    assert county["step"]["body"]["name"] == "东县"
    assert task_for(api, "approver2@east", cid)["id"] == county["id"]
    assert tasks_for(api, A, cid) == []
    assert_error(vote(api, county["id"], "approver@east"), 422, "approval_doc_no_required")
    assert get_case(api, cid)["state"] == "submitted"
    approve_level(api, cid, "approver2@east")
    case = get_case(api, cid)
    assert case["state"] == "approved" and case["approving_body"] == "东县"
    assert [s["status"] for s in case["steps"]] == ["approved", "approved"]


def test_route_validation(api: Api, colleagues: World) -> None:
    assert_error(
        put_route(api, "east_t1", "superior_approval", "countersign", ["approver@east"]), 422, "approver_not_in_body"
    )
    assert_error(put_route(api, "east_t1", "superior_approval", "countersign", [A, A]), 422, "duplicate_approvers")
    r = put_route(api, "east_t1", "superior_approval", "sequential", [B, A])
    assert r.status_code == 200, r.json
    r2 = put_route(api, "east_t1", "superior_approval", "any_one")
    assert r2.status_code == 200 and r2.json["id"] == r.json["id"] and r2.json["approver_ids"] is None
    listed = api.get(f"/api/v1/approval-routes?body_id={colleagues.ids['east_t1']}", as_="admin@east")
    assert listed.status_code == 200, listed.json
    assert [(x["level_name"], x["mode"]) for x in listed.json] == [("superior_approval", "any_one")]
