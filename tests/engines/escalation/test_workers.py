"""Exactly-once escalation with real RQ workers on the real Redis and database: leases that keep a due row
enqueued once however often the sweep runs, two schedulers and two workers, a worker killed mid-queue,
a Redis outage, and jobs that act on the day they run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta

import psutil
import pytest
from flask import Flask
from redis import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from rq import Queue, SimpleWorker
from rq.job import Job, JobStatus
from sqlalchemy import func, select, update

from service import create_app
from service.clock import FixedClock
from service.config import Settings
from service.extensions import db
from service.models import ApprovalStep, AuditEvent, EscalationEvent, Notification, SupervisionTicket
from tests.support import ROOT
from tests.support.escalation import at, events, notification_count, overdue_ticket, submitted_case
from tests.support.world import Api, World
from workers import jobs
from workers.queues import QUEUE_NAMES, connect
from workers.runtime import CLOCK_START_ENV
from workers.settings import lease_delta

# Worker and scheduler processes write through their own connections: real commits.
pytestmark = pytest.mark.commits

REMINDER_DAY = date(2026, 10, 8)  # first working day after the 2026-09-30 deadline (National Day in between)


@pytest.fixture
def redis(migrated: Settings, app: Flask) -> Iterator[Redis]:
    conn = connect(migrated.redis_url or "")
    conn.flushdb()
    jobs.use_app(app)
    yield conn
    conn.flushdb()
    conn.close()


def worker_env(settings: Settings, redis_url: str | None = None, day: date = REMINDER_DAY) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "REDIS_URL": redis_url or settings.redis_url or "",
        "LOG_LEVEL": "WARNING",
        CLOCK_START_ENV: at(day).isoformat(),  # the worker's clock runs from 10:00 Beijing time on `day`
    }


def _worker(settings: Settings) -> subprocess.Popen[bytes]:
    # Its own session, so the whole process group (worker and work horse) can be killed at once.
    return subprocess.Popen(
        [sys.executable, "-m", "workers", "--burst"],
        cwd=ROOT,
        env=worker_env(settings),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _wait(proc: subprocess.Popen[bytes], timeout: float = 180) -> None:
    _, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err.decode()[-2000:]


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 180) -> None:
    """Poll for a CONDITION (never for time to pass) until a generous deadline: a loaded machine only
    makes it slower, it cannot make it miss the state it waits for."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def _count(app: Flask, model: type, *where: object) -> int:
    with app.app_context():
        n = db.session.execute(select(func.count()).select_from(model).where(*where)).scalar_one()
        db.session.rollback()
        return n


def _tickets(app: Flask, world: World, n: int) -> list[int]:
    return [overdue_ticket(app, world, date(2026, 9, 30)) for _ in range(n)]


def _reminders_of(app: Flask, subject_type: str) -> int:
    return _count(
        app, Notification, Notification.kind == "escalation.reminder", Notification.subject_type == subject_type
    )


def hold(key: str) -> None:
    """A job that blocks until the test pushes to `key`: the test knows exactly which jobs ran before it."""
    conn = Redis.from_url(os.environ["REDIS_URL"])
    conn.set(f"{key}:started", "1")
    conn.blpop([key], timeout=300)


def test_the_sweep_enqueues_a_due_row_once_while_its_job_is_pending(
    app: Flask, world: World, clock: FixedClock, redis: Redis
) -> None:
    _tickets(app, world, 25)
    clock.set(at(REMINDER_DAY))
    queue = Queue("escalations", connection=redis)
    with app.app_context():
        versions = dict(db.session.execute(select(SupervisionTicket.id, SupervisionTicket.version)).all())
        counts = [jobs.enqueue_due(redis, REMINDER_DAY, batch_size=10)["supervision_ticket"] for _ in range(5)]
        db.session.rollback()
    # Five sweeps over 25 due rows: claimed once, in three jobs of at most 10 ids.
    assert counts == [25, 0, 0, 0, 0]
    assert queue.count == 3
    assert sorted(len(job.args[1]) for job in queue.jobs) == [5, 10, 10]
    with app.app_context():
        # The lease is bookkeeping: the rows' versions (their ETags) are unchanged.
        assert dict(db.session.execute(select(SupervisionTicket.id, SupervisionTicket.version)).all()) == versions
        db.session.rollback()

    SimpleWorker([queue], connection=redis).work(burst=True)
    assert len(events(app)) == 25
    assert _count(app, SupervisionTicket, SupervisionTicket.escalation_leased_until.is_not(None)) == 0
    with app.app_context():
        assert jobs.enqueue_due(redis, REMINDER_DAY)["supervision_ticket"] == 0  # nothing left today


