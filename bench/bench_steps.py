"""Steps/s of the establishment flow through `service/operations`, beside the reference peer, in one run.

A **step** is counted as the peer counts it (../shared/peers/spiffworkflow/README.md): one committed user-task
completion; creating the instance is timed but not counted. Instances alternate like the peer's BPMN: a
branch (5 formal members: submit, the township's approval, founding = 3 steps) and a primary committee (120:
submit, the township's review, the county's approval, founding = 4 steps). Approval modes are any-one (one
decision per step, like the peer's one user task); the final approval carries the reply's number.

Each round runs, interleaved: ours at 1, 2 and 4 processes, SpiffWorkflow 3.2.0 + PostgreSQL at the same
process counts (its script unchanged, in its own venv: `make bench-peer` makes it, where PEER_VENV says or
the Makefile's default), and `pgbench -N` (the commit floor) — three rounds, medians, ratios printed. The
clock runs from before the process pool starts to after it ends, as in the peer's script; the app is created
before the pool forks.

    .venv/bin/python bench/bench_steps.py            # quick: 20 instances per process
    .venv/bin/python bench/bench_steps.py --full     # 100 per process (the peer's README uses 300)

Needs PostgreSQL (BENCH_PG_URL; databases bench_steps, bench_steps_peer, bench_steps_pgbench are recreated)
and the peer's venv (PEER_VENV, as for `make bench-peer`); says how to make either when it is missing."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask import Flask
from sqlalchemy import insert, select, text

from bench.environment import ROOT, describe, fresh_database, load, plain_dsn, postgres_available
from service import create_app
from service.auth import Actor, system_actor
from service.clock import now
from service.config import Settings
from service.extensions import db
from service.inputs import NewJurisdiction, NewUser
from service.models import ApprovalStep, ApprovalTask, Unit
from service.operations.engines import approvals
from service.operations.flows.establishment import cases
from service.operations.reference import jurisdictions, users
from workflows import credit_code
from workflows.approval import Reply
from workflows.establishment import Elected, FoundingMeeting, NewCase

# The reference peer beside the project (../shared/peers/), or where BENCH_PEER_DIR says.
PEER_DIR = Path(os.environ.get("BENCH_PEER_DIR", ROOT.parent / "shared" / "peers" / "spiffworkflow"))
PROCESSES = (1, 2, 4)
ROUNDS = 3

_app: Flask | None = None
_people: dict[str, Actor] = {}


def peer_venv() -> Path:
    """The peer's venv: PEER_VENV, else the Makefile's default for `make bench-peer` (one place says where)."""
    if os.environ.get("PEER_VENV"):
        return Path(os.environ["PEER_VENV"])
    found = re.search(r"^PEER_VENV \?= *(\S+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
    if found is None:
        raise SystemExit("bench_steps: set PEER_VENV to the peer's venv (the Makefile names no default)")
    return Path(found.group(1))


def peer_python() -> Path | None:
    """The peer venv's python, or None after saying how to make the venv."""
    venv = peer_venv()
    python = venv / "bin" / "python"
    if python.exists():
        return python
    print(
        f"bench_steps: no peer venv at {venv} (SpiffWorkflow 3.2.0, psycopg); make it with `make bench-peer`"
        " (PEER_VENV=<dir> to put it elsewhere, and the same PEER_VENV here); skipped"
    )
    return None


def setup(url: str, units: int) -> None:
    """Bodies, the people who act, any-one approval modes, and fresh units for every instance."""
    global _app
    os.environ.update(
        APPROVAL_MODE_SUPERIOR_APPROVAL="any_one",
        APPROVAL_MODE_SUPERIOR_REVIEW="any_one",
        APPROVAL_MODE_COUNTY_APPROVAL="any_one",
    )
    _app = create_app(replace(Settings.from_env(), database_url=url, redis_url=None))
    from flask_migrate import upgrade

    with _app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        actor = system_actor("bench")
        city = jurisdictions.create(actor, NewJurisdiction(code="c", name="市", kind="city", parent_id=None))
        county = jurisdictions.create(actor, NewJurisdiction(code="c1", name="县", kind="county", parent_id=city.id))
        town = jurisdictions.create(actor, NewJurisdiction(code="t1", name="镇", kind="township", parent_id=county.id))
        for name, role, body in (
            ("handler", "handler", town),
            ("approver", "approver", town),
            ("county_approver", "approver", county),
        ):
            user = users.create(actor, NewUser(username=name, display_name=name, role=role, jurisdiction_id=body.id))
            _people[name] = Actor(user.id, name, role, body.id, body.path)
        stamp = now()
        rows = [
            {
                "credit_code": credit_code.make(f"91350100{i:09d}"),
                "name": f"企业{i:06d}有限公司",
                "kind": "enterprise",
                "jurisdiction_id": town.id,
                "industry": "制造业",
                "employees": 800 if i % 2 == 0 else 60,
                "formal_members": 120 if i % 2 == 0 else 5,
                "probationary_members": 0,
                "mobile_members": 0,
                "operating_status": "operating",
                "in_scope": True,
                "investor_or_head": "张三",
                "version": 1,
                "created_at": stamp,
                "updated_at": stamp,
            }
            for i in range(units)
        ]
        for start in range(0, len(rows), 5000):
            db.session.execute(insert(Unit), rows[start : start + 5000])
        db.session.commit()
        db.session.execute(text("ANALYZE"))
        db.session.commit()


def _pending_task(case_id: int) -> int:
    return int(
        db.session.execute(
            select(ApprovalTask.id)
            .join(ApprovalStep, ApprovalStep.id == ApprovalTask.step_id)
            .where(ApprovalStep.subject_id == case_id, ApprovalStep.status == "pending")
            .order_by(ApprovalTask.id)
            .limit(1)
        ).scalar_one()
    )


