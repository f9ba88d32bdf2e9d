"""The urges migration upgrades and downgrades on the backend in force (the scratch database of
tests/platform/test_migration_oversize_reason.py): the urges table and the interviews' interviewer index come and go."""

from __future__ import annotations

from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from service.extensions import db
from tests.platform.test_migration_oversize_reason import MIGRATIONS, scratch_app, scratch_url

__all__ = ["scratch_app", "scratch_url"]  # the fixtures, reused

REVISION = "superv_urges"
BEFORE = "cov5e1a7c2b90"


def _state() -> tuple[bool, bool]:
    inspector = inspect(db.engine)
    indexes = {i["name"] for i in inspector.get_indexes("interviews")}
    return "urges" in inspector.get_table_names(), "ix_interviews_interviewer_state" in indexes


def test_the_urges_migration_upgrades_and_downgrades(scratch_app: Flask) -> None:
    with scratch_app.app_context():
        upgrade(directory=MIGRATIONS, revision=BEFORE)
        assert _state() == (False, False)
        upgrade(directory=MIGRATIONS, revision=REVISION)
        assert _state() == (True, True)
        columns = {c["name"] for c in inspect(db.engine).get_columns("urges")}
        assert {"subject_type", "subject_id", "actor_id", "actor_label", "at", "urged_on", "message"} <= columns
        downgrade(directory=MIGRATIONS, revision=BEFORE)
        assert _state() == (False, False)
        upgrade(directory=MIGRATIONS, revision=REVISION)
        assert _state() == (True, True)
