"""The token-scopes migration upgrades and downgrades on the backend in force (the scratch database of
tests/platform/test_migration_oversize_reason.py): tokens issued before it get their role's full set, so nothing
a portal or a person could do with one changes."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import MetaData, insert, inspect, select

from service.extensions import db
from service.scopes import role_scopes, stored
from tests.platform.test_migration_oversize_reason import MIGRATIONS, scratch_app, scratch_url
from tests.support.world import ROLES

__all__ = ["scratch_app", "scratch_url"]  # the fixtures, reused

REVISION = "token_scopes"
BEFORE = "audit_scope_index"
NOW = datetime(2026, 9, 25, 2, 0, tzinfo=UTC)


def _token_per_role() -> None:
    """A user of every role with one token, written with plain SQL as the schema stood before scopes."""
    meta = MetaData()
    meta.reflect(db.engine, only=["jurisdictions", "users", "api_tokens"])
    stamps = {"version": 1, "created_at": NOW, "updated_at": NOW}
    with db.engine.begin() as conn:
        conn.execute(
            insert(meta.tables["jurisdictions"]).values(
                id=1, code="city", name="测试市", kind="city", path="/1/", active=True, **stamps
            )
        )
        for n, role in enumerate(ROLES, start=1):
            conn.execute(
                insert(meta.tables["users"]).values(
                    id=n, username=role, display_name=role, role=role, jurisdiction_id=1, active=True, **stamps
                )
            )
            conn.execute(
                insert(meta.tables["api_tokens"]).values(
                    id=n, user_id=n, name="old", token_hash=f"{n:064d}", prefix="dj_old", created_at=NOW
                )
            )


def test_tokens_issued_before_scopes_get_their_roles_full_set(scratch_app: Flask) -> None:
    with scratch_app.app_context():
        upgrade(directory=MIGRATIONS, revision=BEFORE)
        _token_per_role()
        upgrade(directory=MIGRATIONS, revision=REVISION)
        meta = MetaData()
        meta.reflect(db.engine, only=["users", "api_tokens"])
        users, tokens = meta.tables["users"], meta.tables["api_tokens"]
        with db.engine.connect() as conn:
            rows = conn.execute(select(users.c.role, tokens.c.scopes).join(tokens, tokens.c.user_id == users.c.id))
            found = {role: scopes for role, scopes in rows}
        # the migration's frozen copy agrees with the code's rule today
        assert found == {role: stored(role_scopes(role)) for role in ROLES}
        column = next(c for c in inspect(db.engine).get_columns("api_tokens") if c["name"] == "scopes")
        assert column["nullable"] is False
        downgrade(directory=MIGRATIONS, revision=BEFORE)
        assert "scopes" not in {c["name"] for c in inspect(db.engine).get_columns("api_tokens")}
        upgrade(directory=MIGRATIONS, revision=REVISION)
        db.session.remove()
