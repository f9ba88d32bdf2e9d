"""A supervision ticket's whole ladder through the HTTP API and real RQ jobs on the real Redis: reminder,
warning, an interview created by the sweep, the interview held with a new deadline, and accountability
when that deadline is missed too."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from flask import Flask
from redis import Redis
from rq import Queue, SimpleWorker

from service.clock import FixedClock
from service.config import Settings
from tests.support.supervision import INTERVIEWS, get_ticket, move, ok, rectifying
from tests.support.world import Api
from workers import jobs
from workers.queues import QUEUE_NAMES, connect


@pytest.fixture
def redis(migrated: Settings, app: Flask) -> Iterator[Redis]:
    conn = connect(migrated.redis_url or "")
    conn.flushdb()
    jobs.use_app(app)
    yield conn
    conn.flushdb()
    conn.close()


def _sweep(app: Flask, redis: Redis, clock: FixedClock, on: str) -> None:
    """The scheduler's sweep on day `on`, then a worker drains the queues."""
    move(clock, date.fromisoformat(on))
    with app.app_context():
        jobs.enqueue_due(redis, date.fromisoformat(on))
    SimpleWorker([Queue(n, connection=redis) for n in QUEUE_NAMES], connection=redis).work(burst=True)


def _listed(resp: Any) -> list[dict[str, Any]]:
    assert resp.status_code == 200, resp.json
    return list(resp.json)


def _unread(api: Api, who: str) -> list[str]:
    notes = _listed(api.get("/api/v1/notifications?unread=true", as_=who))
    return [n["kind"] for n in notes if n["kind"].startswith("escalation.")]


def test_ticket_ladder_end_to_end(api: Api, app: Flask, clock: FixedClock, redis: Redis) -> None:
    t = rectifying(api)  # issued 2026-09-25 with 5 working days: due 2026-10-09
    assert t["rectify_by"] == "2026-10-09"
    assert (t["next_escalation_level"], t["next_escalation_at"]) == ("reminder", "2026-10-10")  # make-up Saturday

    _sweep(app, redis, clock, "2026-10-09")  # the deadline day itself: nothing yet
    assert _unread(api, "handler@east_t1") == []

    _sweep(app, redis, clock, "2026-10-10")
    assert _unread(api, "handler@east_t1") == ["escalation.reminder"]
    t = get_ticket(api, t["id"])
    assert t["warning_level"] == "red" and t["escalation_level"] == "reminder"

    _sweep(app, redis, clock, t["next_escalation_at"])
    assert "escalation.warning" in _unread(api, "supervisor@east")

    t = get_ticket(api, t["id"])
    assert t["next_escalation_level"] == "interview"
    _sweep(app, redis, clock, t["next_escalation_at"])
    (interview,) = _listed(api.get(f"{INTERVIEWS}?ticket_id={t['id']}", as_="supervisor@east"))
    assert interview["by_escalation"] and interview["state"] == "scheduled" and interview["scheduled_at"] is None

    # The supervisor sets a time, holds the interview, and the ticket runs on the new deadline.
    ok(
        api.post(
            f"{INTERVIEWS}/{interview['id']}/reschedule",
            as_="supervisor@east",
            json={"scheduled_at": "2026-10-21T09:00:00", "place": "县委组织部会议室"},
        )
    )
    move(clock, date(2026, 10, 21), hour=3)
    ok(
        api.post(
            f"{INTERVIEWS}/{interview['id']}/hold",
            as_="supervisor@east",
            json={
                "minutes": "说明滞后原因，承诺限期整改",
                "commitments": ["10月30日前完成组建"],
                "new_deadline": "2026-10-30",
            },
        )
    )
    t = get_ticket(api, t["id"])
    assert t["rectify_by"] == "2026-10-30" and t["original_rectify_by"] == "2026-10-09"
    assert (t["next_escalation_level"], t["next_escalation_at"]) == ("accountability", "2026-11-02")

    _sweep(app, redis, clock, "2026-10-30")
    assert get_ticket(api, t["id"])["accountability_at"] is None
    _sweep(app, redis, clock, "2026-11-02")
    t = get_ticket(api, t["id"])
    assert t["accountability_at"] is not None and t["next_escalation_at"] is None
    assert "escalation.accountability" in _unread(api, "supervisor@east")
    # Each step happened once, whatever the number of sweeps.
    _sweep(app, redis, clock, "2026-11-20")
    steps = [h["action"] for h in t["history"] if h["action"].startswith("escalation.")]
    assert steps == ["escalation.reminder", "escalation.warning", "escalation.interview", "escalation.accountability"]
    assert [h["action"] for h in get_ticket(api, t["id"])["history"] if h["action"].startswith("escalation.")] == steps
