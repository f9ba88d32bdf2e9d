"""督办, 管理 and 流程图 pages at city scale: 100 township bodies in 10 counties (bench_inbox's builder), 20,000
supervision tickets in every state (2 problems each), 60,000 audit records on them, 20,000 escalation steps.

Renders each page through the test client as the city's supervisor (the widest scope) and as its admin, and
prints ms per page and SQL statements per page (target: under 100 ms).

    .venv/bin/python bench/bench_console_board.py                 # temporary SQLite file
    BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1/bench_console_board .venv/bin/python bench/bench_console_board.py
(the PostgreSQL database is dropped and recreated)."""

from __future__ import annotations

import os
import statistics
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("BENCH_TASKS", "1000")  # the approval tasks bench_inbox seeds: not what this bench is about

from sqlalchemy import event, insert, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_inbox import seed
from bench.bench_ledger import database_url
from service import create_app
from service.auth import system_actor
from service.clock import now
from service.config import Settings
from service.console import access
from service.extensions import db
from service.inputs import NewUser
from service.models import AuditEvent, EscalationEvent, SupervisionTicket, TicketProblem
from service.operations.reference import (
    passwords,
    users,
)

TICKETS = 20_000
STATES = ("issued", "acknowledged", "rectifying", "submitted", "closed", "draft", "cancelled")
FLOW = ("issue", "acknowledge", "start_rectification", "submit_report", "close")
STEPS_TAKEN = {"issued": 1, "acknowledged": 2, "rectifying": 3, "submitted": 4, "closed": 5, "draft": 0, "cancelled": 1}


