"""The worker's memory stays flat over many escalations: one `python -m workers` process (SimpleWorker, jobs
in-process) escalates N due tickets (batches of 100 per job) while the bench prints its RSS (psutil) at
intervals. The job empties its session after every row and keeps no per-job state beyond the job.

    .venv/bin/python bench/bench_escalation_memory.py           # quick: 10,000 escalations
    .venv/bin/python bench/bench_escalation_memory.py --full    # issue 9: 100,000

Needs PostgreSQL (BENCH_PG_URL; database bench_escalation is recreated) and Redis (BENCH_REDIS_URL, flushed)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psutil

from bench.bench_escalation import TODAY, RunningWorker, count_events, make_app, seed
from bench.environment import describe, fresh_database, load, postgres_available
from workers import jobs


def main(argv: list[str]) -> int:
    if not postgres_available():
        print("bench_escalation_memory: no PostgreSQL at BENCH_PG_URL; skipped")
        return 0
    due = 100_000 if "--full" in argv else 10_000
    url = fresh_database("bench_escalation")
    app = make_app(url)
    seed(app, due, due)
    describe(url)
    app.extensions["redis"].flushdb()
    worker = RunningWorker(url)
    rss = psutil.Process(worker.proc.pid)
    try:
        print(f"worker pid {worker.proc.pid}, RSS before the first job {rss.memory_info().rss / 2**20:.1f} MiB")
        t0 = time.perf_counter()
        with app.app_context():
            assert jobs.enqueue_due(app.extensions["redis"], TODAY)["supervision_ticket"] == due
        print(f"{'escalations':>12} {'RSS MiB':>9} {'esc/s':>7} {'load':>6}")
        step, mark, samples = due // 10, due // 10, []
        while True:
            done = count_events(app)
            if done >= mark or done == due:
                mib = rss.memory_info().rss / 2**20
                samples.append(mib)
                print(f"{done:>12,} {mib:>9.1f} {done / (time.perf_counter() - t0):>7.0f} {load():>6}")
                sys.stdout.flush()
                mark += step
            if done == due:
                break
            time.sleep(0.2)
    finally:
        worker.stop()
    first, last = samples[0], samples[-1]
    print(f"RSS after {due // 10:,}: {first:.1f} MiB; after {due:,}: {last:.1f} MiB ({last - first:+.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
