"""Issue 7: every date the API accepts lies in the date window (default 2000-01-01..2100-12-31), checked at the
door (422 naming the field, nothing stored), and the last allowed day works all the way through: issue, the
escalation ladder, an approved extension, an interview's new deadline."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from service import create_app
from service.clock import FixedClock
from service.extensions import db
from service.models import SupervisionTicket, TicketExtension
from tests.support.supervision import (
    INTERVIEWS,
    TICKETS,
    acknowledged,
    draft,
    get_ticket,
    move,
    ok,
    rectifying,
    ticket_payload,
)
from tests.support.world import Api
from workflows.dates import DateWindow

MESSAGE = "日期须在2000-01-01至2100-12-31之间"
LAST = "2100-12-31"
FAR = "9999-12-31"


def refused(resp: Any, field: str, location: str = "json", message: str = MESSAGE) -> None:
    assert resp.status_code == 422, (resp.status_code, resp.get_json())
    assert resp.json["errors"][location][field] == [message], resp.json


def count(app: Flask, model: Any) -> int:
    with app.app_context():
        n = db.session.scalar(select(func.count()).select_from(model))
        db.session.remove()
    return int(n or 0)


def draft_response(api: Api, deadline: str) -> Any:
    body = ticket_payload(api, rectification_deadline=deadline, rectification_workdays=None)
    return api.post(TICKETS, as_="supervisor@east", json=body)


# -- the reported failures ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("day", [FAR, "2101-01-01", "1999-12-31"])
def test_a_ticket_deadline_outside_the_window_is_refused_and_nothing_is_stored(api: Api, app: Flask, day: str) -> None:
    refused(draft_response(api, day), "rectification_deadline")
    assert count(app, SupervisionTicket) == 0
    # and an update of a draft the same way
    t = draft(api)
    refused(api.patch(f"{TICKETS}/{t['id']}", as_="supervisor@east", json={"rectification_deadline": day}),
            "rectification_deadline")  # fmt: skip


def test_a_ticket_due_on_the_last_allowed_day_issues_and_plans_its_ladder(api: Api, app: Flask) -> None:
    # The report: 9999-12-31 was accepted (201), then issue answered 500 and the ticket stayed a draft.
    refused(draft_response(api, FAR), "rectification_deadline")
    assert count(app, SupervisionTicket) == 0
    t = ok(draft_response(api, LAST), 201)
    issued = ok(api.post(f"{TICKETS}/{t['id']}/issue", as_="supervisor@east"))
    assert issued["state"] == "issued"
    assert issued["rectify_by"] == LAST
    # the ladder starts after the deadline: computed in 2101 without overflow (Monday–Friday basis)
    assert issued["next_escalation_at"] == "2101-01-03"


def test_an_extension_to_a_far_date_is_refused_and_to_the_last_day_is_approved(
    api: Api, app: Flask, clock: FixedClock
) -> None:
    t = acknowledged(api)  # rectify_by 2026-10-09
    move(clock, date(2026, 10, 8))
    ask = f"{TICKETS}/{t['id']}/extensions"
    refused(api.post(ask, as_="handler@east_t1", json={"new_deadline": FAR, "reason": "需要更多时间"}), "new_deadline")
    assert count(app, TicketExtension) == 0
    got = ok(api.post(ask, as_="handler@east_t1", json={"new_deadline": LAST, "reason": "需要更多时间"}), 201)
    (ext,) = got["extensions"]
    decide = f"{TICKETS}/{t['id']}/extensions/{ext['id']}/decide"
    refused(api.post(decide, as_="supervisor@east", json={"decision": "approve", "approved_deadline": FAR}),
            "approved_deadline")  # fmt: skip
    approved = ok(api.post(decide, as_="supervisor@east", json={"decision": "approve"}))
    assert approved["rectify_by"] == LAST
    assert approved["next_escalation_at"] == "2101-01-03"
    assert get_ticket(api, t["id"])["extensions"][0]["status"] == "approved"


def test_an_interview_far_in_the_future_is_refused_and_its_deadline_may_be_the_last_day(
    api: Api, app: Flask, clock: FixedClock
) -> None:
    t = rectifying(api)
    body = {"ticket_id": t["id"], "reason": "督办单逾期未整改", "place": "县委组织部会议室"}
    refused(api.post(INTERVIEWS, as_="supervisor@east", json={**body, "scheduled_at": f"{FAR}T09:00:00"}),
            "scheduled_at")  # fmt: skip
    # the day counts in Beijing time: 2100-12-31 23:00 at UTC-5 is already 2101 in Beijing
    refused(api.post(INTERVIEWS, as_="supervisor@east", json={**body, "scheduled_at": f"{LAST}T23:00:00-05:00"}),
            "scheduled_at")  # fmt: skip
    iv = ok(api.post(INTERVIEWS, as_="supervisor@east", json={**body, "scheduled_at": "2026-09-28T09:00:00"}), 201)
    refused(api.post(f"{INTERVIEWS}/{iv['id']}/reschedule", as_="supervisor@east", json={"scheduled_at": FAR}),
            "scheduled_at")  # fmt: skip
    move(clock, date(2026, 9, 28), hour=3)
    held = {"minutes": "说明了滞后原因", "commitments": ["限期完成整改"]}
    hold = f"{INTERVIEWS}/{iv['id']}/hold"
    refused(api.post(hold, as_="supervisor@east", json={**held, "new_deadline": FAR}), "new_deadline")
    assert ok(api.post(hold, as_="supervisor@east", json={**held, "new_deadline": LAST}))["new_deadline"] == LAST
    ticket = get_ticket(api, t["id"])
    assert ticket["post_interview_deadline"] == LAST and ticket["next_escalation_at"] == "2101-01-03"


# -- every other date input: refused at the door, before anything is looked up --------------------------------


@pytest.mark.parametrize(
    ("path", "as_", "body", "field"),
    [
        ("/api/v1/establishment-cases/1/found", "admin@east",
         {"held_on": FAR, "entitled": 5, "present": 5, "secretary": "张三", "elected": []}, "held_on"),
        ("/api/v1/establishment-cases/1/found", "admin@east",
         {"held_on": "2026-09-25", "term_start": FAR, "entitled": 5, "present": 5, "secretary": "张三",
          "elected": []}, "term_start"),
        ("/api/v1/tasks/1/decide", "approver@east", {"action": "approve", "approved_on": FAR}, "approved_on"),
        ("/api/v1/tasks/1/decide", "approver@east", {"action": "approve", "meeting_on": "1999-12-31"}, "meeting_on"),
        ("/api/v1/tasks/1/vote", "approver@east",
         {"members": 5, "present": 5, "votes_for": 5, "votes_against": 0, "meeting_on": FAR}, "meeting_on"),
    ],
)  # fmt: skip
def test_other_date_inputs_are_checked(api: Api, path: str, as_: str, body: dict[str, Any], field: str) -> None:
    refused(api.post(path, as_=as_, json=body), field)


def test_query_string_dates_are_checked_at_both_edges(api: Api) -> None:
    orgs = "/api/v1/party-orgs?term_due_before="
    refused(api.get(orgs + FAR, as_="admin@east"), "term_due_before", "query")
    refused(api.get(orgs + "1999-12-31", as_="admin@east"), "term_due_before", "query")
    assert api.get(orgs + "2000-01-01", as_="admin@east").status_code == 200
    assert api.get(orgs + LAST, as_="admin@east").status_code == 200
    deadline = "/api/v1/calendar/deadline?workdays=1000&start="
    refused(api.get(deadline + "2101-01-01", as_="portal@east_t1"), "start", "query")
    last = ok(api.get(deadline + LAST, as_="portal@east_t1"))
    assert last["basis"] == "fallback" and last["deadline"] > LAST
    assert ok(api.get(deadline + "2000-01-01", as_="portal@east_t1"))["deadline"].startswith("2003-")


# -- one setting: DATE_MIN_YEAR / DATE_MAX_YEAR move the door and the calendar's years together -------------------


@pytest.mark.commits  # a second app, on its own connection
def test_the_window_is_a_setting_shared_with_the_calendar(api: Api, app: Flask, clock: FixedClock) -> None:
    settings = dataclasses.replace(app.config["SETTINGS"], date_window=DateWindow(2010, 2030))
    other = create_app(settings, clock=clock)
    other.testing = True
    narrow = Api(other.test_client(), api.world)
    try:
        message = "日期须在2010-01-01至2030-12-31之间"
        body = {"new_deadline": "2031-01-01", "reason": "需要更多时间"}
        t = acknowledged(api)
        refused(narrow.post(f"{TICKETS}/{t['id']}/extensions", as_="handler@east_t1", json=body), "new_deadline",
                message=message)  # fmt: skip
        assert narrow.get("/api/v1/calendar/2031", as_="handler@east_t1").status_code == 404
        assert narrow.get("/api/v1/calendar/2030", as_="handler@east_t1").status_code == 200
        # the default app still accepts 2031 and shows its calendar
        assert api.get("/api/v1/calendar/2031", as_="handler@east_t1").status_code == 200
    finally:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()


def test_settings_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    from service.config import Settings

    monkeypatch.setenv("DATE_MIN_YEAR", "2010")
    monkeypatch.setenv("DATE_MAX_YEAR", "2050")
    assert Settings.from_env().date_window == DateWindow(2010, 2050)
    monkeypatch.setenv("DATE_MAX_YEAR", "9999")  # no room left for working-day arithmetic: refused at start-up
    with pytest.raises(ValueError, match="date window"):
        Settings.from_env()
