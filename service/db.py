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
