"""Document numbers (发文字号): one sequence per issuing body, kind and year, without gaps or duplicates.

One statement, `INSERT … ON CONFLICT DO UPDATE SET last_no = last_no + 1 RETURNING last_no`, inside the
transaction that records the document: the counter row's lock makes concurrent issuers wait for each other
(PostgreSQL; SQLite's BEGIN IMMEDIATE serialises writers anyway), and if that transaction rolls back the
increment rolls back with it, so no number is lost. Must run inside the caller's transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite

from service.extensions import db
from service.models import DocumentCounter


def allocate(issuing_body_id: int, kind: str, year: int) -> int:
    """The next number of the body's `kind` sequence for `year` (1 for the first)."""
    dialect = db.session.get_bind().dialect.name
    insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(DocumentCounter).values(issuing_body_id=issuing_body_id, kind=kind, year=year, last_no=1)
    stmt = stmt.on_conflict_do_update(
        index_elements=[DocumentCounter.issuing_body_id, DocumentCounter.kind, DocumentCounter.year],
        set_={"last_no": DocumentCounter.last_no + 1},
    ).returning(DocumentCounter.last_no)
    return int(db.session.execute(stmt).scalar_one())
