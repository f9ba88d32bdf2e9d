"""gunicorn's settings for the web processes (Procfile: `gunicorn -c python:service.gunicorn_conf …`).

Metrics in prometheus_client's multiprocess mode: each worker writes its samples to files in
PROMETHEUS_MULTIPROC_DIR; a worker that exits is marked dead (its gauges dropped, its counters kept), and the
directory is emptied when gunicorn starts, so a restart does not add the last run's counts twice."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from gunicorn import util as gunicorn_util  # type: ignore[import-untyped]

from service.config import default_instance_dir

# Set before the workers fork and import prometheus_client, which picks its mode from the environment then.
os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", str(default_instance_dir() / "prometheus"))


def on_starting(server: Any) -> None:
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        shutil.rmtree(directory, ignore_errors=True)
        Path(directory).mkdir(parents=True, exist_ok=True)


def child_exit(server: Any, worker: Any) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


# Requests gunicorn refuses before the app sees them (a request line or a header field over its limit, a malformed
# request line) are answered in the API's one JSON error shape instead of gunicorn's HTML page. The request line
# gets gunicorn's largest finite limit (8190 bytes; 0 would lift the bound altogether): 414 `uri_too_long` beyond
# it. The OpenAPI document's description states both limits (service/config.py, decision 0063).
limit_request_line = 8190
limit_request_field_size = 8190


def write_json_error(sock: Any, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn.util.write_error's replacement: the same status line, a JSON body of the app's error shape (without
    `request_id`: no request reached the app)."""
    from service.errors import HTTP_CODES, MESSAGES

    error = {
        "status": status_int,
        "code": HTTP_CODES.get(status_int, "bad_request"),
        "message": MESSAGES.get(status_int, MESSAGES[400]),
    }
    body = json.dumps(error, ensure_ascii=False).encode("utf-8")
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    gunicorn_util.write_nonblock(sock, head.encode("latin-1") + body)


if not callable(getattr(gunicorn_util, "write_error", None)):  # a gunicorn that answers differently: revisit
    raise RuntimeError("gunicorn.util.write_error is gone; its errors would no longer be JSON")
gunicorn_util.write_error = write_json_error  # workers call it as util.write_error, at call time
