"""Party activities through the API: record, correct, withdraw (audited), who may record for which unit,
refusals that change nothing, If-Match, and the list of units operating a year with no activity."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from service.clock import FixedClock
from service.config import workflow_settings
from service.extensions import db
from service.models import WebhookDelivery
from service.models.synchronisation import PartyActivity
from tests.support.access.matrix import etag
from tests.support.database import fingerprint
from tests.support.synchronisation import ACTIVITIES, activity, ok, unit_since
from tests.support.webhooks import register
from tests.support.world import Api, World
from workflows.synchronisation import SynchronisationSettings
from workflows.synchronisation import inactive as rule_inactive

INACTIVE = f"{ACTIVITIES}/inactive-units"


def test_record_correct_withdraw(app: Flask, api: Api, world: World, clock: FixedClock) -> None:
    register(api, "admin@city", "https://portal.example.org/hooks", ["*"])
    unit = unit_since(api, world, clock, "2025-01-10")
    a = ok(api.post(ACTIVITIES, as_="handler@east_t1", json=activity(unit, attendance=12)), 201)
    assert (a["state"], a["kind_label"], a["attendance"], a["unit"]["id"]) == ("recorded", "主题党日", 12, unit)
    a = ok(
        api.post(
            f"{ACTIVITIES}/{a['id']}/correct",
            as_="handler@east",
            json={
                "kind": "three_meetings",
                "held_on": "2026-09-18",
                "attendance": 10,
                "description": "支部委员会",
                "reason": "类型录错",
            },
        )
    )
    assert (a["kind"], a["held_on"], a["attendance"]) == ("three_meetings", "2026-09-18", 10)
    correction = a["history"][-1]
    assert correction["action"] == "party_activity.correct" and correction["comment"] == "类型录错"
    assert correction["state_before"]["kind"] == "theme_day" and correction["state_after"]["kind"] == "three_meetings"
    a = ok(api.post(f"{ACTIVITIES}/{a['id']}/withdraw", as_="handler@east_t1", json={"reason": "重复登记"}))
    assert (a["state"], a["withdrawn_reason"]) == ("withdrawn", "重复登记")
    refused = api.post(f"{ACTIVITIES}/{a['id']}/withdraw", as_="handler@east_t1", json={"reason": "再撤"})
    assert refused.status_code == 409
    with app.app_context():
        sent = list(db.session.execute(select(WebhookDelivery.event)).scalars())
    assert "party_activity.recorded" in sent
    listed = api.get(f"{ACTIVITIES}?unit_id={unit}&state=withdrawn", as_="supervisor@east")
    assert [x["id"] for x in listed.json] == [a["id"]]


def test_an_instructor_records_only_for_the_units_they_guide(api: Api, world: World, clock: FixedClock) -> None:
    guided = unit_since(api, world, clock, "2025-01-10", instructor_id=world.users["instructor@east_t1"])
    other = unit_since(api, world, clock, "2025-01-10")
    ok(api.post(ACTIVITIES, as_="instructor@east_t1", json=activity(guided)), 201)
    refused = api.post(ACTIVITIES, as_="instructor@east_t1", json=activity(other))
    assert refused.status_code == 403 and refused.json["message"] == "党建指导员只能为所指导的单位登记"
    theirs = ok(api.post(ACTIVITIES, as_="handler@east_t1", json=activity(other)), 201)
    correction = {**activity(other), "reason": "改"}
    del correction["unit_id"]
    refused = api.post(f"{ACTIVITIES}/{theirs['id']}/correct", as_="instructor@east_t1", json=correction)
    assert refused.status_code == 403
    # Portals speak for one enterprise: they do not record party activities.
    assert api.post(ACTIVITIES, as_="portal@east_t1", json=activity(guided)).status_code == 403


@pytest.mark.parametrize(
    ("change", "status", "field"),
    [
        ({"held_on": "2026-09-26"}, 422, "held_on"),  # tomorrow (today is 2026-09-25)
        ({"attendance": 0}, 422, "attendance"),
        ({"attendance": "5"}, 422, "attendance"),
        ({"kind": "party"}, 422, "kind"),
        ({"description": "  "}, 422, "description"),
        ({"unit_id": 999999}, 404, None),
    ],
)
def test_bad_records_change_nothing(
    app: Flask, api: Api, world: World, clock: FixedClock, change: dict[str, Any], status: int, field: str | None
) -> None:
    unit = unit_since(api, world, clock, "2025-01-10")
    before = fingerprint(app)
    res = api.post(ACTIVITIES, as_="handler@east_t1", json={**activity(unit), **change})
    assert res.status_code == status, res.get_data(as_text=True)
    if field is not None:
        assert field in res.json["errors"]["json"]
    assert fingerprint(app) == before


def test_out_of_scope_is_not_found(api: Api, world: World, clock: FixedClock) -> None:
    west = unit_since(api, world, clock, "2025-01-10", code="west_t1")
    assert api.post(ACTIVITIES, as_="handler@east", json=activity(west)).status_code == 404
    a = ok(api.post(ACTIVITIES, as_="handler@west_t1", json=activity(west)), 201)
    assert api.get(f"{ACTIVITIES}/{a['id']}", as_="handler@east").status_code == 404


def test_a_stale_if_match_is_refused(app: Flask, api: Api, world: World, clock: FixedClock) -> None:
    unit = unit_since(api, world, clock, "2025-01-10")
    a = ok(api.post(ACTIVITIES, as_="handler@east_t1", json=activity(unit)), 201)
    tag = etag(app, PartyActivity, a["id"])
    ok(
        api.post(
            f"{ACTIVITIES}/{a['id']}/withdraw", as_="handler@east_t1", json={"reason": "错"}, headers={"If-Match": tag}
        )
    )
    # The same tag after the change: stale.
    correction = {**activity(unit), "reason": "改"}
    del correction["unit_id"]
    res = api.post(f"{ACTIVITIES}/{a['id']}/correct", as_="handler@east_t1", json=correction, headers={"If-Match": tag})
    assert res.status_code == 412


def test_the_inactive_list_at_its_edges(app: Flask, api: Api, world: World, clock: FixedClock) -> None:
    """Today is 2026-09-25: in the ledger since 2025-09-25 or before and no activity since 2025-09-25."""
    exactly_a_year = unit_since(api, world, clock, "2025-09-25")
    a_day_short = unit_since(api, world, clock, "2025-09-26")
    active_on_edge = unit_since(api, world, clock, "2024-03-01")
    active_before_edge = unit_since(api, world, clock, "2024-03-01")
    withdrawn_only = unit_since(api, world, clock, "2024-03-01")
    suspended = unit_since(api, world, clock, "2024-03-01", operating_status="suspended")
    small = unit_since(api, world, clock, "2024-03-01", employees=10)  # not in scope
    ok(api.post(ACTIVITIES, as_="handler@east_t1", json=activity(active_on_edge, "2025-09-25")), 201)
    ok(api.post(ACTIVITIES, as_="handler@east_t1", json=activity(active_before_edge, "2025-09-24")), 201)
    w = ok(api.post(ACTIVITIES, as_="handler@east_t1", json=activity(withdrawn_only, "2026-09-01")), 201)
    ok(api.post(f"{ACTIVITIES}/{w['id']}/withdraw", as_="handler@east_t1", json={"reason": "错"}))
    listed = api.get(f"{INACTIVE}?jurisdiction_id={world.ids['east_t1']}", as_="supervisor@east")
    assert listed.status_code == 200
    rows = {r["unit_id"]: r for r in listed.json}
    assert set(rows) == {exactly_a_year, active_before_edge, withdrawn_only}
    assert {a_day_short, active_on_edge, suspended, small}.isdisjoint(rows)
    assert rows[active_before_edge]["last_activity_on"] == "2025-09-24"
    assert rows[withdrawn_only]["last_activity_on"] is None
    assert rows[exactly_a_year]["operating_since"] == "2025-09-25"
    assert listed.headers["X-Pagination"]
    # The SQL and the pure rule agree on every listed row.
    for r in rows.values():
        last = r["last_activity_on"] and date.fromisoformat(r["last_activity_on"])
        assert rule_inactive(date.fromisoformat(r["operating_since"]), last, date(2026, 9, 25))
    # Outside the caller's scope: not found.
    assert api.get(f"{INACTIVE}?jurisdiction_id={world.ids['west_t1']}", as_="supervisor@east").status_code == 404


def test_the_windows_follow_the_settings(app: Flask, api: Api, world: World, clock: FixedClock) -> None:
    """PARTY_ACTIVITY_SETTINGS: with six-month windows a unit in the ledger since March with an activity on the
    window's day before is listed; with the defaults it is not (not yet a year in the ledger)."""
    s = workflow_settings({"PARTY_ACTIVITY_SETTINGS": '{"operating_months": 6, "activity_window_months": 6}'})
    assert s["party_activity"] == SynchronisationSettings(6, 6)
    with pytest.raises(ValueError, match="PARTY_ACTIVITY_SETTINGS"):
        workflow_settings({"PARTY_ACTIVITY_SETTINGS": '{"months": 6}'})
    unit = unit_since(api, world, clock, "2026-03-20")
    ok(api.post(ACTIVITIES, as_="handler@east_t1", json=activity(unit, "2026-03-24")), 201)
    url = f"{INACTIVE}?jurisdiction_id={world.ids['east_t1']}"
    assert unit not in {r["unit_id"] for r in api.get(url, as_="admin@east").json}
    saved = app.config["SETTINGS"]
    app.config["SETTINGS"] = replace(saved, workflows={**saved.workflows, "party_activity": s["party_activity"]})
    try:
        assert unit in {r["unit_id"] for r in api.get(url, as_="admin@east").json}
    finally:
        app.config["SETTINGS"] = saved
