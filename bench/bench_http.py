"""Decisions/s over HTTP under gunicorn, beside a minimal one-UPDATE Flask endpoint, in one run.

The service: `POST /api/v1/tasks/{id}/decide` (approve, with the reply's number) on distinct pending group
tasks of one township — each request claims and decides the task, closes the step and approves the case.
The floor: `bench/http_floor_app.py`, one UPDATE per request on the same database. Both under gunicorn with
the Procfile's settings (2 sync workers), driven by the same load generator (threads with keep-alive
connections, each request a distinct id), three interleaved rounds; requests/s, p50/p95/p99 and 5xx printed.

    .venv/bin/python bench/bench_http.py            # quick: 300 decisions per round
    .venv/bin/python bench/bench_http.py --full     # 1,000 per round
    .venv/bin/python bench/bench_http.py --port 8800 --database bench_http_b   # other ports / databases

The service listens on --port (default 5301), the floor on the next port. Needs PostgreSQL (BENCH_PG_URL;
databases --database (default bench_http) and its `_floor` twin are recreated) and Redis (BENCH_REDIS_URL)."""

from __future__ import annotations

import http.client
import json
import os
import queue
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, insert, select, text

from bench.environment import ROOT, describe, fresh_database, load, plain_dsn, postgres_available, redis_url
from service import create_app
from service.auth import system_actor
from service.clock import now
from service.config import Settings
from service.extensions import db
from service.inputs import NewJurisdiction, NewUser
from service.models import ApprovalTask, Unit
from service.operations.flows.establishment import cases as establishment
from service.operations.reference import jurisdictions, users
from workflows import credit_code
from workflows.establishment import NewCase

DEFAULT_PORT = 5301
CLIENTS = 8
ROUNDS = 3


def setup_service(url: str, cases: int) -> tuple[list[list[int]], str]:
    """A township with an any-one route and `cases` submitted branch requests; their task ids per round."""
    os.environ.update(APPROVAL_MODE_SUPERIOR_APPROVAL="any_one")
    app = create_app(replace(Settings.from_env(), database_url=url, redis_url=None))
    from flask_migrate import upgrade

    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        actor = system_actor("bench")
        city = jurisdictions.create(actor, NewJurisdiction(code="c", name="市", kind="city", parent_id=None))
        county = jurisdictions.create(actor, NewJurisdiction(code="c1", name="县", kind="county", parent_id=city.id))
        town = jurisdictions.create(actor, NewJurisdiction(code="t1", name="镇", kind="township", parent_id=county.id))
        handler = users.create(
            actor, NewUser(username="handler", display_name="办事员", role="handler", jurisdiction_id=town.id)
        )
        approver = users.create(
            actor, NewUser(username="approver", display_name="审批人", role="approver", jurisdiction_id=town.id)
        )
        token = users.issue_token(actor, approver, "bench")[1]
        stamp = now()
        db.session.execute(
            insert(Unit),
            [
                {
                    "credit_code": credit_code.make(f"91350100{i:09d}"),
                    "name": f"企业{i:06d}有限公司",
                    "kind": "enterprise",
                    "jurisdiction_id": town.id,
                    "industry": "制造业",
                    "employees": 60,
                    "formal_members": 5,
                    "probationary_members": 0,
                    "mobile_members": 0,
                    "operating_status": "operating",
                    "in_scope": True,
                    "investor_or_head": "张三",
                    "version": 1,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
                for i in range(cases)
            ],
        )
        db.session.commit()
        unit_ids = list(db.session.execute(select(Unit.id).order_by(Unit.id)).scalars())
        from service.auth import Actor

        as_handler = Actor(handler.id, "handler", handler.role, town.id, town.path)
        for unit_id in unit_ids:
            case = establishment.create(
                as_handler, NewCase(unit_ids=[unit_id], form="branch", proposed_name="中共测试支部")
            )
            establishment.submit(as_handler, case.id)
        task_ids = list(db.session.execute(select(ApprovalTask.id).order_by(ApprovalTask.id)).scalars())
        db.session.execute(text("ANALYZE"))
        db.session.commit()
    per_round = len(task_ids) // ROUNDS
    return [task_ids[r * per_round : (r + 1) * per_round] for r in range(ROUNDS)], token


def setup_floor(url: str, rows: int) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE bench_floor (id integer PRIMARY KEY, n integer NOT NULL DEFAULT 0)"))
        conn.execute(text("INSERT INTO bench_floor (id) SELECT generate_series(1, :n)"), {"n": rows})
    engine.dispose()


def serve(target: str, port: int, database_url: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": plain_dsn(database_url), "REDIS_URL": redis_url(), "LOG_LEVEL": "WARNING"}
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "--no-control-socket",
        "--workers",
        "2",
        "--bind",
        f"127.0.0.1:{port}",
        "--timeout",
        "60",
        "--log-level",
        "warning",
        target,
    ]
    proc = subprocess.Popen(command, cwd=ROOT, env=env)
    for _ in range(300):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/")
            conn.getresponse().read()
            return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"{target} did not start on port {port}")


