"""Delivering webhooks to a real HTTP server on 127.0.0.1: the legacy signature and headers (the standard
scheme, rotation and the SSRF guard: test_webhook_standard.py, test_webhook_targets.py), retries with backoff on
the injected clock, failure after the last attempt, and one POST even when two workers race for a delivery."""

from __future__ import annotations

import dataclasses
import json
import socket
import threading
from datetime import datetime, timedelta
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select, text

from service.clock import FixedClock
from service.db import transaction
from service.extensions import db
from service.models import Notification, WebhookDelivery
from service.operations.engines import webhooks
from tests.support.webhooks import WEBHOOKS, Receiver, allow, path_of, register
from tests.support.world import Api, World

EVENT = "supervision_ticket.issued"
PAYLOAD = {"ticket_id": 42, "title": "东一镇覆盖率整改督办单", "jurisdiction": "东一镇"}


def _setup(
    app: Flask, api: Api, world: World, url: str, events: list[str] | None = None, scheme: str = "legacy"
) -> tuple[dict[str, Any], int]:
    """A portal's webhook at east_t1 and one published delivery for it (legacy-signed unless `scheme` says)."""
    hook = register(api, "portal@east_t1", url, events or [EVENT], scheme=scheme)
    with app.app_context():
        with transaction():
            assert webhooks.publish(EVENT, PAYLOAD, path_of(app, world, "east_t1")) == 1
        ident = db.session.execute(select(WebhookDelivery.id)).scalar_one()
        db.session.remove()
    return hook, ident


def _deliver(app: Flask, delivery_id: int) -> str:
    with app.app_context():
        result = webhooks.deliver(delivery_id)
        db.session.remove()
    return result


def _due(app: Flask, at: datetime) -> list[int]:
    with app.app_context():
        ids = webhooks.due_deliveries(at, 100)
        db.session.remove()
    return ids


@dataclasses.dataclass
class Row:
    status: str
    attempts: int
    next_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    delivered_at: datetime | None


def _row(app: Flask, delivery_id: int) -> Row:
    with app.app_context():
        d = db.session.get(WebhookDelivery, delivery_id)
        assert d is not None
        row = Row(d.status, d.attempts, d.next_attempt_at, d.last_status_code, d.last_error, d.delivered_at)
        db.session.remove()
    return row


def _max_attempts(app: Flask, n: int) -> None:
    settings = app.config["SETTINGS"]
    app.config["SETTINGS"] = dataclasses.replace(settings, webhook_max_attempts=n)


# --------------------------------------------------------------------------------------------------
# signing


def test_signature_helpers() -> None:
    body = b'{"event":"x"}'
    header = webhooks.sign("whsec_k", "1790000000", body)
    assert header.startswith("sha256=") and len(header) == len("sha256=") + 64
    assert webhooks.verify_signature("whsec_k", "1790000000", body, header)
    assert webhooks.verify_signature("whsec_k", 1790000000, body.decode(), header)
    assert not webhooks.verify_signature("whsec_other", "1790000000", body, header)
    assert not webhooks.verify_signature("whsec_k", "1790000001", body, header)  # the timestamp is signed
    assert not webhooks.verify_signature("whsec_k", "1790000000", body + b" ", header)
    assert not webhooks.verify_signature("whsec_k", "1790000000", body, None)
    assert not webhooks.verify_signature("whsec_k", "1790000000", body, "sha256=" + "0" * 64)
    assert not webhooks.verify_signature("whsec_k", "1790000000", body, "签名")
    # during a rotation's overlap the header lists two signatures: either key verifies
    both = webhooks.sign("whsec_new", "1790000000", body) + " " + header
    assert webhooks.verify_signature("whsec_k", "1790000000", body, both)
    assert webhooks.verify_signature("whsec_new", "1790000000", body, both)
    assert not webhooks.verify_signature("whsec_other", "1790000000", body, both)


