"""The readiness probe's database check (the HTTP layer builds no SQL)."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from service.extensions import db

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def database_status() -> tuple[bool, str]:
    """Reachable and migrated to head: (True, "ok"), else (False, why). Reports, never raises."""
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            current = set(MigrationContext.configure(conn).get_current_heads())
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        heads = set(ScriptDirectory.from_config(config).get_heads())
    except Exception as exc:  # readiness reports, it does not raise
        return False, f"unreachable: {type(exc).__name__}"
    if current != heads:
        return False, f"migrations not at head (database {sorted(current)}, code {sorted(heads)})"
    return True, "ok"
