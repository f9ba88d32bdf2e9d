"""Liveness and readiness (no token needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Blueprint, current_app, jsonify
from sqlalchemy import text

from service.extensions import db

bp = Blueprint("health", __name__)

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


@bp.get("/")
def index() -> Any:
    """Where to go from the root address."""
    return jsonify(
        service="Dangjian Flow 党建工作流",
        api="/api/v1",
        docs="/api/docs",
        openapi="/api/openapi.json",
        health="/healthz",
        ready="/readyz",
    )


@bp.get("/healthz")
def healthz() -> Any:
    """The process is up."""
    return jsonify(status="ok")


def _database() -> tuple[bool, str]:
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


def _redis() -> tuple[bool, str]:
    conn = current_app.extensions.get("redis")
    if conn is None:
        return False, "not configured (REDIS_URL)"
    try:
        conn.ping()
    except Exception as exc:
        return False, f"unreachable: {type(exc).__name__}"
    return True, "ok"


@bp.get("/readyz")
def readyz() -> Any:
    """Database and Redis reachable, migrations at head. 503 otherwise, with the failing check."""
    checks = {}
    ok = True
    for name, probe in (("database", _database), ("redis", _redis)):
        passed, detail = probe()
        checks[name] = detail
        ok = ok and passed
    if ok:
        return jsonify(status="ok", checks=checks), 200
    # Load balancers and callers back off the same way as after an API 503.
    return jsonify(status="unavailable", checks=checks), 503, {"Retry-After": "5"}
