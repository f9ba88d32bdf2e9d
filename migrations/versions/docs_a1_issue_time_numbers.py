"""documents numbered at issue: number the issued tickets, scheduled interviews and circulars without one

Numbers are now taken when a ticket is issued, an interview scheduled or a circular issued (they used to be
taken at the first download). The subjects issued before, whose document was never downloaded, get their
numbers here, in issue order, after the numbers already given in their body/kind/year sequence. Only the
number is recorded (context {"doc_no", "numbered_by"}): their text is drawn from the subject when downloaded.

Revision ID: docs_a1_issue_numbers
Revises: cov5e1a7c2b90
Create Date: 2026-12-07 01:40:00.000000

"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "docs_a1_issue_numbers"
down_revision = "notify1a2b3c4d"
branch_labels = None
depends_on = None

MARK = "migration"
CHINA_OFFSET = timedelta(hours=8)

counters = sa.table(
    "document_counters",
    sa.column("issuing_body_id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("year", sa.Integer),
    sa.column("last_no", sa.Integer),
)
issued = sa.table(
    "issued_documents",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("subject_type", sa.String),
    sa.column("subject_id", sa.Integer),
    sa.column("jurisdiction_id", sa.Integer),
    sa.column("issuing_body_id", sa.Integer),
    sa.column("year", sa.Integer),
    sa.column("serial", sa.Integer),
    sa.column("doc_no", sa.String),
    sa.column("template_id", sa.Integer),
    sa.column("context", sa.JSON),
    sa.column("issued_by", sa.Integer),
    sa.column("issued_at", sa.DateTime(timezone=True)),
)
audit = sa.table(
    "audit_events",
    sa.column("occurred_at", sa.DateTime(timezone=True)),
    sa.column("actor_id", sa.Integer),
    sa.column("actor_label", sa.String),
    sa.column("action", sa.String),
    sa.column("subject_type", sa.String),
    sa.column("subject_id", sa.Integer),
    sa.column("jurisdiction_id", sa.Integer),
    sa.column("state_before", sa.JSON),
    sa.column("state_after", sa.JSON),
    sa.column("comment", sa.Text),
)


def _settings() -> Any:
    """The running configuration's DOCUMENT_SETTINGS (abbreviations), or the defaults outside the app."""
    try:
        from flask import current_app

        return current_app.config["SETTINGS"].documents
    except (RuntimeError, KeyError):  # alembic run without the app
        from service.documents.kinds import DocumentSettings

        return DocumentSettings()


def _china_year(value: Any) -> int:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return int((value + CHINA_OFFSET).year)


def _year_of(value: Any) -> int:
    return int(value.year if not isinstance(value, str) else value[:4])


