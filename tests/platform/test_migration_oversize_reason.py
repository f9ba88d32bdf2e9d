"""The migration renaming establishment_cases.branch_over_50_reason to branch_oversize_reason upgrades and
downgrades, keeping the stored reasons, on the backend in force: a scratch PostgreSQL database next to the
suite's (DATABASE_URL) or a scratch SQLite file (embedded default, where batch mode rebuilds the table).
The suite's own database stays at head, untouched."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import create_engine, insert, inspect, select, text
from sqlalchemy.engine import make_url

from service import create_app
from service.config import Settings, normalise_database_url
from service.extensions import db
from tests.support import ROOT

# Its own database, migrated and rolled back for real.
pytestmark = pytest.mark.commits

MIGRATIONS = str(ROOT / "migrations")
BEFORE = "b7d3e2a91c40"  # escalation leases, the revision before the rename
RENAME = "c4e8a1f05d27"
REASON = "生产一线集中，便于组织生活"


@pytest.fixture
def scratch_url(tmp_path: Path) -> Iterator[str]:
    raw = os.environ.get("DATABASE_URL")
    if not raw or not normalise_database_url(raw).startswith("postgresql"):
        yield f"sqlite:///{tmp_path / 'migrations.db'}"
        return
    url = make_url(normalise_database_url(raw))
    name = f"{url.database}_scratch"
    assert "test" in name  # never touch anything but a test database's scratch twin
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def scratch_app(scratch_url: str) -> Iterator[Flask]:
    settings = replace(
        Settings.from_env(),
        database_url=scratch_url,
        redis_url=None,
        embedded_database=scratch_url.startswith("sqlite"),
    )
    app = create_app(settings)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _columns() -> set[str]:
    return {c["name"] for c in inspect(db.engine).get_columns("establishment_cases")}


def _case_with_reason(column: str) -> None:
    """One case row (and the jurisdiction it needs) written with plain SQL, as the schema stands."""
    meta = db.MetaData()
    meta.reflect(db.engine, only=["jurisdictions", "establishment_cases"])
    now = datetime(2026, 9, 25, 2, 0, tzinfo=UTC)
    stamps = {"version": 1, "created_at": now, "updated_at": now}
    with db.engine.begin() as conn:
        conn.execute(
            insert(meta.tables["jurisdictions"]).values(
                id=1, code="c", name="市", kind="city", path="/1/", active=True, **stamps
            )
        )
        conn.execute(
            insert(meta.tables["establishment_cases"]).values(
                id=1,
                state="preparing",
                form="branch",
                jurisdiction_id=1,
                proposed_name="中共某公司支部委员会",
                formal_total=51,
                probationary_total=0,
                mobile_total=0,
                preparation_started_on=date(2026, 9, 25),
                **{column: REASON},
                **stamps,
            )
        )


def _reason(column: str) -> str | None:
    with db.engine.connect() as conn:
        return conn.execute(select(text(column)).select_from(text("establishment_cases"))).scalar_one()


def test_rename_upgrades_and_downgrades_keeping_the_reason(scratch_app: Flask) -> None:
    from flask_migrate import downgrade, upgrade

    with scratch_app.app_context():
        upgrade(directory=MIGRATIONS, revision=BEFORE)
        assert "branch_over_50_reason" in _columns()
        _case_with_reason("branch_over_50_reason")

        upgrade(directory=MIGRATIONS, revision=RENAME)
        assert "branch_oversize_reason" in _columns() and "branch_over_50_reason" not in _columns()
        assert _reason("branch_oversize_reason") == REASON

        downgrade(directory=MIGRATIONS, revision="-1")
        assert "branch_over_50_reason" in _columns() and "branch_oversize_reason" not in _columns()
        assert _reason("branch_over_50_reason") == REASON

        upgrade(directory=MIGRATIONS)
        assert "branch_oversize_reason" in _columns()
        assert _reason("branch_oversize_reason") == REASON
