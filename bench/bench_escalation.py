"""Escalations/s end to end: D due supervision tickets among N, swept and escalated by one real worker process.

For each size: a fresh database with N tickets (D of them due for their reminder), two handlers and a
supervisor to notify and one webhook subscribed to every event (so each escalation writes its event, its
notifications, a webhook delivery, its audit record and the next plan, as in production). One
`python -m workers` process is started and waits on the queue (as in production; its start-up time is
printed apart); then, timed end to end, the scheduler's sweep (`workers.jobs.enqueue_due`, the code
`python -m workers.scheduler` runs, here in the bench process) claims the due rows and enqueues them in
batches, and the bench waits until the worker has committed the last escalation. Printed: seconds end to
end, escalations/s, and SQL statements per escalation (counted in-process on a sample batch of the same job
function). Target (issue 9): 2,000 due in under 10 s, the two table sizes within 1.5x of each other.

    .venv/bin/python bench/bench_escalation.py            # quick: 500 due among 5,000 and among 50,000
    .venv/bin/python bench/bench_escalation.py --full     # issue 9: 2,000 due among 20,000 and 200,000

Needs PostgreSQL (BENCH_PG_URL, default postgres@127.0.0.1:5432; database bench_escalation is dropped and
recreated) and Redis (BENCH_REDIS_URL, default redis://127.0.0.1:6379/6, flushed)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask import Flask
from sqlalchemy import event, func, insert, select, text

from bench.environment import ROOT, describe, fresh_database, load, postgres_available, redis_url
from service import create_app
from service.auth import Actor, system_actor
from service.clock import FixedClock, now
from service.config import Settings
from service.extensions import db
from service.inputs import NewJurisdiction, NewUser, NewWebhook
from service.models import EscalationEvent, Notification, SupervisionTicket, User, WebhookDelivery
from service.operations.engines import webhook_subscriptions
from service.operations.reference import jurisdictions, users
from workers.runtime import CLOCK_START_ENV

TODAY = date(2026, 11, 2)  # a Monday; the due tickets' deadline passed on Friday 10-23
START = datetime(2026, 11, 2, 2, tzinfo=UTC)  # 10:00 in Beijing


def make_app(url: str) -> Flask:
    # The bench's webhook points at 127.0.0.1 (nothing listens: only the delivery rows are measured).
    allowed = ("127.0.0.1",)
    settings = replace(Settings.from_env(), database_url=url, redis_url=redis_url(), webhook_allowed_hosts=allowed)
    return create_app(settings, clock=FixedClock(START))


def seed(app: Flask, total: int, due: int) -> int:
    """The bodies, people, webhook and tickets; returns the township's id."""
    from flask_migrate import upgrade

    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        actor = system_actor("bench")
        city = jurisdictions.create(actor, NewJurisdiction(code="c", name="市", kind="city", parent_id=None))
        county = jurisdictions.create(actor, NewJurisdiction(code="c1", name="县", kind="county", parent_id=city.id))
        town = jurisdictions.create(actor, NewJurisdiction(code="t1", name="镇", kind="township", parent_id=county.id))
        for name, role, body in (("h1", "handler", town), ("h2", "handler", town), ("s1", "supervisor", county)):
            users.create(actor, NewUser(username=name, display_name=name, role=role, jurisdiction_id=body.id))
        portal = users.create(
            actor, NewUser(username="p1", display_name="p1", role="portal", jurisdiction_id=county.id)
        )
        issuer = db.session.execute(select(User.id).where(User.username == "s1")).scalar_one()
        webhook_subscriptions.register(
            Actor(portal.id, "p1", "portal", county.id, county.path),
            NewWebhook(url="http://127.0.0.1:9/hook", events=["*"]),
        )
        deadline = TODAY - timedelta(days=10)
        step = total // due  # due rows spread evenly over the table
        stamp = now()
        rows: list[dict[str, Any]] = []
        for i in range(total):
            is_due = i % step == 0
            rows.append(
                {
                    "state": "rectifying",
                    "title": f"督办{i}",
                    "priority": "normal",
                    "jurisdiction_id": town.id,
                    "issuing_body_id": county.id,
                    "issuer_id": issuer,
                    "responsible_person": "负责人",
                    "issued_on": deadline - timedelta(days=30),
                    "rectify_by": deadline if is_due else TODAY + timedelta(days=60),
                    "rectify_basis": "official",
                    "original_rectify_by": deadline,
                    "escalation_deadline": deadline if is_due else TODAY + timedelta(days=60),
                    "next_escalation_level": "reminder",
                    # The due rows spread over the table; the rest are planned later or finished (NULL).
                    "next_escalation_at": TODAY - timedelta(days=1)
                    if is_due
                    else (TODAY + timedelta(days=61) if i % 2 else None),
                    "version": 1,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
            if len(rows) == 10_000:
                db.session.execute(insert(SupervisionTicket), rows)
                rows = []
        if rows:
            db.session.execute(insert(SupervisionTicket), rows)
        db.session.commit()
        db.session.execute(text("ANALYZE"))
        db.session.commit()
        return town.id


def worker_env(url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "REDIS_URL": redis_url(),
        "LOG_LEVEL": "WARNING",
        CLOCK_START_ENV: START.isoformat(),
    }


class RunningWorker:
    """One `python -m workers` process, started and stopped by the bench (as a process manager would)."""

    def __init__(self, url: str) -> None:
        from redis import Redis
        from rq import Worker

        self.connection = Redis.from_url(redis_url())
        t0 = time.perf_counter()
        # RQ logs a few lines per job: keep them out of the table.
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "workers"],
            cwd=ROOT,
            env=worker_env(url),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        while not Worker.all(connection=self.connection):
            if self.proc.poll() is not None:
                raise SystemExit(f"the worker exited with {self.proc.returncode}")
            time.sleep(0.02)
        self.started_in = time.perf_counter() - t0

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(60)


def count_events(app: Flask) -> int:
    with app.app_context():
        n = int(db.session.execute(select(func.count()).select_from(EscalationEvent)).scalar_one())
        db.session.rollback()
        return n


def sweep_and_drain(app: Flask, due: int) -> tuple[float, float]:
    """The scheduler's sweep (its code, in this process) while the worker waits, then wait for the worker
    to escalate every due row. Returns (sweep seconds, sweep start to last escalation committed)."""
    from workers import jobs

    t0 = time.perf_counter()
    with app.app_context():
        claimed = jobs.enqueue_due(app.extensions["redis"], TODAY)["supervision_ticket"]
    sweep = time.perf_counter() - t0
    assert claimed == due, (claimed, due)
    deadline = time.monotonic() + 600
    while count_events(app) < due:
        assert time.monotonic() < deadline, "the worker did not finish in 10 minutes"
        time.sleep(0.02)
    return sweep, time.perf_counter() - t0


def statements_per_escalation(app: Flask, sample: int = 50) -> float:
    """SQL statements per row for one in-process batch (the same code the worker runs)."""
    from workers import jobs

    with app.app_context():
        ids = list(
            db.session.execute(
                select(SupervisionTicket.id)
                .where(SupervisionTicket.next_escalation_at.is_not(None), SupervisionTicket.escalation_level.is_(None))
                .order_by(SupervisionTicket.id)
                .limit(sample)
            ).scalars()
        )
        db.session.rollback()
        engine = db.engine
    count = 0

    def counter(*_args: Any) -> None:
        nonlocal count
        count += 1

    # Plan a reminder for the sample, due today, and escalate it as a job would.
    with app.app_context():
        db.session.execute(
            SupervisionTicket.__table__.update()
            .where(SupervisionTicket.id.in_(ids))
            .values(
                rectify_by=TODAY - timedelta(days=10),
                escalation_deadline=TODAY - timedelta(days=10),
                next_escalation_at=TODAY,
                next_escalation_level="reminder",
            )
        )
        db.session.commit()
    jobs.use_app(app)
    event.listen(engine, "before_cursor_execute", counter)
    try:
        outcome = jobs.escalate_batch("supervision_ticket", ids, TODAY.isoformat())
    finally:
        event.remove(engine, "before_cursor_execute", counter)
    assert outcome == {"reminder": len(ids)}, outcome
    return count / len(ids)


def measure(total: int, due: int) -> dict[str, float]:
    url = fresh_database("bench_escalation")
    app = make_app(url)
    t0 = time.perf_counter()
    seed(app, total, due)
    seeded = time.perf_counter() - t0
    app.extensions["redis"].flushdb()
    worker = RunningWorker(url)
    try:
        sweep, end_to_end = sweep_and_drain(app, due)
    finally:
        worker.stop()
    with app.app_context():
        notes = db.session.execute(select(func.count()).select_from(Notification)).scalar_one()
        hooks = db.session.execute(select(func.count()).select_from(WebhookDelivery)).scalar_one()
        db.session.rollback()
    assert count_events(app) == due and (notes, hooks) == (2 * due, due), (notes, hooks)
    per_row = statements_per_escalation(app)
    with app.app_context():
        db.engine.dispose()  # the next size drops this database
    print(
        f"{total:>9,} {due:>7,} {seeded:>7.1f} {worker.started_in:>10.2f} {sweep:>8.2f} {end_to_end:>8.2f}"
        f" {due / end_to_end:>7.0f} {per_row:>8.1f} {load():>6}"
    )
    sys.stdout.flush()
    return {"wall": end_to_end}


def main(argv: list[str]) -> int:
    if not postgres_available():
        print("bench_escalation: no PostgreSQL at BENCH_PG_URL; skipped")
        return 0
    full = "--full" in argv
    sizes = ((20_000, 2_000), (200_000, 2_000)) if full else ((5_000, 500), (50_000, 500))
    describe(fresh_database("bench_escalation"))
    print(
        "one worker process (python -m workers, started first, as in production); the scheduler's sweep; "
        "end to end = sweep start to the last escalation committed (seconds)"
    )
    print(
        f"{'tickets':>9} {'due':>7} {'seed s':>7} {'worker up':>10} {'sweep s':>8} {'e2e s':>8}"
        f" {'esc/s':>7} {'SQL/esc':>8} {'load':>6}"
    )
    results = [measure(total, due) for total, due in sizes]
    small, large = results
    ratio = max(small["wall"], large["wall"]) / min(small["wall"], large["wall"])
    print(
        f"large/small ratio {ratio:.2f} (target <= 1.5); {large['wall']:.1f} s end to end for {sizes[1][1]:,} due"
        " (target < 10 s for 2,000); a cold start adds the 'worker up' time once"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
