"""The party-activities migration upgrades and downgrades on the backend in force (the scratch database of
tests/platform/test_migration_oversize_reason.py), and leaves exactly the two tables the models declare."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from service.extensions import db
from tests.platform.test_migration_oversize_reason import MIGRATIONS, scratch_app, scratch_url

__all__ = ["scratch_app", "scratch_url"]  # the fixtures, reused

REVISION = "party_activities"
BEFORE = "token_scopes"
TABLES = {"party_activities", "annual_inspections"}


def _present() -> set[str]:
    return TABLES & set(inspect(db.engine).get_table_names())


def test_the_migration_upgrades_downgrades_and_matches_the_models(scratch_app: Flask) -> None:
    with scratch_app.app_context():
        upgrade(directory=MIGRATIONS, revision=BEFORE)
        assert _present() == set()
        upgrade(directory=MIGRATIONS, revision=REVISION)
        assert _present() == TABLES
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
        ours = [d for d in diff if any(table in repr(d) for table in TABLES)]
        assert ours == []
        unique = inspect(db.engine).get_unique_constraints("annual_inspections")
        assert [u["column_names"] for u in unique] == [["unit_id", "year"]]
        downgrade(directory=MIGRATIONS, revision=BEFORE)
        assert _present() == set()
        upgrade(directory=MIGRATIONS, revision=REVISION)
        assert _present() == TABLES
