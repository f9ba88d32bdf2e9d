"""RQ jobs. They carry ids, never model objects, and run inside the Flask app context.

The sweep (run by the scheduler process, `python -m workers.scheduler`, every ESCALATION_SWEEP_SECONDS)
claims due rows with a lease in the database and enqueues their ids in batches (`escalate_batch`, up to
BATCH_SIZE ids per job), so a due row is enqueued at most once while its job is pending, however often
the sweep runs and however many schedulers there are. Every due row is claimed in one pass. The job
escalates each row in its own short transaction, takes "today" from the clock when it runs, and clears
each row's lease. A job RQ reports lost (its worker killed: `AbandonedJobError`, found by the registry
cleaning each sweep runs) or finally failed gives its rows' leases back in its failure callback
(`release_lost_batch`), so the next sweep claims them again instead of waiting for the leases to end."""

from __future__ import annotations

import logging
import os
from datetime import date, datetime
from typing import Any

from flask import Flask
from redis import Redis
from redis.exceptions import RedisError
from rq import Callback, Queue, Retry
from rq.exceptions import AbandonedJobError
from rq.job import Job
from rq.registry import StartedJobRegistry
from rq.timeouts import BaseTimeoutException

from service.clock import now, today
from service.extensions import db
from workers.settings import lease_delta, lease_seconds

log = logging.getLogger("workers")

_app: Flask | None = None
_pid: int | None = None

# Ids per escalation job: one job escalates a batch of rows, each in its own short transaction.
BATCH_SIZE = 100


def use_app(app: Flask) -> None:
    """Run jobs in this app (tests pass theirs; the worker process passes the one it created)."""
    global _app, _pid
    _app, _pid = app, os.getpid()


def _job_app() -> Flask:
    global _app, _pid
    if _app is None:
        from service import create_app
        from service.config import Settings

        _app = create_app(Settings.from_env().for_workers())
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


def enqueue_due(
    connection: Redis, on: date | None = None, *, batch_size: int = BATCH_SIZE, rq_time: float | None = None
) -> dict[str, int]:
    """Claim every due row (a lease in the database) and enqueue the claimed ids in batches.

    Call it inside an app context. Redis is checked first so a sweep during an outage writes nothing;
    if enqueueing fails midway, the leases of the ids not enqueued are released again. Escalation jobs
    lost with their worker are detected first (`rq_time`: RQ's clock, epoch seconds; tests pass a later
    one), so their rows are claimed again in this very sweep."""
    from service.operations.engines import escalation, webhooks

    on = on or today()
    connection.ping()
    escalations = Queue("escalations", connection=connection)
    # RQ's own cleaning runs every 10 minutes in a worker; here a lost job is noticed at the next sweep.
    StartedJobRegistry(queue=escalations).cleanup(rq_time)
    notifications = Queue("notifications", connection=connection)
    ttl = int(lease_seconds())  # a job still queued when its rows' lease ends is dropped, never run late twice
    counts: dict[str, int] = {}
    for item_type in escalation.ITEM_TYPES:
        at = now()
        lease_until = at + lease_delta()
        ids = escalation.claim_due(item_type, on, at, lease_until)
        sent = 0
        try:
            for start in range(0, len(ids), batch_size):
                chunk = ids[start : start + batch_size]
                escalations.enqueue(
                    escalate_batch,
                    item_type,
                    chunk,
                    ttl=ttl,
                    retry=Retry(max=3, interval=[10, 60, 300]),
                    on_failure=Callback(release_lost_batch),
                    meta={"lease_until": lease_until.isoformat()},  # which claim the job's rows are under
                )
                sent += len(chunk)
        except RedisError:
            escalation.release(item_type, ids[sent:])
            raise
        counts[item_type] = len(ids)
    deliveries = webhooks.due_deliveries(now(), 1000)
    for delivery_id in deliveries:
        notifications.enqueue(deliver_webhook, delivery_id, ttl=ttl)
    counts["webhook_deliveries"] = len(deliveries)
    db.session.rollback()  # read-only: end the transaction the queries opened
    return counts


