"""Metrics: a real Prometheus (Debian's package) scrapes the web under gunicorn (two workers, multiprocess mode),
a worker and the scheduler, answers a query on the escalation lag, evaluates the repository's alert rules, and
sees the lag fall to 0 once a worker has escalated. /metrics is not public."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from service.config import Settings
from tests.support import ROOT
from tests.support.escalation import at, overdue_ticket
from tests.support.ports import free_port
from tests.support.world import Api, World
from workers.queues import connect
from workers.runtime import CLOCK_START_ENV

PROMETHEUS = shutil.which("prometheus")
PORTS = range(18600, 18700)
TOKEN = "scrape-secret-0123456789"
RULES = ROOT / "docs" / "monitoring" / "prometheus-alerts.yml"
REMINDER_DAY = date(2026, 10, 8)  # the ticket below is due on the first working day after 2026-09-30


def test_metrics_are_not_public(app: Flask, api: Api) -> None:
    assert api.client.get("/metrics").status_code == 404  # METRICS_TOKEN unset: nothing served
    settings = app.config["SETTINGS"]
    app.config["SETTINGS"] = Settings(**{**settings.__dict__, "metrics_token": TOKEN})
    assert api.client.get("/metrics").status_code == 401
    assert api.client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
    api.get("/api/v1/units", as_="handler@east_t1")
    res = api.client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert res.status_code == 200
    text = res.get_data(as_text=True)
    assert 'dangjian_http_request_duration_seconds_count{method="GET",route="/api/v1/units",status="200"}' in text


def _ports(count: int) -> list[int]:
    chosen: list[int] = []
    for _ in range(count):
        port = free_port(PORTS, frozenset(chosen))
        if port is None:
            pytest.skip(f"no free port in {PORTS}")
        chosen.append(port)
    return chosen


def _wait(condition: Callable[[], Any], what: str, timeout: float = 120) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = condition()
        except OSError:
            value = None
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


def _query(prom: str, expr: str) -> list[dict[str, Any]]:
    url = f"{prom}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    with urllib.request.urlopen(url, timeout=5) as res:
        body = json.load(res)
    assert body["status"] == "success", body
    return list(body["data"]["result"])


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=5) as res:
        return json.load(res)


class Processes:
    def __init__(self) -> None:
        self.running: list[tuple[str, subprocess.Popen[bytes], Path]] = []

    def start(self, name: str, args: list[str], env: dict[str, str], logs: Path) -> None:
        log = logs / f"{name}.log"
        with log.open("wb") as out:
            proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        self.running.append((name, proc, log))

    def logs(self) -> str:
        return "\n".join(f"== {n}\n{log.read_text(errors='replace')[-3000:]}" for n, _, log in self.running)

    def stop(self) -> None:
        for _, proc, _ in reversed(self.running):
            proc.terminate()
        for _, proc, _ in reversed(self.running):
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture
def processes() -> Iterator[Processes]:
    p = Processes()
    yield p
    p.stop()


@pytest.mark.commits
# CI (.ci/run installs the package) fails rather than skips without it.
@pytest.mark.skipif(
    PROMETHEUS is None and not os.environ.get("CI"), reason="Debian's prometheus package is not installed"
)
def test_prometheus_scrapes_web_worker_and_scheduler_and_alerts_on_the_escalation_lag(
    app: Flask, world: World, migrated: Settings, processes: Processes, tmp_path: Path
) -> None:
    assert migrated.redis_url and PROMETHEUS
    redis = connect(migrated.redis_url)
    redis.flushdb()
    overdue_ticket(app, world, date(2026, 9, 30))
    web, worker, scheduler, prom_port = _ports(4)
    env = {
        **os.environ,
        "DATABASE_URL": migrated.database_url,
        "REDIS_URL": migrated.redis_url,
        "LOG_LEVEL": "WARNING",
        "METRICS_TOKEN": TOKEN,
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "multiproc"),
        "WORKER_METRICS_PORT": str(worker),
        "SCHEDULER_METRICS_PORT": str(scheduler),
        "ESCALATION_SWEEP_SECONDS": "3600",  # one sweep at start: it enqueues the ticket's job, no worker yet
        CLOCK_START_ENV: at(REMINDER_DAY).isoformat(),  # 10:00 in Beijing on the due day
    }
    config = tmp_path / "prometheus.yml"
    config.write_text(
        f"""
