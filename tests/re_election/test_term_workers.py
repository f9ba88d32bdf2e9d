"""Overdue terms escalate exactly once with real RQ workers on the real Redis and database, as the escalation
engine's worker tests prove for tickets: two schedulers' sweeps claim each due watch once, two worker processes
run the jobs, and a later sweep finds nothing more to do that day."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date

import pytest
from flask import Flask
from redis import Redis
from rq import Queue
from sqlalchemy import func, select

from service.config import Settings
from service.extensions import db
from service.models.re_election import TermWatch
from service.operations.flows.re_election import terms
from tests.support import ROOT
from tests.support.escalation import at, events, notification_count
from tests.support.re_election import org
from tests.support.world import Api, World
from workers import jobs
from workers.queues import connect
from workers.runtime import CLOCK_START_ENV

pytestmark = pytest.mark.commits

DAY = date(2026, 9, 25)  # the organisations' terms ended on 09-01: 催办 fell due on 09-02


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
        CLOCK_START_ENV: at(DAY).isoformat(),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "workers", "--burst"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def test_two_schedulers_and_two_workers_escalate_each_overdue_term_once(
    app: Flask, api: Api, world: World, migrated: Settings, redis: Redis
) -> None:
    ids = [org(app, api, due_on=date(2026, 9, 1)) for _ in range(6)]
    with app.app_context():
        assert terms.remind(DAY) == 6  # the sweep that watches the terms (and sends each its reminder)
        assert terms.remind(DAY) == 0
        first = jobs.enqueue_due(redis, DAY, batch_size=2)
        second = jobs.enqueue_due(redis, DAY, batch_size=2)  # a second scheduler: claims nothing
        db.session.remove()
    assert (first["term_overdue"], second["term_overdue"]) == (6, 0)
    assert Queue("escalations", connection=redis).count == 3
    workers = [_worker(migrated), _worker(migrated)]
    for w in workers:
        _, err = w.communicate(timeout=180)
        assert w.returncode == 0, err.decode()[-2000:]
    escalated = events(app, "term_overdue")
    assert len(escalated) == 6 and {e[2] for e in escalated} == {"reminder"}
    assert notification_count(app, "escalation.reminder") == 6 * 2  # handler and admin of 东一镇, once each
    with app.app_context():
        watched = db.session.execute(
            select(TermWatch.party_org_id, TermWatch.escalation_level, TermWatch.next_escalation_level)
        ).all()
        assert sorted(w[0] for w in watched) == sorted(ids)
        assert {(w[1], w[2]) for w in watched} == {("reminder", "warning")}
        leased = db.session.execute(
            select(func.count()).select_from(TermWatch).where(TermWatch.escalation_leased_until.is_not(None))
        ).scalar_one()
        assert leased == 0
        assert jobs.enqueue_due(redis, DAY)["term_overdue"] == 0  # nothing more today
        db.session.remove()
