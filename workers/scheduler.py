"""`python -m workers.scheduler [--once]`: the process that sweeps for due escalations every
ESCALATION_SWEEP_SECONDS (60) and enqueues them (see workers/jobs.py), and enqueues the month-end coverage
snapshot job when a month end lacks its snapshots; it also purges expired idempotency keys, and once an hour
(RETENTION_SECONDS) what is past its retention period (service/operations/retention.py). `--once` sweeps once
and exits.

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
from service.operations import idempotency, retention
from service.operations.flows.re_election import terms
from service.operations.reference import calendar_reminders
from workers.jobs import enqueue_coverage_snapshots, enqueue_due
from workers.metrics import SWEEPS, serve_scheduler
from workers.runtime import Backoff, start_process
from workers.settings import seconds_env

log = logging.getLogger("workers")
# How often the retention purge runs: periods are days, an hour's delay is nothing, a purge per sweep is waste.
RETENTION_SECONDS = 3600.0


def main(argv: list[str]) -> int:
    process = start_process()
    if process is None:
        return 2
    app, connection = process
    interval = seconds_env("ESCALATION_SWEEP_SECONDS", 60)
    if "--once" not in argv:
        serve_scheduler(app, connection)
    backoff = Backoff()
    stop = threading.Event()

    def _on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    if "--once" not in argv:
        log.warning("scheduler: sweeping every %g s", interval)
    statistics_due = 0.0  # at the first sweep, then every STATISTICS_SECONDS
    retention_due = 0.0  # likewise, every RETENTION_SECONDS
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
                if started >= retention_due:
                    counts.update({f"{kind}_purged": n for kind, n in retention.purge().items()})
                    retention_due = started + RETENTION_SECONDS
        except (RedisError, SQLAlchemyError) as exc:
            SWEEPS.labels("failed").inc()
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
        SWEEPS.labels("ok").inc()
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
