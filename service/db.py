"""Engine set-up and the one way to run a unit of work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from service.extensions import db
from workflows.errors import Conflict


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


# Unique constraints whose violation is a normal conflict: (table, column) -> what users see.
# PostgreSQL names the constraint (uq_<table>_<column>), SQLite the column (<table>.<column>).
UNIQUE_CONFLICTS = {
    ("ledger_units", "credit_code"): ("duplicate_credit_code", "统一社会信用代码已存在"),
    ("jurisdictions", "code"): ("duplicate_jurisdiction_code", "管辖单位代码已存在"),
    ("users", "username"): ("duplicate_username", "用户名已存在"),
}


def _conflict_from_integrity(exc: IntegrityError) -> Conflict:
    text = str(exc.orig)
    for (table, column), (code, message) in UNIQUE_CONFLICTS.items():
        if f"uq_{table}_{column}" in text or f"{table}.{column}" in text:
            return Conflict(code, message, column)
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
