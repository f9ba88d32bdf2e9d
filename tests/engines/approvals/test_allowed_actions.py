"""`allowed_actions`: what the caller may do now, by the API's action names, per role and side — the same
checks the action endpoints run (a listed action works, an unlisted one is refused)."""

from __future__ import annotations

from typing import Any

from tests.support.establishment import (
    CASES,
    decide,
    get_case,
    make_unit,
    new_case,
    route,
    submitted_branch,
    task_for,
    vote,
)
from tests.support.supervision import INTERVIEWS, TICKETS, draft, issued, ok, rectifying
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
