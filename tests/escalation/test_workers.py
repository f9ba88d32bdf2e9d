"""Exactly-once escalation with real RQ workers on the real Redis and database: two schedulers and two
workers, a worker killed mid-job, and a Redis outage."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import psutil
import pytest
from flask import Flask
from redis import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from rq import Queue, SimpleWorker
from sqlalchemy import func, select

from service import create_app
from service.config import Settings
from service.extensions import db
from service.models import EscalationEvent, SupervisionTicket
from tests.conftest import Api, World
from tests.escalation.helpers import events, notification_count, overdue_ticket, submitted_case, wait_until
from workers import jobs
from workers.queues import QUEUE_NAMES, connect

# Worker processes and a second app write through their own connections: real commits.
pytestmark = pytest.mark.commits

ROOT = Path(__file__).resolve().parents[2]
REMINDER_DAY = date(2026, 10, 8)  # first working day after the 2026-09-30 deadline (National Day in between)


@pytest.fixture
def redis(migrated: Settings, app: Flask) -> Iterator[Redis]:
    conn = connect(migrated.redis_url or "")
    conn.flushdb()
    jobs.use_app(app)
    yield conn
    conn.flushdb()
    conn.close()


def _worker(settings: Settings) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "REDIS_URL": settings.redis_url or "",
        "LOG_LEVEL": "WARNING",
    }
    # Its own session, so the whole process group (worker and work horse) can be killed at once.
    return subprocess.Popen(
        [sys.executable, "-m", "workers", "--burst"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _wait(proc: subprocess.Popen[bytes], timeout: float = 180) -> None:
    _, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err.decode()[-2000:]


def _count(app: Flask, model: type) -> int:
    with app.app_context():
        n = db.session.execute(select(func.count()).select_from(model)).scalar_one()
        db.session.rollback()
        return n


def _tickets(app: Flask, world: World, n: int) -> list[int]:
    return [overdue_ticket(app, world, date(2026, 9, 30)) for _ in range(n)]


def test_two_schedulers_and_two_workers_escalate_each_item_once(
    app: Flask, world: World, migrated: Settings, redis: Redis
) -> None:
    ids = _tickets(app, world, 30)
    with app.app_context():
        first = jobs.enqueue_due(redis, REMINDER_DAY)
        second = jobs.enqueue_due(redis, REMINDER_DAY)  # a second scheduler: every job enqueued twice
    assert first["supervision_ticket"] == second["supervision_ticket"] == 30
    assert Queue("escalations", connection=redis).count == 60

    workers = [_worker(migrated), _worker(migrated)]
    for w in workers:
        _wait(w)

    assert sorted(e[1] for e in events(app, "supervision_ticket")) == sorted(ids)
    assert {e[2] for e in events(app)} == {"reminder"}
    assert notification_count(app, "escalation.reminder") == 30  # one handler per ticket, once
    with app.app_context():
        rows = db.session.execute(select(SupervisionTicket.escalation_level, SupervisionTicket.next_escalation_level))
        assert {(reached, planned) for reached, planned in rows} == {("reminder", "warning")}
    # The sweep finds nothing more to do today.
    with app.app_context():
        assert jobs.enqueue_due(redis, REMINDER_DAY)["supervision_ticket"] == 0


def test_a_worker_killed_mid_job_loses_and_repeats_nothing(
    app: Flask, world: World, migrated: Settings, redis: Redis
) -> None:
    total = 60
    _tickets(app, world, total)
    with app.app_context():
        assert jobs.enqueue_due(redis, REMINDER_DAY)["supervision_ticket"] == total

    victim = _worker(migrated)

    def going() -> bool:  # let it get going, then kill it in the middle of the queue
        assert victim.poll() is None, "the worker finished before it could be killed"
        return _count(app, EscalationEvent) >= 5

    wait_until(going, "the worker to escalate its first items", timeout=180)
    # RQ's work horse puts itself in its own process group: kill it by pid, then the worker.
    for horse in psutil.Process(victim.pid).children(recursive=True):
        horse.kill()
    os.killpg(victim.pid, signal.SIGKILL)
    victim.wait()
    done = _count(app, EscalationEvent)
    assert 5 <= done < total
    # Whatever committed is whole: every event has its notification, every plan moved on with it.
    assert notification_count(app, "escalation.reminder") == done
    with app.app_context():
        moved = db.session.execute(
            select(func.count()).select_from(SupervisionTicket).where(SupervisionTicket.escalation_level == "reminder")
        ).scalar_one()
        assert moved == done
        db.session.rollback()

    # The next sweep re-enqueues what is still due (including the job that died); a fresh worker finishes.
    with app.app_context():
        again = jobs.enqueue_due(redis, REMINDER_DAY)["supervision_ticket"]
    assert again == total - done
    _wait(_worker(migrated))
    assert _count(app, EscalationEvent) == total
    assert notification_count(app, "escalation.reminder") == total
    assert len({e[1] for e in events(app)}) == total


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

    # A sweep during the outage fails without touching the database.
    due_day = date(2026, 11, 3)
    with down.app_context(), pytest.raises(RedisConnectionError):
        jobs.enqueue_due(down.extensions["redis"], due_day)
    assert events(app) == []

    # Redis is back: the next sweep escalates everything that fell due meanwhile.
    with app.app_context():
        assert jobs.enqueue_due(redis, due_day)["approval_task"] == 3
    SimpleWorker([Queue(n, connection=redis) for n in QUEUE_NAMES], connection=redis).work(burst=True)
    assert sorted(e[2] for e in events(app, "approval_task")) == ["reminder"] * 3
    assert notification_count(app, "escalation.reminder") == 3