def test_backoff_doubles_from_30_seconds_and_caps_at_an_hour() -> None:
    assert [webhooks.backoff(n).total_seconds() for n in range(1, 9)] == [30, 60, 120, 240, 480, 960, 1920, 3600]
    assert webhooks.backoff(500) == timedelta(hours=1)


# --------------------------------------------------------------------------------------------------
# one successful delivery


def test_a_legacy_delivery_is_signed_and_carries_the_headers(
    app: Flask, api: Api, world: World, receiver: Receiver, clock: FixedClock
) -> None:
    hook, ident = _setup(app, api, world, receiver.url)
    assert _due(app, clock.now()) == [ident]

    assert _deliver(app, ident) == "delivered"

    [got] = receiver.received()
    assert got.path == "/hook"
    h = got.headers
    assert h["X-Dangjian-Event"] == EVENT
    assert h["X-Dangjian-Delivery"] == str(ident)
    assert h["X-Dangjian-Timestamp"] == str(int(clock.now().timestamp()))
    assert h["Content-Type"].startswith("application/json")
    assert webhooks.verify_signature(hook["secret"], h["X-Dangjian-Timestamp"], got.body, h["X-Dangjian-Signature"])
    assert len(h["X-Dangjian-Signature"].split()) == 1  # no rotation: one signature
    assert not any(k.lower().startswith("webhook-") for k in h)  # the standard headers are not sent
    assert not webhooks.verify_signature("whsec_wrong", h["X-Dangjian-Timestamp"], got.body, h["X-Dangjian-Signature"])
    body = json.loads(got.body)
    assert body["delivery_id"] == ident
    assert body["event"] == EVENT
    assert body["data"] == PAYLOAD  # Chinese text survives the round trip
    assert body["occurred_at"].startswith("2026-09-25T02:00:00")

    row = _row(app, ident)
    assert (row.status, row.attempts, row.last_status_code, row.last_error) == ("delivered", 1, 200, None)
    assert row.delivered_at == clock.now()
    assert row.next_attempt_at is None
    assert _due(app, clock.now() + timedelta(days=1)) == []
    # a delivered delivery is never sent again
    assert _deliver(app, ident) == "skipped"
    assert receiver.received() == []

    log = api.get(f"{WEBHOOKS}/{hook['id']}/deliveries", as_="portal@east_t1").json
    assert [(d["id"], d["status"], d["attempts"], d["last_status_code"]) for d in log] == [(ident, "delivered", 1, 200)]
    assert log[0]["delivered_at"] is not None


def test_unknown_delivery_is_skipped(app: Flask) -> None:
    assert _deliver(app, 987654) == "skipped"


# --------------------------------------------------------------------------------------------------
# retries


def test_server_error_is_retried_with_backoff_then_delivered(
    app: Flask, api: Api, world: World, receiver: Receiver, clock: FixedClock
) -> None:
    hook, ident = _setup(app, api, world, receiver.url)
    receiver.statuses = [500, 503]
    t0 = clock.now()

    assert _deliver(app, ident) == "pending"
    row = _row(app, ident)
    assert (row.status, row.attempts, row.last_status_code) == ("pending", 1, 500)
    assert "HTTP 500" in (row.last_error or "") and "receiver says no" in (row.last_error or "")
    assert row.next_attempt_at == t0 + timedelta(seconds=30)

    # not due yet: neither listed nor attempted
    assert _due(app, t0 + timedelta(seconds=29)) == []
    assert _deliver(app, ident) == "skipped"
    assert len(receiver.received()) == 1

    clock.set(t0 + timedelta(seconds=30))
    assert _due(app, clock.now()) == [ident]
    assert _deliver(app, ident) == "pending"
    row = _row(app, ident)
    assert (row.attempts, row.last_status_code) == (2, 503)
    assert row.next_attempt_at == clock.now() + timedelta(seconds=60)

    clock.set(clock.now() + timedelta(seconds=60))
    assert _deliver(app, ident) == "delivered"
    row = _row(app, ident)
    assert (row.status, row.attempts, row.last_status_code, row.last_error) == ("delivered", 3, 200, None)
    sent = receiver.received()
    assert len(sent) == 2
    # every attempt carries the same delivery id (receivers dedupe on it), each freshly signed
    assert {r.headers["X-Dangjian-Delivery"] for r in sent} == {str(ident)}
    for r in sent:
        assert webhooks.verify_signature(
            hook["secret"], r.headers["X-Dangjian-Timestamp"], r.body, r.headers["X-Dangjian-Signature"]
        )