def _instance(unit_id: int, primary: bool, today: date) -> int:
    handler = _people["handler"]
    case = cases.create(
        handler,
        NewCase(
            unit_ids=[unit_id],
            form="primary_committee" if primary else "branch",
            proposed_name="中共测试委员会" if primary else "中共测试支部",
            proposed_secretary="陈建国",
            proposed_committee_size=5 if primary else None,  # under 7 members: a secretary only
        ),
    )
    case_id = case.id
    steps = 0
    cases.submit(handler, case_id)
    steps += 1
    levels = [_people["approver"], _people["county_approver"]] if primary else [_people["approver"]]
    for n, approver in enumerate(levels, 1):
        reply = Reply(approval_doc_no=f"组复〔2026〕{case_id}号", approved_on=today, meeting_on=today)
        final = {"reply": reply} if n == len(levels) else {}
        approvals.acting.act(approver, _pending_task(case_id), "approve", comment="同意", **final)
        steps += 1
    members = 120 if primary else 5
    elected = ["陈建国", "林晓燕", "王志强", "黄丽华", "郑海波"][: 5 if primary else 1]
    cases.found(
        handler,
        case_id,
        FoundingMeeting(
            held_on=today,
            entitled=members,
            present=members,
            secretary="陈建国",
            elected=tuple(Elected(name, members) for name in elected),
        ),
    )
    steps += 1
    return steps


def _worker(args: tuple[list[int]]) -> int:
    (unit_ids,) = args
    assert _app is not None
    with _app.app_context():
        db.engine.dispose(close=False)  # a forked process opens its own connections (SQLAlchemy's recipe)
        today = cases._civil_date(now())
        steps = 0
        try:
            for unit_id in unit_ids:
                steps += _instance(unit_id, unit_id % 2 == 1, today)  # ids start at 1: odd ids hold 120 members
                db.session.expunge_all()
        except Exception as exc:  # our errors do not all pickle back to the pool: send their text
            raise RuntimeError(f"{type(exc).__name__}: {exc!r} {vars(exc)}") from None
        return steps


def ours(unit_ids: list[int], procs: int, per_process: int) -> float:
    chunks = [unit_ids[k * per_process : (k + 1) * per_process] for k in range(procs)]
    t0 = time.perf_counter()
    with mp.get_context("fork").Pool(procs) as pool:
        steps = sum(pool.map(_worker, [(c,) for c in chunks]))
    return steps / (time.perf_counter() - t0)


def peer(python: Path, dsn: str, procs: int, per_process: int) -> float:
    out = subprocess.run(
        [str(python), str(PEER_DIR / "bench_spiff_pg.py"), str(per_process), str(procs), dsn],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(json.loads(out.strip().splitlines()[-1])["steps_per_s"])


def pgbench(dsn: str, seconds: int) -> float:
    out = subprocess.run(
        ["pgbench", "-N", "-c", "2", "-j", "2", "-T", str(seconds), dsn], capture_output=True, text=True, check=True
    ).stdout
    for line in out.splitlines():
        if line.startswith("tps"):
            return float(line.split("=")[1].split()[0])
    raise RuntimeError(out)


def main(argv: list[str]) -> int:
    if not postgres_available():
        print("bench_steps: no PostgreSQL at BENCH_PG_URL; skipped")
        return 0
    per_process = 100 if "--full" in argv else 20
    python = peer_python()
    if python is None:
        return 0
    url = fresh_database("bench_steps")
    peer_dsn = plain_dsn(fresh_database("bench_steps_peer"))
    pg_dsn = plain_dsn(fresh_database("bench_steps_pgbench"))
    subprocess.run(["pgbench", "-i", "-q", "-s", "1", pg_dsn], capture_output=True, check=True)
    need = ROUNDS * sum(PROCESSES) * per_process
    setup(url, need)
    describe(url)
    print(f"establishment flow, {per_process} instances per process, {ROUNDS} interleaved rounds; steps/s")
    assert _app is not None
    with _app.app_context():
        unit_ids = list(db.session.execute(select(Unit.id).order_by(Unit.id)).scalars())
        db.session.rollback()
        db.engine.dispose()
    if not shutil.which("pgbench"):
        raise SystemExit("pgbench is missing (apt-get install postgresql-client)")
    figures: dict[str, list[float]] = {}
    used = 0
    for r in range(1, ROUNDS + 1):
        for procs in PROCESSES:
            n = procs * per_process
            figures.setdefault(f"ours {procs}", []).append(ours(unit_ids[used : used + n], procs, per_process))
            used += n
            figures.setdefault(f"peer {procs}", []).append(peer(python, peer_dsn, procs, per_process))
        figures.setdefault("pgbench", []).append(pgbench(pg_dsn, 5))
        row = "  ".join(f"{k} {v[-1]:.0f}" for k, v in figures.items())
        print(f"round {r} (load {load()}): {row}")
        sys.stdout.flush()
    med = {k: statistics.median(v) for k, v in figures.items()}
    print(f"{'processes':>10} {'ours steps/s':>13} {'peer steps/s':>13} {'ours/peer':>10}")
    for procs in PROCESSES:
        ratio = med[f"ours {procs}"] / med[f"peer {procs}"]
        print(f"{procs:>10} {med[f'ours {procs}']:>13.0f} {med[f'peer {procs}']:>13.0f} {ratio:>10.2f}")
    print(f"pgbench -N (2 clients) median {med['pgbench']:.0f} tps: the commit floor")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
