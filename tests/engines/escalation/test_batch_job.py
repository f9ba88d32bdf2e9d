"""The batch job (`workers.jobs.escalate_batch`) as the worker runs it: a row another worker holds is skipped
and released, each row costs a small fixed number of statements, and a job that overruns its timeout in the
non-forking worker is stopped inside its database call without harming the worker."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from flask import Flask
from redis import Redis
from rq import Queue
from rq.job import JobStatus
from sqlalchemy import Engine, create_engine, event, func, select, text

from service.clock import FixedClock
from service.config import Settings
from service.extensions import db
from service.models import AuditEvent, EscalationEvent, Notification, SupervisionTicket, User
from service.operations.engines import escalation
from tests.engines.escalation.test_workers import wait_for
from tests.support.escalation import at, events, overdue_ticket
from tests.support.world import World
from workers import jobs
from workers.__main__ import _Worker
from workers.queues import connect

# Two connections, a worker's real commits, a job timeout: real transactions.
pytestmark = pytest.mark.commits

DEADLINE = date(2026, 9, 30)
REMINDER_DAY = date(2026, 10, 8)  # first working day after the deadline (National Day in between)


@pytest.fixture(autouse=True)
def job_app(app: Flask) -> None:
    jobs.use_app(app)  # jobs run in this test's app, in this process (as in the non-forking worker)


@pytest.fixture
def redis(migrated: Settings, app: Flask) -> Iterator[Redis]:
    conn = connect(migrated.redis_url or "")
    conn.flushdb()
    jobs.use_app(app)
    yield conn
    conn.flushdb()
    conn.close()


def lock_waiters(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
            ).scalar_one()
        )


def _postgres_only(app: Flask) -> None:
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("row locks (SKIP LOCKED, pg_sleep) are PostgreSQL's")


def test_the_batch_job_skips_a_row_another_connection_holds_and_releases_its_lease(
    app: Flask, world: World, clock: FixedClock, migrated: Settings
) -> None:
    _postgres_only(app)
    held, free = (overdue_ticket(app, world, DEADLINE) for _ in range(2))
    clock.set(at(REMINDER_DAY))
    with app.app_context():
        claimed = escalation.claim_due("supervision_ticket", REMINDER_DAY, at(REMINDER_DAY), at(date(2026, 10, 9)))
        assert claimed == [held, free]
    other = create_engine(migrated.database_url)
    result: dict[str, Any] = {}
    try:
        with other.connect() as conn:
            # Another worker (or a command) is working on `held`: it holds the row lock.
            conn.execute(text("SELECT id FROM supervision_tickets WHERE id = :id FOR UPDATE"), {"id": held})
            job = threading.Thread(
                target=lambda: result.update(
                    outcome=jobs.escalate_batch("supervision_ticket", [held, free], REMINDER_DAY.isoformat())
                )
            )
            job.start()
            # The job skips `held`, escalates `free`, then waits to release `held`'s lease until the holder
            # is done (a command's transaction is short): wait for exactly that state, then let go.
            wait_for(lambda: len(events(app)) == 1 and lock_waiters(other) == 1, "the job waiting to release")
            conn.rollback()
            job.join(60)
    finally:
        other.dispose()
    outcome = result["outcome"]
    assert outcome == {"locked": 1, "reminder": 1}
    assert [e[1] for e in events(app)] == [free]
    with app.app_context():
        leases = dict(db.session.execute(select(SupervisionTicket.id, SupervisionTicket.escalation_leased_until)).all())
        db.session.rollback()
    # Neither row stays leased: the skipped one is released for the next sweep, the done one by its job.
    assert leases == {held: None, free: None}
    # Once the other worker let go, the row is escalated by the next job, once.
    assert jobs.escalate_batch("supervision_ticket", [held, free], REMINDER_DAY.isoformat()) == {
        "reminder": 1,
        "not_due": 1,
    }
    assert sorted(e[1] for e in events(app)) == sorted([held, free])


def test_an_escalated_row_costs_a_few_statements_whatever_the_batch_size(app: Flask, world: World) -> None:
    """Statement budget of the batch job: the calendar and the effects' lookups (handlers, supervisors,
    webhooks, the body's path) are read once per job; each row is one lock-and-release UPDATE, the event
    INSERT, the notification and webhook INSERTs, the row's UPDATE and its audit INSERT."""
    ids = [overdue_ticket(app, world, DEADLINE) for _ in range(12)]
    with app.app_context():
        engine = db.engine
    counts: list[int] = []
    for batch in (ids[:2], ids[2:]):
        seen: list[str] = []

        def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            seen.append(statement)  # noqa: B023  # each batch appends to its own list

        event.listen(engine, "before_cursor_execute", count)
        try:
            assert jobs.escalate_batch("supervision_ticket", batch, REMINDER_DAY.isoformat()) == {
                "reminder": len(batch)
            }
        finally:
            event.remove(engine, "before_cursor_execute", count)
        counts.append(len(seen))
    # 2 rows, then 10 rows: the difference is the per-row cost.
    per_row = (counts[1] - counts[0]) / 8
    assert per_row <= 6, counts
    with app.app_context():
        assert db.session.execute(select(func.count()).select_from(EscalationEvent)).scalar_one() == 12
        assert (
            db.session.execute(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "escalation.reminder")
            ).scalar_one()
            == 12
        )
        # The handlers of the ticket's body are notified of each ticket, however the lookup was cached.
        handlers = db.session.execute(
            select(func.count())
            .select_from(User)
            .where(User.jurisdiction_id == world.ids["east_t1"], User.role == "handler", User.active.is_(True))
        ).scalar_one()
        assert handlers >= 1
        assert (
            db.session.execute(
                select(func.count()).select_from(Notification).where(Notification.kind == "escalation.reminder")
            ).scalar_one()
            == 12 * handlers
        )
        db.session.rollback()