def upgrade() -> None:
    conn = op.get_bind()
    settings = _settings()
    bodies = {row.id: (row.code, row.name) for row in conn.execute(sa.text("SELECT id, code, name FROM jurisdictions"))}
    numbered = {
        (row.kind, row.subject_type, row.subject_id)
        for row in conn.execute(sa.text("SELECT kind, subject_type, subject_id FROM issued_documents"))
    }
    last = {
        (row.issuing_body_id, row.kind, row.year): row.last_no
        for row in conn.execute(sa.text("SELECT issuing_body_id, kind, year, last_no FROM document_counters"))
    }
    known = set(last)
    # (kind, subject_type, subject_id, jurisdiction_id, issuing body, year), each kind in issue order.
    pending: list[tuple[str, str, int, int, int, int]] = []
    for row in conn.execute(
        sa.text(
            "SELECT id, jurisdiction_id, issuing_body_id, issued_on FROM supervision_tickets"
            " WHERE issued_on IS NOT NULL ORDER BY issued_on, id"
        )
    ):
        pending.append(
            ("supervision_ticket", "supervision_ticket", row.id, row.jurisdiction_id, row.issuing_body_id,
             _year_of(row.issued_on))
        )
    for row in conn.execute(
        sa.text(
            "SELECT i.id, i.jurisdiction_id, COALESCE(i.interviewer_body_id, t.issuing_body_id, i.jurisdiction_id)"
            " AS body_id, i.scheduled_at FROM interviews i LEFT JOIN supervision_tickets t ON t.id = i.ticket_id"
            " WHERE i.scheduled_at IS NOT NULL AND i.place IS NOT NULL AND i.place <> '' AND i.state <> 'cancelled'"
            " ORDER BY i.id"
        )
    ):
        pending.append(
            ("interview_notice", "interview", row.id, row.jurisdiction_id, row.body_id, _china_year(row.scheduled_at))
        )
    for row in conn.execute(sa.text("SELECT id, jurisdiction_id, issued_at FROM circulars ORDER BY issued_at, id")):
        pending.append(
            ("circular", "circular", row.id, row.jurisdiction_id, row.jurisdiction_id, _china_year(row.issued_at))
        )
    moment = datetime.now(UTC)
    for kind, subject_type, subject_id, jurisdiction_id, body_id, year in pending:
        if (kind, subject_type, subject_id) in numbered:
            continue
        key = (body_id, kind, year)
        serial = last.get(key, 0) + 1
        last[key] = serial
        code, name = bodies[body_id]
        number = f"{settings.prefix(code, name, kind)}〔{year}〕{serial}号"
        conn.execute(
            issued.insert().values(
                kind=kind,
                subject_type=subject_type,
                subject_id=subject_id,
                jurisdiction_id=jurisdiction_id,
                issuing_body_id=body_id,
                year=year,
                serial=serial,
                doc_no=number,
                template_id=None,
                context={"doc_no": number, "numbered_by": MARK},
                issued_by=None,
                issued_at=moment,
            )
        )
        doc_id = conn.execute(
            sa.select(issued.c.id).where(
                issued.c.kind == kind, issued.c.subject_type == subject_type, issued.c.subject_id == subject_id
            )
        ).scalar_one()
        conn.execute(
            audit.insert().values(
                occurred_at=moment,
                actor_id=None,
                actor_label="系统",
                action="document.issue",
                subject_type="document",
                subject_id=doc_id,
                jurisdiction_id=jurisdiction_id,
                state_before=None,
                state_after={
                    "kind": kind,
                    "subject_type": subject_type,
                    "subject_id": subject_id,
                    "doc_no": number,
                    "issuing_body_id": body_id,
                    "template_id": None,
                    "template_version": None,
                },
                comment="发文字号改为下发时编号：补编已下发文书的字号",
            )
        )
    for key, value in last.items():
        body_id, kind, year = key
        if key in known:
            conn.execute(
                counters.update()
                .where(counters.c.issuing_body_id == body_id, counters.c.kind == kind, counters.c.year == year)
                .values(last_no=value)
            )
        else:
            conn.execute(counters.insert().values(issuing_body_id=body_id, kind=kind, year=year, last_no=value))


def downgrade() -> None:
    """Forget the numbers this migration gave (their documents are numbered again at the first download)."""
    conn = op.get_bind()
    rows = conn.execute(sa.select(issued.c.id, issued.c.context)).all()
    ids = [row.id for row in rows if isinstance(row.context, dict) and row.context.get("numbered_by") == MARK]
    if ids:
        conn.execute(issued.delete().where(issued.c.id.in_(ids)))
    for row in conn.execute(sa.text("SELECT issuing_body_id, kind, year FROM document_counters")).all():
        top = conn.execute(
            sa.select(sa.func.max(issued.c.serial)).where(
                issued.c.issuing_body_id == row.issuing_body_id, issued.c.kind == row.kind, issued.c.year == row.year
            )
        ).scalar()
        where = (
            (counters.c.issuing_body_id == row.issuing_body_id)
            & (counters.c.kind == row.kind)
            & (counters.c.year == row.year)
        )
        if top is None:
            conn.execute(counters.delete().where(where))
        else:
            conn.execute(counters.update().where(where).values(last_no=top))
