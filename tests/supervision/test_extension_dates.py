"""Issue 7: the supervisor's approved extension deadline against the decision day.

While the deadline binds the unit, granting a day that has already gone is refused (422 on approved_deadline);
once the unit has reported, a past date is still a fair verdict on whether the report came in time."""

from __future__ import annotations

from datetime import date

from flask import Flask

from service.clock import FixedClock
from tests.support.supervision import (
    TICKETS,
    acknowledged,
    actions,
    ask,
    assert_error,
    decide,
    get_ticket,
    move,
    ok,
    pending_id,
    report,
)
from tests.support.world import Api


def test_granting_a_past_day_while_rectifying_is_refused(api: Api, app: Flask, clock: FixedClock) -> None:
    t = acknowledged(api)  # rectify_by 2026-10-09
    move(clock, date(2026, 10, 9))
    ext = pending_id(ok(ask(api, t["id"], new_deadline="2026-10-20"), 201))
    move(clock, date(2026, 10, 14))  # decided five days later
    before = actions(app, "supervision_ticket", t["id"])
    err = assert_error(decide(api, t["id"], ext, approved_deadline="2026-10-13"), 422, "approved_deadline_in_past")
    assert "approved_deadline" in err["errors"]["json"]
    got = get_ticket(api, t["id"])
    assert got["rectify_by"] == "2026-10-09" and got["pending_extension"] is True
    assert actions(app, "supervision_ticket", t["id"]) == before
    # The decision day itself is still a deadline the unit can meet.
    assert ok(decide(api, t["id"], ext, approved_deadline="2026-10-14"))["rectify_by"] == "2026-10-14"


def test_after_the_report_a_past_day_may_be_granted(api: Api, clock: FixedClock) -> None:
    t = acknowledged(api)
    ok(api.post(f"{TICKETS}/{t['id']}/start", as_="handler@east_t1"))
    move(clock, date(2026, 10, 9))
    ext = pending_id(ok(ask(api, t["id"]), 201))
    move(clock, date(2026, 10, 12))
    ok(report(api, get_ticket(api, t["id"])))
    move(clock, date(2026, 10, 14))
    got = ok(decide(api, t["id"], ext, approved_deadline="2026-10-12"))
    assert got["state"] == "submitted" and got["rectify_by"] == "2026-10-12"
    closed = ok(api.post(f"{TICKETS}/{t['id']}/close", as_="supervisor@east", json={}))
    assert closed["closed_on_time"] is True
