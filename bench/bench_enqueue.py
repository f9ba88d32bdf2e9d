"""Sweeping N times over D due rows enqueues each row once: the queue stays at ceil(D / batch) jobs.

Before the leases, every sweep enqueued one job per due row (200 due tickets and a 10 s sweep piled
1,463 no-op jobs). Now the sweep claims due rows with a lease (one UPDATE … RETURNING) and enqueues
their ids in batches of up to 100; a row is claimed again only when its job cleared the lease or the
lease expired. Also times one sweep (claim + enqueue) draining 10,000 due rows in one pass.

    .venv/bin/python bench/bench_enqueue.py
    BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1/bench_enqueue BENCH_REDIS_URL=redis://127.0.0.1:6379/9 \\
        .venv/bin/python bench/bench_enqueue.py"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_ledger import database_url
from bench.bench_sweep import TODAY, seed
from service import create_app
from service.auth import system_actor
from service.config import Settings
from service.extensions import db
from service.inputs import NewJurisdiction
from service.operations.reference import jurisdictions
from workers import jobs
from workers.queues import connect

SWEEPS, DUE, TOTAL = 10, 200, 10_000


@contextlib.contextmanager
def redis_url() -> Iterator[str]:
    if os.environ.get("BENCH_REDIS_URL"):
        yield os.environ["BENCH_REDIS_URL"]
        return
    from service.embedded import embedded_redis

    with embedded_redis(Path(tempfile.mkdtemp())) as url:
        yield url


def main() -> None:
    from flask_migrate import upgrade
    from rq import Queue

    with redis_url() as url:
        app = create_app(replace(Settings.from_env(), database_url=database_url(), redis_url=url))
        conn = connect(url)
        conn.flushdb()
        queue = Queue("escalations", connection=conn)
        with app.app_context():
            upgrade(directory=str(ROOT / "migrations"))
            city = jurisdictions.create(
                system_actor("bench"), NewJurisdiction(code="c", name="市", kind="city", parent_id=None)
            )
            print(f"backend {db.engine.dialect.name}, batch {jobs.BATCH_SIZE} ids per job")
            seed(TOTAL, DUE, city.id)
            print(f"{DUE} due among {TOTAL:,} tickets, {SWEEPS} sweeps (no worker running):")
            print(f"{'sweep':>6} {'claimed':>8} {'queued jobs':>12} {'ids queued':>11} {'without leases':>15}")
            for n in range(1, SWEEPS + 1):
                claimed = jobs.enqueue_due(conn, TODAY)["supervision_ticket"]
                ids = sum(len(job.args[1]) for job in queue.jobs)
                print(f"{n:>6} {claimed:>8} {queue.count:>12} {ids:>11} {n * DUE:>15}")
            assert queue.count == -(-DUE // jobs.BATCH_SIZE)

            conn.flushdb()
            seed(100_000, 10_000, city.id)
            t0 = time.perf_counter()
            claimed = jobs.enqueue_due(conn, TODAY)["supervision_ticket"]
            ms = (time.perf_counter() - t0) * 1000
            print(f"one sweep over 10,000 due among 100,000: claimed {claimed:,} in {queue.count} jobs, {ms:.0f} ms")
        conn.flushdb()
        conn.close()


if __name__ == "__main__":
    main()
