"""Webhooks: registration (secret shown once), validation, roles and scope, publishing, the delivery log."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from service.auth import system_actor
from service.db import transaction
from service.extensions import db
from service.inputs import UserChanges
from service.models import AuditEvent, Webhook, WebhookDelivery
from service.operations.engines import webhooks
from service.operations.reference import users
from service.vocab import WEBHOOK_EVENTS
from tests.support.webhooks import WEBHOOKS, path_of, register
from tests.support.world import Api, World

URL = "https://portal.example.org/dangjian/hooks"


def _deliveries(app: Flask) -> list[tuple[int, str, str]]:
    with app.app_context():
        rows = db.session.execute(
            select(WebhookDelivery.webhook_id, WebhookDelivery.event, WebhookDelivery.status).order_by(
                WebhookDelivery.id
            )
        ).all()
        db.session.remove()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def _publish(app: Flask, event: str, payload: dict[str, Any], path: str) -> int:
    with app.app_context():
        with transaction():
            count = webhooks.publish(event, payload, path)
        db.session.remove()
    return count


# --------------------------------------------------------------------------------------------------
# registration


def test_register_returns_the_secret_once(app: Flask, api: Api, world: World) -> None:
    body = register(api, "portal@east_t1", URL, ["supervision_ticket.issued", "escalation.reminder"])
    assert body["secret"].startswith("whsec_") and len(body["secret"]) > 40
    assert body["events"] == ["supervision_ticket.issued", "escalation.reminder"]
    assert body["active"] is True
    assert body["owner_id"] == world.users["portal@east_t1"]
    assert body["jurisdiction_id"] == world.ids["east_t1"]

    got = api.get(f"{WEBHOOKS}/{body['id']}", as_="portal@east_t1")
    assert got.status_code == 200
    assert "secret" not in got.json
    assert got.headers["ETag"] == f'"webhooks-{body["id"]}-v1"'
    listed = api.get(WEBHOOKS, as_="portal@east_t1")
    assert [h["id"] for h in listed.json] == [body["id"]]
    assert all("secret" not in h for h in listed.json)
    assert json.loads(listed.headers["X-Pagination"])["total"] == 1

    # stored for signing, never in the audit trail
    with app.app_context():
        hook = db.session.get(Webhook, body["id"])
        assert hook is not None and hook.secret == body["secret"]
        events = list(db.session.execute(select(AuditEvent).where(AuditEvent.subject_type == "webhook")).scalars())
        assert [e.action for e in events] == ["webhook.register"]
        assert "secret" not in (events[0].state_after or {})
        assert body["secret"] not in json.dumps(events[0].state_after)


def test_two_registrations_get_different_secrets(api: Api) -> None:
    a = register(api, "portal@east_t1", URL, ["*"])
    b = register(api, "portal@east_t1", URL, ["*"])
    assert a["secret"] != b["secret"]


def test_duplicate_events_are_dropped_keeping_order(api: Api) -> None:
    body = register(api, "admin@east", URL, ["task.assigned", "*", "task.assigned"])
    assert body["events"] == ["task.assigned", "*"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"url": URL, "events": ["ticket.exploded"]}, "events"),
        ({"url": URL, "events": []}, "events"),
        ({"url": URL, "events": "escalation.reminder"}, "events"),
        ({"url": URL}, "events"),
        ({"url": "ftp://portal.example.org/hook", "events": ["*"]}, "url"),
        ({"url": "javascript:alert(1)", "events": ["*"]}, "url"),
        ({"url": "portal.example.org/hook", "events": ["*"]}, "url"),
        ({"url": "https://portal.example.org/" + "a" * 480, "events": ["*"]}, "url"),
        ({"events": ["*"]}, "url"),
        ({"url": URL, "events": ["*"], "secret": "mine"}, "secret"),
    ],
    ids=[
        "unknown-event",
        "no-events",
        "events-not-list",
        "events-missing",
        "ftp",
        "javascript",
        "no-scheme",
        "too-long",
        "url-missing",
        "secret-not-settable",
    ],
)
def test_registration_input_is_validated(app: Flask, api: Api, payload: dict[str, Any], field: str) -> None:
    res = api.post(WEBHOOKS, as_="portal@east_t1", json=payload)
    assert res.status_code == 422, res.json
    assert field in res.json["errors"]["json"]
    with app.app_context():
        assert db.session.execute(select(Webhook.id)).first() is None


def test_events_endpoint_lists_the_known_events(api: Api) -> None:
    res = api.get(f"{WEBHOOKS}/events", as_="handler@east_t1")
    assert res.status_code == 200
    assert res.json["events"] == list(WEBHOOK_EVENTS)
    assert "*" in res.json["events"] and "supervision_ticket.issued" in res.json["events"]


# --------------------------------------------------------------------------------------------------
# roles and scope


@pytest.mark.parametrize("role", ["supervisor", "approver", "handler", "instructor"])
def test_other_roles_are_refused(app: Flask, api: Api, role: str) -> None:
    hook = register(api, "portal@east_t1", URL, ["*"])
    caller = f"{role}@east"
    assert api.post(WEBHOOKS, as_=caller, json={"url": URL, "events": ["*"]}).status_code == 403
    assert api.get(WEBHOOKS, as_=caller).status_code == 403
    assert api.get(f"{WEBHOOKS}/{hook['id']}", as_=caller).status_code == 403
    assert api.delete(f"{WEBHOOKS}/{hook['id']}", as_=caller).status_code == 403
    assert api.get(f"{WEBHOOKS}/{hook['id']}/deliveries", as_=caller).status_code == 403
    with app.app_context():
        assert db.session.get(Webhook, hook["id"]).active is True  # type: ignore[union-attr]


def test_portals_manage_their_own_admins_those_in_scope(api: Api) -> None:
    mine = register(api, "portal@east_t1", URL, ["*"])
    above = register(api, "portal@east", URL, ["*"])
    beside = register(api, "portal@west_t1", URL, ["*"])

    # a portal: only its own, even below it
    assert [h["id"] for h in api.get(WEBHOOKS, as_="portal@east").json] == [above["id"]]
    assert api.get(f"{WEBHOOKS}/{mine['id']}", as_="portal@east").status_code == 404
    assert api.get(f"{WEBHOOKS}/{above['id']}", as_="portal@east_t1").status_code == 404
    # an admin: everything in its subtree
    assert [h["id"] for h in api.get(WEBHOOKS, as_="admin@east").json] == [mine["id"], above["id"]]
    assert [h["id"] for h in api.get(WEBHOOKS, as_="admin@east_t1").json] == [mine["id"]]
    assert api.get(f"{WEBHOOKS}/{mine['id']}", as_="admin@east").status_code == 200
    for caller, hook in (("admin@east", beside), ("admin@east_t1", above), ("admin@west_t1", mine)):
        res = api.get(f"{WEBHOOKS}/{hook['id']}", as_=caller)
        assert res.status_code == 404, caller
        assert api.delete(f"{WEBHOOKS}/{hook['id']}", as_=caller).status_code == 404, caller
    assert len(api.get(WEBHOOKS, as_="admin@city").json) == 3


# --------------------------------------------------------------------------------------------------
# update and deactivate


def test_patch_needs_if_match_and_changes_events(app: Flask, api: Api) -> None:
    hook = register(api, "portal@east_t1", URL, ["*"])
    path = f"{WEBHOOKS}/{hook['id']}"
    assert api.patch(path, as_="portal@east_t1", json={"events": ["task.assigned"]}).status_code == 428
    stale = api.patch(
        path, as_="portal@east_t1", json={"events": ["task.assigned"]}, headers={"If-Match": '"webhooks-0-v9"'}
    )
    assert stale.status_code == 412
    bad = api.patch(path, as_="portal@east_t1", json={"events": ["nope"]}, headers={"If-Match": '"x"'})
    assert bad.status_code == 422

    tag = api.get(path, as_="portal@east_t1").headers["ETag"]
    res = api.patch(
        path,
        as_="portal@east_t1",
        json={"events": ["task.assigned"], "url": "http://hooks.portal.example.org:8080/h"},
        headers={"If-Match": tag},
    )
    assert res.status_code == 200, res.json
    assert res.json["events"] == ["task.assigned"]
    assert res.json["url"] == "http://hooks.portal.example.org:8080/h"
    assert res.json["version"] == 2
    assert res.headers["ETag"] == f'"webhooks-{hook["id"]}-v2"'
    # the old tag is stale now
    again = api.patch(path, as_="portal@east_t1", json={"active": False}, headers={"If-Match": tag})
    assert again.status_code == 412
    with app.app_context():
        actions = list(
            db.session.execute(
                select(AuditEvent.action).where(AuditEvent.subject_type == "webhook").order_by(AuditEvent.id)
            ).scalars()
        )
    assert actions == ["webhook.register", "webhook.update"]


def test_deactivate_is_idempotent_and_cancels_pending_deliveries(app: Flask, api: Api, world: World) -> None:
    hook = register(api, "portal@east_t1", URL, ["*"])
    assert _publish(app, "task.assigned", {"task_id": 1}, path_of(app, world, "east_t1")) == 1

    res = api.delete(f"{WEBHOOKS}/{hook['id']}", as_="portal@east_t1")
    assert res.status_code == 200
    assert res.json["active"] is False
    assert _deliveries(app) == [(hook["id"], "task.assigned", "cancelled")]
    assert api.delete(f"{WEBHOOKS}/{hook['id']}", as_="portal@east_t1").json["active"] is False
    # an inactive webhook gets nothing
    assert _publish(app, "task.assigned", {"task_id": 2}, path_of(app, world, "east_t1")) == 0
    with app.app_context():
        actions = list(
            db.session.execute(
                select(AuditEvent.action).where(AuditEvent.subject_type == "webhook").order_by(AuditEvent.id)
            ).scalars()
        )
    assert actions == ["webhook.register", "webhook.deactivate"]

    # switched on again through PATCH
    tag = api.get(f"{WEBHOOKS}/{hook['id']}", as_="portal@east_t1").headers["ETag"]
    on = api.patch(f"{WEBHOOKS}/{hook['id']}", as_="portal@east_t1", json={"active": True}, headers={"If-Match": tag})
    assert on.json["active"] is True
    assert _publish(app, "task.assigned", {"task_id": 3}, path_of(app, world, "east_t1")) == 1


# --------------------------------------------------------------------------------------------------
# publishing


def test_publish_reaches_only_subscribed_active_hooks_covering_the_place(app: Flask, api: Api, world: World) -> None:
    t1 = register(api, "portal@east_t1", URL, ["supervision_ticket.issued"])
    county = register(api, "portal@east", URL, ["*"])
    west = register(api, "portal@west_t1", URL, ["supervision_ticket.issued"])
    sibling = register(api, "admin@east", URL, ["supervision_ticket.closed"])
    off = register(api, "admin@east_t1", URL, ["supervision_ticket.issued"])
    api.delete(f"{WEBHOOKS}/{off['id']}", as_="admin@east_t1")

    east_t1 = path_of(app, world, "east_t1")
    assert _publish(app, "supervision_ticket.issued", {"ticket_id": 5}, east_t1) == 2
    assert _publish(app, "task.assigned", {"task_id": 9}, east_t1) == 1  # only the "*" one
    assert _publish(app, "supervision_ticket.issued", {"ticket_id": 6}, path_of(app, world, "west_t1")) == 1
    assert _publish(app, "supervision_ticket.issued", {"ticket_id": 7}, path_of(app, world, "city")) == 0

    assert sorted(_deliveries(app)) == sorted(
        [
            (t1["id"], "supervision_ticket.issued", "pending"),
            (county["id"], "supervision_ticket.issued", "pending"),
            (county["id"], "task.assigned", "pending"),
            (west["id"], "supervision_ticket.issued", "pending"),
        ]
    )
    assert sibling["id"] not in {d[0] for d in _deliveries(app)}

    log = api.get(f"{WEBHOOKS}/{county['id']}/deliveries", as_="portal@east")
    assert log.status_code == 200
    assert [d["event"] for d in log.json] == ["task.assigned", "supervision_ticket.issued"]  # newest first
    first = log.json[1]
    assert first["status"] == "pending" and first["attempts"] == 0
    assert first["last_status_code"] is None and first["last_error"] is None
    assert first["payload"]["data"] == {"ticket_id": 5}
    assert json.loads(log.headers["X-Pagination"])["total"] == 2
    filtered = api.get(f"{WEBHOOKS}/{county['id']}/deliveries?status=delivered", as_="portal@east")
    assert filtered.json == []
    assert api.get(f"{WEBHOOKS}/{county['id']}/deliveries?status=lost", as_="portal@east").status_code == 422


def test_a_deactivated_owner_gets_nothing(app: Flask, api: Api, world: World) -> None:
    register(api, "portal@east_t1", URL, ["*"])
    with app.app_context():
        users.update(system_actor("test"), world.users["portal@east_t1"], UserChanges.of({"active": False}))
    assert _publish(app, "task.assigned", {"task_id": 1}, path_of(app, world, "east_t1")) == 0
