"""A subject's state diagram with its current state and the path it took (read from the audit trail)."""

from __future__ import annotations

from markupsafe import Markup
from sqlalchemy import select

from service.extensions import db
from service.models import AuditEvent
from workflows.diagram import Step, TrailEntry, path_from_trail, render_svg
from workflows.registry import WORKFLOWS


def path_of(workflow: str, subject_id: int) -> list[Step]:
    """The transitions subject `subject_id` of `workflow` took, oldest first: one indexed query
    (ix_audit_events_subject) over the subject's own records, only the three columns the diagram reads.
    The caller has loaded the subject through its scoped getter already."""
    definition = WORKFLOWS[workflow]
    rows = db.session.execute(
        select(AuditEvent.action, AuditEvent.state_before, AuditEvent.state_after)
        .where(AuditEvent.subject_type == definition.subject_type, AuditEvent.subject_id == subject_id)
        .order_by(AuditEvent.id)
    ).all()
    return path_from_trail(definition, (TrailEntry(r.action, r.state_before, r.state_after) for r in rows))


def svg(workflow: str, current: str | None = None, path: list[Step] | None = None) -> Markup:
    """The diagram as markup safe to place in a page (render_svg escapes every label)."""
    return Markup(render_svg(WORKFLOWS[workflow], current, path or ()))  # render_svg escapes every label
