"""`python -m workers [--burst]`: an RQ worker on our queues, inside the Flask application context.

Run as many as you like, on as many machines as you like; `--burst` drains the queues and exits.

The worker survives a lost Redis. RQ 2.x itself only retries while idle (its blocking dequeue catches
ConnectionError and backs off); in every other state — registering at start-up, the heartbeat after a job,
monitoring a work horse, maintenance, registering its death — the error ends `Worker.work()` ("unhandled
exception, quitting", or an exception out of its `finally`). So `work()` runs in a loop: when it ends for any
reason but a stop signal (or, in burst mode, an empty queue), we wait with capped exponential backoff and
jitter, logging each attempt with its delay, and start a fresh worker on the same connection pool. A job
whose worker lost Redis mid-run is safe: the jobs are idempotent in the database and the next sweep
re-enqueues whatever is still due."""

from __future__ import annotations

import logging
import os
import random
import signal
import sys
import threading
from types import FrameType
from typing import Any

from redis.exceptions import RedisError
from rq import Worker
from rq.exceptions import StopRequested

from service import create_app
from workers.jobs import use_app
from workers.queues import Backoff, connect, queues, reconnect_cap

log = logging.getLogger("workers")


class ReconnectingWorker(Worker):
    """An RQ worker that records why its work loop ended, and jitters RQ's own idle-dequeue backoff."""

    # RQ's idle dequeue loop multiplies its delay by this factor after each failed attempt (starting at 1 s)
    # and caps it at `max_connection_wait_time`: a random factor gives that loop jitter too.
    @property  # type: ignore[override]
    def exponential_backoff_factor(self) -> float:
        return random.uniform(1.5, 2.5)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_connection_wait_time = reconnect_cap()
        self.stop_signalled = False
        self.drained = False
        self.registered = False

    def bootstrap(self, *args: Any, **kwargs: Any) -> None:
        super().bootstrap(*args, **kwargs)
        self.registered = True  # Redis answered: the next outage starts its backoff from the beginning

    def request_stop(self, signum: int, frame: FrameType | None) -> None:
        self.stop_signalled = True
        try:
            super().request_stop(signum, frame)
        except RedisError:
            # RQ asks Redis whether a job is running; during an outage that fails, and inside its idle
            # dequeue loop the ConnectionError would be taken for a lost connection and retried forever.
            raise StopRequested from None

    def dequeue_job_and_maintain_ttl(self, timeout: int | None, max_idle_time: int | None = None) -> Any:
        result = super().dequeue_job_and_maintain_ttl(timeout, max_idle_time)
        self.drained = result is None  # burst mode: the queues are empty, the loop ends normally
        process = self.scheduler._process if self.scheduler else None
        if self.scheduler and process and not process.is_alive():
            # RQ's scheduler process (enqueue_in, Retry intervals) dies when Redis goes away, and RQ would
            # restart it only at its next maintenance (10 min): restart it as soon as Redis answers again.
            self.scheduler.acquire_locks(auto_start=True)
        return result


def _reap(pids: set[int]) -> None:
    """Collect work horses left running by a worker that lost Redis (they finish or fail on their own)."""
    for pid in list(pids):
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            done = pid
        if done:
            pids.discard(pid)


def run(url: str, burst: bool) -> int:
    connection = connect(url)
    backoff = Backoff()
    horses: set[int] = set()
    stop = threading.Event()

    def _stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    while True:
        worker: ReconnectingWorker | None = None
        error: BaseException | None = None
        try:
            worker = ReconnectingWorker(queues(connection), connection=connection)  # names itself in Redis
            worker.work(burst=burst, with_scheduler=not burst)
        except RedisError as exc:  # raised at start-up (naming, register_birth) or from its teardown
            error = exc
        if worker is not None:
            if worker.registered:
                backoff.reset()
            if worker.horse_pid:
                horses.add(worker.horse_pid)
            if worker.stop_signalled or (burst and worker.drained and error is None):
                return 0
        _reap(horses)
        if stop.is_set():
            return 0
        # Between attempts our own handlers: RQ's are bound to the worker that just ended.
        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)
        delay = backoff.next_delay()
        log.warning(
            "worker: Redis connection lost (%s); attempt %d, restarting the worker in %.1f s",
            error or "the work loop ended",
            backoff.attempts,
            delay,
        )
        if stop.wait(delay):
            return 0


def main(argv: list[str]) -> int:
    app = create_app()
    url = app.config["SETTINGS"].redis_url
    if not url:
        print("REDIS_URL is not set", file=sys.stderr)
        return 2
    use_app(app)
    with app.app_context():
        return run(url, burst="--burst" in argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
