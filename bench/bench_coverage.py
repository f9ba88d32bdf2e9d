"""Coverage report at city scale: 10 counties x 10 townships, 25,000 units, 5,000 party organisations
(4,000 own, 1,000 joint branches covering 2-3 units each), instructors for a fifth of the rest, 2,000 open
establishment cases.

Prints the environment, ms per request (median, p95) and SQL statements per request for the city-wide and
a county's report, a must-establish page, the trend and a circular preview; the snapshot job's time; and
the aggregate's plan on PostgreSQL. Target: the city report under 200 ms on PostgreSQL.

    .venv/bin/python bench/bench_coverage.py                      # temporary SQLite file
    BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1/bench_coverage .venv/bin/python bench/bench_coverage.py
(the PostgreSQL database is dropped and recreated)."""

from __future__ import annotations

import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, insert, select, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service import create_app
from service.auth import system_actor
from service.clock import now, today
from service.config import Settings, normalise_database_url
from service.extensions import db
from service.inputs import NewJurisdiction, NewUser
from service.models import EstablishmentCase, EstablishmentCaseUnit, PartyOrg, Unit
from service.models.synchronisation import AnnualInspection, PartyActivity
from service.operations.reference import (
    jurisdictions,
    users,
)
from service.operations.reports import (
    coverage,
    coverage_snapshots,
)
from workflows import credit_code

UNITS = int(os.environ.get("BENCH_UNITS", "25000"))
OWN_ORGS, JOINT_ORGS, OPEN_CASES = UNITS * 4 // 25, UNITS // 25, UNITS * 2 // 25
COUNTIES, TOWNSHIPS_PER_COUNTY = 10, 10
RUNS = 20


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


