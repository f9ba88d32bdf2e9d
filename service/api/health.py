"""Liveness and readiness (no token needed)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, jsonify

from service.operations.health import database_status

bp = Blueprint("health", __name__)


@bp.get("/api")
def index() -> Any:
    """Where to go for the API (the root address opens the web console)."""
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
    for name, probe in (("database", database_status), ("redis", _redis)):
        passed, detail = probe()
        checks[name] = detail
        ok = ok and passed
    if ok:
        return jsonify(status="ok", checks=checks), 200
    # Load balancers and callers back off the same way as after an API 503.
    return jsonify(status="unavailable", checks=checks), 503, {"Retry-After": "5"}
