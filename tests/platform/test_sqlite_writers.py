"""The embedded default must take concurrent writers from several processes (gunicorn workers, RQ
workers) without "database is locked" errors and without lost updates: WAL + busy_timeout +
BEGIN IMMEDIATE. This always runs against its own SQLite file, whatever DATABASE_URL says."""

from __future__ import annotations

import multiprocessing
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from service import create_app
from service.auth import system_actor
from service.config import Settings
from service.db import transaction
from service.extensions import db
from service.models import Unit
from tests.support import ROOT
from tests.support.factories import new_unit

# Processes writing to their own SQLite file (not the suite's database): real commits by nature.
pytestmark = pytest.mark.commits

PROCESSES = 3
INCREMENTS = 25


def _settings(path: Path) -> Settings:
    return replace(Settings.from_env(), database_url=f"sqlite:///{path}", redis_url=None, embedded_database=True)


def _increment(path: str, unit_id: int, times: int) -> int:
    """Read-modify-write in one transaction, `times` times; returns the number of failures."""
    app = create_app(_settings(Path(path)))
    failures = 0
    with app.app_context():
        for _ in range(times):
            try:
                with transaction():
                    unit = db.session.execute(select(Unit).where(Unit.id == unit_id)).scalar_one()
                    unit.employees += 1
            except Exception:
                failures += 1
    return failures


def test_concurrent_processes_neither_fail_nor_lose_updates(tmp_path: Path) -> None:
    from flask_migrate import upgrade

    from service.inputs import NewJurisdiction
    from service.operations.reference import jurisdictions, units

    path = tmp_path / "writers.db"
    app = create_app(_settings(path))
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        actor = system_actor("test")
        city = jurisdictions.create(actor, NewJurisdiction(code="c", name="市", kind="city", parent_id=None))
        unit = units.create(actor, new_unit(city.id, employees=0, formal_members=0, probationary_members=0))
        unit_id = unit.id
        db.engine.dispose()

    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(PROCESSES) as pool:
        failures = pool.starmap(_increment, [(str(path), unit_id, INCREMENTS)] * PROCESSES)

    assert failures == [0] * PROCESSES
    with app.app_context():
        unit = db.session.get(Unit, unit_id)
        assert unit is not None
        assert unit.employees == PROCESSES * INCREMENTS
        assert unit.version == 1 + PROCESSES * INCREMENTS
        mode = db.session.execute(db.text("PRAGMA journal_mode")).scalar_one()
        assert mode == "wal"
        db.engine.dispose()
