"""Every console page of every role's day at city scale, on the embedded defaults (target: under 300 ms each).

One database: bench_inbox's 100 township bodies in 10 counties with 20,000 open + 20,000 closed approval
tasks, bench_console's 25,000 ledger units and 51,000 audit records, bench_console_board's 20,000 supervision
tickets; added here: 2,000 county-level approval steps (a county approver's 待办), 4,333 party organisations
(4,000 own, 333 joint of 3 units each), 1,000 pairing agreements, a report on every submitted or closed
ticket, extension requests, interviews, 60,000 notifications, a finished unit import, one month-end snapshot
per jurisdiction, twelve monthly circulars by the city, each county and one township, an instructor for a
township's units.

For each role (approver, county approver, handler, portal, supervisor, admin, instructor) a user signs in
through the session and GETs every console page that role may open (`@page` roles, read from the url_map,
so a page registered later is measured without editing this file), with `<int:...>` parameters filled by a
row in the user's scope; a page whose parameters cannot be filled is printed as "not measured" with the
reason (a page that needs a query string to show its subject takes it from QUERY). Downloads (.xlsx/.docx/
.pdf) are timed in a section of their own. Prints median / p95 ms and SQL statements per request, then the
pages over 300 ms; for each of those, one traced request: its slowest statements with SQLite's plans.

    .venv/bin/python bench/bench_console_day.py   # temporary SQLite file (WAL), statistics refreshed, embedded Redis
    BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1/bench_console_day .venv/bin/python bench/bench_console_day.py
(the PostgreSQL database is dropped and recreated). BENCH_RUNS (20) requests per page, BENCH_DOWNLOAD_RUNS (3)
per download (0: none; a page ten times over the target gets 3); BENCH_TARGET_MS (300); BENCH_ROLES (e.g.
supervisor,admin: those roles only); BENCH_REDIS_URL a Redis of your own; BENCH_QUICK=1 seeds a tenth of the
data (while developing)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any

QUICK = os.environ.get("BENCH_QUICK") == "1"
os.environ.setdefault("BENCH_TASKS", "2000" if QUICK else "20000")
os.environ["BENCH_SQLITE_STATISTICS"] = "0"  # refreshed once below, after every table is filled

from sqlalchemy import event, insert, select, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import bench_console, bench_console_board
from bench.bench_inbox import OPEN_TASKS, seed
from bench.bench_ledger import database_url
from bench.environment import describe
from service import create_app
from service.auth import Actor, system_actor
from service.clock import now
from service.config import Settings
from service.console import access, nav
from service.db import refresh_statistics
from service.embedded import embedded_redis
from service.extensions import db
from service.inputs import NewUser
from service.models import (
    ApprovalStep,
    ApprovalTask,
    Circular,
    EstablishmentCase,
    EstablishmentCaseUnit,
    Interview,
    Notification,
    PartyOrg,
    SupervisionTicket,
    TaskCandidate,
    TicketExtension,
    TicketReport,
    UnitImport,
    UnitImportError,
)
from service.models.pairing import PairingAgreement
from service.operations.reference import (
    passwords,
    users,
)
from service.operations.reports import (
    circulars,
    coverage_snapshots,
)
from workflows import credit_code

if QUICK:
    bench_console.UNITS = 2500
    bench_console_board.TICKETS = 2000
RUNS = int(os.environ.get("BENCH_RUNS", "20"))
DOWNLOAD_RUNS = int(os.environ.get("BENCH_DOWNLOAD_RUNS", "3"))
TARGET_MS = float(os.environ.get("BENCH_TARGET_MS", "300"))
COUNTY_TASKS = 200 if QUICK else 2000
NOTIFICATIONS = 6000 if QUICK else 60_000
DOWNLOAD = re.compile(r"\.(xlsx|docx|pdf)$")
# The query string of a page that renders its subject only when given one (the url_map cannot tell).
QUERY = {"console.coverage_circular_preview": "period_start=2026-08-01&period_end=2026-08-31"}
ROLES = ("approver", "county approver", "handler", "portal", "supervisor", "admin", "instructor")
ROLES = tuple(r for r in ROLES if r in os.environ.get("BENCH_ROLES", ",".join(ROLES)).split(","))


def _bulk(model: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), 5000):
        db.session.execute(insert(model), rows[start : start + 5000])


def _scalar(sql: str, **params: Any) -> Any:
    return db.session.execute(text(sql), params).scalar()


def add_day(me_id: int, supervisor_id: int) -> dict[str, int]:
    """The rows the other builders leave out; returns the user id of each role."""
    actor = system_actor("bench")
    stamp, day = now(), date(2026, 9, 1)
    me_body = _scalar("SELECT jurisdiction_id FROM users WHERE id = :u", u=me_id)
    county = _scalar("SELECT parent_id FROM jurisdictions WHERE id = :b", b=me_body)
    city = _scalar("SELECT id FROM jurisdictions WHERE kind = 'city'")
    townships = [r[0] for r in db.session.execute(text("SELECT id FROM jurisdictions WHERE kind = 'township'"))]
    counties = [r[0] for r in db.session.execute(text("SELECT id FROM jurisdictions WHERE kind = 'county'"))]
    admin_id = _scalar("SELECT id FROM users WHERE role = 'admin'")
    who = {"approver": me_id, "supervisor": supervisor_id, "admin": admin_id}
    for role, name, body in (
        ("county approver", "county.approver", county),
        ("handler", "handler", me_body),
        ("portal", "portal", me_body),
        ("instructor", "instructor", me_body),
    ):
        new = NewUser(username=name, display_name=role, role=role.split()[-1], jurisdiction_id=body)
        who[role] = users.create(actor, new).id

    # A county approver's 待办: the second level of cases in the county's townships (first level approved).
    mine = [t for t in townships if _scalar("SELECT parent_id FROM jurisdictions WHERE id = :t", t=t) == county]
    base = 2 * OPEN_TASKS
    cases, steps, tasks, candidates = [], [], [], []
    for n in range(1, COUNTY_TASKS + 1):
        case_id, body = base + n, mine[n % len(mine)]
        cases.append(
            {
                "id": case_id,
                "state": "submitted",
                "form": "branch",
                "jurisdiction_id": body,
                "proposed_name": f"党支部{case_id}",
                "formal_total": 5,
                "probationary_total": 0,
                "mobile_total": 0,
                "preparation_started_on": day,
                "version": 1,
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
        for level, (approving, status) in enumerate(((body, "approved"), (county, "pending"))):
            step_id = base + 2 * n - 1 + level
            steps.append(
                {
                    "id": step_id,
                    "workflow": "establishment",
                    "subject_id": case_id,
                    "scope_id": body,
                    "level": level,
                    "level_name": "superior_approval",
                    "body_id": approving,
                    "mode": "any_one",
                    "status": status,
                    "due_on": day + timedelta(days=n % 40 - 10),
                    "due_basis": "official",
                    "opened_at": stamp,
                    "version": 1,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
            tasks.append(
                {
                    "id": step_id,
                    "step_id": step_id,
                    "position": 0,
                    "status": "done" if level == 0 else "open",
                    "assignee_id": who["county approver"] if level == 1 and n % 2 else None,
                    "due_on": day + timedelta(days=n % 40 - 10),
                    "workflow": "establishment",
                    "subject_id": case_id,
                    "scope_id": body,
                    "version": 1,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
            if level == 1 and not n % 2:
                candidates.append({"task_id": step_id, "role": "approver", "body_id": county, "open": True})
    _bulk(EstablishmentCase, cases)
    _bulk(ApprovalStep, steps)
    _bulk(ApprovalTask, tasks)
    _bulk(TaskCandidate, candidates)
    links = [{"case_id": base + n, "unit_id": OPEN_TASKS + n, "open": True} for n in range(1, COUNTY_TASKS + 1)]
    _bulk(EstablishmentCaseUnit, links)

    # bench_inbox's approved cases get their approval date (the reply document needs it).
    db.session.execute(
        text("UPDATE establishment_cases SET approved_on = :d WHERE state = 'approved'"), {"d": day - timedelta(days=5)}
    )

    # Party organisations: one per unit for the first 16 % of units, a joint one for the next 4 % (3 units each).
    units = _scalar("SELECT count(*) FROM ledger_units")
    orgs, own, joint = [], units * 4 // 25, units // 75
    for i in range(1, own + joint + 1):
        orgs.append(
            {
                "id": i,
                "name": f"党支部{i}",
                "kind": "branch" if i <= own else "joint_branch",
                "jurisdiction_id": townships[i % len(townships)],
                "status": "active",
                "founded_on": day - timedelta(days=400 + i % 700),
                "secretary_name": "书记",
                "committee_size": 3,
                "term_years": 3,
                "term_start": day - timedelta(days=400),
                "term_due_on": day + timedelta(days=i % 700),
                "version": 1,
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
    _bulk(PartyOrg, orgs)
    db.session.execute(
        text("UPDATE ledger_units SET party_org_id = id WHERE id <= :own"),
        {"own": own},
    )
    db.session.execute(
        text("UPDATE ledger_units SET party_org_id = :own + (id - :own - 1) / 3 + 1 WHERE id > :own AND id <= :top"),
        {"own": own, "top": own + 3 * joint},
    )
    db.session.execute(
        text("UPDATE ledger_units SET jurisdiction_id = :b, instructor_id = :i WHERE id > :top AND id % 50 = 0"),
        {"b": me_body, "i": who["instructor"], "top": own + 3 * joint},
    )
    pairs = [
        {
            "id": i,
            "state": ("draft", "signed", "in_force", "year_reviewed", "terminated")[i % 5],
            "jurisdiction_id": orgs[2 * i - 2]["jurisdiction_id"],
            "org_a_id": 2 * i - 1,
            "org_b_id": 2 * i,
            "title": f"结对共建协议{i}",
            "year": 2026,
            "duties_due_on": date(2026, 12, 31),
            "planned_visits": 4,
            "planned_trainings": 2,
            "planned_activists": 1,
            "visits_done": i % 4,
            "trainings_done": i % 2,
            "activists_done": 0,
            "version": 1,
            "created_at": stamp,
            "updated_at": stamp,
        }
        for i in range(1, min(1000, len(orgs) // 2) + 1)
    ]
    for p in pairs:  # the lowest body above both organisations
        a, b = orgs[p["org_a_id"] - 1]["jurisdiction_id"], orgs[p["org_b_id"] - 1]["jurisdiction_id"]
        p["jurisdiction_id"] = a if a == b else city
    _bulk(PairingAgreement, pairs)

    # Tickets (bench_console_board): a report on each submitted or closed one (and a returned earlier one on
    # every fourth), extension requests on rectifying ones, interviews on escalated ones.
    T = SupervisionTicket
    tickets = db.session.execute(select(T.id, T.state, T.jurisdiction_id, T.issuing_body_id, T.rectify_by)).all()
    reports, extensions, interviews = [], [], []
    items = [{"position": p, "measures_taken": f"已整改{p}", "evidence": []} for p in range(2)]
    for t_id, state, body, issuer, rectify_by in tickets:
        if state in ("submitted", "closed"):
            if t_id % 4 == 0:
                reports.append(
                    {
                        "ticket_id": t_id,
                        "submitted_by": who["handler"],
                        "submitted_at": stamp - timedelta(days=10),
                        "summary": "首次整改报告",
                        "items": items,
                        "review_outcome": "returned",
                        "review_comment": "整改不到位",
                    }
                )
            reports.append(
                {
                    "ticket_id": t_id,
                    "submitted_by": who["handler"],
                    "submitted_at": stamp,
                    "summary": "整改报告",
                    "items": items,
                    "review_outcome": "closed" if state == "closed" else None,
                }
            )
        if state in ("rectifying", "acknowledged") and rectify_by is not None:
            decided = t_id % 2 == 0
            extensions.append(
                {
                    "ticket_id": t_id,
                    "status": "approved" if decided else "pending",
                    "requested_by": who["handler"],
                    "requested_on": day,
                    "current_deadline": rectify_by,
                    "requested_deadline": rectify_by + timedelta(days=14),
                    "reason": "延期理由",
                    "decided_by": supervisor_id if decided else None,
                    "decided_at": stamp if decided else None,
                    "approved_deadline": rectify_by + timedelta(days=14) if decided else None,
                    "version": 1,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
        if t_id % 9 == 0 and state not in ("draft", "cancelled"):
            interviews.append(
                {
                    "state": ("scheduled", "held", "followed_up", "closed")[t_id % 4],
                    "subject_type": "supervision_ticket",
                    "subject_id": t_id,
                    "ticket_id": t_id,
                    "jurisdiction_id": body,
                    "responsible_person": "镇长",
                    "interviewer_id": supervisor_id,
                    "interviewer_body_id": issuer,
                    "by_escalation": t_id % 2 == 0,
                    "reason": "整改逾期",
                    "scheduled_at": stamp + timedelta(days=3),
                    "place": "县委会议室",
                    "held_at": stamp if t_id % 4 else None,
                    "minutes": "约谈记录" if t_id % 4 else None,
                    "commitments": ["按期整改"] if t_id % 4 else None,
                    "version": 1,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
    _bulk(TicketReport, reports)
    _bulk(TicketExtension, extensions)
    _bulk(Interview, interviews)

    # Notifications: every role's user gets 300 (a third unread), the township approvers the rest.
    others = [r[0] for r in db.session.execute(text("SELECT id FROM users WHERE role = 'approver'"))]
    notes = []
    for i in range(NOTIFICATIONS):
        user = list(who.values())[i % len(who)] if i < 300 * len(who) else others[i % len(others)]
        notes.append(
            {
                "user_id": user,
                "kind": "deadline_warning",
                "title": f"督办单{1 + i % len(tickets)}临近期限",
                "body": "请及时处理",
                "subject_type": "supervision_ticket",
                "subject_id": 1 + i % len(tickets),
                "created_at": stamp - timedelta(minutes=i),
                "read_at": None if i % 3 == 0 else stamp,
            }
        )
    _bulk(Notification, notes)

    # A finished import (with error rows) by the handler.
    db.session.execute(
        insert(UnitImport),
        [
            {
                "id": 1,
                "user_id": who["handler"],
                "jurisdiction_id": me_body,
                "mode": "upsert",
                "filename": "台账.xlsx",
                "size_bytes": 40_000,
                "content": _import_file(),
                "sheet_title": "台账",
                "headers": ["统一社会信用代码", "单位名称"],
                "unknown_columns": [],
                "status": "succeeded",
                "total_rows": 500,
                "processed_rows": 500,
                "created_count": 450,
                "error_count": 50,
                "error_rows": 50,
                "created_at": stamp,
                "started_at": stamp,
                "finished_at": stamp,
            }
        ],
    )
    _bulk(
        UnitImportError,
        [
            {"import_id": 1, "row_no": r, "column": "employees", "code": "invalid", "message": "职工人数不是整数"}
            for r in range(2, 52)
        ],
    )
    db.session.commit()

    # One month-end snapshot per jurisdiction; twelve monthly circulars by the city, each county and the
    # approver's township.
    coverage_snapshots.take_snapshots()
    figures = {j: circulars.preview(actor, j, date(2026, 8, 1), date(2026, 8, 31)) for j in (city, *counties, me_body)}
    db.session.rollback()
    rows = [
        {
            "jurisdiction_id": j,
            "title": circulars.default_title(f),
            "period_start": date(2025, m, 1),
            "period_end": date(2025, m, 28),
            "issued_at": stamp - timedelta(days=30 * (13 - m)),
            "issued_by_id": supervisor_id,
            "issued_by_label": "sup.city",
            "figures": f,
        }
        for j, f in figures.items()
        for m in range(1, 13)
    ]
    _bulk(Circular, rows)
    db.session.commit()
    return who


def _import_file() -> bytes:
    """The uploaded workbook an import keeps (its error workbook re-reads it): 500 rows, 50 of them wrong."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["统一社会信用代码", "单位名称"])
    for r in range(500):
        ws.append([credit_code.make(f"91350200{r:09d}"), f"导入企业{r}有限公司"])
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def pick(who: str, user_id: int, param: str, rule: str) -> int | None:
    """A row in the user's scope for a route parameter (None: none found)."""
    path = _scalar(
        "SELECT j.path FROM users u JOIN jurisdictions j ON j.id = u.jurisdiction_id WHERE u.id = :u", u=user_id
    )
    scope = "(SELECT id FROM jurisdictions WHERE path LIKE :p)"
    queries = {
        # An open task offered to me, else any task in my scope.
        "task_id": "SELECT t.id FROM approval_tasks t WHERE t.status = 'open' AND (t.assignee_id = :u OR "
        "t.id IN (SELECT task_id FROM approval_task_candidates c JOIN users u ON u.id = :u "
        "WHERE c.body_id = u.jurisdiction_id AND c.role = u.role)) ORDER BY t.id LIMIT 1",
        "case_id": f"SELECT id FROM establishment_cases WHERE jurisdiction_id IN {scope} ORDER BY id LIMIT 1",
        # The busiest ticket in scope: reports, an extension request, an interview.
        "ticket_id": f"SELECT t.id FROM supervision_tickets t WHERE t.jurisdiction_id IN {scope} "
        "ORDER BY (SELECT count(*) FROM ticket_reports r WHERE r.ticket_id = t.id) "
        "+ (SELECT count(*) FROM ticket_extensions e WHERE e.ticket_id = t.id) "
        "+ (SELECT count(*) FROM interviews i WHERE i.ticket_id = t.id) DESC, t.id LIMIT 1",
        "user_id": f"SELECT id FROM users WHERE jurisdiction_id IN {scope} AND id <> :u ORDER BY id LIMIT 1",
        "import_id": f"SELECT id FROM unit_imports WHERE user_id = :u OR jurisdiction_id IN {scope} LIMIT 1",
        "circular_id": f"SELECT id FROM circulars WHERE jurisdiction_id IN {scope} ORDER BY id DESC LIMIT 1",
        "interview_id": f"SELECT id FROM interviews WHERE jurisdiction_id IN {scope} ORDER BY id LIMIT 1",
        "notification_id": "SELECT id FROM notifications WHERE user_id = :u ORDER BY id DESC LIMIT 1",
    }
    if rule.endswith("/reply.docx"):  # a reply is drawn up for an approved case only
        queries["case_id"] = queries["case_id"].replace("WHERE", "WHERE state = 'approved' AND", 1)
    if param == "task_id" and who not in ("approver", "county approver"):
        queries["task_id"] = (
            f"SELECT id FROM approval_tasks WHERE scope_id IN {scope} AND status = 'open' ORDER BY id LIMIT 1"
        )
    sql = queries.get(param)
    if sql is None:
        return None
    return _scalar(sql, u=user_id, p=f"{path}%")