def drive(port: int, requests: list[tuple[str, bytes]], headers: dict[str, str]) -> dict[str, float]:
    """POST every request once, CLIENTS at a time; each client keeps its connection."""
    work: queue.Queue[tuple[str, bytes]] = queue.Queue()
    for r in requests:
        work.put(r)
    latencies: list[float] = []
    statuses: list[int] = []
    lock = threading.Lock()

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            try:
                path, body = work.get_nowait()
            except queue.Empty:
                return
            start = time.perf_counter()
            conn.request("POST", path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                statuses.append(response.status)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "per_s": len(latencies) / wall,
        "p50_ms": cuts[49] * 1000,
        "p95_ms": cuts[94] * 1000,
        "p99_ms": cuts[98] * 1000,
        "ok": sum(1 for s in statuses if 200 <= s < 300),
        "5xx": sum(1 for s in statuses if s >= 500),
        "other": sum(1 for s in statuses if s < 200 or 300 <= s < 500),
    }


def option(name: str, default: str) -> str:
    """`--name value` from the command line, else `default`."""
    args = sys.argv[1:]
    return args[args.index(name) + 1] if name in args[:-1] else default


def main() -> None:
    service_port = int(option("--port", str(DEFAULT_PORT)))
    floor_port = service_port + 1
    database = option("--database", "bench_http")
    if not postgres_available():
        print("bench_http: PostgreSQL not reachable (BENCH_PG_URL); skipped")
        return
    per_round = 1000 if "--full" in sys.argv else 300
    service_url, floor_url = fresh_database(database), fresh_database(f"{database}_floor")
    describe(service_url)
    print(f"setting up {per_round * ROUNDS} submitted cases …", flush=True)
    rounds, token = setup_service(service_url, per_round * ROUNDS)
    setup_floor(floor_url, per_round * ROUNDS)
    service = serve("service:create_app()", service_port, service_url)
    floor = serve("bench.http_floor_app:app", floor_port, floor_url)
    today = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 8 * 3600))
    results: dict[str, list[dict[str, float]]] = {"service": [], "floor": []}
    try:
        for r, task_ids in enumerate(rounds):
            body = json.dumps({"action": "approve", "approval_doc_no": "镇委复〔2026〕1号", "meeting_on": today})
            decisions = [(f"/api/v1/tasks/{t}/decide", body.encode()) for t in task_ids]
            auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
            results["service"].append(drive(service_port, decisions, auth))
            updates = [(f"/update/{r * per_round + i + 1}", b"") for i in range(len(task_ids))]
            results["floor"].append(drive(floor_port, updates, {}))
            print(f"round {r + 1}: service {results['service'][-1]}  floor {results['floor'][-1]}  load {load()}")
    finally:
        for proc in (service, floor):
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
    summary = {
        name: {key: statistics.median(run[key] for run in runs) for key in runs[0]} for name, runs in results.items()
    }
    ratio = summary["service"]["per_s"] / summary["floor"]["per_s"]
    print(json.dumps({"medians": summary, "ratio_of_floor": round(ratio, 3), "clients": CLIENTS}, ensure_ascii=False))
    print(
        f"decisions/s {summary['service']['per_s']:.0f} vs one-UPDATE floor {summary['floor']['per_s']:.0f} "
        f"({ratio:.0%} of the floor; target ≥ 30%), 5xx {summary['service']['5xx']:.0f}"
    )


if __name__ == "__main__":
    main()
