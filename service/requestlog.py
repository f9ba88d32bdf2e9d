"""Request ids and one structured log line per request (its fields: service/logs.py)."""

from __future__ import annotations

import logging
import re
import time
import uuid

from flask import Flask, Response, g, request

log = logging.getLogger("dangjian.request")
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}\Z")
HEADER = "X-Request-ID"


def init_app(app: Flask) -> None:
    @app.before_request
    def _start() -> None:
        incoming = request.headers.get(HEADER, "")
        # Accept a caller's id (for tracing across systems) only if it is safe to log and store.
        g.request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        g.started = time.perf_counter()

    @app.after_request
    def _finish(response: Response) -> Response:
        response.headers[HEADER] = g.get("request_id", "")
        actor = g.get("actor")
        fields = {
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - g.get("started", time.perf_counter())) * 1000, 2),
            "user": actor.username if actor else None,
            "request_id": g.get("request_id"),
        }
        log.info("request", extra={"fields": fields})
        return response
