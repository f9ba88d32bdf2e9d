"""One log line and the metrics per job a worker ran: the job, its queue, how it ended, how long it took, and
the request that enqueued it (service/logs.py renders the fields as text or JSON)."""

from __future__ import annotations

import logging

from rq.job import Job

from workers.metrics import JOB_SECONDS, JOBS

log = logging.getLogger("dangjian.job")


def log_job(job: Job, queue: str, succeeded: bool, seconds: float) -> None:
    fields = {
        "function": job.func_name,
        "status": "finished" if succeeded else "failed",
        "queue": queue,
        "job_id": job.id,
        "duration_ms": round(seconds * 1000, 2),
        # Jobs a request enqueued (a webhook hand-over, an Excel import) carry its id: the two lines join up.
        "request_id": (job.meta or {}).get("request_id"),
    }
    JOBS.labels(job.func_name, fields["status"]).inc()
    JOB_SECONDS.labels(job.func_name).observe(seconds)
    level = logging.INFO if succeeded else logging.WARNING
    log.log(level, "job", extra={"fields": fields})
