"""RQ jobs. They carry ids and dates, never model objects, and run inside the Flask app context.

The sweep is enqueued every minute by the single `rq cron` process (workers/cron_config.py). It finds due
rows with indexed queries and enqueues one `escalate` job per row and one `deliver_webhook` job per due
delivery. The jobs are idempotent in the database, so a second scheduler or a retried job is harmless."""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from flask import Flask
from redis import Redis
from rq import Queue, Retry

from service.clock import now, today
from service.extensions import db

_app: Flask | None = None
_pid: int | None = None

# A queued job not started within this many seconds is dropped: the next sweep enqueues the row again
# if it is still due, so a backlog never piles up duplicate jobs.
JOB_TTL = 600


def use_app(app: Flask) -> None:
    """Run jobs in this app (tests pass theirs; the worker process passes the one it created)."""
    global _app, _pid
    _app, _pid = app, os.getpid()


def _job_app() -> Flask:
    global _app, _pid
    if _app is None:
        from service import create_app

        _app = create_app()
    if _pid != os.getpid():
        # A forked work horse must not share the parent's database connections (SQLAlchemy's fork recipe).
        with _app.app_context():
            db.engine.dispose(close=False)
        _pid = os.getpid()
    return _app


def _redis() -> Redis:
    conn = _job_app().extensions.get("redis")
    if conn is None:
        raise RuntimeError("REDIS_URL is not set")
    return conn


def sweep(on: str | None = None) -> dict[str, int]:
    """Find what is due and enqueue it. `on` (ISO date) overrides today (simulations, tests)."""
    with _job_app().app_context():
        return enqueue_due(_redis(), date.fromisoformat(on) if on else today())


def enqueue_due(connection: Redis, on: date) -> dict[str, int]:
    from service.operations import escalation, webhooks

    escalations = Queue("escalations", connection=connection)
    notifications = Queue("notifications", connection=connection)
    counts: dict[str, int] = {}
    for item_type in escalation.ITEM_TYPES:
        ids = escalation.due(item_type, on)
        for item_id in ids:
            escalations.enqueue(
                escalate, item_type, item_id, on.isoformat(), ttl=JOB_TTL, retry=Retry(max=3, interval=[10, 60, 300])
            )
        counts[item_type] = len(ids)
    deliveries = webhooks.due_deliveries(now(), 1000)
    for delivery_id in deliveries:
        notifications.enqueue(deliver_webhook, delivery_id, ttl=JOB_TTL)
    counts["webhook_deliveries"] = len(deliveries)
    db.session.rollback()  # read-only: end the transaction the queries opened
    return counts


def escalate(item_type: str, item_id: int, on: str) -> str:
    from service.operations import escalation

    with _job_app().app_context():
        return escalation.escalate(item_type, item_id, date.fromisoformat(on))


def deliver_webhook(delivery_id: int) -> Any:
    from service.operations import webhooks

    with _job_app().app_context():
        return webhooks.deliver(delivery_id)
