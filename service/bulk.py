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

from sqlalchemy import Table, insert, text

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


def insert_returning(table: Table, rows: Sequence[dict[str, Any]], *returning: str) -> list[Any]:
    """Insert `rows` (each with the same keys) in one statement and return the `returning` columns of the rows
    written, in no promised order (key them by a column the caller knows). On PostgreSQL, from 100 rows, the
    statement is `INSERT … SELECT … FROM unnest(:arrays) … RETURNING`: a value shared by every row is one
    parameter, every other column one array, so the statement has a few parameters however many rows it
    writes (the driver parses a statement of thousands anew each time, see above). Below that, and elsewhere,
    a multi-row INSERT … RETURNING. Values go through the columns' bind processing; a column that varies must
    be of a scalar type (no JSON)."""
    if not rows:
        return []
    conn = db.session.connection()
    dialect = conn.dialect
    back = [table.c[k] for k in returning]
    if dialect.name != "postgresql" or len(rows) < COPY_FROM:
        return list(db.session.execute(insert(table).returning(*back), list(rows)))
    keys = list(rows[0])
    first = rows[0]
    quote = dialect.identifier_preparer
    params: dict[str, Any] = {}
    arrays: list[str] = []  # unnest's arguments
    names: list[str] = []  # and the names of its columns
    select_list: list[str] = []
    for n, k in enumerate(keys):
        column = table.c[k]
        processor = column.type._cached_bind_processor(dialect)
        sql_type = column.type.compile(dialect=dialect)
        if all(r[k] == first[k] and type(r[k]) is type(first[k]) for r in rows):
            params[f"c{n}"] = first[k] if processor is None else processor(first[k])
            select_list.append(f"CAST(:c{n} AS {sql_type})")
        else:
            values = [r[k] for r in rows]
            params[f"a{n}"] = values if processor is None else [processor(v) for v in values]
            arrays.append(f"CAST(:a{n} AS {sql_type}[])")
            names.append(f"a{n}")
            select_list.append(f"u.a{n}")
    if not arrays:  # every row alike: still one row each
        params["rows"] = list(range(len(rows)))
        arrays.append("CAST(:rows AS INTEGER[])")
        names.append("n")
    columns = ", ".join(quote.quote(k) for k in keys)
    statement = (
        f"INSERT INTO {quote.format_table(table)} ({columns}) SELECT {', '.join(select_list)} "
        f"FROM unnest({', '.join(arrays)}) WITH ORDINALITY AS u({', '.join(names)}, ord) ORDER BY u.ord "
        f"RETURNING {', '.join(quote.quote(k) for k in returning)}"
    )
    return list(db.session.execute(text(statement), params))
