"""Every path of a supervision ticket through HTTP: draft → issue → acknowledge → start → report → close, the
returned and cancelled branches, deadlines on the official working-day calendar, and the audit trail."""

from __future__ import annotations

from datetime import date

from flask import Flask
from sqlalchemy import select

from service.clock import FixedClock
from service.extensions import db
from service.models import Webhook, WebhookDelivery
from tests.support.supervision import (
    PROBLEMS,
    TICKETS,
    acknowledged,
    actions,
    assert_error,
    draft,
    get_ticket,
    issued,
    move,
    notified,
    ok,
    rectifying,
    report,
    report_body,
    submitted,
    ticket_payload,
)
from tests.support.world import Api


def test_create_draft_lists_problems_and_computes_nothing_yet(api: Api, app: Flask) -> None:
    t = draft(api)
    assert t["state"] == "draft" and t["state_label"] == "草稿"
    assert t["priority"] == "normal" and t["priority_label"] == "一般"
    assert t["jurisdiction"]["code"] == "east_t1" and t["issuing_body"]["code"] == "east"
    assert [(p["position"], p["description"]) for p in t["problems"]] == [
        (1, PROBLEMS[0]["description"]),
        (2, PROBLEMS[1]["description"]),
    ]
    assert t["rectification_workdays"] == 5 and t["rectification_deadline"] is None
    assert t["issued_on"] is None and t["rectify_by"] is None
    assert t["warning_level"] is None and t["warning_label"] is None
    assert t["allowed_actions"] == ["update", "issue", "cancel"]
    assert actions(app, "supervision_ticket", t["id"]) == ["supervision_ticket.create"]


def test_issue_with_n_working_days_crosses_mid_autumn_and_national_day(api: Api, app: Flask) -> None:
    # Issued on 2026-09-25, the Mid-Autumn Festival (a holiday Friday): the working days that follow are
    # 09-28, 09-29, 09-30, then 10-08 and 10-09 after the National Day week (10-01..10-07).
    t = issued(api, rectification_workdays=5)
    assert t["state"] == "issued" and t["state_label"] == "已下发"
    assert t["issued_on"] == "2026-09-25"
    assert t["rectify_by"] == "2026-10-09" and t["rectify_basis"] == "official"
    assert t["rectify_basis_label"] == "官方节假日安排"
    assert t["original_rectify_by"] == "2026-10-09"
    assert t["acknowledge_by"] == "2026-09-29"  # 2 working days (a setting)
    # the escalation plan follows at once: a reminder on the first working day after the deadline (Saturday
    # 10-10 is a make-up working day)
    assert t["escalation_deadline"] == "2026-10-09"
    assert (t["next_escalation_level"], t["next_escalation_at"]) == ("reminder", "2026-10-10")
    assert t["next_escalation_level_label"] == "催办"
    seven = issued(api, rectification_workdays=7)
    assert seven["rectify_by"] == "2026-10-12"  # 10-10 (make-up Saturday) counts, Sunday 10-11 does not
    assert actions(app, "supervision_ticket", t["id"]) == ["supervision_ticket.create", "supervision_ticket.issue"]


def test_issue_with_a_date_deadline_keeps_the_date(api: Api) -> None:
    t = issued(api, rectification_workdays=None, rectification_deadline="2026-10-05")
    # an explicit date is taken as given, even inside the holiday; the acknowledgement is clamped to it only
    # when it is earlier
    assert t["rectify_by"] == "2026-10-05" and t["rectify_basis"] == "official"
    assert t["acknowledge_by"] == "2026-09-29"
    assert t["rectification_deadline"] == "2026-10-05" and t["rectification_workdays"] is None
    short = issued(api, rectification_workdays=None, rectification_deadline="2026-09-28", priority="urgent")
    assert short["acknowledge_by"] == "2026-09-28"  # clamped to the (earlier) rectification deadline
    # urgent tickets start the ladder at the warning level
    assert short["next_escalation_level"] == "warning"


def test_deadline_in_a_year_the_calendar_does_not_know_is_flagged_fallback(api: Api, clock: FixedClock) -> None:
    move(clock, date(2027, 3, 1))  # a Monday; chinesecalendar 1.11 has no 2027 data
    t = issued(api, rectification_workdays=5)
    assert t["rectify_by"] == "2027-03-08" and t["rectify_basis"] == "fallback"
    assert t["rectify_basis_label"] == "按周一至周五推算"


