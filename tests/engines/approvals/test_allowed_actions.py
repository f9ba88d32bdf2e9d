"""`allowed_actions`: what the caller may do now, by the API's action names, per role and side — the same
checks the action endpoints run (a listed action works, an unlisted one is refused)."""

from __future__ import annotations

from datetime import date
from typing import Any

from service.clock import FixedClock
from tests.support.establishment import (
    CASES,
    TASKS,
    decide,
    get_case,
    make_unit,
    new_case,
    route,
    submitted_branch,
    task_for,
    vote,
)
from tests.support.supervision import INTERVIEWS, TICKETS, draft, issued, move, ok, rectifying
from tests.support.world import Api, World


def case_actions(api: Api, case_id: int, user: str) -> list[str]:
    return list(get_case(api, case_id, as_=user)["allowed_actions"])


def ticket_actions(api: Api, ticket_id: int, user: str) -> list[str]:
    return list(ok(api.get(f"{TICKETS}/{ticket_id}", as_=user))["allowed_actions"])


# -- establishment cases ----------------------------------------------------------------------------------------


def test_case_in_preparation_per_role(api: Api) -> None:
    unit = make_unit(api, formal_members=3)
    case = new_case(api, [unit["id"]], "branch")  # filed by portal@east
    assert case["allowed_actions"] == ["update", "submit", "withdraw"]  # the filer's own answer
    assert case_actions(api, case["id"], "portal@east") == ["update", "submit", "withdraw"]
    assert case_actions(api, case["id"], "handler@east_t1") == ["update", "submit", "withdraw"]
    # Approvers and supervisors may cancel a request in preparation, not edit or submit someone else's.
    assert case_actions(api, case["id"], "approver@east_t1") == ["cancel"]
    assert case_actions(api, case["id"], "supervisor@east") == ["cancel"]
    assert case_actions(api, case["id"], "instructor@east") == []
    assert case_actions(api, case["id"], "admin@city") == ["update", "submit", "withdraw", "cancel"]
    # The list answers the same, per caller.
    listed = api.get(CASES, as_="approver@east_t1").json
    assert [c["allowed_actions"] for c in listed if c["id"] == case["id"]] == [["cancel"]]


def test_submitted_case_decisions_only_for_the_approver_holding_an_open_task(api: Api, world: World) -> None:
    case = submitted_branch(api)  # east_t1 decides branches by committee vote
    # The portal sees no approve/reject (the old allowed_events listed every event of the machine).
    assert case_actions(api, case["id"], "portal@east") == ["withdraw"]
    assert case_actions(api, case["id"], "handler@east_t1") == ["withdraw"]
    assert case_actions(api, case["id"], "supervisor@east") == []
    # The approver whose body holds the task: the committee's vote, or sending it back (API names).
    assert case_actions(api, case["id"], "approver@east_t1") == ["vote", "return"]
    # An approver in scope without a task on this case.
    assert case_actions(api, case["id"], "approver@east") == []
    # ... and what is not listed is refused by the endpoints.
    task = task_for(api, "approver@east_t1", case["id"])
    assert vote(api, task["id"], "portal@east").status_code == 403
    assert decide(api, task["id"], "approver@east", "return", comment="x").status_code in (403, 404)
    assert api.post(f"{CASES}/{case['id']}/submit", as_="portal@east").status_code == 409


def test_any_one_group_task_claimed_by_a_colleague(api: Api, colleagues: World) -> None:
    route(api, "east_t1", "any_one")
    case = submitted_branch(api)
    assert case_actions(api, case["id"], "approver@east_t1") == ["approve", "reject", "return"]
    assert case_actions(api, case["id"], "approver2@east_t1") == ["approve", "reject", "return"]
    task = task_for(api, "approver@east_t1", case["id"])
    claimed = api.post(f"/api/v1/tasks/{task['id']}/claim", as_="approver@east_t1")
    assert claimed.status_code == 200, claimed.json
    # Claimed: only the claimer may decide now; the colleague's decide is refused.
    assert case_actions(api, case["id"], "approver@east_t1") == ["approve", "reject", "return"]
    assert case_actions(api, case["id"], "approver2@east_t1") == []
    assert decide(api, task["id"], "approver2@east_t1", "approve").status_code == 409
    done = decide(api, task["id"], "approver@east_t1", "return", comment="请补充材料")
    assert done.status_code == 200, done.json
    # Returned to preparation: the applicant's side may edit and resubmit; the approver has nothing left.
    assert case_actions(api, case["id"], "portal@east") == ["update", "submit", "withdraw"]
    assert case_actions(api, case["id"], "approver@east_t1") == ["cancel"]


# -- supervision tickets and interviews -------------------------------------------------------------------------


def test_ticket_per_side(api: Api) -> None:
    d = draft(api)
    assert d["allowed_actions"] == ["update", "issue", "cancel"]
    assert ticket_actions(api, d["id"], "supervisor@city") == ["update", "issue", "cancel"]  # above the issuer
    t = issued(api)
    assert ticket_actions(api, t["id"], "supervisor@east") == ["cancel"]
    assert ticket_actions(api, t["id"], "handler@east_t1") == ["acknowledge", "request_extension"]
    assert ticket_actions(api, t["id"], "handler@east") == []  # not the handling body
    assert api.get(f"{TICKETS}/{t['id']}", as_="portal@east_t1").status_code == 403  # portals read no tickets
    assert ticket_actions(api, t["id"], "admin@east_t1") == []  # the handling body's admin is not a handler
    # Unlisted is refused.
    assert api.post(f"{TICKETS}/{t['id']}/acknowledge", as_="supervisor@east").status_code == 403
    r = rectifying(api)
    assert ticket_actions(api, r["id"], "handler@east_t1") == ["report", "request_extension"]
    ext = api.post(
        f"{TICKETS}/{r['id']}/extensions",
        as_="handler@east_t1",
        json={"new_deadline": "2026-10-30", "reason": "涉及企业多，需延长排查时间"},
    )
    assert ext.status_code == 201, ext.json
    assert ticket_actions(api, r["id"], "handler@east_t1") == ["report"]  # one pending request at a time
    assert ticket_actions(api, r["id"], "supervisor@east") == ["cancel", "decide_extension"]


