"""The copies migration upgrades and downgrades on the backend in force (the scratch database of
tests/platform/test_migration_oversize_reason.py): the copies table, its 待阅 index and the partial unique index
(one unread copy of a subject per recipient) come and go."""

from __future__ import annotations

from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from service.extensions import db
from tests.platform.test_migration_oversize_reason import MIGRATIONS, scratch_app, scratch_url

__all__ = ["scratch_app", "scratch_url"]  # the fixtures, reused

REVISION = "copies_to_read"
BEFORE = "caseunit_open_ix"


def _state() -> tuple[bool, set[str]]:
    inspector = inspect(db.engine)
    if "copies" not in inspector.get_table_names():
        return False, set()
    return True, {i["name"] for i in inspector.get_indexes("copies")}


def test_the_copies_migration_upgrades_and_downgrades(scratch_app: Flask) -> None:
    with scratch_app.app_context():
        upgrade(directory=MIGRATIONS, revision=BEFORE)
        assert _state() == (False, set())
        upgrade(directory=MIGRATIONS, revision=REVISION)
        assert _state() == (True, {"ix_copies_recipient_read", "uq_copies_unread"})
        downgrade(directory=MIGRATIONS, revision=BEFORE)
        assert _state() == (False, set())
        upgrade(directory=MIGRATIONS, revision=REVISION)
        assert _state() == (True, {"ix_copies_recipient_read", "uq_copies_unread"})
