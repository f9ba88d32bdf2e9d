"""Many rows into one table in one go, nothing read back: COPY on PostgreSQL, a multi-row INSERT elsewhere.

A multi-row INSERT of thousands of rows is costly on the client before the server sees it: the driver
(psycopg) parses every statement longer than 4 KB or with more than 50 parameters in Python to find its
placeholders, once per page of rows — a tenth of an Excel import of 10,000 rows went there. COPY sends the
rows as data, with no statement to parse. The values pass through the columns' own bind processing (UTC
datetimes, JSON), as SQLAlchemy would have sent them.

Only for plain appends: no RETURNING, no ON CONFLICT, and never a table the configuration cache watches
(service/config_cache.py finds its writes through SQLAlchemy's statement events, which COPY bypasses). Small
batches keep the INSERT: one statement either way, and the statement counts of ordinary commands stay as they
were."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, insert

from service.extensions import db

COPY_FROM = 100  # rows; below it a multi-row INSERT costs no more


def insert_rows(table: Table, rows: Sequence[dict[str, Any]], *, copy: bool = False) -> None:
    """Insert `rows` (each with the same keys, every one a column of `table`) in the current transaction.
    Columns left out take their server defaults under COPY: give every column whose default is Python's.
    `copy`: COPY however few they are (on PostgreSQL)."""
    if not rows:
        return
    conn = db.session.connection()
    dialect = conn.dialect
    if dialect.name != "postgresql" or (len(rows) < COPY_FROM and not copy):
        db.session.execute(insert(table), list(rows))
        return
    keys = list(rows[0])
    processors = [table.c[k].type._cached_bind_processor(dialect) for k in keys]
    quote = dialect.identifier_preparer
    columns = ", ".join(quote.quote(k) for k in keys)
    driver: Any = conn.connection.driver_connection
    with driver.cursor() as cursor, cursor.copy(f"COPY {quote.format_table(table)} ({columns}) FROM STDIN") as out:
        for row in rows:
            out.write_row([row[k] if p is None else p(row[k]) for k, p in zip(keys, processors, strict=True)])
