"""Standard Webhooks signatures checked by the stock `standardwebhooks` verifier on real deliveries (a retried
one too), the legacy scheme per subscription, and secret rotation with its overlap window.

The stock verifier refuses timestamps more than five minutes from the real time, so these tests set the
injected clock to the real time (read, never slept) before an attempt."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select
from standardwebhooks import Webhook as StandardVerifier
from standardwebhooks.webhooks import WebhookVerificationError

from service.clock import FixedClock
from service.db import transaction
from service.extensions import db
from service.models import AuditEvent, WebhookDelivery
from service.operations.engines import webhooks
from tests.support.webhooks import WEBHOOKS, Receiver, path_of, register
from tests.support.world import Api, World

EVENT = "supervision_ticket.issued"
PAYLOAD = {"ticket_id": 7, "title": "整改督办单"}


def _real_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _publish(app: Flask, world: World) -> int:
    with app.app_context():
        with transaction():
            assert webhooks.publish(EVENT, PAYLOAD, path_of(app, world, "east_t1")) == 1
        ident = db.session.execute(select(WebhookDelivery.id).order_by(WebhookDelivery.id.desc())).scalars().first()
        db.session.remove()
    assert ident is not None
    return ident


def _deliver(app: Flask, ident: int) -> str:
    with app.app_context():
        result = webhooks.deliver(ident)
        db.session.remove()
    return result


def _verifies(secret: str, body: bytes, headers: dict[str, str]) -> bool:
    try:
        StandardVerifier(secret).verify(body, headers)
    except WebhookVerificationError:
        return False
    return True


def _rotate(api: Api, hook_id: int, as_: str = "admin@east") -> Any:
    return api.post(f"{WEBHOOKS}/{hook_id}/rotate-secret", as_=as_)


# --------------------------------------------------------------------------------------------------
# the standard scheme


def test_a_new_webhook_is_signed_per_the_standard_and_the_stock_library_verifies_it(
    app: Flask, api: Api, world: World, receiver: Receiver, clock: FixedClock
) -> None:
    hook = register(api, "portal@east_t1", receiver.url, [EVENT])
    assert hook["signature_scheme"] == "standard"
    assert hook["secret"].startswith("whsec_")
    clock.set(_real_now())
    ident = _publish(app, world)

    assert _deliver(app, ident) == "delivered"

    [got] = receiver.received()
    assert StandardVerifier(hook["secret"]).verify(got.body, got.headers) == json.loads(got.body)
    h = {k.lower(): v for k, v in got.headers.items()}
    assert h["webhook-id"] == f"msg_{ident}"
    assert h["webhook-timestamp"] == str(int(clock.now().timestamp()))
    assert h["webhook-signature"].startswith("v1,") and " " not in h["webhook-signature"]
    assert h["x-dangjian-event"] == EVENT
    assert not {"x-dangjian-signature", "x-dangjian-timestamp", "x-dangjian-delivery"} & set(h)
    assert json.loads(got.body)["data"] == PAYLOAD
    # another key, a changed body or a changed id do not verify
    assert not _verifies(register(api, "portal@east_t1", receiver.url, ["*"])["secret"], got.body, got.headers)
    assert not _verifies(hook["secret"], got.body + b" ", got.headers)
    assert not _verifies(hook["secret"], got.body, {**got.headers, "webhook-id": f"msg_{ident + 1}"})


def test_a_retried_delivery_keeps_its_id_and_is_signed_afresh(
    app: Flask, api: Api, world: World, receiver: Receiver, clock: FixedClock
) -> None:
    hook = register(api, "portal@east_t1", receiver.url, [EVENT])
    start = _real_now() - timedelta(seconds=60)
    clock.set(start)
    ident = _publish(app, world)
    receiver.statuses = [503]
    assert _deliver(app, ident) == "pending"
    clock.set(start + timedelta(seconds=30))  # the first backoff
    assert _deliver(app, ident) == "delivered"

    first, second = receiver.received()
    assert first.headers["webhook-id"] == second.headers["webhook-id"] == f"msg_{ident}"
    assert int(second.headers["webhook-timestamp"]) - int(first.headers["webhook-timestamp"]) == 30
    assert first.body == second.body
    for got in (first, second):
        StandardVerifier(hook["secret"]).verify(got.body, got.headers)


def test_the_signing_helper_matches_the_stock_library(clock: FixedClock) -> None:
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    stamp = datetime(2026, 9, 25, 2, 0, tzinfo=UTC)
    body = b'{"delivery_id":1}'
    expected = StandardVerifier(secret).sign("msg_1", stamp, body)
    assert webhooks.sign_standard(secret, "msg_1", int(stamp.timestamp()), body) == expected


# --------------------------------------------------------------------------------------------------
# the legacy scheme, per subscription


def test_legacy_subscriptions_keep_the_old_headers_and_can_switch(
    app: Flask, api: Api, world: World, receiver: Receiver, clock: FixedClock
) -> None:
    hook = register(api, "portal@east_t1", receiver.url, [EVENT], scheme="legacy")
    assert hook["signature_scheme"] == "legacy"
    clock.set(_real_now())
    assert _deliver(app, _publish(app, world)) == "delivered"
    [got] = receiver.received()
    h = got.headers
    assert webhooks.verify_signature(hook["secret"], h["X-Dangjian-Timestamp"], got.body, h["X-Dangjian-Signature"])
    assert not _verifies(hook["secret"], got.body, h)  # no standard headers

    path = f"{WEBHOOKS}/{hook['id']}"
    tag = api.get(path, as_="portal@east_t1").headers["ETag"]
    res = api.patch(path, as_="portal@east_t1", json={"signature_scheme": "standard"}, headers={"If-Match": tag})
    assert res.status_code == 200 and res.json["signature_scheme"] == "standard"
    assert _deliver(app, _publish(app, world)) == "delivered"
    [got] = receiver.received()
    StandardVerifier(hook["secret"]).verify(got.body, got.headers)

    tag = res.headers["ETag"]
    bad = api.patch(path, as_="portal@east_t1", json={"signature_scheme": "hmac"}, headers={"If-Match": tag})
    assert bad.status_code == 422 and "签名方式" in bad.json["errors"]["json"]["signature_scheme"][0]


# --------------------------------------------------------------------------------------------------
# rotation


def test_rotation_returns_a_new_secret_once_and_is_audited(app: Flask, api: Api, clock: FixedClock) -> None:
    hook = register(api, "portal@east_t1", "https://portal.example.org/hooks", ["*"])
    res = _rotate(api, hook["id"])
    assert res.status_code == 200, res.json
    assert res.json["secret"].startswith("whsec_") and res.json["secret"] != hook["secret"]
    assert res.json["previous_secret_until"].startswith((clock.now() + timedelta(hours=24)).strftime("%Y-%m-%dT%H:%M"))
    assert res.json["version"] == hook["version"] + 1
    got = api.get(f"{WEBHOOKS}/{hook['id']}", as_="portal@east_t1").json
    assert "secret" not in got and got["previous_secret_until"] == res.json["previous_secret_until"]
    with app.app_context():
        [event] = db.session.execute(select(AuditEvent).where(AuditEvent.action == "webhook.rotate_secret")).scalars()
        assert event.subject_id == hook["id"]
        trail = json.dumps([event.state_before, event.state_after])
        assert hook["secret"] not in trail and res.json["secret"] not in trail
        assert "previous_secret_until" in (event.state_after or {})


@pytest.mark.parametrize(("who", "status"), [("portal@east_t1", 403), ("admin@west_t1", 404), ("admin@city", 200)])
def test_only_admins_in_scope_rotate(api: Api, who: str, status: int) -> None:
    hook = register(api, "portal@east_t1", "https://portal.example.org/hooks", ["*"])
    assert _rotate(api, hook["id"], as_=who).status_code == status


def test_during_the_overlap_both_secrets_verify_and_after_it_only_the_new_one(
    app: Flask, api: Api, world: World, receiver: Receiver, clock: FixedClock
) -> None:
    hook = register(api, "portal@east_t1", receiver.url, [EVENT])
    old = hook["secret"]
    now = _real_now()
    clock.set(now - timedelta(hours=23))  # rotated 23 h ago: still in the 24 h window
    new = _rotate(api, hook["id"]).json["secret"]
    clock.set(now)
    assert _deliver(app, _publish(app, world)) == "delivered"
    [got] = receiver.received()
    assert len(got.headers["webhook-signature"].split(" ")) == 2
    StandardVerifier(new).verify(got.body, got.headers)
    StandardVerifier(old).verify(got.body, got.headers)

    clock.set(now - timedelta(hours=25))  # rotated again, 25 h ago: the window is over
    newer = _rotate(api, hook["id"]).json["secret"]
    clock.set(now)
    assert _deliver(app, _publish(app, world)) == "delivered"
    [got] = receiver.received()
    assert len(got.headers["webhook-signature"].split(" ")) == 1
    StandardVerifier(newer).verify(got.body, got.headers)
    assert not _verifies(new, got.body, got.headers)
    assert not _verifies(old, got.body, got.headers)


def test_the_overlap_is_a_setting_and_legacy_sends_both_signatures_too(
    app: Flask, api: Api, world: World, receiver: Receiver, clock: FixedClock
) -> None:
    app.config["SETTINGS"] = dataclasses.replace(app.config["SETTINGS"], webhook_secret_overlap_hours=2)
    hook = register(api, "portal@east_t1", receiver.url, [EVENT], scheme="legacy")
    t0 = clock.now()
    new = _rotate(api, hook["id"]).json["secret"]
    clock.set(t0 + timedelta(hours=2) - timedelta(seconds=1))
    assert _deliver(app, _publish(app, world)) == "delivered"
    [got] = receiver.received()
    h = got.headers
    assert len(h["X-Dangjian-Signature"].split(" ")) == 2
    for key in (hook["secret"], new):
        assert webhooks.verify_signature(key, h["X-Dangjian-Timestamp"], got.body, h["X-Dangjian-Signature"])
    clock.set(t0 + timedelta(hours=2))
    assert _deliver(app, _publish(app, world)) == "delivered"
    [got] = receiver.received()
    h = got.headers
    assert webhooks.verify_signature(new, h["X-Dangjian-Timestamp"], got.body, h["X-Dangjian-Signature"])
    assert not webhooks.verify_signature(hook["secret"], h["X-Dangjian-Timestamp"], got.body, h["X-Dangjian-Signature"])
