"""Engine set-up and the one way to run a unit of work."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from flask import g, has_request_context
from sqlalchemy import event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from service.db_failures import is_lost_connection, is_retryable, sqlstate
from service.extensions import db
from workflows.errors import Conflict

log = logging.getLogger(__name__)
T = TypeVar("T")


def configure_sqlite(engine: Engine) -> None:
    """WAL + busy_timeout + BEGIN IMMEDIATE: concurrent writers (several gunicorn workers, RQ workers)
    wait for each other instead of failing with "database is locked" or losing updates.
    This is the recipe from SQLAlchemy's pysqlite documentation."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself instead of pysqlite's deferred BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def refresh_statistics() -> bool:
    """SQLite only: refresh the query planner's statistics (`ANALYZE`, sampled by `analysis_limit`, so it
    takes milliseconds). PostgreSQL's autovacuum keeps its own; SQLite has none until asked, and its planner
    then guesses: the console's decision lookup ran from 20,000 open tasks instead of the case's step (74 ms
    instead of 0.3 ms). Run by `make run` after migrating and by the scheduler every STATISTICS_SECONDS."""
    if db.engine.dialect.name != "sqlite":
        return False
    with db.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA analysis_limit=1000")
        conn.exec_driver_sql("ANALYZE")
    return True


STATISTICS_SECONDS = 3600.0


# Unique constraints whose violation is a normal conflict. PostgreSQL names the constraint or index,
# SQLite the columns ("table.column"): either marker identifies it.
UNIQUE_CONFLICTS = [
    (
        ("uq_ledger_units_credit_code", "ledger_units.credit_code"),
        "duplicate_credit_code",
        "统一社会信用代码已存在",
        "credit_code",
    ),
    (("uq_jurisdictions_code", "jurisdictions.code"), "duplicate_jurisdiction_code", "管辖单位代码已存在", "code"),
    (("uq_users_username", "users.username"), "duplicate_username", "用户名已存在", "username"),
    (
        ("uq_establishment_open_unit", "establishment_case_units.unit_id"),
        "unit_has_open_case",
        "该单位已有正在办理的建立党组织申请",
        "unit_ids",
    ),
    (
        ("uq_approval_routes_level", "approval_routes.body_id"),
        "duplicate_route",
        "该审批机构的该审批层级已配置审批方式",
        "level_name",
    ),
    (
        ("uq_ticket_extensions_pending", "ticket_extensions.ticket_id"),
        "extension_already_pending",
        "已有延期申请正在审核，不能重复申请",
        "new_deadline",
    ),
]


def _conflict_from_integrity(exc: IntegrityError) -> Conflict:
    text = str(exc.orig)
    for markers, code, message, field in UNIQUE_CONFLICTS:
        if any(marker in text for marker in markers):
            return Conflict(code, message, field)
    return Conflict("integrity_conflict", "数据与现有记录冲突")


@contextmanager
def transaction() -> Iterator[None]:
    """Commit on success, roll back on any error. Concurrent updates of a versioned row and unique
    violations surface as Conflict (409); the session is clean again either way."""
    try:
        yield
        db.session.commit()
    except StaleDataError as exc:
        db.session.rollback()
        raise Conflict("concurrent_update", "该记录已被他人修改，请刷新后重试") from exc
    except IntegrityError as exc:
        db.session.rollback()
        raise _conflict_from_integrity(exc) from exc
    except BaseException:
        db.session.rollback()
        raise


# -- a database that is away or busy (what counts as that: service/db_failures.py) -------------------------

# Attempts of one request's unit of work, and the pause before each retry (seconds, with jitter).
ATTEMPTS = 3
BACKOFF = (0.05, 0.2)


@event.listens_for(Session, "before_commit")
def _note_committing(_session: Session) -> None:
    # A connection lost during COMMIT leaves it unknown whether the server committed: never run that again.
    if has_request_context():
        g.db_committing = True


@event.listens_for(Session, "after_commit")
def _note_commit(_session: Session) -> None:
    # A request that committed something must never be run again (it would apply it twice).
    if has_request_context():
        g.db_committed = True


