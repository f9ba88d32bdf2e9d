"""Issue 7: the worker and the scheduler survive their Redis. Real processes against a redis-server of our
own: it starts after them, is stopped mid-run for longer than a sweep interval, and comes back on the same
port. Every due item is escalated exactly once, by the same two processes, which log their reconnects."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import psutil
import pytest
from flask import Flask
from sqlalchemy import func, select

from service.config import Settings
from service.extensions import db
from service.models import AuditEvent
from tests.conftest import World
from tests.escalation.helpers import events, notification_count, overdue_ticket, wait_until
from workers.queues import Backoff

# Worker and scheduler processes write through their own connections: real commits.
pytestmark = pytest.mark.commits

ROOT = Path(__file__).resolve().parents[2]
PORTS = range(18300, 18350)  # this test's own redis-server ports
SWEEP_SECONDS = 1
RETRY = re.compile(r"retrying in|restarting the worker in")


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.skip("no free port for our own redis-server")


class RedisServer:
    """A throwaway redis-server without persistence: stopping it loses every queued job, as a crash would."""

    def __init__(self, port: int, directory: Path) -> None:
        self.port, self.directory = port, directory
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        options = {"port": str(self.port), "bind": "127.0.0.1", "save": "", "appendonly": "no"}
        options |= {"dir": str(self.directory), "daemonize": "no"}
        self.proc = subprocess.Popen(
            ["redis-server", *(arg for name, value in options.items() for arg in (f"--{name}", value))],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self._answers, "our redis-server to accept connections", timeout=20)

    def _answers(self) -> bool:
        with socket.socket() as s:
            return s.connect_ex(("127.0.0.1", self.port)) == 0

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=20)


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(_free_port(), tmp_path)
    yield server
    server.stop()


def _start(module: list[str], settings: Settings, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "REDIS_URL": f"redis://127.0.0.1:{port}/0",
        "ESCALATION_SWEEP_SECONDS": str(SWEEP_SECONDS),
        "REDIS_RECONNECT_MAX_SECONDS": "1",  # reconnect within a second of Redis coming back
        "LOG_LEVEL": "INFO",
        "PYTHONUNBUFFERED": "1",
    }
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", *module], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )


def _retries(log: Path) -> int:
    return len(RETRY.findall(log.read_text(errors="replace")))


def _alive(procs: list[subprocess.Popen[bytes]], logs: list[Path]) -> bool:
    """Fail at once, with its log, when a process under test has exited."""
    for proc, log in zip(procs, logs, strict=True):
        assert proc.poll() is None, f"{proc.args} exited ({proc.returncode}):\n{log.read_text()[-3000:]}"
    return True


def _audit_count(app: Flask, action: str) -> int:
    with app.app_context():
        n = db.session.execute(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action)
        ).scalar_one()
        db.session.rollback()
        return n


def test_worker_and_scheduler_ride_out_a_redis_outage(
    app: Flask, world: World, migrated: Settings, redis_server: RedisServer, tmp_path: Path
) -> None:
    worker_log, scheduler_log = tmp_path / "worker.log", tmp_path / "scheduler.log"
    # Both start before Redis does: they must wait for it, not exit.
    worker = _start(["workers"], migrated, redis_server.port, worker_log)
    scheduler = _start(["workers.scheduler", "--on", "2026-10-08"], migrated, redis_server.port, scheduler_log)
    procs, logs = [worker, scheduler], [worker_log, scheduler_log]

    def retried(worker_seen: int, scheduler_seen: int) -> bool:
        return _alive(procs, logs) and _retries(worker_log) > worker_seen and _retries(scheduler_log) > scheduler_seen

    try:
        wait_until(lambda: retried(0, 0), "start-up retries", 30)
        redis_server.start()

        first = [overdue_ticket(app, world, date(2026, 9, 30)) for _ in range(4)]
        wait_until(lambda: _alive(procs, logs) and len(events(app)) >= 4, "the first items to be escalated", 40)

        # Redis goes away mid-run; more items fall due while it is down.
        redis_server.stop()
        seen = {log: _retries(log) for log in (worker_log, scheduler_log)}
        second = [overdue_ticket(app, world, date(2026, 9, 30)) for _ in range(4)]
        # Down longer than a sweep interval: the scheduler has failed several ticks, the worker has noticed.
        wait_until(lambda: retried(seen[worker_log], seen[scheduler_log] + 2), "both to notice the outage", 30)
        assert len(events(app)) == 4

        redis_server.start()  # same port, empty: every queued job was lost with it
        wait_until(lambda: _alive(procs, logs) and len(events(app)) >= 8, "the items due during the outage", 40)
        # A few more sweeps find nothing left to do.
        enqueued = scheduler_log.read_text().count("sweep enqueued")
        wait_until(lambda: scheduler_log.read_text().count("sweep enqueued") >= enqueued + 3, "later sweeps", 30)

        assert sorted(e[1] for e in events(app)) == sorted(first + second)  # each item once
        assert {e[2] for e in events(app)} == {"reminder"}
        assert _audit_count(app, "escalation.reminder") == 8
        assert notification_count(app, "escalation.reminder") == 8
        # The very processes started above are still serving.
        for proc in procs:
            assert proc.poll() is None
            assert psutil.Process(proc.pid).status() != psutil.STATUS_ZOMBIE
        assert "Redis is back" in scheduler_log.read_text()

        # And they still stop cleanly on SIGTERM, as a process manager asks them to.
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        for proc in procs:
            assert proc.wait(timeout=30) == 0
    finally:
        for proc in procs:
            if proc.poll() is None:
                for child in psutil.Process(proc.pid).children(recursive=True):
                    child.kill()
                proc.kill()
                proc.wait()


def test_backoff_grows_with_jitter_up_to_its_cap() -> None:
    backoff = Backoff(base=1, cap=8)
    delays = [backoff.next_delay() for _ in range(6)]
    for delay, step in zip(delays, [1, 2, 4, 8, 8, 8], strict=True):
        assert step / 2 <= delay <= step
    assert backoff.attempts == 6
    backoff.reset()
    assert backoff.next_delay() <= 1
    # A very long outage neither overflows nor exceeds the cap.
    backoff.attempts = 5000
    assert 4 <= backoff.next_delay() <= 8
