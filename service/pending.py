"""Rows a transaction appends and never reads back before it commits — audit records, notifications,
webhook deliveries — kept with the session and written at commit: one multi-row INSERT per table, however
many places in the command added one (issue 9: a decision wrote its audit rows one by one)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from service import bulk
from service.extensions import db

KEY = "pending_rows"
WRITTEN = "written_ids"
# Models whose new rows' ids are kept for after-commit work (webhook deliveries are handed to a worker).
_KEEP_IDS: set[type] = set()


def keep_ids(model: type) -> None:
    """Keep the ids of `model`'s rows written at commit, for `take_written` in an after_commit hook."""
    _KEEP_IDS.add(model)


def take_written(session: Session, model: type) -> list[int]:
    """The ids of `model`'s rows this session wrote since the last call (kept only for `keep_ids` models)."""
    written: dict[type, list[int]] = session.info.get(WRITTEN, {})
    return written.pop(model, [])


def add(model: type, row: dict[str, Any]) -> None:
    """Append a row to be inserted when the current transaction commits (and dropped if it rolls back)."""
    db.session.info.setdefault(KEY, {}).setdefault(model, []).append(row)


def write(session: Session) -> None:
    """Insert what is pending now (the commit hook does it; call it before reading the rows back)."""
    pending: dict[type, list[dict[str, Any]]] | None = session.info.pop(KEY, None)
    for model, rows in (pending or {}).items():
        # Core on the table: every row has every key, so it is one statement (the ORM's bulk INSERT splits
        # the rows by which of their values are None); with RETURNING still one (insertmanyvalues).
        table = model.__table__  # type: ignore[attr-defined]
        if model in _KEEP_IDS:
            ids: list[int] = list(session.execute(table.insert().returning(table.c.id), rows).scalars())
            session.info.setdefault(WRITTEN, {}).setdefault(model, []).extend(ids)
        else:
            bulk.insert_rows(table, rows)  # COPY when there are many (an import's audit records)


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    write(session)


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, previous: SessionTransaction) -> None:
    if not previous.nested:  # a savepoint rolled back inside the command keeps the command's rows
        session.info.pop(KEY, None)
        session.info.pop(WRITTEN, None)