def test_deadline_rules_are_checked_at_draft_and_issue(api: Api, clock: FixedClock) -> None:
    both = api.post(TICKETS, as_="supervisor@east", json=ticket_payload(api, rectification_deadline="2026-10-20"))
    assert_error(both, 422, "rectification_deadline_ambiguous")
    neither = api.post(TICKETS, as_="supervisor@east", json=ticket_payload(api, rectification_workdays=None))
    assert_error(neither, 422, "rectification_deadline_required")
    past = ticket_payload(api, rectification_workdays=None, rectification_deadline="2026-09-25")
    assert_error(api.post(TICKETS, as_="supervisor@east", json=past), 422, "rectification_deadline_not_after_issue")
    assert_error(
        api.post(TICKETS, as_="supervisor@east", json=ticket_payload(api, problems=[])), 422, "validation_failed"
    )
    blank = ticket_payload(api, problems=[{"description": "问题", "measure": "  "}])
    assert api.post(TICKETS, as_="supervisor@east", json=blank).status_code == 422
    # a draft whose date deadline has passed by the time it is issued is refused then
    t = draft(api, rectification_workdays=None, rectification_deadline="2026-09-30")
    move(clock, date(2026, 9, 30))
    assert_error(
        api.post(f"{TICKETS}/{t['id']}/issue", as_="supervisor@east"), 422, "rectification_deadline_not_after_issue"
    )
    assert get_ticket(api, t["id"])["state"] == "draft"


def test_strict_input_unknown_fields_and_loose_types_are_refused(api: Api) -> None:
    assert api.post(TICKETS, as_="supervisor@east", json={**ticket_payload(api), "state": "closed"}).status_code == 422
    assert (
        api.post(TICKETS, as_="supervisor@east", json=ticket_payload(api, rectification_workdays="5")).status_code
        == 422
    )
    assert api.post(TICKETS, as_="supervisor@east", json=ticket_payload(api, title="x" * 201)).status_code == 422
    assert api.post(TICKETS, as_="supervisor@east", json=ticket_payload(api, priority="asap")).status_code == 422


def test_target_must_be_a_body_strictly_below_the_supervisor(api: Api) -> None:
    own = api.post(TICKETS, as_="supervisor@east", json=ticket_payload(api, "east"))
    assert_error(own, 422, "target_not_below_issuer")
    above = api.post(TICKETS, as_="supervisor@east", json=ticket_payload(api, "city"))
    assert_error(above, 404, "not_found")  # outside the subtree: as if it did not exist
    city = api.post(TICKETS, as_="supervisor@city", json=ticket_payload(api, "city"))
    assert_error(city, 422, "target_not_below_issuer")
    # a county, a street and an industry committee are all valid targets
    for place, who in (("east", "supervisor@city"), ("east_t2", "supervisor@east"), ("east_ic", "admin@east")):
        assert draft(api, place, as_=who)["jurisdiction"]["code"] == place


def test_draft_edit_needs_if_match_and_replaces_problems(api: Api, app: Flask) -> None:
    t = draft(api)
    path = f"{TICKETS}/{t['id']}"
    assert_error(api.patch(path, as_="supervisor@east", json={"title": "新标题"}), 428, "precondition_required")
    stale = api.patch(path, as_="supervisor@east", json={"title": "新标题"}, headers={"If-Match": '"x"'})
    assert_error(stale, 412, "precondition_failed")
    tag = api.get(path, as_="supervisor@east").headers["ETag"]
    changes = {
        "title": "组织覆盖整改",
        "rectification_deadline": "2026-10-30",
        "problems": [{"description": "只有一个问题", "measure": "整改"}],
        "priority": "urgent",
    }
    got = ok(api.patch(path, as_="supervisor@east", json=changes, headers={"If-Match": tag}))
    assert got["title"] == "组织覆盖整改" and got["priority_label"] == "紧急"
    # stating the deadline as a date replaces the working-day count
    assert got["rectification_deadline"] == "2026-10-30" and got["rectification_workdays"] is None
    assert [p["description"] for p in got["problems"]] == ["只有一个问题"]
    assert got["version"] == t["version"] + 1
    assert api.patch(path, as_="supervisor@east", json={"title": "再改"}, headers={"If-Match": tag}).status_code == 412
    trail = actions(app, "supervision_ticket", t["id"])
    assert trail == ["supervision_ticket.create", "supervision_ticket.update"]
    history = get_ticket(api, t["id"])["history"]
    assert history[-1]["state_before"]["problems"][0]["description"] == PROBLEMS[0]["description"]
    # an issued ticket is no longer a draft
    ok(api.post(f"{path}/issue", as_="supervisor@east"))
    tag = api.get(path, as_="supervisor@east").headers["ETag"]
    assert_error(
        api.patch(path, as_="supervisor@east", json={"title": "x"}, headers={"If-Match": tag}),
        409,
        "ticket_not_editable",
    )


