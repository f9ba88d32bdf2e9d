"""The pending-task inbox at city scale: 100 township bodies, 40,000 open tasks (half offered to
candidate groups, half assigned), plus 40,000 closed ones.

Prints ms per inbox request and SQL statements per request, and (on PostgreSQL) the plan of the inbox
query, showing it stays index-driven.

    .venv/bin/python bench/bench_inbox.py                      # temporary SQLite file
    BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1/bench_inbox .venv/bin/python bench/bench_inbox.py
(the PostgreSQL database is dropped and recreated)."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import event, insert, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_ledger import database_url
from service import create_app
from service.auth import system_actor
from service.clock import now
from service.config import Settings
from service.extensions import db
from service.inputs import NewJurisdiction, NewUser
from service.models import ApprovalStep, ApprovalTask, EstablishmentCase, TaskCandidate
from service.operations.engines import approvals
from service.operations.reference import (
    jurisdictions,
    users,
)

OPEN_TASKS = int(os.environ.get("BENCH_TASKS", "40000"))
BODIES = 100


def seed() -> tuple[dict[str, str], object]:
    from flask_migrate import upgrade

    actor = system_actor("bench")
    upgrade(directory=str(ROOT / "migrations"))
    city = jurisdictions.create(actor, NewJurisdiction(code="city", name="市", kind="city", parent_id=None))
    bodies = []
    for c in range(10):
        county = jurisdictions.create(
            actor, NewJurisdiction(code=f"c{c}", name=f"县{c}", kind="county", parent_id=city.id)
        )
        for t in range(BODIES // 10):
            bodies.append(
                jurisdictions.create(
                    actor, NewJurisdiction(code=f"c{c}t{t}", name=f"镇{c}-{t}", kind="township", parent_id=county.id)
                )
            )
    approvers = {}
    for b in bodies:
        approvers[b.id] = [
            users.create(
                actor,
                NewUser(username=f"a{b.id}_{i}", display_name="审批人", role="approver", jurisdiction_id=b.id),
            ).id
            for i in range(3)
        ]
    stamp, today = now(), date(2026, 9, 1)
    total = OPEN_TASKS * 2
    cases, steps, tasks, candidates = [], [], [], []
    for i in range(1, total + 1):
        body = bodies[i % BODIES]
        open_ = i <= OPEN_TASKS
        due = today + timedelta(days=i % 60)
        cases.append(
            {
                "id": i,
                "state": "submitted" if open_ else "approved",
                "form": "branch",
                "jurisdiction_id": body.id,
                "proposed_name": f"党支部{i}",
                "formal_total": 5,
                "probationary_total": 0,
                "mobile_total": 0,
                "preparation_started_on": today,
                "version": 1,
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
        steps.append(
            {
                "id": i,
                "workflow": "establishment",
                "subject_id": i,
                "scope_id": body.id,
                "level": 0,
                "level_name": "superior_approval",
                "body_id": body.id,
                "mode": "any_one",
                "status": "pending" if open_ else "approved",
                "due_on": due,
                "due_basis": "official",
                "opened_at": stamp,
                "version": 1,
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
        group = (i // BODIES) % 2 == 0  # every body gets both kinds
        tasks.append(
            {
                "id": i,
                "step_id": i,
                "position": 0,
                "status": "open" if open_ else "done",
                "assignee_id": None if group else approvers[body.id][(i // BODIES) % 3],
                "due_on": due,
                "workflow": "establishment",
                "subject_id": i,
                "scope_id": body.id,
                "version": 1,
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
        if group:
            candidates.append({"task_id": i, "role": "approver", "body_id": body.id, "open": open_})
    for model, rows in (
        (EstablishmentCase, cases),
        (ApprovalStep, steps),
        (ApprovalTask, tasks),
        (TaskCandidate, candidates),
    ):
        for start in range(0, len(rows), 5000):
            db.session.execute(insert(model), rows[start : start + 5000])
    db.session.commit()
    if db.engine.dialect.name == "postgresql":
        for table in ("establishment_cases", "approval_steps", "approval_tasks", "approval_task_candidates"):
            db.session.execute(
                text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {total + 1})")
                if table != "approval_task_candidates"
                else text("SELECT 1")
            )
        db.session.execute(text("ANALYZE"))
        db.session.commit()
    me = db.session.get(__import__("service.models", fromlist=["User"]).User, approvers[bodies[5].id][0])
    token = users.issue_token(actor, me, "bench")[1]
    return {"approver": token}, me


def main() -> None:
    app = create_app(replace(Settings.from_env(), database_url=database_url(), redis_url=None))
    statements = 0
    with app.app_context():
        t0 = time.perf_counter()
        tokens, me = seed()
        print(
            f"backend {db.engine.dialect.name}; {OPEN_TASKS:,} open + {OPEN_TASKS:,} closed tasks over "
            f"{BODIES} bodies, seeded in {time.perf_counter() - t0:.1f} s"
        )
        if db.engine.dialect.name == "postgresql":
            from service.auth import Actor

            actor = Actor(me.id, me.username, me.role, me.jurisdiction_id, me.jurisdiction.path)
            stmt = approvals.reads.inbox_query(actor).limit(50)
            sql = str(stmt.compile(db.engine, compile_kwargs={"literal_binds": True}))
            plan = db.session.execute(text("EXPLAIN ANALYZE " + sql)).scalars().all()
            print("plan of the inbox page query:")
            for line in plan:
                print("   ", line)

        @event.listens_for(db.engine, "before_cursor_execute")
        def _count(*_: object) -> None:
            nonlocal statements
            statements += 1

    client = app.test_client()
    headers = {"Authorization": f"Bearer {tokens['approver']}"}
    print(f"{'case':<40} {'median ms':>10} {'p95 ms':>8} {'SQL/req':>8} {'total':>8}")
    for label, path in (
        ("inbox page 1", "/api/v1/tasks/inbox"),
        ("inbox page_size 200", "/api/v1/tasks/inbox?page_size=200"),
        ("inbox overdue only", "/api/v1/tasks/inbox?overdue=true"),
        ("inbox last page", "/api/v1/tasks/inbox?page=4&page_size=100"),
    ):
        timings = []
        for _ in range(20):
            statements = 0
            t0 = time.perf_counter()
            resp = client.get(path, headers=headers)
            timings.append((time.perf_counter() - t0) * 1000)
            assert resp.status_code == 200, resp.json
        timings.sort()
        count = json.loads(resp.headers["X-Pagination"])["total"]
        print(f"{label:<40} {statistics.median(timings):>10.1f} {timings[18]:>8.1f} {statements:>8} {count:>8}")


if __name__ == "__main__":
    main()
