"""Liveness, readiness and the per-request log line."""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service import create_app
from service.config import Settings
from service.extensions import db
from service.logs import JsonFormatter, TextFormatter
from tests.support.factories import unit_payload
from tests.support.world import Api


@contextmanager
def _app_with(settings: Settings) -> Iterator[Flask]:
    app = create_app(settings)
    app.testing = True
    try:
        yield app
    finally:
        with app.app_context():
            db.engine.dispose()
        redis = app.extensions.get("redis")
        if redis is not None:
            redis.close()


def test_healthz_needs_no_token(client: FlaskClient) -> None:
    res = client.get("/healthz")
    assert res.status_code == 200
    assert res.json == {"status": "ok"}
    assert res.headers["X-Request-ID"]


@pytest.mark.commits  # /readyz opens its own connection (SQLite: it would wait for the test's write lock)
def test_readyz_ok_with_database_and_redis(client: FlaskClient) -> None:
    res = client.get("/readyz")
    assert res.status_code == 200, res.json
    assert res.json == {"status": "ok", "checks": {"database": "ok", "redis": "ok"}}


@pytest.mark.commits  # /readyz opens its own connection (SQLite: it would wait for the test's write lock)
def test_readyz_ignores_a_bogus_token(client: FlaskClient) -> None:
    res = client.get("/readyz", headers={"Authorization": "Bearer nonsense"})
    assert res.status_code == 200


def test_readyz_503_when_redis_is_unreachable(migrated: Settings) -> None:
    with _app_with(dataclasses.replace(migrated, redis_url="redis://127.0.0.1:1/0")) as app:
        res = app.test_client().get("/readyz")
    assert res.status_code == 503
    assert res.json["status"] == "unavailable"
    assert res.json["checks"]["database"] == "ok"
    assert res.json["checks"]["redis"].startswith("unreachable")


def test_readyz_503_when_redis_is_not_configured(migrated: Settings) -> None:
    with _app_with(dataclasses.replace(migrated, redis_url=None)) as app:
        res = app.test_client().get("/readyz")
    assert res.status_code == 503
    assert res.json["checks"] == {"database": "ok", "redis": "not configured (REDIS_URL)"}


def test_readyz_503_when_migrations_are_not_at_head(migrated: Settings, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    settings = dataclasses.replace(migrated, database_url=f"sqlite:///{fresh}", embedded_database=True)
    with _app_with(settings) as app:
        res = app.test_client().get("/readyz")
    assert res.status_code == 503
    assert res.json["status"] == "unavailable"
    assert res.json["checks"]["database"].startswith("migrations not at head")
    assert "database []" in res.json["checks"]["database"]
    assert res.json["checks"]["redis"] == "ok"


def test_readyz_503_when_the_database_is_unreachable(migrated: Settings) -> None:
    settings = dataclasses.replace(migrated, database_url="postgresql+psycopg://nobody@127.0.0.1:1/none")
    with _app_with(settings) as app:
        res = app.test_client().get("/readyz")
    assert res.status_code == 503
    assert res.json["checks"]["database"].startswith("unreachable")
    assert "nobody" not in res.json["checks"]["database"]  # no connection details leak


# --------------------------------------------------------------------------------------------------
# one structured log line per request


LOG_KEYS = {"request_id", "user", "method", "path", "status", "duration_ms"}


def _lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, object]]:
    return [dict(r.fields) for r in caplog.records if r.name == "dangjian.request"]  # type: ignore[attr-defined]


def test_one_json_log_line_per_request(api: Api, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="dangjian.request")
    calls = [
        api.client.get("/healthz"),
        api.get("/api/v1/units?page_size=5", as_="handler@east_t1"),
        api.get("/api/v1/units", as_=None),
        api.post(
            "/api/v1/units",
            as_="portal@east",
            json=unit_payload(api.world.ids["east_t1"]),
            headers={"X-Request-ID": "trace-42"},
        ),
        api.get("/api/v1/audit", as_="instructor@east"),
        api.get("/api/v1/units/999999", as_="admin@east"),
    ]
    lines = _lines(caplog)
    assert len(lines) == len(calls)
    expected = [
        ("GET", "/healthz", 200, None),
        ("GET", "/api/v1/units", 200, "handler.east_t1"),
        ("GET", "/api/v1/units", 401, None),
        ("POST", "/api/v1/units", 201, "portal.east"),
        ("GET", "/api/v1/audit", 403, "instructor.east"),
        ("GET", "/api/v1/units/999999", 404, "admin.east"),
    ]
    for line, res, (method, path, status, user) in zip(lines, calls, expected, strict=True):
        assert set(line) == LOG_KEYS
        assert (line["method"], line["path"], line["status"], line["user"]) == (method, path, status, user)
        assert res.status_code == status
        assert line["request_id"] == res.headers["X-Request-ID"]
        assert isinstance(line["duration_ms"], int | float)
        assert line["duration_ms"] >= 0
    assert lines[3]["request_id"] == "trace-42"
    # the query string (and anything else the caller sent) stays out of the log
    assert "page_size" not in json.dumps(lines)
    assert api.world.tokens["handler@east_t1"] not in caplog.text


@pytest.mark.commits  # /readyz opens its own connection (SQLite: it would wait for the test's write lock)
def test_log_line_for_readiness_and_unicode(app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="dangjian.request")
    app.test_client().get("/readyz")
    app.test_client().get("/api/v1/单位")
    lines = _lines(caplog)
    assert [(x["path"], x["status"]) for x in lines] == [("/readyz", 200), ("/api/v1/单位", 401)]
    # ensure_ascii=False: the line is readable, not \\u-escaped, as text and as JSON
    assert "path=/api/v1/单位 " in TextFormatter().format(caplog.records[-1])
    assert '"path": "/api/v1/单位"' in JsonFormatter().format(caplog.records[-1])
