"""Pairing agreements through the API: the path, refusals that change nothing, If-Match, the year's ladder,
webhooks and the generic settings variable."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from service.config import workflow_settings
from service.extensions import db
from service.models import WebhookDelivery
from service.models.pairing import PairingAgreement
from service.operations.engines import escalation
from tests.support.access.matrix import etag
from tests.support.database import audit_count, fingerprint
from tests.support.escalation import events, notification_count
from tests.support.pairing import URL, body, in_force, ok, org
from tests.support.webhooks import register
from tests.support.world import Api, World


def test_the_whole_path(app: Flask, api: Api, world: World) -> None:
    register(api, "admin@city", "https://portal.example.org/hooks", ["*"])
    a = ok(api.post(URL, as_="supervisor@east", json=body(app, world)), 201)
    # Organisations of two townships: followed by the county above both.
    assert (a["state"], a["state_label"], a["jurisdiction"]["code"]) == ("draft", "草拟中", "east")
    assert a["lagging"] == ["visits", "trainings", "activists"]
    a = ok(api.post(f"{URL}/{a['id']}/sign", as_="supervisor@east", json={"signed_on": "2026-09-20"}))
    a = ok(api.post(f"{URL}/{a['id']}/take-effect", as_="supervisor@east"))
    assert (a["state"], a["effective_on"]) == ("in_force", "2026-09-25")
    a = ok(api.post(f"{URL}/{a['id']}/progress", as_="supervisor@east", json={"visits": 2, "trainings": 1}))
    a = ok(api.post(f"{URL}/{a['id']}/progress", as_="supervisor@east", json={"activists": 2}))
    assert a["done"] == {"visits": 2, "trainings": 1, "activists": 2} and a["lagging"] == []
    a = ok(api.post(f"{URL}/{a['id']}/review", as_="supervisor@east", json={"note": "全部完成"}))
    assert (a["state"], a["duties_met"], a["reviewed_on"]) == ("year_reviewed", True, "2026-09-25")
    actions = [h["action"] for h in a["history"]]
    assert actions == [
        f"pairing_agreement.{x}" for x in ("create", "signed", "in_force", "progress", "progress", "year_reviewed")
    ]
    with app.app_context():
        sent = set(db.session.execute(select(WebhookDelivery.event)).scalars())
    assert {"pairing_agreement.signed", "pairing_agreement.year_reviewed"} <= sent
    listed = api.get(f"{URL}?state=year_reviewed", as_="instructor@east")
    assert listed.status_code == 200 and [x["id"] for x in listed.json] == [a["id"]]


def test_a_year_behind_the_plan_is_reviewed_as_not_met(app: Flask, api: Api, world: World) -> None:
    a = in_force(api, app, world)
    a = ok(api.post(f"{URL}/{a['id']}/review", as_="handler@east_t1", json={}))
    assert a["duties_met"] is False


@pytest.mark.parametrize(
    ("change", "status", "field", "code"),
    [
        ({"planned_visits": 1}, 422, "planned_visits", "plan_visits_too_few"),
        ({"planned_activists": 4}, 422, "planned_activists", "plan_activists_out_of_range"),
        ({"duties_due_on": "2027-01-10"}, 422, "duties_due_on", "due_on_outside_year"),
        ({"planned_trainings": "一次"}, 422, "planned_trainings", "validation_failed"),
        ({"title": None}, 422, "title", "validation_failed"),
        ({"extra": 1}, 422, "extra", "validation_failed"),
    ],
)
def test_bad_input_is_refused_with_a_field_and_changes_nothing(
    app: Flask, api: Api, world: World, change: dict[str, Any], status: int, field: str, code: str
) -> None:
    data = body(app, world)
    before = fingerprint(app)
    res = api.post(URL, as_="admin@east", json={**data, **change})
    assert res.status_code == status and res.json["code"] == code, res.json
    assert field in res.json["errors"]["json"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(res.json["errors"]["json"][field]))
    assert fingerprint(app) == before


def test_the_same_organisation_twice_is_refused(app: Flask, api: Api, world: World) -> None:
    one = org(app, world, "east_t1")
    res = api.post(URL, as_="admin@east", json={**body(app, world), "org_a_id": one, "org_b_id": one})
    assert (res.status_code, res.json["code"]) == (422, "same_party_org")


def test_scope_and_roles(app: Flask, api: Api, world: World) -> None:
    before = audit_count(app)
    # An organisation outside the caller's scope is not found; a role outside `manage` is refused first.
    assert api.post(URL, as_="admin@east", json=body(app, world, "east_t1", "west_t1")).status_code == 404
    assert api.post(URL, as_="approver@east", json=body(app, world)).status_code == 403
    a = in_force(api, app, world)
    assert api.get(f"{URL}/{a['id']}", as_="supervisor@west_t1").status_code == 404
    assert api.post(f"{URL}/{a['id']}/review", as_="portal@east_t1", json={}).status_code == 403
    assert audit_count(app) == before + 3  # only the three commands of in_force()


def test_conflicts_and_if_match(app: Flask, api: Api, world: World) -> None:
    a = in_force(api, app, world)
    res = api.post(f"{URL}/{a['id']}/sign", as_="handler@east_t1", json={"signed_on": "2026-09-21"})
    assert (res.status_code, res.json["code"]) == (409, "transition_not_allowed")
    stale = f'"pairing_agreements-{a["id"]}-v1"'
    res = api.post(f"{URL}/{a['id']}/progress", as_="handler@east_t1", json={"visits": 1}, headers={"If-Match": stale})
    assert res.status_code == 412
    fresh = etag(app, PairingAgreement, a["id"])
    res = api.post(f"{URL}/{a['id']}/progress", as_="handler@east_t1", json={"visits": 1}, headers={"If-Match": fresh})
    assert res.status_code == 200
    res = api.post(f"{URL}/{a['id']}/terminate", as_="handler@east_t1", json={"reason": "  "})
    assert res.status_code == 422
    done = ok(api.post(f"{URL}/{a['id']}/review", as_="handler@east_t1", json={}))
    res = api.post(f"{URL}/{done['id']}/progress", as_="handler@east_t1", json={"visits": 1})
    assert (res.status_code, res.json["code"]) == (409, "not_in_force")


def test_behind_the_plan_climbs_the_declared_ladder(app: Flask, api: Api, world: World) -> None:
    a = in_force(api, app, world)
    # Due 09-30 and behind: the reminder falls on the first working day after (10-08, after National Day).
    assert (a["next_escalation_level"], a["next_escalation_at"]) == ("reminder", "2026-10-08")
    with app.app_context():
        assert escalation.escalate("pairing_agreement", a["id"], date(2026, 10, 8)) == "reminder"
        db.session.remove()
    assert events(app, "pairing_agreement") == [("pairing_agreement", a["id"], "reminder")]
    assert notification_count(app, "escalation.reminder") >= 1
    a = ok(api.get(f"{URL}/{a['id']}", as_="handler@east_t1"))
    assert (a["escalation_level"], a["next_escalation_level"], a["next_escalation_at"]) == (
        "reminder",
        "warning",
        "2026-10-14",  # 5 working days: 09, 10 (make-up Saturday), 12, 13, 14
    )
    # Caught up: nothing more to escalate.
    a = ok(
        api.post(f"{URL}/{a['id']}/progress", as_="handler@east_t1", json={"visits": 2, "trainings": 1, "activists": 2})
    )
    assert a["next_escalation_at"] is None


def test_settings_by_the_generic_variable() -> None:
    s = workflow_settings({"PAIRING_AGREEMENT_SETTINGS": '{"min_visits": 4}'})["pairing_agreement"]
    assert (s.min_visits, s.min_trainings) == (4, 1)
    with pytest.raises(ValueError, match="PAIRING_AGREEMENT_SETTINGS"):
        workflow_settings({"PAIRING_AGREEMENT_SETTINGS": '{"visits": 4}'})
    with pytest.raises(ValueError):
        workflow_settings({"PAIRING_AGREEMENT_SETTINGS": '{"min_activists": 9}'})