def test_after_the_last_attempt_the_delivery_fails_and_the_owner_is_told(
    app: Flask, api: Api, world: World, receiver: Receiver, clock: FixedClock
) -> None:
    assert app.config["SETTINGS"].webhook_max_attempts == 8  # the default
    hook, ident = _setup(app, api, world, receiver.url)
    receiver.statuses = [500] * 8
    waits = []
    for attempt in range(1, 9):
        result = _deliver(app, ident)
        row = _row(app, ident)
        assert row.attempts == attempt
        if attempt < 8:
            assert result == "pending"
            assert row.next_attempt_at is not None
            waits.append((row.next_attempt_at - clock.now()).total_seconds())
            clock.set(row.next_attempt_at)
        else:
            assert result == "failed"
    assert waits == [30, 60, 120, 240, 480, 960, 1920]
    row = _row(app, ident)
    assert (row.status, row.next_attempt_at, row.last_status_code) == ("failed", None, 500)
    assert len(receiver.received()) == 8
    assert _due(app, clock.now() + timedelta(days=30)) == []
    assert _deliver(app, ident) == "skipped"
    with app.app_context():
        told = list(db.session.execute(select(Notification)).scalars())
        assert [(n.user_id, n.kind, n.subject_id) for n in told] == [
            (world.users["portal@east_t1"], "webhook.failed", hook["id"])
        ]

    # an operator queues it again: attempt 0, same delivery id
    res = api.post(f"{WEBHOOKS}/{hook['id']}/deliveries/{ident}/redeliver", as_="portal@east_t1")
    assert res.status_code == 200, res.json
    assert (res.json["status"], res.json["attempts"]) == ("pending", 0)
    assert api.post(f"{WEBHOOKS}/{hook['id']}/deliveries/{ident}/redeliver", as_="portal@east_t1").status_code == 409
    assert _deliver(app, ident) == "delivered"
    assert receiver.received()[0].headers["X-Dangjian-Delivery"] == str(ident)


def test_max_attempts_is_a_setting(app: Flask, api: Api, world: World, receiver: Receiver, clock: FixedClock) -> None:
    _max_attempts(app, 2)
    _, ident = _setup(app, api, world, receiver.url)
    receiver.statuses = [502, 502]
    assert _deliver(app, ident) == "pending"
    clock.set(clock.now() + timedelta(seconds=30))
    assert _deliver(app, ident) == "failed"
    assert _row(app, ident).attempts == 2


def test_connection_refused_is_retried_without_a_status_code(app: Flask, api: Api, world: World) -> None:
    allow(app, "127.0.0.1")
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    _, ident = _setup(app, api, world, f"http://127.0.0.1:{port}/hook")
    assert _deliver(app, ident) == "pending"
    row = _row(app, ident)
    assert row.last_status_code is None
    assert "Connection" in (row.last_error or "") or "refused" in (row.last_error or "")
    assert row.attempts == 1


def test_a_redirect_is_not_followed(app: Flask, api: Api, world: World, receiver: Receiver) -> None:
    _, ident = _setup(app, api, world, receiver.url)
    receiver.statuses = [302]
    assert _deliver(app, ident) == "pending"
    row = _row(app, ident)
    assert row.last_status_code == 302
    assert [r.path for r in receiver.received()] == ["/hook"]  # nothing went to /elsewhere


def test_a_slow_receiver_times_out(app: Flask, api: Api, world: World, receiver: Receiver) -> None:
    app.config["SETTINGS"] = dataclasses.replace(app.config["SETTINGS"], webhook_timeout_seconds=1)
    _, ident = _setup(app, api, world, receiver.url)
    receiver.hold = threading.Event()  # the receiver answers only after the test releases it
    try:
        assert _deliver(app, ident) == "pending"
    finally:
        receiver.hold.set()
    row = _row(app, ident)
    assert row.last_status_code is None
    assert "timed out" in (row.last_error or "") or "timeout" in (row.last_error or "")


