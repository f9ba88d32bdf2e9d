"""Month-end snapshots: exactly once (also with two concurrent runs), a missed month filled in, the
scheduler's enqueueing, and the trend with its projection through the API."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime
from typing import Any

import pytest
from flask import Flask
from redis import Redis
from rq import Queue, SimpleWorker
from sqlalchemy import func, select

from service.config import Settings
from service.extensions import db
from service.models import AuditEvent, CoverageSnapshot
from service.operations.reports import coverage_snapshots
from tests.engines.reports.conftest import Ledger
from tests.support import coverage as h
from tests.support.world import Api, World
from workers import jobs
from workers.queues import connect

AUG = date(2026, 8, 31)  # the month end before the test clock's 2026-09-25


def snapshots(app: Flask) -> list[tuple[int, date, int, int, bool]]:
    with app.app_context():
        rows = db.session.execute(
            select(
                CoverageSnapshot.jurisdiction_id,
                CoverageSnapshot.month_end,
                CoverageSnapshot.units,
                CoverageSnapshot.own_org + CoverageSnapshot.joint_org,
                CoverageSnapshot.backfilled,
            ).order_by(CoverageSnapshot.month_end, CoverageSnapshot.jurisdiction_id)
        ).all()
        db.session.remove()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def take(app: Flask, on: date | None = None) -> dict[str, Any]:
    with app.app_context():
        return coverage_snapshots.take_snapshots(on)


def test_one_snapshot_per_jurisdiction_and_month_with_the_report_figures(
    app: Flask, api: Api, world: World, ledger: Ledger
) -> None:
    result = take(app)
    assert result == {"months": ["2026-08-31"], "written": len(world.ids)}
    rows = {r[0]: r for r in snapshots(app)}
    assert set(rows) == set(world.ids.values())
    # east: 9 units, 6 covered by an organisation (the report's hand count); east_ic: none
    assert rows[world.ids["east"]][1:] == (AUG, 9, 6, False)
    assert rows[world.ids["east_t1"]][1:] == (AUG, 6, 4, False)
    assert rows[world.ids["east_ic"]][1:] == (AUG, 0, 0, False)
    assert rows[world.ids["city"]][2] == 10
    # Running again writes nothing: the month is done.
    assert take(app)["written"] == 0
    assert len(snapshots(app)) == len(world.ids)
    with app.app_context():
        audits = db.session.execute(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "coverage.snapshot")
        ).scalar_one()
    assert audits == 1


def test_missed_months_are_filled_in_and_flagged(app: Flask, world: World, ledger: Ledger) -> None:
    take(app, date(2026, 6, 3))  # the May snapshot, taken on time
    # The scheduler was away for June and July; it runs again on 2026-09-25.
    result = take(app)
    assert result["months"] == ["2026-06-30", "2026-07-31", "2026-08-31"]
    east = [r for r in snapshots(app) if r[0] == world.ids["east"]]
    assert [(r[1], r[4]) for r in east] == [
        (date(2026, 5, 31), False),
        (date(2026, 6, 30), True),  # current figures, flagged: not part of the pace
        (date(2026, 7, 31), True),
        (AUG, False),  # the month just ended, from the ledger as it is now
    ]


def test_a_new_jurisdiction_gets_the_month_just_ended(app: Flask, api: Api, world: World) -> None:
    take(app)
    res = api.post(
        "/api/v1/jurisdictions",
        as_="admin@east",
        json={"code": "east_t3", "name": "东三镇", "kind": "township", "parent_id": world.ids["east"]},
    )
    assert res.status_code == 201
    with app.app_context():
        assert coverage_snapshots.snapshots_due()
    assert take(app) == {"months": ["2026-08-31"], "written": 1}
    with app.app_context():
        assert not coverage_snapshots.snapshots_due()


@pytest.mark.commits
def test_two_concurrent_runs_write_each_month_once(app: Flask, world: World) -> None:
    h.unit(app, world.ids["east_t1"], org_id=h.org(app, world.ids["east_t1"]))
    barrier = threading.Barrier(2)
    results: list[dict[str, Any]] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            with app.app_context():
                barrier.wait()
                results.append(coverage_snapshots.take_snapshots())
                db.session.remove()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    assert sorted(r["written"] for r in results) == [0, len(world.ids)]
    rows = snapshots(app)
    assert len(rows) == len(world.ids)
    assert len({(r[0], r[1]) for r in rows}) == len(rows)


@pytest.fixture
def redis(migrated: Settings, app: Flask) -> Any:
    conn: Redis = connect(migrated.redis_url or "")
    conn.flushdb()
    jobs.use_app(app)
    yield conn
    conn.flushdb()
    conn.close()


def test_scheduler_enqueues_the_job_once_and_the_job_writes(app: Flask, world: World, redis: Redis) -> None:
    with app.app_context():
        assert jobs.enqueue_coverage_snapshots(redis) is True
        assert jobs.enqueue_coverage_snapshots(redis) is False  # still waiting: not queued twice
    queue = Queue("default", connection=redis)
    assert queue.count == 1
    SimpleWorker([queue], connection=redis).work(burst=True)
    assert len(snapshots(app)) == len(world.ids)
    with app.app_context():
        assert not coverage_snapshots.snapshots_due()
        redis.flushdb()
        assert jobs.enqueue_coverage_snapshots(redis) is False  # nothing due any more


def _snapshot(app: Flask, place: int, month: date, units: int, covered: int, backfilled: bool = False) -> None:
    with app.app_context():
        db.session.add(
            CoverageSnapshot(
                jurisdiction_id=place,
                month_end=month,
                units=units,
                own_org=covered,
                joint_org=0,
                instructor_only=0,
                open_cases=0,
                backfilled=backfilled,
                taken_at=datetime(2026, 9, 1, tzinfo=UTC),
            )
        )
        db.session.commit()


def test_trend_and_projection_reaching(app: Flask, api: Api, world: World) -> None:
    east = world.ids["east"]
    for month, covered in ((date(2026, 5, 31), 50), (date(2026, 6, 30), 70), (date(2026, 7, 31), 75)):
        _snapshot(app, east, month, 100, covered)
    _snapshot(app, east, AUG, 100, 80)
    res = api.get(f"{h.COVERAGE}/trend?jurisdiction_id={east}&months=3", as_="approver@east")
    assert res.status_code == 200, res.json
    body = res.json
    assert [p["month_end"] for p in body["points"]] == ["2026-06-30", "2026-07-31", "2026-08-31"]
    assert body["points"][-1]["figures"]["org_coverage_rate"] == 0.8
    assert body["target_rate"] == 1.0
    org = body["projection"]["org_coverage"]
    # last three: 0.70 (June) -> 0.80 (August) = 0.05 a month; 0.20 to go: December.
    assert org["status"] == "reaching" and org["reaches_on"] == "2026-12-31"
    assert org["pace_per_month"] == pytest.approx(0.05)
    assert org["basis"] == ["2026-06-30", "2026-07-31", "2026-08-31"]


def test_trend_projection_reached_and_not_at_this_pace(app: Flask, api: Api, world: World) -> None:
    t1, t2 = world.ids["east_t1"], world.ids["east_t2"]
    for month in (date(2026, 6, 30), date(2026, 7, 31), AUG):
        _snapshot(app, t1, month, 10, 10)
        _snapshot(app, t2, month, 10, 6)
    reached = api.get(f"{h.COVERAGE}/trend?jurisdiction_id={t1}", as_="admin@east").json
    assert reached["projection"]["org_coverage"]["status"] == "reached"
    flat = api.get(f"{h.COVERAGE}/trend?jurisdiction_id={t2}", as_="admin@east").json
    assert flat["projection"]["org_coverage"]["status"] == "not_at_this_pace"
    assert flat["projection"]["org_coverage"]["reaches_on"] is None
    assert flat["projection"]["org_coverage"]["label"] == "按当前进度无法达到目标"


def test_backfilled_months_are_shown_but_not_paced(app: Flask, api: Api, world: World) -> None:
    east = world.ids["east"]
    _snapshot(app, east, date(2026, 6, 30), 100, 60)
    _snapshot(app, east, date(2026, 7, 31), 100, 90, backfilled=True)
    _snapshot(app, east, AUG, 100, 90)
    body = api.get(f"{h.COVERAGE}/trend?jurisdiction_id={east}", as_="admin@east").json
    assert [p["backfilled"] for p in body["points"]] == [False, True, False]
    assert body["projection"]["org_coverage"]["basis"] == ["2026-06-30", "2026-08-31"]


def test_target_rate_setting(app: Flask, api: Api, world: World) -> None:
    from dataclasses import replace

    east = world.ids["east"]
    for month, covered in ((date(2026, 7, 31), 80), (AUG, 92)):
        _snapshot(app, east, month, 100, covered)
    app.config["SETTINGS"] = replace(app.config["SETTINGS"], coverage_target_rate=0.9)
    body = api.get(f"{h.COVERAGE}/trend?jurisdiction_id={east}", as_="admin@east").json
    assert body["target_rate"] == 0.9 and body["projection"]["org_coverage"]["status"] == "reached"


def test_trend_scope_and_input(api: Api, world: World) -> None:
    assert api.get(f"{h.COVERAGE}/trend?jurisdiction_id={world.ids['west']}", as_="admin@east").status_code == 404
    for query in ("months=0", "months=121", "months=x"):
        res = api.get(f"{h.COVERAGE}/trend?{query}", as_="admin@east")
        assert res.status_code == 422 and "months" in res.json["errors"]["query"], query
    assert api.get(f"{h.COVERAGE}/trend", as_="admin@east").json["points"] == []