def test_issue_notifies_the_handlers_and_publishes_a_webhook(api: Api, app: Flask) -> None:
    with app.app_context():
        hook = Webhook(
            owner_id=api.world.users["portal@east"],
            jurisdiction_id=api.world.ids["east"],
            url="https://portal.example/hook",
            secret="s" * 32,
            events=["supervision_ticket.issued"],
            active=True,
        )
        db.session.add(hook)
        db.session.commit()
        db.session.remove()
    t = issued(api)
    assert notified(app, "ticket.issued") == [api.world.users["handler@east_t1"]]
    with app.app_context():
        deliveries = db.session.execute(select(WebhookDelivery)).scalars().all()
        assert [d.event for d in deliveries] == ["supervision_ticket.issued"]
        assert deliveries[0].payload["data"]["id"] == t["id"]
        assert deliveries[0].payload["data"]["rectify_by"] == "2026-10-09"
        db.session.remove()


def test_acknowledge_start_report_close_on_time(api: Api, app: Flask, clock: FixedClock) -> None:
    t = issued(api)
    handler = "handler@east_t1"
    move(clock, date(2026, 9, 28))
    a = ok(api.post(f"{TICKETS}/{t['id']}/acknowledge", as_=handler))
    assert a["state"] == "acknowledged" and a["acknowledged_by"] == api.world.users[handler]
    assert a["acknowledged_at"].startswith("2026-09-28")
    s = ok(api.post(f"{TICKETS}/{t['id']}/start", as_=handler))
    assert s["state"] == "rectifying" and s["state_label"] == "整改中"
    move(clock, date(2026, 10, 9))  # the deadline day itself is still on time
    r = ok(report(api, s))
    assert r["state"] == "submitted" and r["last_report_on"] == "2026-10-09"
    assert [p["measures_taken"] for p in r["problems"]] == [f"已落实：{p['measure']}" for p in PROBLEMS]
    assert r["problems"][0]["evidence"] == [f"file-{r['problems'][0]['id']}.pdf"]
    assert r["next_escalation_at"] is None  # the ball is with the supervisor: no ladder, no light
    assert r["warning_level"] is None
    assert notified(app, "ticket.reported") == sorted({api.world.users["supervisor@east"]})
    move(clock, date(2026, 10, 14))  # the supervisor's review date does not matter
    c = ok(api.post(f"{TICKETS}/{t['id']}/close", as_="supervisor@east", json={"comment": "整改到位，同意销号"}))
    assert c["state"] == "closed" and c["state_label"] == "已办结（销号）"
    assert c["closed_on_time"] is True and c["closed_at"].startswith("2026-10-14")
    assert c["allowed_actions"] == []
    assert [(x["review_outcome"], x["review_outcome_label"]) for x in c["reports"]] == [("closed", "审核通过")]
    assert actions(app, "supervision_ticket", t["id"]) == [
        "supervision_ticket.create",
        "supervision_ticket.issue",
        "supervision_ticket.acknowledge",
        "supervision_ticket.start_rectification",
        "supervision_ticket.submit_report",
        "supervision_ticket.close",
    ]
    states = [(h["state_before"] or {}).get("state") for h in c["history"][1:]]
    assert states == ["draft", "issued", "acknowledged", "rectifying", "submitted"]


def test_close_late_when_the_report_came_after_the_deadline(api: Api, clock: FixedClock) -> None:
    t = rectifying(api)
    move(clock, date(2026, 10, 12))  # the deadline was 10-09
    r = ok(report(api, t))
    assert r["last_report_on"] == "2026-10-12"
    c = ok(api.post(f"{TICKETS}/{t['id']}/close", as_="supervisor@city", json={}))  # the city is above east
    assert c["closed_on_time"] is False


def test_report_must_cover_every_problem_once(api: Api, app: Flask) -> None:
    t = rectifying(api)
    path = f"{TICKETS}/{t['id']}/report"
    body = report_body(t)
    missing = {**body, "problems_reported": body["problems_reported"][:1]}
    err = assert_error(api.post(path, as_="handler@east_t1", json=missing), 422, "problem_not_reported")
    assert "problems_reported" in err["errors"]["json"]
    twice = {**body, "problems_reported": [body["problems_reported"][0]] * 2}
    assert_error(api.post(path, as_="handler@east_t1", json=twice), 422, "problem_reported_twice")
    other = issued(api)
    foreign = {
        **body,
        "problems_reported": [
            *body["problems_reported"][:1],
            {"problem_id": other["problems"][0]["id"], "measures_taken": "x"},
        ],
    }
    assert_error(api.post(path, as_="handler@east_t1", json=foreign), 422, "unknown_problem")
    blank = {**body, "problems_reported": [{**p, "measures_taken": " "} for p in body["problems_reported"]]}
    assert api.post(path, as_="handler@east_t1", json=blank).status_code == 422
    too_much = {
        **body,
        "problems_reported": [{**body["problems_reported"][0], "evidence": ["f"] * 21}, body["problems_reported"][1]],
    }
    assert api.post(path, as_="handler@east_t1", json=too_much).status_code == 422
    got = get_ticket(api, t["id"])
    assert got["state"] == "rectifying" and got["reports"] == [] and got["last_report_on"] is None
    assert actions(app, "supervision_ticket", t["id"])[-1] == "supervision_ticket.start_rectification"