def seed() -> dict[str, str]:
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
    instructors = [
        users.create(
            actor,
            NewUser(username=f"ins{i}", display_name=f"指导员{i}", role="instructor", jurisdiction_id=city.id),
        ).id
        for i in range(50)
    ]
    rng = random.Random(7)
    stamp = now()
    place_of = [townships[i % len(townships)] for i in range(UNITS)]
    # organisations: OWN_ORGS own ones (one unit each), JOINT_ORGS joint branches (2-3 neighbouring units)
    org_rows = [
        {
            "name": f"党支部{i}",
            "kind": "branch",
            "jurisdiction_id": place_of[i],
            "status": "active",
            "version": 1,
            "created_at": stamp,
            "updated_at": stamp,
        }
        for i in range(OWN_ORGS)
    ]
    org_rows += [
        {
            "name": f"联合党支部{i}",
            "kind": "joint_branch",
            "jurisdiction_id": townships[i % len(townships)],
            "status": "active",
            "version": 1,
            "created_at": stamp,
            "updated_at": stamp,
        }
        for i in range(JOINT_ORGS)
    ]
    db.session.execute(insert(PartyOrg), org_rows)
    org_ids = list(db.session.execute(select(PartyOrg.id).order_by(PartyOrg.id)).scalars())
    own_ids, joint_ids = org_ids[:OWN_ORGS], org_ids[OWN_ORGS:]
    party_org: list[int | None] = [None] * UNITS
    for i in range(OWN_ORGS):
        party_org[i] = own_ids[i]
    cursor = OWN_ORGS
    for org_id in joint_ids:
        for _ in range(rng.choice([2, 3])):
            party_org[cursor] = org_id
            cursor += 1
    rows = []
    for i in range(UNITS):
        kind = "enterprise" if i % 5 else "social_org"
        employees = rng.choice([60, 80, 200, 1000]) if i % 10 else 20  # a tenth out of scope
        rows.append(
            {
                "credit_code": credit_code.make(f"91350100{i:09d}"),
                "name": f"单位{i:06d}",
                "kind": kind,
                "jurisdiction_id": place_of[i],
                "industry": "制造业",
                "employees": employees,
                "formal_members": 1,
                "probationary_members": 0,
                "mobile_members": 0,
                "operating_status": "deregistered" if i % 97 == 0 else "operating",
                "party_org_id": party_org[i],
                "instructor_id": instructors[i % 50] if party_org[i] is None and i % 5 == 0 else None,
                "in_scope": employees >= (50 if kind == "enterprise" else 30) and i % 97 != 0,
                "deregistered_at": stamp if i % 97 == 0 else None,
                "version": 1,
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
    for start in range(0, len(rows), 5000):
        db.session.execute(insert(Unit), rows[start : start + 5000])
    uncovered = [i + 1 for i in range(cursor, UNITS)][:OPEN_CASES]  # unit ids start at 1
    case_rows = [
        {
            "state": rng.choice(["preparing", "submitted", "returned", "approved"]),
            "form": "branch",
            "jurisdiction_id": place_of[u - 1],
            "proposed_name": f"拟建党支部{u}",
            "formal_total": 3,
            "probationary_total": 0,
            "mobile_total": 0,
            "preparation_started_on": today() - timedelta(days=rng.randint(1, 200)),
            "version": 1,
            "created_at": stamp,
            "updated_at": stamp,
        }
        for u in uncovered
    ]
    db.session.execute(insert(EstablishmentCase), case_rows)
    case_ids = list(db.session.execute(select(EstablishmentCase.id).order_by(EstablishmentCase.id)).scalars())
    db.session.execute(
        insert(EstablishmentCaseUnit),
        [{"case_id": c, "unit_id": u, "open": True} for c, u in zip(case_ids, uncovered, strict=True)],
    )
    _party_work(rng, place_of, stamp)
    db.session.commit()
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("ANALYZE"))
        db.session.commit()
    tokens = {}
    for name, place in (("city", city.id), ("county", counties[0])):
        user = users.create(actor, NewUser(username=name, display_name=name, role="supervisor", jurisdiction_id=place))
        tokens[name] = users.issue_token(actor, user, "bench")[1]
    return tokens


def _party_work(rng: random.Random, place_of: list[int], stamp: Any) -> None:
    """五个同步: two activities for every other unit (one in the last year, one older), this year's inspection
    for two units in five, two thirds of them with party work checked (BENCH_PARTY_WORK=0: none)."""
    if os.environ.get("BENCH_PARTY_WORK", "1") == "0":
        return
    base = {"state": "recorded", "version": 1, "created_at": stamp, "updated_at": stamp}
    acts = [
        {**base, "unit_id": u, "jurisdiction_id": place_of[u - 1], "kind": "theme_day", "attendance": 5,
         "description": "主题党日", "held_on": today() - timedelta(days=days)}
        for u in range(1, UNITS + 1, 2)
        for days in (rng.randint(1, 360), rng.randint(370, 700))
    ]  # fmt: skip
    for start in range(0, len(acts), 5000):
        db.session.execute(insert(PartyActivity), acts[start : start + 5000])
    checks = [
        {**base, "unit_id": u, "jurisdiction_id": place_of[u - 1], "year": today().year, "result": "passed",
         "inspected_on": today().replace(month=1, day=1), "party_work_checked": rng.random() < 2 / 3}
        for u in range(1, UNITS + 1) if u % 5 < 2
    ]  # fmt: skip
    for start in range(0, len(checks), 5000):
        db.session.execute(insert(AnnualInspection), checks[start : start + 5000])


def environment() -> str:
    version = db.session.execute(
        text("SELECT version()" if db.engine.dialect.name == "postgresql" else "SELECT 'SQLite ' || sqlite_version()")
    ).scalar_one()
    python = f"{platform.python_implementation()} {platform.python_version()}"
    return f"{python}, {os.cpu_count()} CPUs, {version.split(',')[0]}"


def main() -> None:
    url = database_url()
    settings = replace(Settings.from_env(), database_url=url, redis_url=None)
    app = create_app(settings)
    statements = 0
    with app.app_context():
        t0 = time.perf_counter()
        tokens = seed()
        print(environment())
        units_in_scope = db.session.execute(select(Unit.id).where(Unit.in_scope)).all()
        print(
            f"backend {db.engine.dialect.name}; seeded {UNITS:,} units ({len(units_in_scope):,} in scope), "
            f"{OWN_ORGS + JOINT_ORGS:,} organisations, {OPEN_CASES:,} open cases in {time.perf_counter() - t0:.1f} s"
        )
        t0 = time.perf_counter()
        result = coverage_snapshots.take_snapshots()
        print(
            f"snapshot job: {result['written']} rows (every jurisdiction) in {(time.perf_counter() - t0) * 1000:.0f} ms"
        )
        if db.engine.dialect.name == "postgresql":
            root = coverage.jurisdictions.get(system_actor(), 1)
            stmt = coverage.figures_statement(coverage.child_buckets(root), today())
            compiled = stmt.compile(db.engine, compile_kwargs={"literal_binds": True})
            plan = db.session.execute(text(f"EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) {compiled}")).scalars().all()
            print("aggregate plan (city):\n  " + "\n  ".join(plan))
            db.session.rollback()

        @event.listens_for(db.engine, "before_cursor_execute")
        def _count(*_: object) -> None:
            nonlocal statements
            statements += 1

    client = app.test_client()
    cases: list[tuple[str, str, str]] = [
        ("city report (25,000 units)", "city", "/api/v1/coverage"),
        ("county report", "county", "/api/v1/coverage"),
        ("must-establish, city, page 1 by -employees", "city", "/api/v1/coverage/must-establish?sort=-employees"),
        ("trend, city, 12 months", "city", "/api/v1/coverage/trend"),
        ("circular preview, city", "city", "/api/v1/coverage/circular?period_start=2026-01-01&period_end=2026-12-31"),
    ]
    print(f"{'case':<46} {'median ms':>10} {'p95 ms':>8} {'SQL/req':>8}")
    for label, who, path in cases:
        headers = {"Authorization": f"Bearer {tokens[who]}"}
        timings = []
        resp: Any = None
        for _ in range(RUNS):
            statements = 0
            t0 = time.perf_counter()
            resp = client.get(path, headers=headers)
            timings.append((time.perf_counter() - t0) * 1000)
            assert resp.status_code == 200, resp.json
        timings.sort()
        print(
            f"{label:<46} {statistics.median(timings):>10.1f} "
            f"{timings[int(len(timings) * 0.95) - 1]:>8.1f} {statements:>8}"
        )
    totals = client.get("/api/v1/coverage", headers={"Authorization": f"Bearer {tokens['city']}"}).json["totals"]
    print("city totals:", json.dumps(totals, ensure_ascii=False))


if __name__ == "__main__":
    main()
