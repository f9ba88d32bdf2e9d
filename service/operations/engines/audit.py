"""Writing and reading the audit trail."""

from __future__ import annotations

from typing import Any

from flask import current_app
from sqlalchemy import func, select, true

from service import pending
from service.auth import Actor, in_scope
from service.clock import now
from service.extensions import db
from service.models import AuditEvent, Jurisdiction

# The largest page of a list (the API's max_page_size): the audit count goes as deep as a page may reach.
MAX_PAGE_SIZE = 200


def record(
    actor: Actor,
    action: str,
    subject_type: str,
    subject_id: int,
    jurisdiction_id: int | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    comment: str | None = None,
) -> None:
    """Add an audit record to the current transaction: it commits or rolls back with the change (written
    with the transaction's other audit records in one INSERT at commit, service/pending.py)."""
    pending.add(
        AuditEvent,
        dict(
            occurred_at=now(),
            actor_id=actor.user_id,
            actor_label=actor.label,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            jurisdiction_id=jurisdiction_id,
            state_before=before,
            state_after=after,
            comment=comment,
            request_id=actor.request_id,
        ),
    )


def changed(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that changed, so the trail stays readable."""
    keys = [k for k in after if before.get(k) != after.get(k) and k not in {"updated_at"}]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def audit_page(
    actor: Actor,
    subject_type: str | None,
    subject_id: int | None,
    action: str | None,
    page: int,
    page_size: int,
) -> tuple[list[AuditEvent], int]:
    """One page of the actor's audit list, newest first, and its total — counted up to the deepest row a page
    may reach (MAX_PAGINATION_OFFSET + the largest page), never the whole trail: the trail is never purged, and
    a COUNT over ten million rows would cost each page a second.

    A body's list on PostgreSQL takes each body's newest rows from the (jurisdiction_id, id) index and merges
    them (LATERAL), so a quiet township whose last records are old is found as fast as a busy one: ordered by
    id alone, the newest-first scan would read past everyone else's records first (bench/bench_audit.py)."""
    filters = []
    if subject_type:
        filters.append(AuditEvent.subject_type == subject_type)
    if subject_id is not None:
        filters.append(AuditEvent.subject_id == subject_id)
    if action:
        filters.append(AuditEvent.action == action)
    scoped = actor.jurisdiction_path != "/"
    cap = current_app.config["SETTINGS"].max_pagination_offset + MAX_PAGE_SIZE
    counted = in_scope(select(AuditEvent.id).where(*filters), AuditEvent.jurisdiction_id, actor).limit(cap)
    total = db.session.execute(select(func.count()).select_from(counted.subquery())).scalar_one()
    offset = (page - 1) * page_size
    if scoped and subject_id is None and db.session.get_bind().dialect.name == "postgresql":
        bodies = (
            select(Jurisdiction.id)
            .where(Jurisdiction.path.startswith(actor.jurisdiction_path, autoescape=True))
            .subquery()
        )
        newest = (
            select(AuditEvent.id)
            .where(AuditEvent.jurisdiction_id == bodies.c.id, *filters)
            .order_by(AuditEvent.id.desc())
            .limit(offset + page_size)
            .lateral()
        )
        ids = select(newest.c.id).select_from(bodies).join(newest, true())
        ids = ids.order_by(newest.c.id.desc()).offset(offset).limit(page_size)
        stmt = select(AuditEvent).where(AuditEvent.id.in_(ids.scalar_subquery())).order_by(AuditEvent.id.desc())
    else:
        stmt = in_scope(select(AuditEvent).where(*filters), AuditEvent.jurisdiction_id, actor)
        stmt = stmt.order_by(AuditEvent.id.desc()).offset(offset).limit(page_size)
    return list(db.session.execute(stmt).scalars()), int(total)


def history(subject_type: str, subject_id: int) -> list[AuditEvent]:
    """A subject's audit records, oldest first (its history as shown on the detail read)."""
    return list(
        db.session.execute(
            select(AuditEvent)
            .where(AuditEvent.subject_type == subject_type, AuditEvent.subject_id == subject_id)
            .order_by(AuditEvent.id)
        ).scalars()
    )
