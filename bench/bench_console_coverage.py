"""The console's 覆盖 pages at city scale (bench_coverage's ledger: 10 counties x 10 townships, 25,000 units,
5,000 organisations, 2,000 open cases; one month-end snapshot per jurisdiction), signed in as a city and a
county supervisor. Prints ms per page (median, p95) and SQL statements per page (target: under 100 ms).

    .venv/bin/python bench/bench_console_coverage.py      # temporary SQLite file
    BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1/bench_console_coverage \
        .venv/bin/python bench/bench_console_coverage.py
(the PostgreSQL database is dropped and recreated)."""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

from sqlalchemy import event, select, update

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_coverage import database_url, environment, seed
from service import create_app
from service.config import Settings
from service.console import access
from service.extensions import db
from service.models import User
from service.operations.reference import passwords
from service.operations.reports import coverage_snapshots

RUNS = 20


def main() -> None:
    app = create_app(replace(Settings.from_env(), database_url=database_url(), redis_url=None))
    statements = 0
    sessions: dict[str, tuple[int, str]] = {}
    with app.app_context():
        t0 = time.perf_counter()
        seed()
        coverage_snapshots.take_snapshots()
        hashed = passwords.hash_password("Bench-Console-2026")
        for name in ("city", "county"):
            user_id = db.session.execute(select(User.id).where(User.username == name)).scalar_one()
            db.session.execute(update(User).where(User.id == user_id).values(password_hash=hashed))
            sessions[name] = (user_id, passwords.password_mark(hashed))
        db.session.commit()
        print(environment())
        print(f"backend {db.engine.dialect.name}; seeded in {time.perf_counter() - t0:.1f} s")

        @event.listens_for(db.engine, "before_cursor_execute")
        def _count(*_: object) -> None:
            nonlocal statements
            statements += 1

    clients = {}
    for name, (user_id, mark) in sessions.items():
        client = app.test_client()
        with client.session_transaction() as session:
            session[access.SESSION_USER] = user_id
            session[access.SESSION_MARK] = mark
        clients[name] = client
    print(f"{'page':<44} {'median ms':>10} {'p95 ms':>8} {'SQL/page':>9}")
    for label, who, path in (
        ("覆盖 city (report + 2 charts + trend)", "city", "/coverage"),
        ("覆盖 county", "county", "/coverage"),
        ("应建未建 city page 1", "city", "/coverage/must-establish"),
        ("应建未建 city, no instructor, page 5", "city", "/coverage/must-establish?has_instructor=false&page=5"),
        ("通报 list", "city", "/coverage/circulars"),
    ):
        timings = []
        for _ in range(RUNS):
            statements = 0
            t0 = time.perf_counter()
            resp = clients[who].get(path)
            timings.append((time.perf_counter() - t0) * 1000)
            assert resp.status_code == 200, (path, resp.status_code, resp.get_data(as_text=True)[:300])
        timings.sort()
        print(f"{label:<44} {statistics.median(timings):>10.1f} {timings[18]:>8.1f} {statements:>9}")


if __name__ == "__main__":
    main()
