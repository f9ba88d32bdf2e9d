"""A database that is away or busy: which driver errors mean that, and which are worth running again.

A pure reading of the exception (SQLSTATE, SQLite's message), below both its users: `service.db` retries a
unit of work on what `is_retryable` accepts, and the error handlers (`service.errors`, the console's) answer
503 with the code `classify` gives. It imports nothing of the service, so neither has to import the other."""

from __future__ import annotations

from sqlalchemy import exc as sa_exc

# The codes of a 503 answer (service.errors gives each its message and Retry-After).
DATABASE_UNAVAILABLE = "database_unavailable"  # unreachable, shutting down, connection lost
DATABASE_BUSY = "database_busy"  # deadlock / serialization failure that survived the retry, lock timeouts

# SQLSTATEs (PostgreSQL appendix A). Deadlocks and serialization failures are transient and safe to retry
# after a rollback; the others mean "try later" to the caller.
RETRYABLE_SQLSTATES = {"40001", "40P01"}  # serialization_failure, deadlock_detected
BUSY_SQLSTATES = RETRYABLE_SQLSTATES | {"55P03", "53300"}  # lock_not_available, too_many_connections
UNAVAILABLE_SQLSTATES = {"57P01", "57P02", "57P03"}  # admin/crash shutdown, cannot_connect_now
SQLITE_BUSY = ("database is locked", "database table is locked")
SQLITE_UNAVAILABLE = ("unable to open database file", "disk i/o error")


def sqlstate(exc: sa_exc.DBAPIError) -> str | None:
    """The driver's SQLSTATE of a database error, or None (SQLite has none)."""
    return getattr(exc.orig, "sqlstate", None)


def classify(exc: BaseException) -> str | None:
    """DATABASE_UNAVAILABLE, DATABASE_BUSY, or None for an error that is not the database being away/busy."""
    if isinstance(exc, sa_exc.TimeoutError):  # the pool had no connection to give within pool_timeout
        return DATABASE_BUSY
    if not isinstance(exc, sa_exc.DBAPIError):
        return None
    state = sqlstate(exc)
    if state in BUSY_SQLSTATES:
        return DATABASE_BUSY
    if state is not None and (state.startswith("08") or state in UNAVAILABLE_SQLSTATES):
        return DATABASE_UNAVAILABLE
    if exc.connection_invalidated:  # SQLAlchemy recognised a lost connection
        return DATABASE_UNAVAILABLE
    if not isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError):
        return None
    text = str(exc.orig).lower()
    if any(marker in text for marker in SQLITE_BUSY):
        return DATABASE_BUSY
    if any(marker in text for marker in SQLITE_UNAVAILABLE):
        return DATABASE_UNAVAILABLE
    if state is None and type(exc.orig).__module__.startswith("psycopg"):
        # psycopg raises a bare OperationalError / InterfaceError (no SQLSTATE) when it cannot connect
        # or the connection is gone.
        return DATABASE_UNAVAILABLE
    return None


def is_retryable(exc: BaseException) -> bool:
    """Only deadlocks and serialization failures: the transaction was rolled back whole and running it again
    may succeed. A SQLite "database is locked" already waited busy_timeout (30 s): no second wait."""
    return isinstance(exc, sa_exc.DBAPIError) and sqlstate(exc) in RETRYABLE_SQLSTATES


def is_lost_connection(exc: BaseException) -> bool:
    """SQLAlchemy recognised the connection as lost (and invalidated the pool's older connections)."""
    return isinstance(exc, sa_exc.DBAPIError) and bool(exc.connection_invalidated)
