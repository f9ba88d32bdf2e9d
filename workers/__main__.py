"""`python -m workers [--burst]`: an RQ worker on our queues, inside the Flask application context.

Run as many as you like, on as many machines as you like; `--burst` drains the queues and exits.

The worker survives Redis going away. RQ retries by itself while it waits for a job, but quits its work
loop ("found an unhandled exception, quitting…") when Redis fails in any other state (running a job,
maintenance, heartbeats). We then wait for Redis with a capped exponential backoff with jitter — one log
line per attempt, with its delay — and start a fresh RQ worker in the same process. Only SIGTERM / SIGINT
(or the end of a burst) ends the process."""

from __future__ import annotations

import contextlib
import logging
import random
import signal
import sys
import threading
import time
from types import FrameType
from typing import Any

from redis.exceptions import RedisError
from rq import Queue, SimpleWorker
from rq.job import Job

from workers.joblog import log_job
from workers.metrics import serve_worker
from workers.queues import queues
from workers.runtime import Backoff, start_process, wait_for_redis
from workers.timeouts import CancellingDeathPenalty

log = logging.getLogger("workers")
_stop = threading.Event()
_SCHEDULER_STOP_SECONDS = 10


class _Worker(SimpleWorker):
    """RQ's worker, remembering that a stop was asked for (RQ's own loop also quits on errors).

    A `SimpleWorker`: jobs run in this process, so a job pays neither a fork nor new database connections
    (the forking worker paid ~120 ms per job for both). What the fork gave and how we keep it: a job that
    hangs is ended by RQ's job timeout, which with SimpleWorker is still a SIGALRM — delivered to this
    process's main thread, where the job runs — and cancels a database call on the server too
    (workers/timeouts.py, tests/engines/escalation/test_batch_job.py); a failing job leaves the worker running; the
    memory a job leaves behind stays in this process, so jobs empty their session after each row and
    bench/bench_escalation_memory.py shows the worker's RSS flat over 100,000 escalations.

    While it waits for a job RQ reconnects by itself (one log line per attempt, with the delay): make that
    backoff jittered (a random growth factor) and capped like ours (REDIS_RETRY_MAX_SECONDS)."""

    max_connection_wait_time = Backoff().cap
    death_penalty_class = CancellingDeathPenalty

    @property
    def exponential_backoff_factor(self) -> float:  # type: ignore[override]  # a plain attribute RQ only reads
        return random.uniform(1.5, 2.5)

    def perform_job(self, job: Job, queue: Queue) -> bool:
        """Run the job, then its one log line (service/logs.py: fields with LOG_FORMAT=json)."""
        started = time.perf_counter()
        succeeded = super().perform_job(job, queue)
        log_job(job, queue.name, succeeded, time.perf_counter() - started)
        return succeeded

    def request_stop(self, signum: int, frame: FrameType | None) -> Any:
        _stop.set()
        return super().request_stop(signum, frame)

    def stop_scheduler(self) -> None:
        """RQ joins its scheduler process with no time limit. A scheduler forked while another thread held a
        lock can hang for good, and the worker with it: SIGTERM then never ended the worker. Bounded here."""
        _end_scheduler_process(self)


def _on_signal(signum: int, frame: FrameType | None) -> None:
    _stop.set()


def _end_scheduler_process(worker: _Worker) -> None:
    """End the scheduler process a worker that quit on an error leaves behind. RQ forks it (not a daemon) and
    stops it only on a clean shutdown; left running, the next worker starts its own, and at exit Python waits
    for the orphan, so a SIGTERM after a Redis outage never ended the process (systemd would kill it)."""
    process = getattr(getattr(worker, "scheduler", None), "_process", None)
    if process is None or not process.is_alive():
        return
    with contextlib.suppress(Exception):
        process.terminate()  # RQ's scheduler stops at its next tick (about a second) and releases its locks
        process.join(_SCHEDULER_STOP_SECONDS)
        if process.is_alive():
            log.warning("worker: the RQ scheduler process %s did not stop; killing it", process.pid)
            process.kill()
            process.join(1)


def main(argv: list[str]) -> int:
    process = start_process()
    if process is None:
        return 2
    app, connection = process
    burst = "--burst" in argv
    if not burst:
        serve_worker()
    backoff = Backoff()
    with app.app_context():
        while True:
            worker: _Worker | None = None
            try:
                worker = _Worker(queues(connection), connection=connection)
                worker.work(burst=burst, with_scheduler=not burst)
                ended = "quit its loop"
            except RedisError as exc:  # e.g. from RQ's teardown, which writes the worker's death to Redis
                ended = f"stopped on {type(exc).__name__}: {exc}"
            if burst or _stop.is_set():
                if worker is not None:
                    _end_scheduler_process(worker)  # else Python waits for it at exit
                return 0
            # The dead worker's pub/sub thread would otherwise keep retrying Redis on its own.
            if worker is not None and worker.pubsub_thread is not None:
                with contextlib.suppress(Exception):
                    worker.pubsub_thread.stop()
            if worker is not None:
                _end_scheduler_process(worker)
            # RQ quit on an error, most likely Redis going away: wait for Redis, then work again.
            log.warning("worker: RQ worker %s; reconnecting", ended)
            signal.signal(signal.SIGTERM, _on_signal)
            signal.signal(signal.SIGINT, _on_signal)
            if not wait_for_redis(connection, backoff, _stop, "worker"):
                return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
