"""Job timeouts for a worker that runs jobs in its own process (RQ's SimpleWorker, see workers/__main__.py).

RQ ends a job that overruns its timeout with SIGALRM: the handler raises JobTimeoutException in the main
thread, where a SimpleWorker runs the job. Raised inside a database call, a plain exception leaves the
psycopg connection stuck mid-query (the server keeps running the statement, holding its locks, and the next
use fails with "another command is already in progress"). psycopg cancels the query on the server and
waits for it when it is interrupted by KeyboardInterrupt — so our timeout is also a KeyboardInterrupt: the
statement is cancelled, the transaction rolls back, the connection goes back to the pool sound, and the
worker runs its next job (tests/engines/escalation/test_batch_job.py)."""

from __future__ import annotations

from typing import Any

from rq.timeouts import JobTimeoutException, UnixSignalDeathPenalty


class JobTimeout(JobTimeoutException, KeyboardInterrupt):
    """A job overran its timeout. Still a JobTimeoutException (RQ records the job as failed), and an
    Exception, so RQ's handlers see it as a job failure, not as a request to stop the worker."""


class CancellingDeathPenalty(UnixSignalDeathPenalty):
    """RQ's SIGALRM timeout, raising JobTimeout so an interrupted database call is cancelled cleanly."""

    def __init__(self, timeout: Any, exception: type[BaseException] = JobTimeoutException, **kwargs: Any) -> None:
        if exception is JobTimeoutException:
            exception = JobTimeout
        super().__init__(timeout, exception, **kwargs)
