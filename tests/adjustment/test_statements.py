"""The ledger hook works set-based: an Excel import's batch that deregisters N covered units opens N cases with
the organisations, their units and their open cases read once, and the cases, their audit records and the
notices written one INSERT per table — on PostgreSQL the same statements for 30 rows as for 3 (SQLite's driver
gets one INSERT per case: the ORM sends its batched INSERT … RETURNING to PostgreSQL only)."""

from __future__ import annotations

import time

from flask import Flask

from service.auth import system_actor
from service.extensions import db
from service.operations.flows.adjustment import cases
from service.operations.reference.ledger_events import UnitChange
from tests.support.adjustment import org_with_units
from tests.support.database import statements
from tests.support.world import World


def _deregistrations(app: Flask, world: World, n: int) -> list[UnitChange]:
    """What an import's batch passes the hook: n covered units, each now deregistered."""
    changes = []
    for _ in range(n):
        org, (unit,) = org_with_units(app, world.ids["east_t1"], "branch", [5])
        before = {"party_org_id": org, "operating_status": "operating", "jurisdiction_id": world.ids["east_t1"]}
        before["formal_members"] = 5
        changes.append(UnitChange(unit, before, {**before, "operating_status": "deregistered"}))
    return changes


def _run(app: Flask, changes: list[UnitChange]) -> tuple[list[str], float]:
    with statements(app) as seen, app.app_context():
        started = time.perf_counter()
        cases.on_ledger_change(system_actor("test"), changes)
        db.session.commit()
        elapsed = time.perf_counter() - started
    return seen, elapsed


def test_a_batch_costs_the_same_statements_whatever_its_size(app: Flask, world: World) -> None:
    _run(app, _deregistrations(app, world, 1))  # warm configuration caches, as every budget counts them
    small, _ = _run(app, _deregistrations(app, world, 3))
    big, seconds = _run(app, _deregistrations(app, world, 30))
    inserts = [s for s in big if s.startswith("INSERT INTO adjustment_cases")]
    with app.app_context():
        batched = db.engine.dialect.name == "postgresql"
    assert len(inserts) == (1 if batched else 30)
    assert len(big) - len(inserts) == len(small) - (1 if batched else 3) <= 6, (small, big)
    reads = [s for s in big if s.startswith("SELECT")]
    assert len(reads) == 3, reads  # the organisations, their units, their open cases
    print(f"\n30 deregistrations in one batch: {len(big)} statements, {seconds * 1000:.0f} ms")
