"""Prometheus metrics of the web processes, and `/metrics`, which is not public.

Every request is observed in `dangjian_http_request_duration_seconds{method, route, status}` (a histogram: its
`_count` is the count per status). Under gunicorn, several worker processes serve: with PROMETHEUS_MULTIPROC_DIR
set (service/gunicorn_conf.py, `make run`) each writes its samples to files there and `/metrics` adds them up
(prometheus_client's multiprocess mode), whichever worker answers the scrape.

`/metrics` answers only a bearer token equal to METRICS_TOKEN (404 while it is unset: no metrics are served
at all), so it can be scraped through the same proxy as the API without showing the service's internals to
everyone. The worker and scheduler serve theirs on their own ports (workers/metrics.py)."""

from __future__ import annotations

import hmac
import os
import time

from flask import Flask, Response, abort, g, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Histogram, generate_latest, multiprocess

REQUEST_SECONDS = Histogram(
    "dangjian_http_request_duration_seconds",
    "Time to answer an HTTP request, by method, route (the URL rule, not the path) and status.",
    ["method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)


def registry() -> CollectorRegistry:
    """What `/metrics` shows: the processes' files in multiprocess mode, else this process's own metrics."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        combined = CollectorRegistry()
        multiprocess.MultiProcessCollector(combined)
        return combined
    from prometheus_client import REGISTRY

    return REGISTRY


def init_app(app: Flask) -> None:
    @app.before_request
    def _start() -> None:
        g.metrics_started = time.perf_counter()

    @app.after_request
    def _observe(response: Response) -> Response:
        started = g.get("metrics_started")
        if started is not None:
            route = request.url_rule.rule if request.url_rule is not None else "(unmatched)"
            REQUEST_SECONDS.labels(request.method, route, str(response.status_code)).observe(
                time.perf_counter() - started
            )
        return response

    @app.get("/metrics")
    def metrics() -> Response:
        token = app.config["SETTINGS"].metrics_token
        if not token:
            abort(404)
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            abort(401)
        return Response(generate_latest(registry()), mimetype=CONTENT_TYPE_LATEST)