def test_interview_only_the_interviewer_side_acts(api: Api) -> None:
    t = rectifying(api)
    body: dict[str, Any] = {
        "ticket_id": t["id"],
        "reason": "督办单逾期未整改",
        "scheduled_at": "2026-09-28T09:00:00",
        "place": "县委组织部会议室",
    }
    iv = ok(api.post(INTERVIEWS, as_="supervisor@east", json=body), 201)
    assert iv["allowed_actions"] == ["hold", "cancel", "reschedule"]

    def of(user: str) -> list[str]:
        return list(ok(api.get(f"{INTERVIEWS}/{iv['id']}", as_=user))["allowed_actions"])

    assert of("admin@east") == ["hold", "cancel", "reschedule"]
    assert of("handler@east_t1") == []  # the interviewed body reads
    assert of("instructor@city") == []  # city-wide scope, but not an interviewer's role
    assert api.get(f"{INTERVIEWS}/{iv['id']}", as_="portal@city").status_code == 403  # portals read no interviews
    assert api.post(f"{INTERVIEWS}/{iv['id']}/cancel", as_="portal@city", json={"reason": "x"}).status_code == 403


# -- one task: GET /tasks/{id} and every action's answer ----------------------------------------------------------


def task_actions(api: Api, task_id: int, user: str) -> list[str]:
    return list(ok(api.get(f"{TASKS}/{task_id}", as_=user))["allowed_actions"])


def test_a_task_lists_every_action_open_to_the_caller_and_each_listed_one_works(api: Api, colleagues: World) -> None:
    a, b = "approver@east_t1", "approver2@east_t1"
    route(api, "east_t1", "countersign", [a, b])
    case = submitted_branch(api)
    task = task_for(api, a, case["id"])["id"]
    # 会签, nobody has acted: decide, 转办 / 委派 / 加签 to a colleague off the step, 减签 either approver, comment.
    everything = ["approve", "reject", "return", "delegate", "consult", "add_approvers", "remove_approvers", "comment"]
    assert task_actions(api, task, a) == everything
    # Out of the role: the applicant's side reads the task but may not act on it (urging waits for the due date).
    assert task_actions(api, task, "handler@east_t1") == []
    # Each answer says what is open after it: once approved, only 拿回 (the step waits for the other approver).
    approved = ok(decide(api, task, a))
    assert approved["allowed_actions"] == ["take_back"]
    taken = ok(api.post(f"{TASKS}/{task}/take-back", as_=a, json={"comment": "再看一下"}))
    assert taken["allowed_actions"] == everything
    # What is not listed is refused by its endpoint: the first level has no earlier one to return to.
    refused = api.post(f"{TASKS}/{task}/return-to", as_=a, json={"level_name": "superior_approval", "reason": "重审"})
    assert refused.status_code in (409, 422) and "return_to" not in taken["allowed_actions"]


def test_a_committee_task_offers_the_vote_and_a_group_task_the_claim_first(api: Api, colleagues: World) -> None:
    case = submitted_branch(api)  # east_t1 decides branches by committee vote
    task = task_for(api, "approver@east_t1", case["id"])["id"]
    listed = task_actions(api, task, "approver@east_t1")
    assert listed[:2] == ["vote", "return"] and "add_approvers" not in listed and "approve" not in listed
    route(api, "east_t1", "any_one")  # offered to the body's approvers as a group
    other = submitted_branch(api)
    group_task = task_for(api, "approver@east_t1", other["id"])["id"]
    # A member of the group may decide straight away or claim it first (签收); no 加签 on a group offer.
    group_actions = ["approve", "reject", "return", "claim", "delegate", "consult", "comment"]
    assert task_actions(api, group_task, "approver2@east_t1") == group_actions
    claimed = ok(api.post(f"{TASKS}/{group_task}/claim", as_="approver2@east_t1", json={}))
    assert claimed["allowed_actions"][:4] == ["approve", "reject", "return", "release"]
    assert task_actions(api, group_task, "approver@east_t1") == []  # a colleague holds it now


def test_urge_is_listed_for_the_applicant_once_the_task_is_overdue_and_not_again_that_day(
    api: Api, clock: FixedClock
) -> None:
    case = submitted_branch(api)
    task = task_for(api, "approver@east_t1", case["id"])["id"]
    assert "urge" not in task_actions(api, task, "handler@east_t1")  # due 2026-11-02
    move(clock, date(2026, 11, 3))
    assert task_actions(api, task, "handler@east_t1") == ["urge"]
    assert api.post(f"{TASKS}/{task}/urge", as_="handler@east_t1", json={}).status_code == 201
    assert task_actions(api, task, "handler@east_t1") == []  # once per working day
    assert "urge" not in task_actions(api, task, "approver@east_t1")  # approvers decide, they do not urge
