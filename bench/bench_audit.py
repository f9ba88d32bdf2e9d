"""The audit trail at 10 million rows: it is never purged, so its reads must stay index-driven as it grows.

Fills `audit_events` on PostgreSQL with ROWS rows (default 10,000,000; one INSERT … SELECT generate_series) over
200,000 subjects, 5,000 actors and 400 bodies (one township with records in the oldest 1 % only), then prints,
for each read the service makes, its plan's nodes, time and buffers (EXPLAIN ANALYZE), and the cost of one more
audit INSERT:

- a subject's history (the case and ticket pages, the diagrams): `ix_audit_events_subject`;
- a person's 已办 (done list), newest first: `ix_audit_events_actor`;
- one request's records, by request id;
- GET /api/v1/audit's first page and its capped count for the city, a county, a township and the quiet
  township, through `audit_page` itself (its statements captured and explained).

Every read must touch a bounded number of buffers whatever the table's size; monthly partitions would buy
nothing these reads need (none filters on time alone) and would split the id order they use across partitions.
Needs PostgreSQL (BENCH_PG_URL); the database `--database` names (bench_audit) is dropped and recreated.

    .venv/bin/python bench/bench_audit.py                    # 10,000,000 rows (several minutes)
    .venv/bin/python bench/bench_audit.py --rows 1000000     # quicker
    .venv/bin/python bench/bench_audit.py --rows 10000000 --database my_bench_audit
    .venv/bin/python bench/bench_audit.py --database my_bench_audit --reuse --plans   # measure again, whole plans"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from typing import Any

from sqlalchemy import create_engine, event, select, text
from sqlalchemy.engine import make_url

from bench.environment import ROOT, describe, fresh_database, load, postgres_available, server_url
from service import create_app
from service.auth import Actor
from service.config import Settings
from service.extensions import db
from service.models import Jurisdiction
from service.operations.engines import audit

SUBJECTS, ACTORS, PLACES = 200_000, 5_000, 400


def fill(url: str, rows: int) -> None:
    app = create_app(replace(Settings.from_env(), database_url=url, redis_url=None))
    from flask_migrate import upgrade

    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
    engine = create_engine(url)
    with engine.begin() as conn:
        # A city, 20 counties, 19 townships each: paths as the service writes them.
        conn.execute(
            text(
                "INSERT INTO jurisdictions (id, code, name, kind, parent_id, path, active, version, created_at,"
                " updated_at) VALUES (1, 'c', '市', 'city', NULL, '/1/', true, 1, now(), now())"
            )
        )
        conn.execute(
            text("""
            INSERT INTO jurisdictions (id, code, name, kind, parent_id, path, active, version, created_at, updated_at)
            SELECT g, 'x' || g, '县' || g, 'county', 1, '/1/' || g || '/', true, 1, now(), now()
            FROM generate_series(2, 21) g
        """)
        )
        conn.execute(
            text(f"""
            INSERT INTO jurisdictions (id, code, name, kind, parent_id, path, active, version, created_at, updated_at)
            SELECT g, 'x' || g, '镇' || g, 'township', 2 + (g % 20), '/1/' || (2 + (g % 20)) || '/' || g || '/',
                   true, 1, now(), now()
            FROM generate_series(22, {PLACES}) g
        """)
        )
        conn.execute(
            text(f"""
            INSERT INTO users (id, username, display_name, role, jurisdiction_id, active, version, created_at,
                               updated_at)
            SELECT g, 'u' || g, '用户' || g, 'approver', 22 + (g % {PLACES - 21}), true, 1, now(), now()
            FROM generate_series(1, {ACTORS}) g
        """)
        )
        # The secondary indexes are dropped for the load and built again after it, from their own definitions:
        # sorted builds take minutes where maintaining five b-trees row by row took most of an hour at 10M.
        indexes = conn.execute(
            text(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'audit_events'"
                " AND indexname <> 'pk_audit_events'"
            )
        ).all()
        for name, _ in indexes:
            conn.execute(text(f'DROP INDEX "{name}"'))
        started = time.perf_counter()
        conn.execute(
            text(f"""
            INSERT INTO audit_events (occurred_at, actor_id, actor_label, action, subject_type, subject_id,
                                      jurisdiction_id, state_before, state_after, comment, request_id)
            SELECT timestamptz '2024-01-01' + g * interval '6 seconds',
                   1 + (g * 7919) % {ACTORS}, '用户', 'case.submit',
                   CASE WHEN g % 3 = 0 THEN 'supervision_ticket' ELSE 'establishment' END,
                   1 + (g * 104729) % {SUBJECTS},
                   CASE WHEN g <= {rows // 100} THEN 22 + (g % {PLACES - 21}) ELSE 23 + (g % {PLACES - 22}) END,
                   '{{"state": "preparing"}}', '{{"state": "submitted"}}', NULL, md5(g::text)
            FROM generate_series(1::bigint, {rows}) g
        """)
        )
        print(f"filled {rows:,} rows in {time.perf_counter() - started:.0f} s")
        started = time.perf_counter()
        conn.execute(text("SET maintenance_work_mem = '256MB'"))
        for _, definition in indexes:
            conn.execute(text(definition))
        print(f"built {len(indexes)} indexes in {time.perf_counter() - started:.0f} s")
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE audit_events"))
    engine.dispose()


# The reads by index look-up alone, as the service writes them.
READS = {
    "a subject's history": "SELECT * FROM audit_events WHERE subject_type = 'establishment' AND subject_id = 4242"
    " ORDER BY id",
    "a person's 已办, newest 50": "SELECT * FROM audit_events WHERE actor_id = 77 ORDER BY occurred_at DESC LIMIT 50",
    "one request's records": "SELECT * FROM audit_events WHERE request_id = md5('123456')",
}
# GET /api/v1/audit's first page for these bodies, through the service's own function (its statements captured
# and explained as they ran). Township 22 had records in the oldest 1 % of the trail only.
LISTS = {
    "the city (count capped)": "/1/",
    "a county": "/1/5/",
    "a township": "/1/5/43/",
    "a quiet township": "/1/4/22/",
}


PLANS = False  # --plans: each statement's whole plan too, as EXPLAIN prints it


def _explain(conn: Any, name: str, sql: str, params: Any = None) -> None:
    (plan,) = conn.exec_driver_sql(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}", params or {}).scalar_one()
    top = plan["Plan"]
    nodes = sorted(set(_node_types(top)))
    buffers = top.get("Shared Hit Blocks", 0) + top.get("Shared Read Blocks", 0)
    print(f"- {name}: {plan['Execution Time']:.2f} ms, {buffers} buffers, plan: {', '.join(nodes)}")
    if PLANS:
        lines = conn.exec_driver_sql(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params or {}).scalars().all()
        print("\n".join(f"      {line}" for line in lines))


def explain(url: str) -> None:
    engine = create_engine(url)
    with engine.connect() as conn:
        total = conn.execute(text("SELECT count(*) FROM audit_events")).scalar_one()
        size = conn.execute(text("SELECT pg_size_pretty(pg_total_relation_size('audit_events'))")).scalar_one()
        print(f"audit_events: {total:,} rows, {size} with indexes · load {load()}")
        for name, sql in READS.items():
            conn.execute(text(sql)).all()  # warm
            _explain(conn, name, sql)
        for name, path in LISTS.items():
            for i, (sql, params) in enumerate(_list_statements(url, path)):
                _explain(conn, f"{name}'s audit list, {'count' if i == 0 else 'page'}", sql, params)
        conn.commit()
        timings = []
        for i in range(200):
            started = time.perf_counter()
            with conn.begin():
                conn.execute(text("INSERT INTO audit_events (occurred_at, actor_id, actor_label, action, subject_type,"
                                  " subject_id, jurisdiction_id, request_id) VALUES (now(), 1, '用户', 'x',"
                                  " 'establishment', :s, 23, 'bench')"), {"s": i})  # fmt: skip
            timings.append(time.perf_counter() - started)
        timings.sort()
        print(f"- one more audit INSERT (own transaction): median {timings[100] * 1000:.2f} ms,"
              f" p95 {timings[190] * 1000:.2f} ms")  # fmt: skip
    engine.dispose()


def _list_statements(url: str, path: str) -> list[tuple[str, Any]]:
    """The statements audit_page runs for a body's first page of 50 (count, then page)."""
    app = create_app(replace(Settings.from_env(), database_url=url, redis_url=None))
    seen: list[tuple[str, Any]] = []
    with app.app_context():

        def capture(_c: Any, _cur: Any, statement: str, parameters: Any, *_: Any) -> None:
            seen.append((statement, parameters))

        event.listen(db.engine, "before_cursor_execute", capture)
        body = db.session.execute(select(Jurisdiction.id).where(Jurisdiction.path == path)).scalar_one()
        seen.clear()
        audit.audit_page(Actor(1, "bench", "admin", body, path), None, None, None, 1, 50)
        event.remove(db.engine, "before_cursor_execute", capture)
        db.session.remove()
        db.engine.dispose()
    return seen


def _node_types(node: dict) -> list[str]:
    name = node["Node Type"] + (f" on {node['Relation Name']}" if "Relation Name" in node else "")
    if "Index Name" in node:
        name += f" using {node['Index Name']}"
    return [name] + [n for child in node.get("Plans", []) for n in _node_types(child)]


def main() -> None:
    if not postgres_available():
        print("PostgreSQL is not reachable (BENCH_PG_URL): nothing to measure")
        return
    parser = argparse.ArgumentParser(description="The audit trail's reads at a given size (PostgreSQL).")
    parser.add_argument("legacy_rows", nargs="?", type=int, help=argparse.SUPPRESS)  # the older positional form
    parser.add_argument("--rows", type=int, default=10_000_000, help="audit records to generate (10,000,000)")
    parser.add_argument("--database", default="bench_audit", help="database to recreate (bench_audit)")
    parser.add_argument("--reuse", action="store_true", help="measure the database as an earlier run filled it")
    parser.add_argument("--plans", action="store_true", help="print each statement's whole plan")
    args = parser.parse_args()
    global PLANS
    PLANS = args.plans
    rows = args.legacy_rows or args.rows
    if args.reuse:
        url = make_url(server_url()).set(drivername="postgresql+psycopg", database=args.database)
        url = url.render_as_string(hide_password=False)
    else:
        url = fresh_database(args.database)
    describe(url)
    if not args.reuse:
        fill(url, rows)
    explain(url)
    print(json.dumps({"rows": rows}))


if __name__ == "__main__":
    main()