def test_two_schedulers_and_two_workers_escalate_each_item_once(
    app: Flask, world: World, migrated: Settings, redis: Redis
) -> None:
    ids = _tickets(app, world, 30)
    with app.app_context():
        first = jobs.enqueue_due(redis, REMINDER_DAY, batch_size=5)
        second = jobs.enqueue_due(redis, REMINDER_DAY, batch_size=5)  # a second scheduler: claims nothing
    assert (first["supervision_ticket"], second["supervision_ticket"]) == (30, 0)
    assert Queue("escalations", connection=redis).count == 6

    workers = [_worker(migrated), _worker(migrated)]
    for w in workers:
        _wait(w)

    assert sorted(e[1] for e in events(app, "supervision_ticket")) == sorted(ids)
    assert {e[2] for e in events(app)} == {"reminder"}
    assert notification_count(app, "escalation.reminder") == 30  # one handler per ticket, once
    with app.app_context():
        rows = db.session.execute(
            select(SupervisionTicket.escalation_level, SupervisionTicket.next_escalation_level)
        ).all()
        assert {(reached, planned) for reached, planned in rows} == {("reminder", "warning")}
        db.session.rollback()
    assert _count(app, SupervisionTicket, SupervisionTicket.escalation_leased_until.is_not(None)) == 0
    # The sweep finds nothing more to do today.
    with app.app_context():
        assert jobs.enqueue_due(redis, REMINDER_DAY)["supervision_ticket"] == 0


def test_a_worker_killed_mid_queue_loses_and_repeats_nothing(
    app: Flask, world: World, clock: FixedClock, migrated: Settings, redis: Redis
) -> None:
    queue = Queue("escalations", connection=redis)
    clock.set(at(REMINDER_DAY))
    first = _tickets(app, world, 5)
    with app.app_context():
        assert jobs.enqueue_due(redis, REMINDER_DAY)["supervision_ticket"] == 5
    key = f"hold-{os.getpid()}"
    blocker = queue.enqueue(hold, key)
    _tickets(app, world, 55)
    with app.app_context():
        assert jobs.enqueue_due(redis, REMINDER_DAY)["supervision_ticket"] == 55

    victim = _worker(migrated)
    # FIFO: once the blocker runs, the first batch is committed and the second has not started.
    wait_for(lambda: redis.get(f"{key}:started") is not None or victim.poll() is not None, "the blocker job")
    assert victim.poll() is None, victim.communicate()[1].decode()[-2000:]
    assert Job.fetch(blocker.id, connection=redis).get_status() == JobStatus.STARTED
    # RQ's work horse puts itself in its own process group: kill it by pid, then the worker.
    for horse in psutil.Process(victim.pid).children(recursive=True):
        horse.kill()
    os.killpg(victim.pid, signal.SIGKILL)
    victim.wait()
    assert sorted(e[1] for e in events(app)) == first
    assert notification_count(app, "escalation.reminder") == 5
    # The second batch's job is lost with the worker's queue (as when Redis restarts empty).
    queue.empty()

    # Its rows stay leased: sweeping again now enqueues nothing twice …
    with app.app_context():
        assert jobs.enqueue_due(redis, REMINDER_DAY)["supervision_ticket"] == 0
    # … and once the lease has expired, the next sweep claims them again; a fresh worker finishes.
    clock.set(at(REMINDER_DAY) + lease_delta() + timedelta(seconds=1))
    with app.app_context():
        assert jobs.enqueue_due(redis, REMINDER_DAY)["supervision_ticket"] == 55
    _wait(_worker(migrated))
    assert _count(app, EscalationEvent) == 60
    assert notification_count(app, "escalation.reminder") == 60
    assert len({e[1] for e in events(app)}) == 60
    assert _count(app, SupervisionTicket, SupervisionTicket.escalation_leased_until.is_not(None)) == 0


