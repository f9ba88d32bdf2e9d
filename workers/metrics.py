"""Prometheus metrics of the worker and scheduler processes, each served on its own port.

A worker (WORKER_METRICS_PORT) counts the jobs it ran by function and outcome, with their durations
(workers/joblog.py observes them). The scheduler (SCHEDULER_METRICS_PORT) counts its sweeps and serves the
service's state read at scrape time (service/operations/monitoring.py): queues, escalation lag, overdue items,
webhook backlog, imports, sign-in failures. A port left unset serves nothing. METRICS_BIND (127.0.0.1) is the
address both listen on: put them behind the same network rules as the database."""

from __future__ import annotations

import os

from flask import Flask
from prometheus_client import REGISTRY, Counter, Histogram, start_http_server
from redis import Redis

from service.operations.monitoring import ServiceCollector
from workers.queues import QUEUE_NAMES

JOBS = Counter("dangjian_jobs", "Jobs a worker ran, by function and outcome.", ["function", "status"])
JOB_SECONDS = Histogram(
    "dangjian_job_duration_seconds",
    "Time a worker spent on a job, by function.",
    ["function"],
    buckets=(0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 15.0, 60.0, 180.0, 600.0),
)
SWEEPS = Counter("dangjian_scheduler_sweeps", "Scheduler sweeps, by outcome.", ["result"])


def _serve(variable: str) -> bool:
    port = os.environ.get(variable)
    if not port:
        return False
    start_http_server(int(port), addr=os.environ.get("METRICS_BIND", "127.0.0.1"))
    return True


def serve_worker() -> bool:
    return _serve("WORKER_METRICS_PORT")


def serve_scheduler(app: Flask, redis: Redis) -> bool:
    if not os.environ.get("SCHEDULER_METRICS_PORT"):
        return False
    REGISTRY.register(ServiceCollector(app, redis, QUEUE_NAMES))
    return _serve("SCHEDULER_METRICS_PORT")