global: {{scrape_interval: 1s, evaluation_interval: 1s}}
rule_files: ["{RULES}"]
scrape_configs:
  - job_name: dangjian-web
    authorization: {{credentials: {TOKEN}}}
    static_configs: [{{targets: ["127.0.0.1:{web}"]}}]
  - job_name: dangjian-worker
    static_configs: [{{targets: ["127.0.0.1:{worker}"]}}]
  - job_name: dangjian-scheduler
    static_configs: [{{targets: ["127.0.0.1:{scheduler}"]}}]
""",
        encoding="utf-8",
    )
    gunicorn = [sys.executable, "-m", "gunicorn", "-c", "python:service.gunicorn_conf", "--no-control-socket",
                "--workers", "2", "--bind", f"127.0.0.1:{web}", "service:create_app()"]  # fmt: skip
    processes.start("web", gunicorn, env, tmp_path)
    processes.start("scheduler", [sys.executable, "-m", "workers.scheduler"], env, tmp_path)
    prometheus = [PROMETHEUS, f"--config.file={config}", f"--storage.tsdb.path={tmp_path / 'tsdb'}",
                  f"--web.listen-address=127.0.0.1:{prom_port}"]  # fmt: skip
    processes.start("prometheus", prometheus, env, tmp_path)
    prom = f"http://127.0.0.1:{prom_port}"
    try:
        base = f"http://127.0.0.1:{web}"
        _wait(lambda: urllib.request.urlopen(f"{base}/healthz", timeout=5).status == 200, "the web")
        for _ in range(10):  # spread over both gunicorn workers; their counts add up in /metrics
            urllib.request.urlopen(f"{base}/healthz", timeout=5).read()

        def healthy(job: str) -> bool:
            targets = _get(f"{prom}/api/v1/targets")["data"]["activeTargets"]
            return any(t["labels"]["job"] == job and t["health"] == "up" for t in targets)

        for job in ("dangjian-web", "dangjian-scheduler"):
            _wait(lambda job=job: healthy(job), f"Prometheus scraping {job}")
        lag = _wait(
            lambda: [
                r
                for r in _query(prom, 'dangjian_escalation_lag_seconds{item_type="supervision_ticket"}')
                if float(r["value"][1]) > 0
            ],
            "the escalation lag",
        )
        assert float(lag[0]["value"][1]) == pytest.approx(10 * 3600, abs=600)  # due since midnight, now 10:00
        # The latest scrape may predate the last requests (one a second): wait for one that counts them all.
        requests = _wait(
            lambda: [
                r
                for r in _query(prom, 'sum(dangjian_http_request_duration_seconds_count{route="/healthz"})')
                if float(r["value"][1]) >= 11
            ],
            "a scrape counting the 11 requests of both gunicorn workers",
        )
        assert float(requests[0]["value"][1]) >= 11
        queued = _query(prom, 'dangjian_queue_jobs{queue="escalations"}')
        assert float(queued[0]["value"][1]) >= 1  # the sweep's job, waiting for a worker

        def lag_alert() -> list[dict[str, Any]]:
            alerts = _get(f"{prom}/api/v1/alerts")["data"]["alerts"]
            return [a for a in alerts if a["labels"]["alertname"] == "DangjianEscalationLagging"]

        (alert,) = _wait(lag_alert, "the lag alert")
        assert alert["state"] in ("pending", "firing") and alert["labels"]["item_type"] == "supervision_ticket"

        processes.start("worker", [sys.executable, "-m", "workers"], env, tmp_path)
        _wait(lambda: healthy("dangjian-worker"), "Prometheus scraping the worker")
        _wait(
            lambda: [
                r
                for r in _query(prom, 'dangjian_escalation_lag_seconds{item_type="supervision_ticket"}')
                if float(r["value"][1]) == 0
            ],
            "the lag back to 0 once the worker escalated",
        )
        done = _wait(
            lambda: _query(prom, 'dangjian_jobs_total{function="workers.jobs.escalate_batch",status="finished"}'),
            "the worker's job count",
        )
        assert float(done[0]["value"][1]) >= 1
        _wait(lambda: not lag_alert(), "the alert resolved")
    except AssertionError:
        print(processes.logs())
        raise
    finally:
        redis.flushdb()
        redis.close()
