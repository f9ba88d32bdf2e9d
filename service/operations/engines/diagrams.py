"""A subject's state diagram with its current state, the path it took and the approval actions taken on it
(转办, 委派, 加签, 减签, 拿回, 退回至此前环节, 催办, 抄送), all read from the audit trail."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup
from sqlalchemy import select

from service.extensions import db
from service.models import AuditEvent, User
from service.operations.engines.approvals.handlers import LEVEL_LABELS_ZH
from service.operations.reference import users
from workflows.diagram import Step, TrailEntry, path_from_trail, render_svg
from workflows.diagram_marks import Mark, marks_from_trail, people_named
from workflows.registry import WORKFLOWS


@dataclass(frozen=True)
class Trail:
    """What a subject's diagram shows besides the workflow: the steps it took and the actions taken on it."""

    path: list[Step] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)


def trail_of(workflow: str, subject_id: int) -> Trail:
    """The path and the actions of subject `subject_id` of `workflow`: one indexed query
    (ix_audit_events_subject) over the subject's own records with each actor's display name joined, and one for
    the names of the people the actions name (转办 to, 加签 …), only when there are some. The caller has loaded
    the subject through its scoped getter already."""
    definition = WORKFLOWS[workflow]
    rows = db.session.execute(
        select(
            AuditEvent.action,
            AuditEvent.state_before,
            AuditEvent.state_after,
            AuditEvent.occurred_at,
            AuditEvent.actor_id,
            AuditEvent.actor_label,
            User.display_name,
        )
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .where(AuditEvent.subject_type == definition.subject_type, AuditEvent.subject_id == subject_id)
        .order_by(AuditEvent.id)
    ).all()
    entries = [
        TrailEntry(
            r.action,
            r.state_before,
            r.state_after,
            r.occurred_at,
            (r.display_name or r.actor_label) if r.actor_id is not None else None,
        )
        for r in rows
    ]
    named = people_named(entries)
    return trail_from(workflow, entries, users.display_names(named) if named else {})


def trail_from(workflow: str, entries: Sequence[TrailEntry], names: Mapping[int, str]) -> Trail:
    """The path and the actions from entries a page has read already (no statement): `names` holds the display
    names of `people_named(entries)`."""
    definition = WORKFLOWS[workflow]
    return Trail(path_from_trail(definition, entries), marks_from_trail(definition, entries, names, LEVEL_LABELS_ZH))


def svg(
    workflow: str, current: str | None = None, path: list[Step] | None = None, marks: Iterable[Mark] = ()
) -> Markup:
    """The diagram as markup safe to place in a page (render_svg escapes every label and every name)."""
    return Markup(render_svg(WORKFLOWS[workflow], current, path or (), tuple(marks)))  # render_svg escapes all text
