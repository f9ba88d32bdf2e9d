"""gunicorn's settings for the web processes (Procfile: `gunicorn -c python:service.gunicorn_conf …`).

Metrics in prometheus_client's multiprocess mode: each worker writes its samples to files in
PROMETHEUS_MULTIPROC_DIR; a worker that exits is marked dead (its gauges dropped, its counters kept), and the
directory is emptied when gunicorn starts, so a restart does not add the last run's counts twice."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

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