def test_deactivated_webhook_cancels_a_due_delivery(app: Flask, api: Api, world: World, receiver: Receiver) -> None:
    hook, ident = _setup(app, api, world, receiver.url)
    # deactivated behind the API's back (the API would cancel pending deliveries itself)
    with app.app_context():
        db.session.execute(text("UPDATE webhooks SET active = false WHERE id = :i"), {"i": hook["id"]})
        db.session.commit()
    assert _deliver(app, ident) == "cancelled"
    assert receiver.received() == []
    assert _row(app, ident).last_error == "webhook deactivated"


# --------------------------------------------------------------------------------------------------
# two workers, one delivery


def _in_thread(
    app: Flask, ident: int, results: dict[str, str], key: str, start: threading.Barrier | None = None
) -> threading.Thread:
    def run() -> None:
        if start is not None:
            start.wait(timeout=30)
        results[key] = _deliver(app, ident)

    thread = threading.Thread(target=run)
    thread.start()
    return thread


@pytest.mark.commits  # several threads, each with its own connection
def test_a_delivery_in_flight_is_not_sent_again(app: Flask, api: Api, world: World, receiver: Receiver) -> None:
    """The first worker is mid-POST (the receiver holds the answer); the second finds the delivery leased."""
    _, ident = _setup(app, api, world, receiver.url)
    receiver.hold = threading.Event()
    results: dict[str, str] = {}
    first = _in_thread(app, ident, results, "first")
    assert receiver.entered.wait(timeout=30), "the first delivery never reached the receiver"
    assert _due(app, app.extensions["clock"].now()) == []  # leased: not due for anyone
    assert _deliver(app, ident) == "skipped"
    receiver.hold.set()
    first.join(timeout=30)
    assert not first.is_alive()
    assert results == {"first": "delivered"}
    assert receiver.posts == 1
    assert _row(app, ident).attempts == 1


@pytest.mark.commits  # several threads, each with its own connection
def test_two_concurrent_deliver_calls_post_once(app: Flask, api: Api, world: World, receiver: Receiver) -> None:
    """Released at the same instant: on PostgreSQL the loser skips the locked row (FOR UPDATE SKIP LOCKED) or
    finds it leased; on SQLite the writers serialise (BEGIN IMMEDIATE) and the second finds it leased."""
    _, ident = _setup(app, api, world, receiver.url)
    start = threading.Barrier(2)
    results: dict[str, str] = {}
    threads = [_in_thread(app, ident, results, key, start) for key in ("a", "b")]
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    assert sorted(results.values()) == ["delivered", "skipped"]
    assert receiver.posts == 1
    assert len(receiver.received()) == 1
    row = _row(app, ident)
    assert (row.status, row.attempts) == ("delivered", 1)


@pytest.mark.commits  # several threads, each with its own connection
def test_a_row_locked_by_another_worker_is_skipped_without_waiting(
    app: Flask, api: Api, world: World, receiver: Receiver
) -> None:
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("row locks are PostgreSQL's; SQLite serialises whole transactions")
    _, ident = _setup(app, api, world, receiver.url)
    with app.app_context():
        conn = db.engine.connect()
        lock = conn.begin()
        try:
            conn.execute(text("SELECT id FROM webhook_deliveries WHERE id = :i FOR UPDATE"), {"i": ident})
            results: dict[str, str] = {}
            other = _in_thread(app, ident, results, "other")
            other.join(timeout=30)
            assert not other.is_alive(), "deliver() waited for the lock instead of skipping the row"
            assert results == {"other": "skipped"}
        finally:
            lock.rollback()
            conn.close()
    assert receiver.posts == 0
    assert _deliver(app, ident) == "delivered"
    assert receiver.posts == 1
