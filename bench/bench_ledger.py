"""Ledger list performance at city scale: 100 townships, 100,000 units.

Prints ms per request and SQL statements per request for the unit list (scope subquery, filters, COUNT,
LIMIT/OFFSET), showing the cost does not grow with page size (no N+1).

    .venv/bin/python bench/bench_ledger.py                      # temporary SQLite file
    BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1/bench_ledger .venv/bin/python bench/bench_ledger.py
(the PostgreSQL database is dropped and recreated)."""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from sqlalchemy import create_engine, event, insert, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service import create_app
from service.auth import system_actor
from service.clock import now
from service.config import Settings, normalise_database_url
from service.extensions import db
from service.inputs import NewJurisdiction, NewUser
from service.models import Unit
from service.operations.reference import (
    jurisdictions,
    users,
)
from workflows import credit_code

UNITS = int(os.environ.get("BENCH_UNITS", "100000"))
COUNTIES, TOWNSHIPS_PER_COUNTY = 10, 10


def database_url() -> str:
    raw = os.environ.get("BENCH_DATABASE_URL")
    if not raw:
        return f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    url = normalise_database_url(raw)
    name = make_url(url).database
    admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url


def seed(app) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from flask_migrate import upgrade

    actor = system_actor("bench")
    upgrade(directory=str(ROOT / "migrations"))
    city = jurisdictions.create(actor, NewJurisdiction(code="city", name="市", kind="city", parent_id=None))
    townships: list[int] = []
    counties: list[int] = []
    for c in range(COUNTIES):
        county = jurisdictions.create(
            actor, NewJurisdiction(code=f"c{c}", name=f"县{c}", kind="county", parent_id=city.id)
        )
        counties.append(county.id)
        for t in range(TOWNSHIPS_PER_COUNTY):
            townships.append(
                jurisdictions.create(
                    actor, NewJurisdiction(code=f"c{c}t{t}", name=f"镇{c}-{t}", kind="township", parent_id=county.id)
                ).id
            )
    rng = random.Random(7)
    stamp = now()
    rows = []
    for i in range(UNITS):
        employees = rng.choice([10, 30, 49, 50, 80, 200, 1000])
        formal = rng.choice([0, 1, 2, 3, 8, 51, 100])
        rows.append(
            {
                "credit_code": credit_code.make(f"91350100{i:09d}"),
                "name": f"企业{i:06d}有限公司",
                "kind": "enterprise" if i % 5 else "social_org",
                "jurisdiction_id": townships[i % len(townships)],
                "industry": "制造业",
                "employees": employees,
                "formal_members": min(formal, employees),
                "probationary_members": 0,
                "mobile_members": 0,
                "operating_status": "operating",
                "in_scope": employees >= 50,
                "version": 1,
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
    for start in range(0, len(rows), 5000):
        db.session.execute(insert(Unit), rows[start : start + 5000])
    db.session.commit()
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("ANALYZE"))
        db.session.commit()
    tokens = {}
    for name, place in (("city", city.id), ("county", counties[0]), ("township", townships[0])):
        user = users.create(actor, NewUser(username=name, display_name=name, role="supervisor", jurisdiction_id=place))
        tokens[name] = users.issue_token(actor, user, "bench")[1]
    tokens["county_id"] = str(counties[0])
    return tokens


def main() -> None:
    url = database_url()
    settings = replace(Settings.from_env(), database_url=url, redis_url=None)
    app = create_app(settings)
    statements = 0

    with app.app_context():
        t0 = time.perf_counter()
        tokens = seed(app)
        print(f"backend {db.engine.dialect.name}; seeded {UNITS:,} units in {time.perf_counter() - t0:.1f} s")

        @event.listens_for(db.engine, "before_cursor_execute")
        def _count(*_: object) -> None:
            nonlocal statements
            statements += 1

    client = app.test_client()
    cases = [
        ("city, in scope, sorted by -employees, page 1", "city", "/api/v1/units?in_scope=true&sort=-employees"),
        ("city, page 201 of 50 (deepest allowed)", "city", "/api/v1/units?page=201&page_size=50"),
        ("county subtree, no org, page_size 200", "county", "/api/v1/units?has_party_org=false&page_size=200"),
        ("township scope, text search", "township", "/api/v1/units?q=企业0001"),
        ("credit-code prefix search (city)", "city", "/api/v1/units?q=9135010000001"),
        ("single unit read", "township", None),
    ]
    print(f"{'case':<48} {'median ms':>10} {'p95 ms':>8} {'SQL/req':>8} {'total':>8}")
    for label, who, path in cases:
        headers = {"Authorization": f"Bearer {tokens[who]}"}
        if path is None:
            first = client.get("/api/v1/units?page_size=1", headers=headers).json[0]["id"]
            path = f"/api/v1/units/{first}"
        timings = []
        for _ in range(20):
            statements = 0
            t0 = time.perf_counter()
            resp = client.get(path, headers=headers)
            timings.append((time.perf_counter() - t0) * 1000)
            assert resp.status_code == 200, resp.json
        total = resp.headers.get("X-Pagination", "{}")
        import json

        count = json.loads(total).get("total", 1)
        timings.sort()
        print(
            f"{label:<48} {statistics.median(timings):>10.1f} {timings[int(len(timings) * 0.95) - 1]:>8.1f} "
            f"{statements:>8} {count:>8}"
        )


if __name__ == "__main__":
    main()
