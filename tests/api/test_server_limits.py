"""What gunicorn answers before the app (service/gunicorn_conf.py): an over-long request line or header field gets
the API's one JSON error shape, not gunicorn's HTML page; a request line within the limit reaches the app."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.config import Settings
from tests.support import ROOT
from tests.support.ports import free_port

PORTS = range(21100, 21200)


@pytest.fixture
def web(migrated: Settings, tmp_path: Path) -> Iterator[int]:
    port = free_port(PORTS)
    if port is None:
        pytest.skip(f"no free port in {PORTS}")
    env = {
        **os.environ,
        "DATABASE_URL": migrated.database_url,
        "REDIS_URL": migrated.redis_url or "",
        "LOG_LEVEL": "WARNING",
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "multiproc"),
    }
    args = [sys.executable, "-m", "gunicorn", "-c", "python:service.gunicorn_conf", "--no-control-socket",
            "--workers", "1", "--bind", f"127.0.0.1:{port}", "service:create_app()"]  # fmt: skip
    log = tmp_path / "web.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if _get(port, "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert proc.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, "gunicorn did not start:\n" + log.read_text(errors="replace")
            time.sleep(0.2)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        res = conn.getresponse()
        return res.status, res.getheader("Content-Type") or "", res.read()
    finally:
        conn.close()


def test_over_long_query_and_header_are_answered_in_the_json_error_shape(web: int) -> None:
    status, content_type, body = _get(web, "/api/v1/units?q=" + "x" * 10_240)
    assert status == 414
    assert content_type == "application/json"
    error = json.loads(body)
    assert error["status"] == 414 and error["code"] == "uri_too_long"
    assert "8190" in error["message"]

    status, content_type, body = _get(web, "/api/v1/units", headers={"X-Filler": "y" * 9000})
    assert status == 431
    assert content_type == "application/json"
    assert json.loads(body)["code"] == "request_header_fields_too_large"

    # Within gunicorn's limit the app answers (here 401: no token), in the same shape, with a request id.
    status, content_type, body = _get(web, "/api/v1/units?q=" + "x" * 7000)
    assert status == 401
    assert content_type == "application/json"
    assert json.loads(body)["request_id"]
