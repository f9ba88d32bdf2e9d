"""`python -m workers.scheduler [--once]`: the process that sweeps for due escalations every
ESCALATION_SWEEP_SECONDS (60) and enqueues them (see workers/jobs.py), and enqueues the month-end coverage
snapshot job when a month end lacks its snapshots; it also purges expired idempotency keys. `--once` sweeps
once and exits.

It replaces `rq cron`, which exited at its first tick during a Redis outage. This loop survives outages of
Redis and of the database: a failed sweep is retried with a capped exponential backoff with jitter (one
log line per attempt, with its delay), and the regular interval resumes after the first sweep that
succeeds. Exactly-once lives in the database (leases on the rows, unique escalation events), so two
schedulers are harmless: they never claim the same row. Still, one is enough."""

from __future__ import annotations

import logging
import signal
import sys
import threading
import time
from types import FrameType

from redis.exceptions import RedisError
from sqlalchemy.exc import SQLAlchemyError

from service.db import STATISTICS_SECONDS, refresh_statistics
from service.operations import idempotency
from service.operations.flows.re_election import terms
from service.operations.reference import calendar_reminders
from workers.jobs import enqueue_coverage_snapshots, enqueue_due
from workers.runtime import Backoff, start_process
from workers.settings import seconds_env

log = logging.getLogger("workers")


def main(argv: list[str]) -> int:
    process = start_process()
    if process is None:
        return 2
    app, connection = process
    interval = seconds_env("ESCALATION_SWEEP_SECONDS", 60)
    backoff = Backoff()
    stop = threading.Event()

    def _on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    if "--once" not in argv:
        log.warning("scheduler: sweeping every %g s", interval)
    statistics_due = 0.0  # at the first sweep, then every STATISTICS_SECONDS
    while not stop.is_set():
        started = time.monotonic()
        try:
            with app.app_context():
                counts = enqueue_due(connection)
                counts["coverage_snapshots"] = int(enqueue_coverage_snapshots(connection))
                counts["calendar_reminders"] = calendar_reminders.remind_admins()  # December, once a year
                counts["term_reminders"] = terms.remind()  # 换届提醒: each organisation once a day, each reminder once
                counts["idempotency_keys_purged"] = idempotency.purge_expired()
                if started >= statistics_due and refresh_statistics():
                    statistics_due = started + STATISTICS_SECONDS
        except (RedisError, SQLAlchemyError) as exc:
            if "--once" in argv:
                log.error("scheduler: sweep failed: %s: %s", type(exc).__name__, exc)
                return 1
            delay = backoff.next()
            what = "Redis" if isinstance(exc, RedisError) else "database"
            log.warning(
                "scheduler: sweep failed (%s unavailable: %s), attempt %d, retrying in %.1f s",
                what,
                type(exc).__name__,
                backoff.attempt,
                delay,
            )
            stop.wait(delay)
            continue
        if backoff.attempt:
            log.warning("scheduler: sweeping again after %d failed attempt(s)", backoff.attempt)
            backoff.reset()
        if any(counts.values()):
            log.info("scheduler: enqueued %s", counts)
        if "--once" in argv:
            return 0
        stop.wait(max(0.0, interval - (time.monotonic() - started)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
