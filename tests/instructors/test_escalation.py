"""The instructors' ladders under the existing worker tests' conditions (real RQ, real Redis, real commits):
an assignment with no visit logged for the interval gets 催办 (to its instructor) then 预警 (to the body), and a
preparation item past its limit 催办 (to the body's handlers) then 预警 (to its supervisors) — each exactly once,
however often the sweep and the workers run; a logged visit moves the deadline."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from flask import Flask
from redis import Redis
from rq import Queue, SimpleWorker
from sqlalchemy import func, select

from service.clock import FixedClock
from service.config import Settings
from service.extensions import db
from service.models import Notification
from service.models.instructor import InstructorAssignment
from tests.support.escalation import at, events
from tests.support.instructors import assigned
from tests.support.world import Api, World
from workers import jobs
from workers.queues import connect

pytestmark = pytest.mark.commits

REMINDER_DAY = date(2026, 10, 30)  # the first working day after 20 working days from Friday 25 September
WARNING_DAY = date(2026, 11, 6)  # five working days after the reminder


@pytest.fixture
def redis(migrated: Settings, app: Flask) -> Iterator[Redis]:
    conn = connect(migrated.redis_url or "")
    conn.flushdb()
    jobs.use_app(app)
    yield conn
    conn.flushdb()
    conn.close()


def sweep_and_work(app: Flask, redis: Redis, day: date) -> dict[str, int]:
    """Two sweeps (a second scheduler claims nothing), then a worker, then a second worker on an empty queue."""
    with app.app_context():
        first = jobs.enqueue_due(redis, day)
        second = jobs.enqueue_due(redis, day)
    assert second.get("instructor_assignment", 0) == 0 and second.get("preparation_item", 0) == 0
    for _ in range(2):
        SimpleWorker([Queue("escalations", connection=redis)], connection=redis).work(burst=True)
    return first


def notified(app: Flask, user_id: int, kind: str) -> int:
    with app.app_context():
        n = db.session.execute(
            select(func.count()).where(Notification.user_id == user_id, Notification.kind == kind)
        ).scalar_one()
        db.session.rollback()
    return int(n)


def test_each_level_happens_exactly_once(app: Flask, api: Api, world: World, clock: FixedClock, redis: Redis) -> None:
    me = world.users["instructor@east_t1"]
    stalled = [assigned(app, world, "east_t1", me) for _ in range(3)]
    visited = assigned(app, world, "east_t1", me)
    clock.set(at(date(2026, 10, 20)))
    r = api.post(
        f"/api/v1/instructor-assignments/{visited}/visits",
        as_="instructor@east_t1",
        json={"visited_on": "2026-10-20", "kind": "visit", "done": "走访"},
    )
    assert r.status_code == 201, r.json

    for day in (REMINDER_DAY, REMINDER_DAY):  # the same day twice: nothing happens twice
        clock.set(at(day))
        sweep_and_work(app, redis, day)
    assert sorted(i for _, i, level in events(app, "instructor_assignment") if level == "reminder") == stalled
    # The four units' preparation items: three still without a visit, the visited one closed.
    assert len([e for e in events(app, "preparation_item") if e[2] == "reminder"]) == 3
    assert notified(app, me, "escalation.reminder") == 3  # the instructor, once per stalled unit
    assert notified(app, world.users["handler@east_t1"], "escalation.reminder") == 3  # the preparation items

    for day in (WARNING_DAY, WARNING_DAY):
        clock.set(at(day))
        sweep_and_work(app, redis, day)
    levels = [level for _, _, level in events(app, "instructor_assignment")]
    assert sorted(levels) == ["reminder"] * 3 + ["warning"] * 3
    assert notified(app, world.users["supervisor@east_t1"], "escalation.warning") == 6  # 3 assignments + 3 items
    assert notified(app, world.users["handler@east_t1"], "escalation.warning") == 3  # the assignments' 预警
    with app.app_context():
        rows = db.session.execute(
            select(
                InstructorAssignment.id, InstructorAssignment.escalation_level, InstructorAssignment.next_escalation_at
            )
        ).all()
        db.session.rollback()
    plan = {ident: (level, nxt) for ident, level, nxt in rows}
    assert all(plan[i] == ("warning", None) for i in stalled)  # the ladder ends at 预警
    assert plan[visited][0] is None  # due 20 working days after its visit, not yet reached
