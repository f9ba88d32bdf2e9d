"""Committed deliveries are handed to the workers at once (not at the next sweep, up to a minute later);
with Redis away the commit stands and the sweep delivers them. Real Redis, a real RQ worker in-process,
a real receiver; Redis "away" is a client pointed at a closed port."""

from __future__ import annotations

import socket
import time

import pytest
from flask import Flask
from rq import Queue, SimpleWorker
from sqlalchemy import select

from service.db import transaction
from service.extensions import db
from service.models import WebhookDelivery
from service.operations.engines import webhooks
from tests.support.webhooks import Receiver, path_of, register
from tests.support.world import Api, World
from workers import jobs
from workers.queues import connect

pytestmark = pytest.mark.commits

EVENT = "supervision_ticket.issued"
PAYLOAD = {"ticket_id": 7, "title": "东一镇督办单"}


def _publish(app: Flask, path: str, *, fail: bool = False) -> list[int]:
    """Publish one event in a transaction (rolled back with `fail`); the ids of the deliveries afterwards."""
    with app.app_context():
        try:
            with transaction():
                assert webhooks.publish(EVENT, PAYLOAD, path) == 1
                if fail:
                    raise RuntimeError("the command failed after publishing")
        except RuntimeError:
            pass
        ids = list(db.session.execute(select(WebhookDelivery.id).order_by(WebhookDelivery.id)).scalars())
        db.session.remove()
    return ids


def _queue(app: Flask) -> Queue:
    queue = Queue(webhooks.DELIVER_QUEUE, connection=app.extensions["redis"])
    queue.empty()
    return queue


def test_a_committed_delivery_is_queued_at_once_and_a_worker_sends_it(
    app: Flask, api: Api, world: World, receiver: Receiver
) -> None:
    register(api, "portal@east_t1", receiver.url, [EVENT])
    queue = _queue(app)
    [ident] = _publish(app, path_of(app, world, "east_t1"))
    assert [(job.func_name, job.args) for job in queue.jobs] == [(webhooks.DELIVER_JOB, (ident,))]
    jobs.use_app(app)
    SimpleWorker([queue], connection=app.extensions["redis"]).work(burst=True)
    [got] = receiver.received()
    assert got.headers["webhook-id"] == webhooks.message_id(ident)
    with app.app_context():
        row = db.session.get(WebhookDelivery, ident)
        assert row is not None and (row.status, row.attempts) == ("delivered", 1)
        db.session.remove()
    # the sweep may enqueue it again (it was due when it ran): the second job sends nothing
    with app.app_context():
        assert webhooks.deliver(ident) == "skipped"
    assert receiver.received() == []


def test_a_rolled_back_transaction_hands_nothing_over(app: Flask, api: Api, world: World, receiver: Receiver) -> None:
    register(api, "portal@east_t1", receiver.url, [EVENT])
    queue = _queue(app)
    assert _publish(app, path_of(app, world, "east_t1"), fail=True) == []
    assert queue.count == 0
    [ident] = _publish(app, path_of(app, world, "east_t1"))  # the next commit hands over only its own
    assert [job.args for job in queue.jobs] == [(ident,)]


def test_with_redis_away_the_commit_stands_and_the_sweep_delivers(
    app: Flask, api: Api, world: World, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    register(api, "portal@east_t1", receiver.url, [EVENT])
    queue = _queue(app)
    monkeypatch.setattr(webhooks, "_paused_until", 0.0)
    real = app.extensions["redis"]
    closed = socket.socket()  # bound, never listening: connections are refused, and no one else takes the port
    closed.bind(("127.0.0.1", 0))
    app.extensions["redis"] = connect(f"redis://127.0.0.1:{closed.getsockname()[1]}/0")
    started = time.monotonic()
    [first] = _publish(app, path_of(app, world, "east_t1"))
    # the hand-over failed, so later commits skip it for a while instead of each waiting on Redis
    assert webhooks._paused_until >= started + webhooks.REDIS_PAUSE
    [_, second] = _publish(app, path_of(app, world, "east_t1"))
    assert queue.count == 0
    app.extensions["redis"] = real
    with app.app_context():
        assert webhooks.hand_over([second]) is False  # still paused: the sweep's turn
        counts = jobs.enqueue_due(real)
        db.session.remove()
    assert counts["webhook_deliveries"] == 2
    assert sorted(job.args for job in queue.jobs) == [(first,), (second,)]
    jobs.use_app(app)
    SimpleWorker([queue], connection=real).work(burst=True)
    assert sorted(r.headers["webhook-id"] for r in receiver.received()) == sorted(
        webhooks.message_id(i) for i in (first, second)
    )
    closed.close()
