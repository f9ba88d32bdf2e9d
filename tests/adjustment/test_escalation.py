"""An adjustment case left undecided climbs its ladder (催办 → 预警 → 红色通报) under the real sweep and an RQ
worker: each level exactly once however often the sweep runs, and a decision stops it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from flask import Flask
from redis import Redis
from rq import Queue, SimpleWorker

from service.clock import FixedClock
from service.config import Settings
from tests.support.adjustment import CASES, deregistered_case, submitted
from tests.support.escalation import at, events, notification_count
from tests.support.world import Api, World
from workers import jobs
from workers.queues import connect

# The sweep and the worker commit through their own transactions.
pytestmark = pytest.mark.commits


@pytest.fixture
def redis(migrated: Settings, app: Flask) -> Iterator[Redis]:
    conn = connect(migrated.redis_url or "")
    conn.flushdb()
    jobs.use_app(app)
    yield conn
    conn.flushdb()
    conn.close()


def _sweep(app: Flask, redis: Redis, clock: FixedClock, day: date) -> int:
    clock.set(at(day))
    with app.app_context():
        claimed = jobs.enqueue_due(redis, day)["adjustment"]
    SimpleWorker([Queue("escalations", connection=redis)], connection=redis).work(burst=True)
    return claimed


def test_an_undecided_case_climbs_each_level_once(
    app: Flask, api: Api, world: World, clock: FixedClock, redis: Redis
) -> None:
    case = deregistered_case(api, app, world.ids["east_t1"])
    stalled = deregistered_case(api, app, world.ids["east_t1"])
    assert case["next_escalation_level"] == "reminder"
    reminder_day = date.fromisoformat(case["next_escalation_at"])
    # The day before it falls due nothing happens.
    assert _sweep(app, redis, clock, date.fromordinal(reminder_day.toordinal() - 1)) == 0
    assert [_sweep(app, redis, clock, reminder_day) for _ in range(3)] == [2, 0, 0]
    assert sorted(events(app, "adjustment")) == sorted(
        [("adjustment", case["id"], "reminder"), ("adjustment", stalled["id"], "reminder")]
    )
    assert notification_count(app, "escalation.reminder") == 2  # east_t1's handler, once per case

    # One case is submitted meanwhile: still undecided, it keeps climbing; the other too.
    submitted(api, case["id"])
    now = api.get(f"{CASES}/{case['id']}", as_="admin@city").json
    assert (now["escalation_level"], now["next_escalation_level"]) == ("reminder", "warning")
    warning_day = date.fromisoformat(now["next_escalation_at"])
    assert [_sweep(app, redis, clock, warning_day) for _ in range(2)] == [2, 0]
    red_day = date.fromisoformat(api.get(f"{CASES}/{case['id']}", as_="admin@city").json["next_escalation_at"])
    assert [_sweep(app, redis, clock, red_day) for _ in range(2)] == [2, 0]
    levels = [e[2] for e in events(app, "adjustment") if e[1] == case["id"]]
    assert levels == ["reminder", "warning", "red_notice"]
    # The top of the ladder: nothing more is planned, however long it waits.
    top = api.get(f"{CASES}/{case['id']}", as_="admin@city").json
    assert (top["escalation_level"], top["next_escalation_at"]) == ("red_notice", None)
    assert _sweep(app, redis, clock, date(2026, 12, 31)) == 0
    assert len(events(app, "adjustment")) == 6  # two cases, three levels each


def test_a_cancelled_case_does_not_escalate(
    app: Flask, api: Api, world: World, clock: FixedClock, redis: Redis
) -> None:
    case = deregistered_case(api, app, world.ids["east_t1"])
    day = date.fromisoformat(case["next_escalation_at"])
    resp = api.post(f"{CASES}/{case['id']}/cancel", json={"reason": "误报注销"}, as_="handler@east_t1")
    assert resp.status_code == 200 and resp.json["next_escalation_at"] is None
    assert _sweep(app, redis, clock, day) == 0
    assert events(app, "adjustment") == []