def main() -> None:
    scratch = Path(tempfile.mkdtemp(prefix="bench-console-day-"))
    try:
        with contextlib.ExitStack() as stack:
            redis_url = os.environ.get("BENCH_REDIS_URL") or stack.enter_context(
                embedded_redis(scratch / "redis")  # as `make run` starts it without REDIS_URL
            )
            # PostgreSQL as bench_console; else a temporary SQLite file, removed with the Redis at the end.
            url = database_url() if os.environ.get("BENCH_DATABASE_URL") else f"sqlite:///{scratch / 'bench.db'}"
            measure(url, redis_url)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def measure(url: str, redis_url: str) -> None:
    app = create_app(replace(Settings.from_env(), database_url=url, redis_url=redis_url))
    statements, started, tracing = 0, 0.0, False
    trace: list[tuple[float, str, Any]] = []  # (ms, statement, parameters) of a traced request
    with app.app_context():
        describe()
        t0 = time.perf_counter()
        _, me = seed()
        bench_console.add_ledger_and_trail(me)  # type: ignore[arg-type]
        me_id = me.id  # type: ignore[attr-defined]
        supervisor_id, _admin_id, _busy = bench_console_board.add_tickets()
        who = add_day(me_id, supervisor_id)
        hashed = passwords.hash_password("bench-pass")
        db.session.execute(text("UPDATE users SET password_hash = :h"), {"h": hashed})
        db.session.commit()
        if db.engine.dialect.name == "postgresql":
            db.session.execute(text("ANALYZE"))
            db.session.commit()
        else:
            refresh_statistics()  # as `make run` and the scheduler do
        mark = passwords.password_mark(hashed)
        counts = {
            t: _scalar(f"SELECT count(*) FROM {t}")
            for t in (
                "ledger_units",
                "party_orgs",
                "approval_tasks",
                "supervision_tickets",
                "ticket_reports",
                "ticket_extensions",
                "interviews",
                "circulars",
                "notifications",
                "pairing_agreements",
                "audit_events",
            )
        }
        print(
            f"backend {db.engine.dialect.name}; "
            + ", ".join(f"{n:,} {t}" for t, n in counts.items())
            + f"; seeded in {time.perf_counter() - t0:.1f} s"
        )
        actors = {}
        for role, uid in who.items():
            u_role, body, path = db.session.execute(
                text(
                    "SELECT u.role, j.id, j.path FROM users u JOIN jurisdictions j ON j.id = u.jurisdiction_id "
                    "WHERE u.id = :u"
                ),
                {"u": uid},
            ).one()
            actors[role] = Actor(uid, role, u_role, body, path)
        rules = sorted(
            (r for r in app.url_map.iter_rules() if r.endpoint.startswith("console.") and "GET" in (r.methods or ())),
            key=lambda r: r.rule,
        )
        plan: dict[str, list[tuple[str, str | None, str]]] = {}  # role -> [(rule, path or None, reason)]
        for role in ROLES:
            rows = []
            for r in rules:
                if not nav.may_open(actors[role], r.endpoint):
                    continue
                values, missing = {}, []
                for arg in sorted(r.arguments):
                    found = pick(role, who[role], arg, r.rule)
                    if found is None:
                        missing.append(arg)
                    else:
                        values[arg] = found
                if missing:
                    rows.append((r.rule, None, f"no row for {', '.join(missing)} in scope"))
                else:
                    path = _fill(r.rule, values)
                    rows.append((r.rule, path + (f"?{QUERY[r.endpoint]}" if r.endpoint in QUERY else ""), ""))
            plan[role] = rows

        @event.listens_for(db.engine, "before_cursor_execute")
        def _count(*_: object) -> None:
            nonlocal statements, started
            statements += 1
            started = time.perf_counter()

        @event.listens_for(db.engine, "after_cursor_execute")
        def _trace(_conn: object, _cursor: object, statement: str, parameters: Any, *_: object) -> None:
            if tracing:
                trace.append(((time.perf_counter() - started) * 1000, statement, parameters))

    over: list[str] = []
    print(f"{'role':<16} {'page':<46} {'median ms':>10} {'p95 ms':>8} {'SQL/req':>8}  status")
    for section, runs in (("pages", RUNS), ("downloads", DOWNLOAD_RUNS)):
        if not runs:
            continue
        if section == "downloads":
            print(f"-- downloads ({DOWNLOAD_RUNS} requests each; not held to the page target)")
        for role in ROLES:
            client = app.test_client()
            with client.session_transaction() as session:
                session[access.SESSION_USER] = who[role]
                session[access.SESSION_MARK] = mark
            for rule, path, reason in plan[role]:
                if bool(DOWNLOAD.search(rule)) != (section == "downloads"):
                    continue
                if path is None:
                    print(f"{role:<16} {rule:<46} {'not measured: ' + reason}")
                    continue
                t0 = time.perf_counter()
                client.get(path)  # warm: templates compiled, caches filled
                slow = (time.perf_counter() - t0) * 1000 > 10 * TARGET_MS
                timings, status = [], None
                for _ in range(min(3, runs) if slow else runs):  # a page ten times over the target: 3 requests do
                    statements = 0
                    t0 = time.perf_counter()
                    resp = client.get(path)
                    timings.append((time.perf_counter() - t0) * 1000)
                    status = resp.status_code
                timings.sort()
                median, p95 = statistics.median(timings), timings[max(0, round(0.95 * len(timings)) - 1)]
                note = f" ({len(timings)} requests)" if slow else ""
                print(f"{role:<16} {path:<46} {median:>10.1f} {p95:>8.1f} {statements:>8}  {status}{note}")
                sys.stdout.flush()
                if section == "pages" and median > TARGET_MS:
                    over.append(f"{role} {path} ({median:.0f} ms)")
                    tracing = True
                    trace.clear()
                    client.get(path)
                    tracing = False
                    print(
                        f"    traced request: {len(trace)} statements, {sum(x[0] for x in trace):.1f} ms executing them"
                    )
                    explain(app, sorted(trace, key=lambda x: -x[0])[:3])
    print(f"load {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"pages over {TARGET_MS:.0f} ms: {len(over)}" + (": " + "; ".join(over) if over else ""))


def explain(app: Any, slowest: list[tuple[float, str, Any]]) -> None:
    """Why a page is over the target: its slowest statements (execute time), with SQLite's plan of each."""
    with app.app_context():
        for ms, statement, parameters in slowest:
            print(f"    {ms:8.1f} ms  {' '.join(statement.split())[:400]}")
            if db.engine.dialect.name == "sqlite":
                conn = db.session.connection()
                for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all():
                    print(f"               plan: {row[-1]}")
        db.session.rollback()


def _fill(rule: str, values: dict[str, int]) -> str:
    return re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), rule)


if __name__ == "__main__":
    main()