def test_redis_down_writes_succeed_and_the_next_sweep_catches_up(
    api: Api, app: Flask, world: World, migrated: Settings, redis: Redis
) -> None:
    down = create_app(replace(migrated, redis_url="redis://127.0.0.1:1/0"), clock=app.extensions["clock"])
    client = down.test_client()
    headers = {"Authorization": f"Bearer {world.tokens['handler@east_t1']}"}

    # The API keeps working: cases are filed and submitted (tasks assigned, notifications written).
    outage_api = Api(client, world)
    case_ids = [submitted_case(outage_api) for _ in range(3)]
    assert client.get("/readyz").status_code == 503
    assert client.get("/readyz").json["checks"]["redis"].startswith("unreachable")
    assert client.get(f"/api/v1/establishment-cases/{case_ids[0]}", headers=headers).status_code == 200

    # A sweep during the outage fails without touching the database (no lease taken).
    due_day = date(2026, 11, 3)
    with down.app_context(), pytest.raises(RedisConnectionError):
        jobs.enqueue_due(down.extensions["redis"], due_day)
    assert events(app) == []
    assert _count(app, ApprovalStep, ApprovalStep.escalation_leased_until.is_not(None)) == 0

    # Redis is back: the next sweep escalates everything that fell due meanwhile.
    app.extensions["clock"].set(at(due_day))
    with app.app_context():
        assert jobs.enqueue_due(redis, due_day)["approval_task"] == 3
    SimpleWorker([Queue(n, connection=redis) for n in QUEUE_NAMES], connection=redis).work(burst=True)
    assert sorted(e[2] for e in events(app, "approval_task")) == ["reminder"] * 3
    # (the three units entered by hand have 组建准备 items of their own, reminded on the same day)
    assert notification_count(app, "escalation.reminder") - _reminders_of(app, "preparation_item") == 3


def test_a_job_acts_on_the_day_it_runs_not_the_day_it_was_queued(
    app: Flask, world: World, clock: FixedClock, redis: Redis
) -> None:
    tid = overdue_ticket(app, world, date(2026, 9, 30))
    clock.set(at(REMINDER_DAY))  # day X: the sweep enqueues the reminder
    with app.app_context():
        assert jobs.enqueue_due(redis)["supervision_ticket"] == 1
    run_day = REMINDER_DAY + timedelta(days=2)  # X+2, Saturday 2026-10-10: a make-up working day
    clock.set(at(run_day))
    SimpleWorker([Queue("escalations", connection=redis)], connection=redis).work(burst=True)
    with app.app_context():
        event = db.session.execute(select(EscalationEvent)).scalar_one()
        assert (event.level, event.happened_on) == ("reminder", run_day)
        t = db.session.get(SupervisionTicket, tid)
        assert t.escalation_reached_on == run_day
        # The warning follows 3 working days after the reminder AS RUN: 10-12, 10-13, 10-14.
        assert (t.next_escalation_level, t.next_escalation_at) == ("warning", date(2026, 10, 14))
        db.session.rollback()


def test_an_approval_step_escalation_is_audited_under_its_own_workflow(
    api: Api, app: Flask, clock: FixedClock, redis: Redis
) -> None:
    case_id = submitted_case(api)
    with app.app_context():
        # Another approval workflow's step (the column is free text; establishment is the only one today).
        db.session.execute(update(ApprovalStep).values(workflow="pairing_agreement"))
        db.session.commit()
    clock.set(at(date(2026, 11, 3)))
    with app.app_context():
        assert jobs.enqueue_due(redis)["approval_task"] == 1
    SimpleWorker([Queue("escalations", connection=redis)], connection=redis).work(burst=True)
    with app.app_context():
        rows = db.session.execute(
            select(AuditEvent.subject_type, AuditEvent.subject_id).where(
                AuditEvent.action == "escalation.reminder", AuditEvent.subject_type != "preparation_item"
            )
        ).all()
        assert [tuple(r) for r in rows] == [("pairing_agreement", case_id)]
        db.session.rollback()
