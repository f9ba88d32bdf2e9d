"""Log lines: plain text by default, one JSON object per line with LOG_FORMAT=json — a request's line and a
job's line with their fields, and every line of a real worker process parseable by a log shipper."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import pytest
from flask import Flask
from rq import Queue

from service.config import Settings
from service.logs import JsonFormatter, TextFormatter
from tests.support import ROOT
from tests.support.world import Api
from workers.queues import connect


def noop(n: int) -> int:
    """The job the worker test runs (imported by the worker process by this module's path)."""
    return n + 1


def _request_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "dangjian.request"]


def test_a_request_line_as_json_and_as_text(api: Api, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="dangjian.request")
    res = api.get("/api/v1/units", as_="handler@east_t1", headers={"X-Request-ID": "trace-7"})
    (record,) = _request_records(caplog)
    line = json.loads(JsonFormatter().format(record))
    assert {k: line[k] for k in ("level", "logger", "message")} == {
        "level": "INFO",
        "logger": "dangjian.request",
        "message": "request",
    }
    assert line["time"].endswith("+00:00")
    assert (line["method"], line["path"], line["status"], line["user"]) == (
        "GET",
        "/api/v1/units",
        200,
        "handler.east_t1",
    )
    assert line["request_id"] == "trace-7" == res.headers["X-Request-ID"]
    text = TextFormatter().format(record)
    assert text.startswith("request method=GET path=/api/v1/units status=200 duration_ms=")
    assert text.endswith(" user=handler.east_t1 request_id=trace-7")


def test_an_error_line_carries_its_traceback_as_one_json_field() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed %s", ("here",), sys.exc_info())
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "failed here" and "ValueError: boom" in line["exception"]


def test_log_format_accepts_text_and_json_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_FORMAT", "JSON")
    assert Settings.from_env().log_format == "json"
    monkeypatch.delenv("LOG_FORMAT")
    assert Settings.from_env().log_format == "text"
    monkeypatch.setenv("LOG_FORMAT", "xml")
    with pytest.raises(ValueError, match="LOG_FORMAT"):
        Settings.from_env()


@pytest.mark.commits
def test_a_worker_writes_json_lines_one_per_job_with_the_enqueuing_request(migrated: Settings, app: Flask) -> None:
    assert migrated.redis_url
    redis = connect(migrated.redis_url)
    redis.flushdb()
    try:
        Queue("default", connection=redis).enqueue(noop, 41, meta={"request_id": "req-123"})
        env = {
            **os.environ,
            "DATABASE_URL": migrated.database_url,
            "REDIS_URL": migrated.redis_url,
            "LOG_LEVEL": "INFO",
            "LOG_FORMAT": "json",
        }
        done = subprocess.run(
            [sys.executable, "-m", "workers", "--burst"], cwd=ROOT, env=env, capture_output=True, timeout=180
        )
    finally:
        redis.flushdb()
        redis.close()
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    lines = [json.loads(line) for line in done.stderr.decode().splitlines() if line.strip()]  # every line is JSON
    (job,) = [line for line in lines if line["logger"] == "dangjian.job"]
    assert (job["function"], job["status"], job["queue"], job["request_id"]) == (
        "tests.platform.test_logs.noop",
        "finished",
        "default",
        "req-123",
    )
    assert job["duration_ms"] >= 0 and job["level"] == "INFO"
    assert any(line["logger"].startswith("rq.") for line in lines)  # RQ's own lines too, not a format of theirs
