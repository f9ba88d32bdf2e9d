"""What the database holds and what it is sent, for tests that check a refusal changed nothing or that a page
costs a fixed number of statements."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask
from sqlalchemy import TextClause, event, text

from service.extensions import db


@functools.cache  # the tables do not change within a run; sorting them per call cost ~1 ms of each fingerprint
def _fingerprint_query() -> TextClause:
    return text(_fingerprint_sql())


def _fingerprint_sql() -> str:
    parts = ["(SELECT count(*) FROM audit_events)"]
    for table in db.metadata.sorted_tables:
        parts.append(f"(SELECT count(*) FROM {table.name})")
        if "version" in table.c:
            parts.append(f"(SELECT coalesce(sum(version), 0) FROM {table.name})")
        if "revoked_at" in table.c:
            parts.append(f"(SELECT count(revoked_at) FROM {table.name})")
    return "SELECT " + ", ".join(parts)


def fingerprint(app: Flask) -> tuple[Any, ...]:
    """Everything a write could change, in one query: the audit count first, then for every table its row
    count and version sum (and revocations for tokens)."""
    with app.app_context():
        row = tuple(db.session.execute(_fingerprint_query()).one())
        db.session.remove()
    return row


def audit_count(app: Flask) -> int:
    return int(fingerprint(app)[0])


@contextmanager
def statements(app: Flask) -> Iterator[list[str]]:
    """The SQL statements the app's engine runs meanwhile, savepoints aside (the test's own transaction)."""
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if not statement.startswith(("SAVEPOINT", "RELEASE", "ROLLBACK TO")):
            seen.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)