def sleep_in_database(seconds: float) -> None:
    """An RQ job stuck in a database call."""
    with jobs._job_app().app_context():
        db.session.execute(text("SELECT pg_sleep(:s)"), {"s": seconds})
        db.session.rollback()


def count_sleepers(database_url: str) -> int:
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            return int(
                conn.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity "
                        "WHERE query LIKE 'SELECT pg_sleep%' AND state = 'active' AND pid <> pg_backend_pid()"
                    )
                ).scalar_one()
            )
    finally:
        engine.dispose()


def test_a_job_over_its_timeout_is_cancelled_in_the_database_and_the_worker_goes_on(
    app: Flask, world: World, migrated: Settings, redis: Redis, monkeypatch: pytest.MonkeyPatch
) -> None:
    _postgres_only(app)
    assert os.getpid() == jobs._pid  # the jobs run here, in the worker's process (no fork)
    tid = overdue_ticket(app, world, DEADLINE)
    kind = escalation.ITEM_TYPES["supervision_ticket"]

    def stuck_effects(item: Any, level: str, today: date) -> None:
        db.session.execute(text("SELECT pg_sleep(20)"))

    stuck_kind = replace(kind, effects=dict.fromkeys(kind.effects, stuck_effects))
    monkeypatch.setitem(escalation.ITEM_TYPES, "supervision_ticket", stuck_kind)
    queue = Queue("escalations", connection=redis)
    stuck = queue.enqueue(jobs.escalate_batch, "supervision_ticket", [tid], REMINDER_DAY.isoformat(), job_timeout=1)
    after = queue.enqueue(sleep_in_database, 0)
    _Worker([queue], connection=redis).work(burst=True)

    # The stuck job failed on its timeout, as a timeout (not as a failed row the batch went past) …
    assert stuck.get_status(refresh=True) == JobStatus.FAILED
    assert "JobTimeout" in (stuck.latest_result().exc_string or "")
    # … its statement was cancelled on the server (no backend still sleeping, no lock left), nothing of the
    # row's transaction was written, and the next job ran on the same pool's connections.
    assert count_sleepers(migrated.database_url) == 0
    assert events(app) == []
    assert after.get_status(refresh=True) == JobStatus.FINISHED
    monkeypatch.setitem(escalation.ITEM_TYPES, "supervision_ticket", kind)
    assert jobs.escalate_batch("supervision_ticket", [tid], REMINDER_DAY.isoformat()) == {"reminder": 1}
