"""Interviews (约谈): scheduled (or created by escalation without a time), rescheduled, held — the linked ticket
adopts the new deadline as its deadline in force and post-interview deadline — followed up, closed or cancelled.
Only the interviewer side acts; the interviewed body reads."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Flask

from service.auth import system_actor
from service.clock import FixedClock
from service.db import transaction
from service.extensions import db
from service.models import SupervisionTicket
from service.operations.engines import escalation, interviews
from tests.support.establishment import make_unit, new_case
from tests.support.supervision import (
    INTERVIEWS,
    TICKETS,
    actions,
    arrange,
    assert_error,
    get_ticket,
    move,
    notified,
    ok,
    rectifying,
    submitted,
)
from tests.support.world import Api

HELD = {
    "minutes": "镇党委书记说明了覆盖率滞后的原因，表示将限期整改。",
    "commitments": ["10月16日前完成剩余12家企业的排查", "为未建组织企业全部选派指导员"],
    "new_deadline": "2026-10-16",
}


def act(api: Api, interview_id: int, action: str, body: Any = None, as_: str = "supervisor@east") -> Any:
    return api.post(f"{INTERVIEWS}/{interview_id}/{action}", as_=as_, json=body if body is not None else {})


def from_escalation(app: Flask, ticket: dict[str, Any]) -> int:
    with app.app_context(), transaction():
        interview = interviews.create_from_escalation(
            system_actor("escalation"),
            subject_type="supervision_ticket",
            subject_id=ticket["id"],
            ticket_id=ticket["id"],
            jurisdiction_id=ticket["jurisdiction"]["id"],
            responsible_person=ticket["responsible_person"],
            interviewer_body_id=ticket["issuing_body"]["id"],
            reason="逾期未整改，经催办、预警仍未落实",
        )
        ident = interview.id
    return ident


def test_create_for_a_ticket_notifies_the_interviewed_body(api: Api, app: Flask) -> None:
    t = rectifying(api)
    iv = ok(arrange(api, t["id"]), 201)
    assert iv["state"] == "scheduled" and iv["state_label"] == "已安排"
    assert iv["responsible_person"] == "刘镇长"  # the ticket's responsible person by default
    assert iv["subject_type"] == "supervision_ticket" and iv["subject_id"] == t["id"]
    assert iv["ticket"]["id"] == t["id"] and iv["ticket"]["rectify_by"] == "2026-10-09"
    assert iv["jurisdiction"]["code"] == "east_t1" and iv["interviewer_body"]["code"] == "east"
    assert iv["scheduled_at"] == "2026-09-28T01:00:00+00:00"  # 09:00 in Beijing
    assert iv["by_escalation"] is False
    assert iv["allowed_actions"] == ["hold", "cancel", "reschedule"]
    assert notified(app, "interview.scheduled") == [api.world.users["handler@east_t1"]]
    assert actions(app, "interview", iv["id"]) == ["interview.create"]
    # the ticket lists it
    assert [i["id"] for i in get_ticket(api, t["id"])["interviews"]] == [iv["id"]]


def test_hold_moves_the_ticket_deadline_and_plans_accountability(api: Api, app: Flask, clock: FixedClock) -> None:
    t = rectifying(api)
    iv = ok(arrange(api, t["id"]), 201)
    # not before the time it is scheduled for
    assert_error(act(api, iv["id"], "hold", HELD), 409, "interview_not_yet_held")
    move(clock, date(2026, 9, 28), hour=3)
    held = ok(act(api, iv["id"], "hold", HELD))
    assert held["state"] == "held" and held["state_label"] == "已约谈"
    assert held["held_at"].startswith("2026-09-28T03:00")
    assert held["commitments"] == HELD["commitments"] and held["new_deadline"] == "2026-10-16"
    ticket = get_ticket(api, t["id"])
    assert ticket["rectify_by"] == "2026-10-16" and ticket["post_interview_deadline"] == "2026-10-16"
    assert ticket["original_rectify_by"] == "2026-10-09"
    # missing the deadline set at the interview calls for accountability, not another round of reminders
    assert (ticket["next_escalation_level"], ticket["next_escalation_at"]) == ("accountability", "2026-10-19")
    assert ticket["history"][-1]["action"] == "supervision_ticket.interview_deadline"
    assert ticket["history"][-1]["state_after"]["rectify_by"] == "2026-10-16"
    assert notified(app, "ticket.deadline_moved") == [api.world.users["handler@east_t1"]]
    assert actions(app, "interview", iv["id"]) == ["interview.create", "interview.hold"]
    # the escalation sweep then raises accountability once the new deadline has passed unmet
    with app.app_context():
        assert escalation.due("supervision_ticket", date(2026, 10, 16)) == []
        assert escalation.due("supervision_ticket", date(2026, 10, 19)) == [t["id"]]
        assert escalation.escalate("supervision_ticket", t["id"], date(2026, 10, 19)) == "accountability"
        row = db.session.get(SupervisionTicket, t["id"])
        assert row is not None and row.accountability_at is not None
        db.session.remove()


def test_follow_up_then_close(api: Api, app: Flask, clock: FixedClock) -> None:
    t = rectifying(api)
    iv = ok(arrange(api, t["id"]), 201)
    assert_error(act(api, iv["id"], "follow-up", {"follow_up_note": "x"}), 409, "transition_not_allowed")
    move(clock, date(2026, 9, 28), hour=3)
    ok(act(api, iv["id"], "hold", HELD))
    assert_error(act(api, iv["id"], "close"), 409, "transition_not_allowed")
    assert_error(act(api, iv["id"], "follow-up", {}), 422, "validation_failed")
    f = ok(act(api, iv["id"], "follow-up", {"follow_up_note": "已回访，排查完成9家"}))
    assert f["state"] == "followed_up" and f["state_label"] == "已跟踪回访"
    assert f["follow_up_note"] == "已回访，排查完成9家"
    c = ok(act(api, iv["id"], "close", {"comment": "承诺事项已落实"}))
    assert c["state"] == "closed" and c["closed_at"] is not None and c["allowed_actions"] == []
    assert actions(app, "interview", iv["id"]) == [
        "interview.create",
        "interview.hold",
        "interview.follow_up",
        "interview.close",
    ]
    assert [h["action"] for h in c["history"]] == actions(app, "interview", iv["id"])


def test_an_escalation_interview_must_be_scheduled_before_it_is_held(api: Api, app: Flask, clock: FixedClock) -> None:
    t = rectifying(api)
    iv = from_escalation(app, get_ticket(api, t["id"]))
    got = ok(api.get(f"{INTERVIEWS}/{iv}", as_="supervisor@east"))
    assert got["by_escalation"] is True and got["scheduled_at"] is None and got["place"] is None
    assert_error(act(api, iv, "hold", HELD), 409, "interview_not_scheduled")
    # no place yet: rescheduling must give one
    assert_error(act(api, iv, "reschedule", {"scheduled_at": "2026-09-29T15:00:00+08:00"}), 422, "place_required")
    assert_error(
        act(api, iv, "reschedule", {"scheduled_at": "2026-09-25T09:00:00+08:00", "place": "会议室"}),
        422,
        "scheduled_at_not_in_future",
    )
    r = ok(act(api, iv, "reschedule", {"scheduled_at": "2026-09-29T15:00:00+08:00", "place": "县委组织部"}))
    assert r["scheduled_at"] == "2026-09-29T07:00:00+00:00" and r["place"] == "县委组织部"
    assert r["state"] == "scheduled"
    # moving it again keeps the place
    r = ok(act(api, iv, "reschedule", {"scheduled_at": "2026-09-30T10:00:00+08:00"}))
    assert (r["scheduled_at"], r["place"]) == ("2026-09-30T02:00:00+00:00", "县委组织部")
    move(clock, date(2026, 9, 30), hour=3)
    ok(act(api, iv, "hold", HELD))
    assert get_ticket(api, t["id"])["post_interview_deadline"] == "2026-10-16"
    trail = actions(app, "interview", iv)
    assert trail == ["interview.create", "interview.reschedule", "interview.reschedule", "interview.hold"]
    history = ok(api.get(f"{INTERVIEWS}/{iv}", as_="supervisor@east"))["history"]
    assert history[1]["state_after"]["place"] == "县委组织部"


def test_time_and_place_come_together_at_creation(api: Api) -> None:
    t = rectifying(api)
    assert_error(arrange(api, t["id"], place=None), 422, "place_required")
    assert_error(arrange(api, t["id"], place="  "), 422, "place_required")
    assert_error(arrange(api, t["id"], scheduled_at=None), 422, "scheduled_at_required")
    past = arrange(api, t["id"], scheduled_at="2026-09-24T09:00:00")
    assert_error(past, 422, "scheduled_at_not_in_future")
    later = ok(arrange(api, t["id"], scheduled_at=None, place=None), 201)
    assert later["scheduled_at"] is None and later["place"] is None


def test_hold_needs_minutes_commitments_and_a_future_deadline(api: Api, clock: FixedClock) -> None:
    t = rectifying(api)
    iv = ok(arrange(api, t["id"]), 201)
    move(clock, date(2026, 9, 28), hour=3)
    assert_error(act(api, iv["id"], "hold", {**HELD, "commitments": []}), 422, "validation_failed")
    assert_error(act(api, iv["id"], "hold", {**HELD, "minutes": ""}), 422, "validation_failed")
    assert_error(act(api, iv["id"], "hold", {**HELD, "new_deadline": "2026-09-28"}), 422, "new_deadline_not_in_future")
    assert api.post(f"{INTERVIEWS}/{iv['id']}/hold", as_="supervisor@east", json={**HELD, "x": 1}).status_code == 422
    assert get_ticket(api, t["id"])["rectify_by"] == "2026-10-09"
    assert ok(api.get(f"{INTERVIEWS}/{iv['id']}", as_="supervisor@east"))["state"] == "scheduled"


def test_cancel_needs_a_reason_and_only_a_scheduled_interview(api: Api, app: Flask, clock: FixedClock) -> None:
    t = rectifying(api)
    iv = ok(arrange(api, t["id"]), 201)
    assert_error(act(api, iv["id"], "cancel", {}), 422, "validation_failed")
    c = ok(act(api, iv["id"], "cancel", {"reason": "已按期整改，无需约谈"}))
    assert c["state"] == "cancelled" and c["cancel_reason"] == "已按期整改，无需约谈"
    assert notified(app, "interview.cancelled") == [api.world.users["handler@east_t1"]]
    assert actions(app, "interview", iv["id"])[-1] == "interview.cancel"
    held = ok(arrange(api, t["id"]), 201)
    move(clock, date(2026, 9, 28), hour=3)
    ok(act(api, held["id"], "hold", HELD))
    assert_error(act(api, held["id"], "cancel", {"reason": "x"}), 409, "transition_not_allowed")


def test_a_closed_ticket_keeps_its_deadline_when_an_interview_is_held(api: Api, app: Flask, clock: FixedClock) -> None:
    t = submitted(api)
    iv = ok(arrange(api, t["id"]), 201)  # a submitted ticket may still be discussed
    ok(api.post(f"{TICKETS}/{t['id']}/close", as_="supervisor@east", json={}))
    assert_error(arrange(api, t["id"]), 409, "ticket_not_open")
    move(clock, date(2026, 9, 28), hour=3)
    ok(act(api, iv["id"], "hold", HELD))
    ticket = get_ticket(api, t["id"])
    assert ticket["rectify_by"] == "2026-10-09" and ticket["post_interview_deadline"] is None
    assert "supervision_ticket.interview_deadline" not in actions(app, "supervision_ticket", t["id"])


def test_interviews_about_a_body_or_an_establishment_case(api: Api) -> None:
    body = api.post(
        INTERVIEWS,
        as_="supervisor@city",
        json={
            "subject_type": "jurisdiction",
            "subject_id": api.world.ids["east"],
            "responsible_person": "东县组织部长",
            "reason": "两个覆盖推进滞后",
        },
    )
    got = ok(body, 201)
    assert got["ticket"] is None and got["jurisdiction"]["code"] == "east"
    own = api.post(
        INTERVIEWS,
        as_="supervisor@east",
        json={
            "subject_type": "jurisdiction",
            "subject_id": api.world.ids["east"],
            "responsible_person": "x",
            "reason": "y",
        },
    )
    assert_error(own, 422, "target_not_below_interviewer")
    missing_person = api.post(
        INTERVIEWS,
        as_="supervisor@city",
        json={"subject_type": "jurisdiction", "subject_id": api.world.ids["east"], "reason": "y"},
    )
    assert_error(missing_person, 422, "responsible_person_required")
    unit = make_unit(api, formal_members=3)
    case = new_case(api, [unit["id"]], "branch")
    about_case = api.post(
        INTERVIEWS,
        as_="supervisor@east",
        json={
            "subject_type": "establishment",
            "subject_id": case["id"],
            "responsible_person": "王经理",
            "reason": "筹备超期",
        },
    )
    assert ok(about_case, 201)["jurisdiction"]["code"] == "east_t1"
    ambiguous = api.post(
        INTERVIEWS, as_="supervisor@east", json={"ticket_id": 1, "subject_type": "jurisdiction", "reason": "x"}
    )
    assert_error(ambiguous, 422, "validation_failed")
    assert_error(api.post(INTERVIEWS, as_="supervisor@east", json={"reason": "x"}), 422, "validation_failed")


def test_only_the_interviewer_side_acts_and_the_interviewed_body_reads(api: Api, app: Flask, clock: FixedClock) -> None:
    t = rectifying(api)
    iv = ok(arrange(api, t["id"]), 201)
    path = f"{INTERVIEWS}/{iv['id']}"
    # the interviewed body sees it, read-only
    assert ok(api.get(path, as_="handler@east_t1"))["id"] == iv["id"]
    assert [i["id"] for i in api.get(INTERVIEWS, as_="handler@east_t1").json] == [iv["id"]]
    move(clock, date(2026, 9, 28), hour=3)
    for who, status in (
        ("handler@east_t1", 403),  # the wrong role
        ("supervisor@east_t1", 403),  # the right role on the interviewed side
        ("approver@east", 403),
        ("supervisor@west_t1", 404),  # a body beside: not even visible
        ("handler@west_t1", 403),  # the role is refused before anything is looked up
    ):
        res = act(api, iv["id"], "hold", HELD, as_=who)
        assert res.status_code == status, (who, res.json)
    assert api.get(path, as_="supervisor@west_t1").status_code == 404
    assert api.get(INTERVIEWS, as_="supervisor@west_t1").json == []
    # the handling side may not arrange an interview about its own ticket
    assert_error(arrange(api, t["id"], as_="supervisor@east_t1"), 403, "forbidden")
    assert_error(arrange(api, t["id"], as_="handler@east_t1"), 403, "forbidden")
    assert_error(arrange(api, t["id"], as_="supervisor@west_t1"), 404, "not_found")
    assert actions(app, "interview", iv["id"]) == ["interview.create"]
    # a supervisor above the interviewer body may act
    assert ok(act(api, iv["id"], "hold", HELD, as_="supervisor@city"))["state"] == "held"


def test_list_filters(api: Api) -> None:
    t = rectifying(api)
    a = ok(arrange(api, t["id"]), 201)
    b = ok(arrange(api, t["id"], scheduled_at=None, place=None), 201)
    ok(act(api, b["id"], "cancel", {"reason": "重复"}))

    def found(query: str) -> set[int]:
        res = api.get(f"{INTERVIEWS}?{query}", as_="supervisor@city")
        assert res.status_code == 200, res.json
        return {i["id"] for i in res.json}

    assert found("") == {a["id"], b["id"]}
    assert found("state=cancelled") == {b["id"]}
    assert found(f"ticket_id={t['id']}") == {a["id"], b["id"]}
    assert found("by_escalation=true") == set()
    assert found(f"jurisdiction_id={api.world.ids['west']}") == set()
    assert api.get(f"{INTERVIEWS}?state=done", as_="supervisor@city").status_code == 422
