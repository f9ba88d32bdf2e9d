"""The console's pages at city scale: 25,000 ledger units, 20,000 open approval tasks (+ 20,000 closed) over 100
township bodies (bench_inbox's builder), 50,000 audit records of other people and 1,000 of the approver's own.

Renders each page through the test client as a signed-in approver and prints ms per page and SQL statements
per page (target: under 100 ms).

    .venv/bin/python bench/bench_console.py                      # temporary SQLite file
    BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1/bench_console .venv/bin/python bench/bench_console.py
(the PostgreSQL database is dropped and recreated)."""

from __future__ import annotations

import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("BENCH_TASKS", "20000")

from sqlalchemy import event, insert, text, update

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_inbox import OPEN_TASKS, seed
from bench.bench_ledger import database_url
from service import create_app
from service.clock import now
from service.config import Settings
from service.console import access
from service.db import refresh_statistics
from service.extensions import db
from service.models import AuditEvent, EstablishmentCaseUnit, Unit, User
from service.operations.reference import passwords
from workflows import credit_code

UNITS = 25_000


def add_ledger_and_trail(me: User) -> None:
    stamp = now()
    bodies = [r[0] for r in db.session.execute(text("SELECT id FROM jurisdictions WHERE kind = 'township'"))]
    units = [
        {
            "id": i,
            "credit_code": credit_code.make(f"91350100{i:09d}"),
            "name": f"企业{i}有限公司",
            "kind": "enterprise",
            "jurisdiction_id": bodies[i % len(bodies)],
            "employees": 60,
            "formal_members": 5,
            "probationary_members": 0,
            "mobile_members": 0,
            "operating_status": "operating",
            "in_scope": True,
            "version": 1,
            "created_at": stamp,
            "updated_at": stamp,
        }
        for i in range(1, UNITS + 1)
    ]
    links = [{"case_id": i, "unit_id": i, "open": i <= OPEN_TASKS} for i in range(1, min(UNITS, 2 * OPEN_TASKS) + 1)]
    trail = [
        {
            "occurred_at": stamp,
            "actor_id": me.id if i % 50 == 0 else None,
            "actor_label": "bench",
            "action": "task.approve",
            "subject_type": "establishment",
            "subject_id": OPEN_TASKS + 1 + i % OPEN_TASKS,
            "jurisdiction_id": me.jurisdiction_id,
        }
        for i in range(51_000)
    ]
    for model, rows in ((Unit, units), (EstablishmentCaseUnit, links), (AuditEvent, trail)):
        for start in range(0, len(rows), 5000):
            db.session.execute(insert(model), rows[start : start + 5000])
    db.session.execute(update(User).where(User.id == me.id).values(password_hash=passwords.hash_password("bench-pass")))
    db.session.commit()
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("SELECT setval(pg_get_serial_sequence('ledger_units', 'id'), :n)"), {"n": UNITS + 1})
        db.session.execute(text("ANALYZE"))
        db.session.commit()
    elif os.environ.get("BENCH_SQLITE_STATISTICS", "1") == "1":
        refresh_statistics()  # as `make run` and the scheduler do (PostgreSQL's autovacuum analyses by itself)


def main() -> None:
    app = create_app(replace(Settings.from_env(), database_url=database_url(), redis_url=None))
    statements = 0
    with app.app_context():
        t0 = time.perf_counter()
        _, me = seed()
        add_ledger_and_trail(me)  # type: ignore[arg-type]
        user_id, mark = me.id, passwords.password_mark(me.password_hash)  # type: ignore[attr-defined]
        task_id = db.session.execute(
            text("SELECT id FROM approval_tasks WHERE assignee_id = :u AND status = 'open' ORDER BY id LIMIT 1"),
            {"u": user_id},
        ).scalar_one()
        body = me.jurisdiction_id  # type: ignore[attr-defined]
        print(
            f"backend {db.engine.dialect.name}; {UNITS:,} units, {OPEN_TASKS:,} open + {OPEN_TASKS:,} closed tasks, "
            f"51,000 audit records; seeded in {time.perf_counter() - t0:.1f} s"
        )

        @event.listens_for(db.engine, "before_cursor_execute")
        def _count(*_: object) -> None:
            nonlocal statements
            statements += 1

    client = app.test_client()
    with client.session_transaction() as session:
        session[access.SESSION_USER] = user_id
        session[access.SESSION_MARK] = mark
    print(f"{'page':<36} {'median ms':>10} {'p95 ms':>8} {'SQL/page':>9}")
    for label, path in (
        ("待办 inbox", "/inbox"),
        ("待办 red only", "/inbox?light=red"),
        ("待办 by body", f"/inbox?body={body}"),
        ("待办 page 5", "/inbox?page=5"),
        ("task / case page", f"/tasks/{task_id}"),
        ("已办 done", "/done"),
        ("已办 by unit", "/done?unit=企业1"),
        ("已办 by date", "/done?date_from=2026-01-01&date_to=2026-12-31"),
        ("通知 notifications", "/notifications"),
    ):
        timings = []
        for _ in range(20):
            statements = 0
            t0 = time.perf_counter()
            resp = client.get(path)
            timings.append((time.perf_counter() - t0) * 1000)
            assert resp.status_code == 200, (path, resp.status_code, resp.get_data(as_text=True)[:300])
        timings.sort()
        print(f"{label:<36} {statistics.median(timings):>10.1f} {timings[18]:>8.1f} {statements:>9}")


if __name__ == "__main__":
    main()