def test_return_for_rework_then_resubmit_and_close(api: Api, app: Flask, clock: FixedClock) -> None:
    t = submitted(api)
    path = f"{TICKETS}/{t['id']}"
    assert_error(api.post(f"{path}/return", as_="supervisor@east", json={}), 422, "validation_failed")
    assert_error(api.post(f"{path}/return", as_="supervisor@east", json={"reason": "  "}), 422, "validation_failed")
    r = ok(api.post(f"{path}/return", as_="supervisor@east", json={"reason": "佐证材料不全"}))
    assert r["state"] == "rectifying" and r["return_reason"] == "佐证材料不全"
    assert r["pending_action"] == "submit_report" and "退回" in r["pending_action_label"]
    assert r["rectify_by"] == "2026-10-09"  # the deadline in force does not move
    assert notified(app, "ticket.returned") == [api.world.users["handler@east_t1"]]
    move(clock, date(2026, 9, 30))
    again = ok(report(api, r))
    assert again["state"] == "submitted" and again["last_report_on"] == "2026-09-30"
    assert [x["review_outcome"] for x in again["reports"]] == ["returned", None]
    closed = ok(api.post(f"{path}/close", as_="supervisor@east", json={}))
    assert closed["closed_on_time"] is True
    assert [x["review_outcome"] for x in closed["reports"]] == ["returned", "closed"]
    assert actions(app, "supervision_ticket", t["id"])[-4:] == [
        "supervision_ticket.submit_report",
        "supervision_ticket.return_for_rework",
        "supervision_ticket.submit_report",
        "supervision_ticket.close",
    ]


def test_cancel_needs_a_reason_and_stops_the_ladder(api: Api, app: Flask) -> None:
    t = acknowledged(api)
    path = f"{TICKETS}/{t['id']}/cancel"
    assert_error(api.post(path, as_="supervisor@east", json={}), 422, "validation_failed")
    c = ok(api.post(path, as_="supervisor@east", json={"reason": "督办事项已合并"}))
    assert c["state"] == "cancelled" and c["state_label"] == "已撤销" and c["cancel_reason"] == "督办事项已合并"
    assert c["next_escalation_at"] is None and c["warning_level"] is None
    assert actions(app, "supervision_ticket", t["id"])[-1] == "supervision_ticket.cancel"
    assert_error(api.post(path, as_="supervisor@east", json={"reason": "再撤销"}), 409, "transition_not_allowed")
    d = draft(api)
    assert ok(api.post(f"{TICKETS}/{d['id']}/cancel", as_="supervisor@east", json={"reason": "草稿作废"}))["state"] == (
        "cancelled"
    )


def test_transitions_out_of_order_are_conflicts_and_change_nothing(api: Api, app: Flask) -> None:
    t = issued(api)
    path = f"{TICKETS}/{t['id']}"
    assert_error(api.post(f"{path}/start", as_="handler@east_t1"), 409, "transition_not_allowed")
    assert_error(api.post(f"{path}/report", as_="handler@east_t1", json=report_body(t)), 409, "transition_not_allowed")
    assert_error(api.post(f"{path}/close", as_="supervisor@east", json={}), 409, "transition_not_allowed")
    assert_error(api.post(f"{path}/return", as_="supervisor@east", json={"reason": "x"}), 409, "transition_not_allowed")
    assert_error(api.post(f"{path}/issue", as_="supervisor@east"), 409, "transition_not_allowed")
    assert get_ticket(api, t["id"])["version"] == t["version"]
    assert actions(app, "supervision_ticket", t["id"]) == ["supervision_ticket.create", "supervision_ticket.issue"]


def test_optional_if_match_on_actions(api: Api) -> None:
    t = issued(api)
    path = f"{TICKETS}/{t['id']}/acknowledge"
    assert_error(api.post(path, as_="handler@east_t1", headers={"If-Match": '"stale"'}), 412, "precondition_failed")
    tag = api.get(f"{TICKETS}/{t['id']}", as_="handler@east_t1").headers["ETag"]
    res = api.post(path, as_="handler@east_t1", headers={"If-Match": tag})
    assert res.status_code == 200 and res.headers["ETag"] != tag