def add_tickets() -> tuple[int, int, int]:
    """Tickets issued by each county to its townships; returns (supervisor id, admin id, a busy ticket id)."""
    actor = system_actor("bench")
    stamp, issued_on = now(), date(2026, 9, 1)
    rows = db.session.execute(
        text("SELECT t.id, t.parent_id FROM jurisdictions t WHERE t.kind = 'township' ORDER BY t.id")
    ).all()
    city = db.session.execute(text("SELECT id FROM jurisdictions WHERE kind = 'city'")).scalar_one()
    supervisor = users.create(
        actor, NewUser(username="sup.city", display_name="市督查", role="supervisor", jurisdiction_id=city)
    )
    admin = users.create(
        actor, NewUser(username="adm.city", display_name="市管理员", role="admin", jurisdiction_id=city)
    )
    tickets, problems, trail, ladder = [], [], [], []
    for i in range(1, TICKETS + 1):
        body, county = rows[i % len(rows)]
        state = STATES[i % len(STATES)]
        live = state != "draft"
        rectify_by = issued_on + timedelta(days=10 + i % 90)
        tickets.append(
            {
                "id": i,
                "state": state,
                "title": f"覆盖工作推进滞后{i}",
                "priority": "normal",
                "jurisdiction_id": body,
                "issuing_body_id": county,
                "responsible_person": "镇长",
                "rectification_workdays": 10,
                "issued_on": issued_on if live else None,
                "acknowledge_by": issued_on + timedelta(days=3) if live else None,
                "acknowledge_basis": "official" if live else None,
                "rectify_by": rectify_by if live else None,
                "rectify_basis": "official" if live else None,
                "original_rectify_by": rectify_by if live else None,
                "escalation_level": "reminder" if i % 3 == 0 and live else None,
                "closed_on_time": (i % 2 == 0) if state == "closed" else None,
                "version": 1,
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
        for p in range(2):
            problems.append({"ticket_id": i, "position": p, "description": f"问题{p}", "measure": f"要求{p}"})
        for event_name in FLOW[: STEPS_TAKEN[state]]:
            trail.append(
                {
                    "occurred_at": stamp,
                    "actor_label": "bench",
                    "action": f"supervision_ticket.{event_name}",
                    "subject_type": "supervision_ticket",
                    "subject_id": i,
                    "jurisdiction_id": body,
                    "state_before": None,
                    "state_after": None,
                }
            )
        if i % 3 == 0 and live:
            ladder.append(
                {
                    "item_type": "supervision_ticket",
                    "item_id": i,
                    "deadline": rectify_by,
                    "level": "reminder",
                    "happened_on": rectify_by + timedelta(days=1),
                    "created_at": stamp,
                    "jurisdiction_id": body,
                }
            )
    for model, batch in (
        (SupervisionTicket, tickets),
        (TicketProblem, problems),
        (AuditEvent, trail),
        (EscalationEvent, ladder),
    ):
        for start in range(0, len(batch), 5000):
            db.session.execute(insert(model), batch[start : start + 5000])
    hashed = passwords.hash_password("bench-pass")
    db.session.execute(
        text("UPDATE users SET password_hash = :h WHERE id IN (:s, :a)"),
        {"h": hashed, "s": supervisor.id, "a": admin.id},
    )
    db.session.commit()
    if db.engine.dialect.name == "postgresql":
        db.session.execute(
            text("SELECT setval(pg_get_serial_sequence('supervision_tickets', 'id'), :n)"), {"n": TICKETS + 1}
        )
        db.session.execute(text("ANALYZE"))
        db.session.commit()
    return supervisor.id, admin.id, 12  # ticket 12 is rectifying with a reminder


def main() -> None:
    app = create_app(replace(Settings.from_env(), database_url=database_url(), redis_url=None))
    statements = 0
    with app.app_context():
        t0 = time.perf_counter()
        seed()
        supervisor_id, admin_id, busy = add_tickets()
        marks = {
            uid: passwords.password_mark(h)
            for uid, h in db.session.execute(
                text("SELECT id, password_hash FROM users WHERE id IN (:s, :a)"), {"s": supervisor_id, "a": admin_id}
            ).all()
        }
        county = db.session.execute(text("SELECT id FROM jurisdictions WHERE kind = 'county' ORDER BY id")).scalar()
        print(
            f"backend {db.engine.dialect.name}; {TICKETS:,} tickets, {TICKETS * 2:,} problems, "
            f"{sum(STEPS_TAKEN[s] for s in STATES) * TICKETS // len(STATES):,} audit records, "
            f"~{TICKETS // 3:,} escalation steps; seeded in {time.perf_counter() - t0:.1f} s"
        )

        @event.listens_for(db.engine, "before_cursor_execute")
        def _count(*_: object) -> None:
            nonlocal statements
            statements += 1

    clients = {}
    for uid in (supervisor_id, admin_id):
        client = app.test_client()
        with client.session_transaction() as session:
            session[access.SESSION_USER] = uid
            session[access.SESSION_MARK] = marks[uid]
        clients[uid] = client
    print(f"{'page':<36} {'median ms':>10} {'p95 ms':>8} {'SQL/page':>9}")
    pages = (
        ("督办 board (city, all)", "/board", supervisor_id),
        ("督办 red lights", "/board?light=red", supervisor_id),
        ("督办 one county", f"/board?body={county}", supervisor_id),
        ("督办 title search", "/board?q=滞后1999", supervisor_id),
        ("督办 page 50", "/board?page=50", supervisor_id),
        ("督办单 ticket page", f"/board/tickets/{busy}", supervisor_id),
        ("流程图 workflows", "/workflows", supervisor_id),
        ("管理 users", "/admin/users", admin_id),
        ("管理 jurisdictions", "/admin/jurisdictions", admin_id),
        ("管理 routes", "/admin/routes", admin_id),
        ("管理 calendar 2027", "/admin/calendar?year=2027", admin_id),
    )
    for label, path, who in pages:
        timings = []
        for _ in range(20):
            statements = 0
            t0 = time.perf_counter()
            resp = clients[who].get(path)
            timings.append((time.perf_counter() - t0) * 1000)
            assert resp.status_code == 200, (path, resp.status_code, resp.get_data(as_text=True)[:300])
        timings.sort()
        print(f"{label:<36} {statistics.median(timings):>10.1f} {timings[18]:>8.1f} {statements:>9}")


if __name__ == "__main__":
    main()