def escalate_batch(item_type: str, ids: list[int], on: str | None = None) -> dict[str, int]:
    """Escalate each row in its own short transaction (SKIP LOCKED), on the date the job runs.

    The calendar is read once per job; the effects' lookups (recipients, webhooks, body paths) come from the
    process's configuration caches (service/config_cache.py), checked against each row's locking statement
    (decision 0047); the session is emptied after every row,
    so a worker running jobs for weeks holds no rows (bench/bench_escalation_memory.py). `on` (ISO date) is
    for simulations and tests only. A row that fails keeps its lease (it is swept again when the lease
    ends; the job is retried by RQ meanwhile); a row another worker holds is released at the end so the next
    sweep can claim it. A job timeout (RQ's SIGALRM, in the worker's main thread since the worker does not
    fork) ends the whole job at once."""
    from service.calendar import calendar
    from service.operations.engines import escalation

    outcomes: dict[str, int] = {}
    locked: list[int] = []
    failed = 0
    with _job_app().app_context():
        day = date.fromisoformat(on) if on else None
        cal = calendar()
        for item_id in ids:
            try:
                outcome = escalation.escalate(item_type, item_id, day, cal)
            except BaseTimeoutException:
                raise  # the job's time is up: stop here, the rest keep their leases
            except Exception:
                log.exception("escalation of %s %s failed", item_type, item_id)
                failed += 1
                continue
            finally:
                db.session.expunge_all()
            if outcome == "locked":
                locked.append(item_id)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
        escalation.release(item_type, locked)
    if failed:
        raise RuntimeError(f"{failed} of {len(ids)} {item_type} escalations failed (see the log)")
    return outcomes


def release_lost_batch(job: Job, connection: Redis, exc_type: type[BaseException], *_: object) -> None:
    """RQ's failure callback of an escalation job: give back the leases its rows still hold under the
    claim the job was enqueued with, so the next sweep claims them again. Run by RQ when the job is
    abandoned (its worker killed; in the sweep's registry cleaning) or fails for the last time; a failure
    RQ will retry keeps the leases, as the retry brings its own delay. A row another sweep has claimed
    since has another lease and is left alone. Exactly once still holds when the old job runs again
    (RQ's retry of an abandoned job): each step's event is unique and the rows are taken SKIP LOCKED."""
    from service.operations.engines import escalation

    lease_until = job.meta.get("lease_until")
    if lease_until is None or (exc_type is not AbandonedJobError and job.retries_left):
        return
    item_type, ids = job.args[0], job.args[1]
    with _job_app().app_context():
        released = escalation.release(item_type, ids, held_until=datetime.fromisoformat(lease_until))
    log.warning("escalation job %s lost or failed (%s): %d leases released", job.id, exc_type.__name__, released)


def escalate(item_type: str, item_id: int, on: str | None = None) -> str:
    """One row (jobs queued by earlier releases carry a date: it is ignored, the run date counts)."""
    return next(iter(escalate_batch(item_type, [item_id])), "")


def deliver_webhook(delivery_id: int) -> Any:
    from service.operations.engines import webhooks

    with _job_app().app_context():
        return webhooks.deliver(delivery_id)


def run_unit_import(import_id: int) -> str:
    """An .xlsx ledger import (service/operations/engines/unit_imports.py): validate, then apply; progress in
    its row."""
    from service.operations.engines import unit_imports

    with _job_app().app_context():
        return unit_imports.run(import_id)


def take_coverage_snapshots(on: str | None = None) -> dict[str, Any]:
    """Write the month-end coverage snapshots still missing (exactly once each: see
    service/operations/reports/coverage_snapshots.py). `on` (ISO date) overrides today (simulations, tests)."""
    from service.operations.reports import coverage_snapshots

    with _job_app().app_context():
        return coverage_snapshots.take_snapshots(date.fromisoformat(on) if on else None)


def enqueue_coverage_snapshots(connection: Redis, on: date | None = None) -> bool:
    """Enqueue the snapshot job when the month just ended lacks snapshots (call inside an app context).
    A Redis key held for a lease period keeps the every-minute sweeps of one or more schedulers from
    queueing it again while it waits; the job itself is idempotent, so a duplicate is harmless anyway."""
    from service.operations.reports import coverage_snapshots

    on = on or today()
    if not coverage_snapshots.snapshots_due(on):
        return False
    month = coverage_snapshots.previous_month_end(on).isoformat()
    if not connection.set(f"dangjian:coverage-snapshots:{month}", "1", nx=True, ex=int(lease_seconds())):
        return False
    Queue("default", connection=connection).enqueue(take_coverage_snapshots, ttl=int(lease_seconds()))
    return True
