"""Extension requests (延期): in time up to and including the deadline day, one pending at a time (enforced by
the database too), approved (the deadline in force moves, the original stays, the ladder restarts) or refused."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask

from service.clock import FixedClock
from service.db import transaction
from service.extensions import db
from service.models import TicketExtension
from tests.support.supervision import (
    TICKETS,
    acknowledged,
    actions,
    ask,
    assert_error,
    decide,
    get_ticket,
    issued,
    move,
    notified,
    ok,
    pending_id,
    report,
    submitted,
)
from tests.support.world import Api
from workflows.errors import Conflict


def test_request_the_day_before_the_deadline_then_approve(api: Api, app: Flask, clock: FixedClock) -> None:
    t = acknowledged(api)  # rectify_by 2026-10-09
    move(clock, date(2026, 10, 8))
    got = ok(ask(api, t["id"]), 201)
    assert got["pending_extension"] is True
    (ext,) = got["extensions"]
    assert (ext["status"], ext["status_label"]) == ("pending", "待审核")
    assert (ext["requested_on"], ext["current_deadline"], ext["requested_deadline"]) == (
        "2026-10-08",
        "2026-10-09",
        "2026-10-16",
    )
    assert got["rectify_by"] == "2026-10-09"  # nothing moves before the decision
    assert sorted(notified(app, "ticket.extension_requested")) == [api.world.users["supervisor@east"]]
    decided = ok(decide(api, t["id"], ext["id"], comment="同意"))
    assert decided["rectify_by"] == "2026-10-16" and decided["original_rectify_by"] == "2026-10-09"
    assert decided["rectify_basis"] == "official"
    assert decided["pending_extension"] is False
    (ext,) = decided["extensions"]
    assert (ext["status"], ext["approved_deadline"], ext["decided_by"]) == (
        "approved",
        "2026-10-16",
        api.world.users["supervisor@east"],
    )
    # the ladder restarts on the new deadline: the reminder moves to the first working day after 10-16
    assert decided["escalation_deadline"] == "2026-10-16"
    assert (decided["next_escalation_level"], decided["next_escalation_at"]) == ("reminder", "2026-10-19")
    assert notified(app, "ticket.extension_decided") == [api.world.users["handler@east_t1"]]
    assert actions(app, "supervision_ticket", t["id"])[-2:] == [
        "supervision_ticket.extension_request",
        "supervision_ticket.extension_approved",
    ]
    # a report by the extended deadline closes on time
    move(clock, date(2026, 10, 15))
    ok(api.post(f"{TICKETS}/{t['id']}/start", as_="handler@east_t1"))
    ok(report(api, get_ticket(api, t["id"])))
    assert ok(api.post(f"{TICKETS}/{t['id']}/close", as_="supervisor@east", json={}))["closed_on_time"] is True


def test_the_request_is_in_the_handlers_done_list(api: Api) -> None:
    """已办 (console and /tasks/done) lists the request with its reason: the handler finds where they asked."""
    t = acknowledged(api)
    ok(ask(api, t["id"], reason="涉及单位多，需延长排查时间"), 201)
    rows = api.get("/api/v1/tasks/done?workflow=supervision_ticket", as_="handler@east_t1").json
    assert rows[0]["action"] == "supervision_ticket.extension_request" and rows[0]["subject_id"] == t["id"]
    assert (rows[0]["action_label"], rows[0]["comment"]) == ("申请延期", "涉及单位多，需延长排查时间")


def test_request_on_the_deadline_day_is_in_time(api: Api, clock: FixedClock) -> None:
    t = issued(api)
    move(clock, date(2026, 10, 9), hour=15)  # 23:00 in Beijing, still 10-09
    assert ok(ask(api, t["id"]), 201)["extensions"][0]["requested_on"] == "2026-10-09"


def test_request_after_the_deadline_is_refused(api: Api, app: Flask, clock: FixedClock) -> None:
    t = issued(api)
    move(clock, date(2026, 10, 9), hour=16)  # 00:00 on 10-10 in Beijing
    err = assert_error(ask(api, t["id"]), 422, "extension_too_late")
    assert "new_deadline" in err["errors"]["json"]
    assert get_ticket(api, t["id"])["extensions"] == []
    assert actions(app, "supervision_ticket", t["id"])[-1] == "supervision_ticket.issue"


def test_request_rules(api: Api) -> None:
    t = issued(api)
    assert_error(ask(api, t["id"], "2026-10-09"), 422, "extension_not_later")
    assert_error(ask(api, t["id"], "2026-10-08"), 422, "extension_not_later")
    assert_error(ask(api, t["id"], reason=""), 422, "validation_failed")
    assert_error(ask(api, t["id"], new_deadline="soon"), 422, "validation_failed")
    s = submitted(api)
    assert_error(ask(api, s["id"]), 409, "extension_not_allowed_in_state")


def test_one_pending_request_at_a_time(api: Api, app: Flask) -> None:
    t = issued(api)
    first = ok(ask(api, t["id"]), 201)
    assert_error(ask(api, t["id"], "2026-10-20"), 409, "extension_already_pending")
    assert len(get_ticket(api, t["id"])["extensions"]) == 1
    # once decided, a new request may follow
    ok(decide(api, t["id"], pending_id(first), "reject", comment="理由不充分"))
    assert ok(ask(api, t["id"], "2026-10-20"), 201)["pending_extension"] is True
    assert actions(app, "supervision_ticket", t["id"]).count("supervision_ticket.extension_request") == 2


def test_the_database_refuses_a_second_pending_request(api: Api, app: Flask) -> None:
    """What two concurrent requests would hit: the partial unique index, answered as a 409 conflict."""
    t = issued(api)
    ok(ask(api, t["id"]), 201)
    with app.app_context():
        with pytest.raises(Conflict) as caught, transaction():
            db.session.add(
                TicketExtension(
                    ticket_id=t["id"],
                    status="pending",
                    requested_on=date(2026, 9, 25),
                    current_deadline=date(2026, 10, 9),
                    requested_deadline=date(2026, 10, 30),
                    reason="并发",
                )
            )
            db.session.flush()
        assert caught.value.code == "extension_already_pending"
        # a decided request does not count against the index
        with transaction():
            db.session.add(
                TicketExtension(
                    ticket_id=t["id"],
                    status="rejected",
                    requested_on=date(2026, 9, 25),
                    current_deadline=date(2026, 10, 9),
                    requested_deadline=date(2026, 10, 30),
                    reason="历史",
                )
            )
        db.session.remove()


def test_refusal_needs_a_reason_and_keeps_the_deadline(api: Api, app: Flask) -> None:
    t = issued(api)
    ext = pending_id(ok(ask(api, t["id"]), 201))
    assert_error(decide(api, t["id"], ext, "reject"), 422, "extension_rejection_reason_required")
    assert_error(
        decide(api, t["id"], ext, "reject", comment="x", approved_deadline="2026-10-12"),
        422,
        "approved_deadline_without_approval",
    )
    got = ok(decide(api, t["id"], ext, "reject", comment="期限充足，应按期完成"))
    assert got["rectify_by"] == "2026-10-09" and got["original_rectify_by"] == "2026-10-09"
    (row,) = got["extensions"]
    assert (row["status"], row["status_label"], row["comment"]) == ("rejected", "不予批准", "期限充足，应按期完成")
    assert row["approved_deadline"] is None
    assert_error(decide(api, t["id"], ext, "approve"), 409, "extension_not_pending")
    assert actions(app, "supervision_ticket", t["id"])[-1] == "supervision_ticket.extension_rejected"


def test_approve_less_than_requested(api: Api) -> None:
    t = issued(api)
    ext = pending_id(ok(ask(api, t["id"], "2026-10-23"), 201))
    assert_error(decide(api, t["id"], ext, approved_deadline="2026-10-30"), 422, "approved_deadline_after_requested")
    assert_error(decide(api, t["id"], ext, approved_deadline="2026-10-09"), 422, "extension_not_later")
    got = ok(decide(api, t["id"], ext, approved_deadline="2026-10-16"))
    assert got["rectify_by"] == "2026-10-16" and got["extensions"][0]["approved_deadline"] == "2026-10-16"


def test_decision_for_another_ticket_or_unknown_extension_is_not_found(api: Api) -> None:
    t = issued(api)
    other = issued(api)
    ext = pending_id(ok(ask(api, t["id"]), 201))
    assert_error(decide(api, other["id"], ext), 404, "not_found")
    assert_error(decide(api, t["id"], 99999), 404, "not_found")


def test_close_and_cancel_let_a_pending_request_lapse(api: Api, clock: FixedClock) -> None:
    t = issued(api)
    ok(ask(api, t["id"]), 201)
    got = ok(api.post(f"{TICKETS}/{t['id']}/cancel", as_="supervisor@east", json={"reason": "撤销"}))
    assert [(e["status"], e["status_label"]) for e in got["extensions"]] == [("lapsed", "已失效")]
    assert got["pending_extension"] is False


def test_extension_roles_and_sides(api: Api, app: Flask) -> None:
    t = issued(api)
    # the county's handler is above the township but is not the handling body
    assert_error(ask(api, t["id"], as_="handler@east"), 403, "forbidden")
    assert_error(ask(api, t["id"], as_="supervisor@east"), 403, "forbidden")
    assert_error(ask(api, t["id"], as_="handler@west_t1"), 404, "not_found")
    ext = pending_id(ok(ask(api, t["id"]), 201))
    # the handling side may not decide on its own request, whatever its role
    assert_error(decide(api, t["id"], ext, as_="supervisor@east_t1"), 403, "forbidden")
    assert_error(decide(api, t["id"], ext, as_="handler@east_t1"), 403, "forbidden")
    assert_error(decide(api, t["id"], ext, as_="approver@east"), 403, "forbidden")
    assert_error(decide(api, t["id"], ext, as_="supervisor@west_t1"), 404, "not_found")
    assert get_ticket(api, t["id"])["pending_extension"] is True
    # the issuer's superior may decide
    assert ok(decide(api, t["id"], ext, as_="supervisor@city"))["rectify_by"] == "2026-10-16"


def test_a_request_made_in_time_may_be_decided_after_the_report(api: Api, clock: FixedClock) -> None:
    t = acknowledged(api)
    ok(api.post(f"{TICKETS}/{t['id']}/start", as_="handler@east_t1"))
    move(clock, date(2026, 10, 9))
    ext = pending_id(ok(ask(api, t["id"]), 201))
    move(clock, date(2026, 10, 12))  # reported after the original deadline, while the request was pending
    ok(report(api, get_ticket(api, t["id"])))
    move(clock, date(2026, 10, 13))
    got = ok(decide(api, t["id"], ext))
    assert got["state"] == "submitted" and got["rectify_by"] == "2026-10-16"
    assert got["next_escalation_at"] is None  # with the supervisor: no ladder
    closed = ok(api.post(f"{TICKETS}/{t['id']}/close", as_="supervisor@east", json={}))
    assert closed["closed_on_time"] is True  # judged against the deadline in force


def test_closing_lets_a_pending_request_lapse_and_it_cannot_be_decided_then(api: Api) -> None:
    t = rectifying_with_request(api)
    ok(report(api, get_ticket(api, t)))
    closed = ok(api.post(f"{TICKETS}/{t}/close", as_="supervisor@east", json={}))
    assert [e["status"] for e in closed["extensions"]] == ["lapsed"]
    assert_error(decide(api, t, closed["extensions"][0]["id"]), 409, "extension_not_pending")


def rectifying_with_request(api: Api) -> int:
    t = acknowledged(api)
    ok(api.post(f"{TICKETS}/{t['id']}/start", as_="handler@east_t1"))
    ok(ask(api, t["id"]), 201)
    return int(t["id"])
