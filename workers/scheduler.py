"""`python -m workers.scheduler [--on YYYY-MM-DD]`: enqueues the escalation sweep every ESCALATION_SWEEP_SECONDS.

It replaces `rq cron`, which exited at its first tick during a Redis outage. This loop survives a lost Redis:
each failed tick is retried with capped exponential backoff (one log line per attempt, with the delay), and
the first tick after Redis is back enqueues a sweep at once. It touches no database; the sweep and the
escalation jobs are idempotent there, so a second scheduler only enqueues harmless duplicate sweeps.
`--on` makes every sweep run for that day instead of today (simulations, tests)."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
import time
from datetime import date
from types import FrameType

from redis.exceptions import RedisError
from rq import Queue

from service.config import Settings
from workers.jobs import sweep
from workers.queues import Backoff, connect

log = logging.getLogger("workers.scheduler")


def sweep_interval() -> int:
    return int(os.environ.get("ESCALATION_SWEEP_SECONDS", "60"))


def run(url: str, interval: float, on: date | None, stop: threading.Event) -> None:
    """Tick until `stop` is set. A tick that cannot reach Redis is retried after a backoff delay."""
    connection = connect(url)
    queue = Queue("escalations", connection=connection)
    backoff = Backoff()
    args = (on.isoformat(),) if on else ()
    next_tick = time.monotonic()
    while not stop.wait(max(0.0, next_tick - time.monotonic())):
        try:
            # A sweep not started within one interval is stale: the next one does the same work.
            job = queue.enqueue(sweep, *args, ttl=max(1, int(interval)), result_ttl=max(1, int(interval)))
        except RedisError as exc:
            delay = backoff.next_delay()
            log.warning(
                "scheduler: Redis unreachable (%s): sweep not enqueued; attempt %d, retrying in %.1f s",
                exc,
                backoff.attempts,
                delay,
            )
            next_tick = time.monotonic() + delay
            continue
        if backoff.attempts:
            log.warning("scheduler: Redis is back after %d failed attempts", backoff.attempts)
            backoff.reset()
        log.info("scheduler: sweep enqueued (%s)", job.id)
        next_tick = time.monotonic() + interval
    connection.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m workers.scheduler", description=__doc__.splitlines()[0])
    parser.add_argument("--on", type=date.fromisoformat, help="sweep for this day instead of today (YYYY-MM-DD)")
    options = parser.parse_args(argv)
    settings = Settings.from_env()
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(message)s")
    if not settings.redis_url:
        print("REDIS_URL is not set", file=sys.stderr)
        return 2
    stop = threading.Event()

    def _stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    interval = sweep_interval()
    log.info("scheduler: enqueuing the escalation sweep every %d s (PID %d)", interval, os.getpid())
    run(settings.redis_url, interval, options.on, stop)
    log.info("scheduler: stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