def run_unit_of_work(fn: Callable[[], T]) -> T:
    """Run a request's view; after a deadlock or serialization failure, roll back and run it again, at most
    ATTEMPTS times in all. The retry is of the whole request because that is the unit of work
    the caller sees, and it is safe here because the request path touches nothing but the database:
    no Redis enqueue (workers find work in the database), webhooks and notifications are rows written in
    the same transaction. It happens only while the request has committed nothing yet. A failure that
    survives the retry reaches the error handler as 503 `database_busy`.

    A connection found lost (the server restarted, a firewall dropped it while pooled) is retried the same way
    unless it was lost during a COMMIT: the server rolled back whatever the request had sent, and SQLAlchemy
    has dropped the pool's older connections, so the retry starts on a new one. This is what lets the web run
    without a `SELECT 1` at every check-out (pool_pre_ping)."""
    for attempt in range(1, ATTEMPTS + 1):
        g.db_committing = False
        try:
            return fn()
        except (sa_exc.OperationalError, sa_exc.InterfaceError) as exc:
            lost = is_lost_connection(exc) and not g.get("db_committing")
            if attempt == ATTEMPTS or not (is_retryable(exc) or lost) or g.get("db_committed"):
                raise
            db.session.rollback()
            log.info("retrying after %s (attempt %d of %d)", sqlstate(exc) or "a lost connection", attempt, ATTEMPTS)
            time.sleep(random.uniform(*BACKOFF) * attempt)
    raise AssertionError("unreachable")


def run_before_request(fn: Callable[[], T]) -> T:
    """The before_request functions (the token or session look-up first): run once more on a new connection
    when the one taken from the pool is found lost — unless something was committed or being committed."""
    try:
        return fn()
    except (sa_exc.OperationalError, sa_exc.InterfaceError) as exc:
        if not is_lost_connection(exc) or g.get("db_committing") or g.get("db_committed"):
            raise
        db.session.rollback()
        log.info("retrying the request's first statements after a lost connection")
        return fn()


def run_retrying(fn: Callable[[], T]) -> T:
    """One of several transactions of a request (each task of a batch decision): after a deadlock or
    serialization failure, run that transaction again, at most ATTEMPTS times in all. Unlike run_unit_of_work
    it may run after the request committed something: only this transaction, rolled back whole, runs again. A
    failure that survives it is raised for the caller to report (service.db_failures.classify)."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return fn()
        except (sa_exc.OperationalError, sa_exc.InterfaceError) as exc:
            if attempt == ATTEMPTS or not is_retryable(exc):
                raise
            db.session.rollback()
            log.info("retrying a transaction after %s (attempt %d of %d)", sqlstate(exc), attempt, ATTEMPTS)
            time.sleep(random.uniform(*BACKOFF) * attempt)
    raise AssertionError("unreachable")


# -- a request's last transaction, when it only read, ends with COMMIT ---------------------------------------

# psycopg 3 prepares a statement on a connection once it has run there `prepare_threshold` (5) times, and forgets
# every prepared statement at each ROLLBACK (objects made in the transaction may be gone). A request whose view
# committed reads its answer in a new transaction, which Flask-SQLAlchemy's session removal rolled back: no
# statement ever reached the threshold. COMMIT and ROLLBACK of a transaction that wrote nothing are the same to
# the database, so such a transaction is committed instead, and the connection keeps its prepared statements.
TAIL = "dangjian.tail_connection"  # session.info: the connection of the session's current root transaction
WROTE = "dangjian.wrote"  # connection.info: a statement other than a read ran in its current transaction
_READS = ("SELECT", "BEGIN", "SAVEPOINT", "RELEASE")


@event.listens_for(Session, "after_begin")
def _note_begin(session: Session, transaction: Any, connection: Any) -> None:
    if transaction.parent is None:
        session.info[TAIL] = connection
        connection.info[WROTE] = False


@event.listens_for(Session, "after_transaction_end")
def _note_end(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop(TAIL, None)


@event.listens_for(Engine, "before_cursor_execute")
def _note_statement(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
    if not statement.lstrip()[:9].upper().startswith(_READS):
        conn.info[WROTE] = True


def end_read_only_transaction(error: BaseException | None) -> None:
    """teardown_appcontext, before Flask-SQLAlchemy's: COMMIT the request's open transaction when it wrote
    nothing — no statement but reads, no pending ORM changes, no rows waiting for the commit
    (service/pending.py) — and no exception escaped the request. Anything else is left to the ROLLBACK."""
    from service import pending

    if error is not None or not db.session.registry.has():
        return
    session = db.session()
    connection = session.info.get(TAIL)
    if (
        connection is None
        or connection.closed
        or connection.invalidated  # lost: the ROLLBACK that follows cleans up
        or connection.info.get(WROTE, True)
        or not session.in_transaction()
        or session.new
        or session.dirty
        or session.deleted
        or session.info.get(pending.KEY)
    ):
        return
    # Objects read stay as read, as the ROLLBACK of the session's removal left them: a caller holding one after
    # the context (a job's, a command's) can still read it detached instead of meeting an expired instance.
    expire, session.expire_on_commit = session.expire_on_commit, False
    try:
        session.commit()
    except Exception:  # the ROLLBACK that follows cleans up; the answer has been sent
        log.warning("could not end a read-only transaction with COMMIT", exc_info=True)
    finally:
        session.expire_on_commit = expire
