"""The escalation sweep's cost follows the number of DUE items, not the size of the tables.

Seeds N supervision tickets of which only D are due, and times `escalation.due()` (the sweep's query) for
growing N at fixed D, then for growing D at fixed N.

    .venv/bin/python bench/bench_sweep.py
    BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1/bench_sweep .venv/bin/python bench/bench_sweep.py"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import delete, insert, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_ledger import database_url
from service import create_app
from service.auth import system_actor
from service.clock import now
from service.config import Settings
from service.extensions import db
from service.inputs import NewJurisdiction
from service.models import SupervisionTicket
from service.operations.engines import escalation
from service.operations.reference import jurisdictions

TODAY = date(2026, 11, 2)


def seed(total: int, due: int, body_id: int) -> None:
    db.session.execute(delete(SupervisionTicket))
    stamp = now()
    rows = []
    for i in range(total):
        is_due = i < due
        rows.append(
            {
                "state": "rectifying",
                "title": f"督办{i}",
                "priority": "normal",
                "jurisdiction_id": body_id,
                "issuing_body_id": body_id,
                "responsible_person": "负责人",
                "rectify_by": TODAY - timedelta(days=10),
                "next_escalation_level": "reminder",
                # Most rows are planned for later (not due) or finished (NULL: outside the partial index).
                "next_escalation_at": TODAY - timedelta(days=1)
                if is_due
                else (TODAY + timedelta(days=30) if i % 2 else None),
                "version": 1,
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
    for start in range(0, len(rows), 10000):
        db.session.execute(insert(SupervisionTicket), rows[start : start + 10000])
    db.session.commit()
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("ANALYZE supervision_tickets"))
        db.session.commit()


def time_due() -> tuple[float, int]:
    timings = []
    for _ in range(15):
        t0 = time.perf_counter()
        found = escalation.due("supervision_ticket", TODAY, limit=100_000)
        timings.append((time.perf_counter() - t0) * 1000)
        db.session.rollback()
    return statistics.median(timings), len(found)


def main() -> None:
    from flask_migrate import upgrade

    app = create_app(replace(Settings.from_env(), database_url=database_url(), redis_url=None))
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        city = jurisdictions.create(
            system_actor("bench"), NewJurisdiction(code="c", name="市", kind="city", parent_id=None)
        )
        print(f"backend {db.engine.dialect.name}")
        print(f"{'tickets':>10} {'due':>8} {'sweep query ms':>15}")
        for total, due in ((10_000, 100), (100_000, 100), (300_000, 100), (300_000, 1_000), (300_000, 10_000)):
            seed(total, due, city.id)
            ms, found = time_due()
            assert found == due
            print(f"{total:>10,} {due:>8,} {ms:>15.2f}")


if __name__ == "__main__":
    main()
