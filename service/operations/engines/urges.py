"""催办 (urges): writing one (the urge row, the notifications to the people it reaches and the audit record, in
one transaction) and reading what an item's urges add up to. The rules are workflows.urge's.

An engine: approval tasks are urged here; a workflow's items (supervision tickets: ticket_urges.py) call
`record` with their own checks and recipients."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from service.auth import Actor
from service.calendar import calendar
from service.clock import now, today
from service.db import transaction
from service.errors import Forbidden
from service.extensions import db
from service.models import ApprovalTask, Role, TaskCandidate
from service.models.urge import Urge
from service.operations.engines import approvals, audit, notifications, webhooks
from service.operations.reference import users
from service.roles import TASK_URGERS
from workflows import urge as rules
from workflows.errors import RuleViolation
from workflows.urge import UrgeSubject


@dataclass(frozen=True)
class UrgeState:
    """What an item's urges add up to, for the page and the API answer."""

    subject_type: str
    subject_id: int
    count: int = 0
    last_at: datetime | None = None
    last_on: date | None = None
    last_by: str | None = None
    next_allowed_on: date | None = None

    @property
    def may_urge_today(self) -> bool:
        return self.next_allowed_on is None or self.next_allowed_on <= today()


@dataclass(frozen=True)
class Urged:
    """One urge as written: the row, how many people it reached, and the item's urges now."""

    urge: Urge
    notified: int
    state: UrgeState


def states(subject_type: str, ids: list[int]) -> dict[int, UrgeState]:
    """Urge counts and the latest urge of a page of items: two queries, whatever the number of items."""
    out = {i: UrgeState(subject_type, i) for i in ids}
    if not ids:
        return out
    rows = db.session.execute(
        select(Urge.subject_id, func.count(), func.max(Urge.id))
        .where(Urge.subject_type == subject_type, Urge.subject_id.in_(ids))
        .group_by(Urge.subject_id)
    ).all()
    latest = {r[2] for r in rows}
    last = {u.subject_id: u for u in db.session.execute(select(Urge).where(Urge.id.in_(latest))).scalars()}
    cal = calendar()
    for subject_id, n, _ in rows:
        u = last[subject_id]
        out[subject_id] = UrgeState(
            subject_type,
            subject_id,
            int(n),
            u.at,
            u.urged_on,
            u.actor_label,
            rules.next_allowed_on(u.urged_on, cal),
        )
    return out


def state(subject_type: str, subject_id: int) -> UrgeState:
    return states(subject_type, [subject_id])[subject_id]


def last_urged_on(subject_type: str, subject_id: int) -> date | None:
    return db.session.execute(
        select(Urge.urged_on)
        .where(Urge.subject_type == subject_type, Urge.subject_id == subject_id)
        .order_by(Urge.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def record(
    actor: Actor,
    subject: UrgeSubject,
    subject_id: int,
    jurisdiction_id: int,
    message: str | None,
    recipients: Iterable[int | None],
    title: str,
    audit_subject: tuple[str, int],
    notify_subject: tuple[str, int],
    subject_text: str | None = None,
) -> Urged:
    """Write an urge the caller has checked (inside the caller's transaction, its item locked): the row, one
    notification per recipient (kind "<subject>.urged"), and the audit record "<subject>.urge"."""
    name = users.display_names([actor.user_id]).get(actor.user_id or 0, actor.label)
    row = Urge(
        subject_type=subject.value,
        subject_id=subject_id,
        jurisdiction_id=jurisdiction_id,
        actor_id=actor.user_id,
        actor_label=name,
        at=now(),
        urged_on=today(),
        message=message,
    )
    db.session.add(row)
    body = f"{name}催办：{message}" if message else f"{name}催办，请尽快办理"
    kind = "task.urged" if subject is UrgeSubject.TASK else "ticket.urged"
    notified = notifications.notify(
        recipients,
        kind,
        title,
        body,
        *notify_subject,
        subject=subject_text,
        task_id=subject_id if subject is UrgeSubject.TASK else None,
    )
    db.session.flush()
    audit.record(
        actor,
        f"{'task' if subject is UrgeSubject.TASK else 'ticket'}.urge",
        audit_subject[0],
        audit_subject[1],
        jurisdiction_id,
        None,
        {
            "urge_id": row.id,
            f"{'task' if subject is UrgeSubject.TASK else 'ticket'}_id": subject_id,
            "notified": notified,
        },
        message,
    )
    webhooks.publish_at(
        "task.urged" if subject is UrgeSubject.TASK else "supervision_ticket.urged",
        {
            "subject_type": audit_subject[0],
            "subject_id": audit_subject[1],
            f"{'task' if subject is UrgeSubject.TASK else 'ticket'}_id": subject_id,
            "urge_id": row.id,
            "actor_id": actor.user_id,
            "message": message,
            "notified": notified,
        },
        jurisdiction_id,
    )
    return Urged(row, notified, state(subject.value, subject_id))


def task_recipients(task_id: int, assignee_id: int | None) -> list[int]:
    """Who an approval task waits for: its assignee, else the people of the groups it is offered to."""
    if assignee_id is not None:
        return [assignee_id]
    groups = db.session.execute(
        select(TaskCandidate.body_id, TaskCandidate.role).where(TaskCandidate.task_id == task_id)
    ).all()
    return sorted({u for body_id, role in groups for u in notifications.users_of(body_id, Role(role))})


def may_urge_task(actor: Actor, task: ApprovalTask) -> bool:
    """The checks urge_task() applies, read without locks: for the task answer's `allowed_actions`."""
    if actor.role not in TASK_URGERS:
        return False
    try:
        rules.check_task_urge(task.status, task.due_on, today(), last_urged_on(UrgeSubject.TASK, task.id), calendar())
    except RuleViolation:  # not open, not overdue, urged already today
        return False
    return True


def urge_task(actor: Actor, task_id: int, message: str | None = None) -> Urged:
    """催办 an overdue approval task: its approvers are notified. 404 outside the actor's scope, 403 for a role
    that may not urge, 409 when closed or already urged this working day, 422 before it is overdue."""
    with transaction():
        task = approvals.reads.get_task(actor, task_id, for_update=True)
        if actor.role not in TASK_URGERS:
            raise Forbidden("只有申请单位或督查人员可以催办审批任务")
        text = rules.clean_message(message)
        label = approvals.handlers.subject_label(task.workflow, task.subject_id)
        rules.check_task_urge(task.status, task.due_on, today(), last_urged_on(UrgeSubject.TASK, task.id), calendar())
        return record(
            actor,
            UrgeSubject.TASK,
            task.id,
            task.scope_id,
            text,
            task_recipients(task.id, task.assignee_id),
            f"催办：{label} — 审批任务已逾期（办理期限 {task.due_on.isoformat()}），请尽快办理",
            (task.workflow, task.subject_id),
            (task.workflow, task.subject_id),
            label,
        )
