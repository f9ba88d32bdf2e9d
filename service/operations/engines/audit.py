"""Writing and reading the audit trail."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select

from service import pending
from service.auth import Actor, in_scope
from service.clock import now
from service.extensions import db
from service.models import AuditEvent


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


def audit_query(
    actor: Actor,
    subject_type: str | None,
    subject_id: int | None,
    action: str | None,
) -> Select[AuditEvent]:
    stmt = select(AuditEvent)
    if actor.jurisdiction_path != "/":
        stmt = in_scope(stmt, AuditEvent.jurisdiction_id, actor)
    if subject_type:
        stmt = stmt.where(AuditEvent.subject_type == subject_type)
    if subject_id is not None:
        stmt = stmt.where(AuditEvent.subject_id == subject_id)
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    return stmt.order_by(AuditEvent.id.desc())


def history(subject_type: str, subject_id: int) -> list[AuditEvent]:
    """A subject's audit records, oldest first (its history as shown on the detail read)."""
    return list(
        db.session.execute(
            select(AuditEvent)
            .where(AuditEvent.subject_type == subject_type, AuditEvent.subject_id == subject_id)
            .order_by(AuditEvent.id)
        ).scalars()
    )
