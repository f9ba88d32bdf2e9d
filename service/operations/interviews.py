"""Interviews (约谈)."""

from __future__ import annotations

from service.auth import Actor
from service.extensions import db
from service.models import Interview
from service.models.base import snapshot
from service.operations import audit
from workflows.interview import INTERVIEW


def create_from_escalation(
    actor: Actor,
    *,
    subject_type: str,
    subject_id: int,
    jurisdiction_id: int,
    responsible_person: str,
    interviewer_body_id: int | None,
    reason: str,
    ticket_id: int | None = None,
) -> Interview:
    """An interview the escalation ladder calls for; the supervisor then sets its time and place.
    Runs inside the caller's transaction."""
    interview = Interview(
        state=INTERVIEW.initial,
        subject_type=subject_type,
        subject_id=subject_id,
        ticket_id=ticket_id,
        jurisdiction_id=jurisdiction_id,
        responsible_person=responsible_person,
        interviewer_body_id=interviewer_body_id,
        by_escalation=True,
        reason=reason,
    )
    db.session.add(interview)
    db.session.flush()
    audit.record(
        actor, "interview.create", "interview", interview.id, jurisdiction_id, None, snapshot(interview), reason
    )
    return interview
