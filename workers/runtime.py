"""What the long-running processes (worker, scheduler) share: their start-up (the app, its jobs bound to it),
reconnect backoff, and the clock override for simulations and tests. The durations they read from the
environment are in workers/settings.py.

Both processes must outlive their broker: when Redis goes away they wait and reconnect with a capped
exponential backoff with jitter, logging one line per attempt with its delay, instead of exiting (a
process manager such as honcho stops everything when one process exits)."""

from __future__ import annotations

import faulthandler
import logging
import os
import random
import signal
import sys
import threading
from datetime import UTC, datetime

from flask import Flask
from redis import Redis
from redis.exceptions import RedisError

from service import create_app
from service.clock import Clock
from service.config import Settings
from workers.jobs import use_app
from workers.queues import connect
from workers.settings import seconds_env

log = logging.getLogger("workers")

# Simulations and tests only: the processes' clock starts at this instant (ISO 8601, e.g.
# 2026-10-08T02:00:00+00:00) and then runs at real speed, so leases still expire. Never set in production.
CLOCK_START_ENV = "DANGJIAN_CLOCK_START"


class ShiftedClock:
    """Real time moved to start at a given instant."""

    def __init__(self, start: datetime) -> None:
        self.offset = start - datetime.now(UTC)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset


def clock_from_env() -> Clock | None:
    raw = os.environ.get(CLOCK_START_ENV)
    if not raw:
        return None
    start = datetime.fromisoformat(raw)
    if start.tzinfo is None:
        raise SystemExit(f"{CLOCK_START_ENV} needs a UTC offset, e.g. 2026-10-08T02:00:00+00:00")
    return ShiftedClock(start)


class Backoff:
    """Capped exponential backoff with full jitter: attempt n waits a random time in [base·2ⁿ/2, base·2ⁿ],
    at most `cap` — so a fleet of workers does not reconnect in lockstep when Redis comes back."""

    def __init__(self, base: float = 0.5, cap: float | None = None) -> None:
        self.base = base
        self.cap = cap if cap is not None else seconds_env("REDIS_RETRY_MAX_SECONDS", 30)
        self.attempt = 0

    def next(self) -> float:
        self.attempt += 1
        ceiling = min(self.cap, self.base * 2 ** min(self.attempt, 30))
        return random.uniform(ceiling / 2, ceiling)

    def reset(self) -> None:
        self.attempt = 0


def wait_for_redis(connection: Redis, backoff: Backoff, stop: threading.Event, who: str) -> bool:
    """Ping Redis until it answers, sleeping with backoff between attempts; False if asked to stop."""
    while not stop.is_set():
        delay = backoff.next()
        log.warning("%s: Redis unavailable, attempt %d, retrying in %.1f s", who, backoff.attempt, delay)
        if stop.wait(delay):
            return False
        try:
            connection.ping()
        except RedisError as exc:
            log.debug("%s: ping failed: %s", who, exc)
            continue
        log.warning("%s: Redis is back after %d attempt(s)", who, backoff.attempt)
        backoff.reset()
        return True
    return False


def start_process() -> tuple[Flask, Redis] | None:
    """The app (with the clock override, if any) and the Redis connection of a worker or scheduler
    process, its jobs bound to that app; None when REDIS_URL is not set (said on stderr).

    `kill -USR1 <pid>` prints every thread's stack on stderr: what a process that does not stop is doing."""
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    app = create_app(Settings.from_env().for_workers(), clock=clock_from_env())
    url = app.config["SETTINGS"].redis_url
    if not url:
        print("REDIS_URL is not set", file=sys.stderr)
        return None
    use_app(app)
    return app, connect(url)
