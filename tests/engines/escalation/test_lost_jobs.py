"""Lost escalation jobs are retried promptly, still exactly once: a worker SIGKILLed mid-batch leaves its
job in RQ's started registry; the next sweep's registry cleaning reports it abandoned, its failure callback
gives back the leases its rows still hold, and the same sweep claims them again — long before the leases
would have ended. A late callback for an old claim never frees a newer one."""

from __future__ import annotations

import os
import signal
import time
from datetime import timedelta

from flask import Flask
from redis import Redis
from rq import Queue, SimpleWorker
from rq.exceptions import AbandonedJobError
from rq.job import Job, JobStatus
from rq.registry import ScheduledJobRegistry
from sqlalchemy import select

from service.clock import FixedClock
from service.config import Settings
from service.extensions import db
from service.models import EscalationEvent, SupervisionTicket
from tests.engines.escalation.test_workers import (
    REMINDER_DAY,
    _count,
    _tickets,
    _wait,
    _worker,
    redis,
    wait_for,
)
from tests.support.escalation import at, events, notification_count
from tests.support.world import World
from workers import jobs
from workers.settings import lease_delta

__all__ = ["redis"]  # the fixture, shared with test_workers.py

LEASED = SupervisionTicket.escalation_leased_until.is_not(None)
# Later than any started job's RQ heartbeat (SimpleWorker: job timeout 180 s + 60 s): RQ's clock, moved on.
LATER = 600


def test_a_worker_killed_mid_batch_has_its_rows_escalated_at_the_next_sweep_once(
    app: Flask, world: World, clock: FixedClock, migrated: Settings, redis: Redis
) -> None:
    ids = _tickets(app, world, 120)
    clock.set(at(REMINDER_DAY))
    with app.app_context():
        assert jobs.enqueue_due(redis, REMINDER_DAY, batch_size=120)["supervision_ticket"] == 120
    victim = _worker(migrated)
    job = Queue("escalations", connection=redis).jobs[0]
    # Polled in Redis only: polling SQLite would contend for its one writer lock with the worker.
    wait_for(lambda: job.get_status() == JobStatus.STARTED or victim.poll() is not None, "the batch to start")
    assert victim.poll() is None, victim.communicate()[1].decode()[-2000:]
    os.killpg(victim.pid, signal.SIGKILL)  # mid-batch: no failure handling, no lease cleared
    victim.wait()
    done = _count(app, EscalationEvent)
    assert done < 120
    assert _count(app, SupervisionTicket, LEASED) == 120 - done

    # Two minutes on, far inside the 15-minute lease. While RQ still counts the job as running, nothing
    # is claimed twice; once its heartbeat has ended, the sweep finds it abandoned and claims its rows.
    clock.set(at(REMINDER_DAY) + timedelta(minutes=2))
    with app.app_context():
        assert jobs.enqueue_due(redis, REMINDER_DAY)["supervision_ticket"] == 0
        assert jobs.enqueue_due(redis, REMINDER_DAY, rq_time=time.time() + LATER)["supervision_ticket"] == 120 - done
    _wait(_worker(migrated))
    # RQ also retries the abandoned job (scheduled in 10 s): run it too — it repeats nothing.
    queue = Queue("escalations", connection=redis)
    for job_id in ScheduledJobRegistry(queue=queue).get_job_ids():
        queue.enqueue_job(Job.fetch(job_id, connection=redis))
    SimpleWorker([queue], connection=redis).work(burst=True)

    assert sorted(e[1] for e in events(app)) == sorted(ids)  # every row, each once
    assert _count(app, EscalationEvent) == 120
    assert notification_count(app, "escalation.reminder") == 120
    assert _count(app, SupervisionTicket, LEASED) == 0


def _leased(app: Flask) -> set[object]:
    with app.app_context():
        leases = set(db.session.execute(select(SupervisionTicket.escalation_leased_until)).scalars())
        db.session.rollback()
        return leases


def test_a_late_failure_callback_for_an_old_claim_leaves_a_newer_claim_alone(
    app: Flask, world: World, clock: FixedClock, redis: Redis
) -> None:
    _tickets(app, world, 3)
    queue = Queue("escalations", connection=redis)
    clock.set(at(REMINDER_DAY))
    with app.app_context():
        jobs.enqueue_due(redis, REMINDER_DAY)
    old = queue.jobs[0]
    # The old job's lease ends unnoticed; a later sweep claims the rows again under a new lease.
    newer = at(REMINDER_DAY) + lease_delta() + timedelta(seconds=1)
    clock.set(newer)
    with app.app_context():
        assert jobs.enqueue_due(redis, REMINDER_DAY)["supervision_ticket"] == 3
    new = queue.jobs[1]

    jobs.release_lost_batch(old, redis, AbandonedJobError)  # late: the old claim is gone
    assert _leased(app) == {newer + lease_delta()}
    jobs.release_lost_batch(new, redis, RuntimeError)  # a failure RQ will retry keeps the leases
    assert _leased(app) == {newer + lease_delta()}
    jobs.release_lost_batch(new, redis, AbandonedJobError)  # the current claim's job is lost
    assert _leased(app) == {None}
