"""Escalation of stalled and overdue items: reminder → warning → interview → accountability for
supervision tickets; reminder → the body above for approval steps; reminder → warning for establishment
cases stuck in preparation.

The database is the source of truth. Every watched row carries its plan (`next_escalation_at`,
`next_escalation_level`, from `replan`); the sweep claims due rows with one UPDATE on the partial index
(`claim_due`: it sets a lease, `escalation_leased_until`, so a row is enqueued at most once while its job
is pending) and enqueues their ids in batches; the job escalates each row in its own short transaction:
it locks the row (SKIP LOCKED: a row another worker holds is left to it), re-checks that the step is still
due, and writes the EscalationEvent — whose unique key (item, deadline, level) admits each step once —
together with the step's effects, the new plan and the cleared lease. A job that runs twice, a second
scheduler, or a worker killed mid-job therefore changes nothing twice: an interrupted transaction leaves
no trace, and the row's lease expires so a later sweep claims it again."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from flask import current_app
from sqlalchemy import ScalarResult, select, update
from sqlalchemy.exc import IntegrityError

from service.auth import system_actor
from service.calendar import calendar
from service.clock import now
from service.clock import today as clock_today
from service.db import transaction
from service.extensions import db
from service.models import (
    ApprovalStep,
    ApprovalTask,
    EscalationEvent,
    EstablishmentCase,
    Jurisdiction,
    Role,
    SupervisionTicket,
    TaskCandidate,
)
from service.operations import audit, interviews, notifications, webhooks
from workflows import deadlines
from workflows.establishment import EstablishmentState
from workflows.supervision import ESCALATING_STATES, escalation_start_level
from workflows.workdays import WorkdayCalendar


def settings() -> deadlines.EscalationSettings:
    """The ladders in force (ESCALATION_SETTINGS)."""
    return current_app.config["SETTINGS"].escalation


@dataclass(frozen=True)
class ItemType:
    name: deadlines.ItemType
    model: type[Any]
    subject: Callable[[Any], tuple[str, int]]  # the audit subject (type, id) the escalation is recorded against
    deadline: Callable[[Any, WorkdayCalendar], date | None]
    start_level: Callable[[Any], str | None]
    scope: Callable[[Any], int]
    effects: Callable[[Any, str, date], None]


# -- deadlines the ladders run on ------------------------------------------------------------------------------


def _ticket_deadline(t: SupervisionTicket, _cal: WorkdayCalendar) -> date | None:
    return t.rectify_by if t.state in ESCALATING_STATES else None


def _step_deadline(s: ApprovalStep, _cal: WorkdayCalendar) -> date | None:
    return s.due_on if s.status == "pending" else None


def _case_deadline(c: EstablishmentCase, cal: WorkdayCalendar) -> date | None:
    if c.state not in (EstablishmentState.PREPARING, EstablishmentState.RETURNED):
        return None
    return settings().establishment.preparation_deadline(c.preparation_started_on, cal).date


def replan(item_type: str, item: Any, cal: WorkdayCalendar | None = None) -> None:
    """Bring the row's plan in line with its current state and deadline. Call it, in the same transaction,
    after any change to an item's state or deadline: the sweep only reads the plan."""
    kind = ITEM_TYPES[item_type]
    cal = cal or calendar()
    deadline = kind.deadline(item, cal)
    if deadline is None:
        item.next_escalation_at = item.next_escalation_level = None
        return
    if item.escalation_deadline != deadline:
        # A new deadline (extension, interview, resubmission) starts a new ladder.
        item.escalation_deadline, item.escalation_level, item.escalation_reached_on = deadline, None, None
    if item_type == "supervision_ticket" and item.post_interview_deadline == deadline:
        # The deadline set at an interview was missed: accountability, not another round of reminders.
        step = None if item.escalation_level else deadlines.accountability_scheduled(deadline, cal)
    else:
        step = deadlines.next_escalation(
            settings().ladder_for(kind.name),
            deadline,
            item.escalation_level,
            cal,
            kind.start_level(item),
            reached_on=item.escalation_reached_on,
        )
    item.next_escalation_at = step.due_on if step else None
    item.next_escalation_level = step.level if step else None


# -- effects of each step --------------------------------------------------------------------------------------


def _parent_of(body_id: int) -> int | None:
    return db.session.execute(select(Jurisdiction.parent_id).where(Jurisdiction.id == body_id)).scalar_one_or_none()


def _publish(event: str, payload: dict[str, Any], jurisdiction_id: int) -> None:
    path = db.session.execute(select(Jurisdiction.path).where(Jurisdiction.id == jurisdiction_id)).scalar_one()
    webhooks.publish(event, payload, path)


def _ticket_effects(t: SupervisionTicket, level: str, today: date) -> None:
    handlers = notifications.users_of(t.jurisdiction_id, Role.handler)
    supervisors = [*notifications.users_of(t.issuing_body_id, Role.supervisor), t.issuer_id]
    label = deadlines.LEVEL_LABELS.get(level, level)
    title = f"{label}：督办单「{t.title}」整改期限{t.rectify_by.isoformat() if t.rectify_by else ''}已过"
    recipients: list[int | None] = list(handlers)
    if level in ("warning", "red_notice", "interview", "accountability"):
        recipients += supervisors
    if level == "interview":
        interviews.create_from_escalation(
            system_actor("escalation"),
            subject_type="supervision_ticket",
            subject_id=t.id,
            ticket_id=t.id,
            jurisdiction_id=t.jurisdiction_id,
            responsible_person=t.responsible_person,
            interviewer_body_id=t.issuing_body_id,
            reason=f"督办单「{t.title}」逾期未整改，经催办、预警仍未落实",
        )
    if level == "accountability":
        t.accountability_at = now()
        recipients = list(supervisors)
        title = f"问责：督办单「{t.title}」约谈后仍未在{t.post_interview_deadline}前完成整改"
    notifications.notify(recipients, f"escalation.{level}", title, None, "supervision_ticket", t.id)
    _publish(
        f"escalation.{level}",
        {
            "item_type": "supervision_ticket",
            "item_id": t.id,
            "level": level,
            "title": t.title,
            "deadline": str(t.rectify_by),
        },
        t.jurisdiction_id,
    )


def _step_effects(s: ApprovalStep, level: str, today: date) -> None:
    assignees = (
        db.session.execute(
            select(ApprovalTask.assignee_id).where(
                ApprovalTask.step_id == s.id, ApprovalTask.status == "open", ApprovalTask.assignee_id.is_not(None)
            )
        )
        .scalars()
        .all()
    )
    offered = (
        db.session.execute(
            select(TaskCandidate.body_id)
            .join(ApprovalTask, ApprovalTask.id == TaskCandidate.task_id)
            .where(ApprovalTask.step_id == s.id, TaskCandidate.open)
        )
        .scalars()
        .all()
    )
    approvers = list(assignees) + [u for body in set(offered) for u in notifications.users_of(body, Role.approver)]
    if level == "reminder":
        recipients: Sequence[int | None] = approvers
        title = f"催办：「{s.body.name}」的审批任务已于{s.due_on}到期，请尽快办理"
    else:
        above = _parent_of(s.body_id)
        recipients = notifications.users_of(above, Role.supervisor, Role.approver) if above else []
        title = f"上报：「{s.body.name}」的审批任务逾期未办（到期{s.due_on}），请督促"
    notifications.notify(recipients, f"escalation.{level}", title, None, s.workflow, s.subject_id)
    _publish(
        f"escalation.{level}",
        {
            "item_type": "approval_task",
            "item_id": s.id,
            "level": level,
            "workflow": s.workflow,
            "subject_id": s.subject_id,
        },
        s.scope_id,
    )


def _case_effects(c: EstablishmentCase, level: str, today: date) -> None:
    recipients: list[int | None] = [c.applicant_id, *notifications.users_of(c.jurisdiction_id, Role.handler)]
    if level != "reminder":
        for body in {b for b in (c.county_id, _parent_of(c.jurisdiction_id)) if b is not None}:
            recipients += notifications.users_of(body, Role.supervisor)
    label = deadlines.LEVEL_LABELS.get(level, level)
    title = f"{label}：「{c.proposed_name}」筹备超过期限，请尽快完善并提交请示"
    notifications.notify(recipients, f"escalation.{level}", title, None, "establishment", c.id)
    _publish(
        f"escalation.{level}",
        {"item_type": "establishment", "item_id": c.id, "level": level, "title": c.proposed_name},
        c.jurisdiction_id,
    )


ITEM_TYPES: dict[str, ItemType] = {
    "supervision_ticket": ItemType(
        "supervision_ticket",
        SupervisionTicket,
        lambda t: ("supervision_ticket", t.id),
        _ticket_deadline,
        lambda t: escalation_start_level(t.priority),
        lambda t: t.jurisdiction_id,
        _ticket_effects,
    ),
    "approval_task": ItemType(
        "approval_task",
        ApprovalStep,
        # The step's own workflow (establishment today, any approval workflow tomorrow) and its case.
        lambda s: (s.workflow, s.subject_id),
        _step_deadline,
        lambda s: None,
        lambda s: s.scope_id,
        _step_effects,
    ),
    "establishment": ItemType(
        "establishment",
        EstablishmentCase,
        lambda c: ("establishment", c.id),
        _case_deadline,
        lambda c: None,
        lambda c: c.jurisdiction_id,
        _case_effects,
    ),
}


# -- the sweep and the job -------------------------------------------------------------------------------------


def due(item_type: str, today: date, limit: int = 1000) -> list[int]:
    """Ids of rows whose next step is due: a range scan of the partial index on next_escalation_at.
    Read-only (reports, tests); the sweep uses `claim_due`."""
    model = ITEM_TYPES[item_type].model
    return list(
        db.session.execute(
            select(model.id)
            .where(model.next_escalation_at <= today)
            .order_by(model.next_escalation_at, model.id)
            .limit(limit)
        ).scalars()
    )


def claim_due(item_type: str, today: date, at: datetime, lease_until: datetime) -> list[int]:
    """Lease every due row that no pending job holds, and return their ids (committed).

    One statement: `UPDATE … SET escalation_leased_until = :lease_until WHERE id IN (SELECT id … WHERE
    next_escalation_at <= :today AND (escalation_leased_until IS NULL OR escalation_leased_until < :at)
    FOR UPDATE SKIP LOCKED) RETURNING id` (PostgreSQL; SQLite ≥ 3.35 runs it without the row locks, its
    writers being serialised). Two schedulers sweeping at once therefore never claim the same row, and a
    row whose job was lost (killed worker, Redis restarted empty) comes back once its lease has expired.
    A core UPDATE on purpose: the lease is bookkeeping, not a change of the item, so `version` (the ETag)
    stays as it is."""
    model = ITEM_TYPES[item_type].model
    table = model.__table__
    due_rows = (
        select(table.c.id)
        .where(
            table.c.next_escalation_at <= today,
            (table.c.escalation_leased_until.is_(None)) | (table.c.escalation_leased_until < at),
        )
        .with_for_update(skip_locked=True)
    )
    with transaction():
        ids: ScalarResult[int] = db.session.execute(
            update(table)
            .where(table.c.id.in_(due_rows.scalar_subquery()))
            .values(escalation_leased_until=lease_until)
            .returning(table.c.id)
        ).scalars()
        return sorted(ids)


def release(item_type: str, ids: list[int]) -> None:
    """Clear the leases of rows whose jobs will not run (enqueueing failed) or skipped them (locked)."""
    if not ids:
        return
    table = ITEM_TYPES[item_type].model.__table__
    with transaction():
        db.session.execute(update(table).where(table.c.id.in_(ids)).values(escalation_leased_until=None))


def escalate(item_type: str, item_id: int, today: date | None = None) -> str:
    """Perform the row's due step exactly once. Returns the level performed, or why nothing was done.

    `today` is the date the job RUNS on (the clock's, by default), not the date the sweep saw: a job that
    waited in the queue over midnight records the day it acted and plans the next level from it. Pass it
    only in simulations and tests."""
    kind = ITEM_TYPES[item_type]
    today = today or clock_today()
    with transaction():
        item = db.session.execute(
            select(kind.model)
            .where(kind.model.id == item_id)
            .with_for_update(skip_locked=True, of=kind.model)
            .execution_options(populate_existing=True)
        ).scalar_one_or_none()
        if item is None:
            return "locked"  # another worker holds it (or it is gone)
        # The job got the row: whatever the outcome, its lease ends with this transaction.
        table = kind.model.__table__
        db.session.execute(update(table).where(table.c.id == item.id).values(escalation_leased_until=None))
        if item.next_escalation_at is None or item.next_escalation_at > today:
            return "not_due"  # done already, or the plan changed since the sweep
        if kind.deadline(item, calendar()) != item.escalation_deadline:
            replan(item_type, item)  # a stale plan (the item moved on without replanning): repair, do nothing
            return "replanned"
        level, deadline = item.next_escalation_level, item.escalation_deadline
        try:
            with db.session.begin_nested():
                db.session.add(
                    EscalationEvent(
                        item_type=item_type,
                        item_id=item.id,
                        deadline=deadline,
                        level=level,
                        happened_on=today,
                        created_at=now(),
                        jurisdiction_id=kind.scope(item),
                        detail={"due_on": item.next_escalation_at.isoformat()},
                    )
                )
        except IntegrityError:
            # Recorded by an earlier run whose plan update was lost: adopt it, do not repeat its effects.
            happened = db.session.execute(
                select(EscalationEvent.happened_on).where(
                    EscalationEvent.item_type == item_type,
                    EscalationEvent.item_id == item.id,
                    EscalationEvent.deadline == deadline,
                    EscalationEvent.level == level,
                )
            ).scalar_one()
            item.escalation_level, item.escalation_reached_on = level, happened
            replan(item_type, item)
            return "duplicate"
        kind.effects(item, level, today)
        before = {"escalation_level": item.escalation_level, "next_escalation_at": item.next_escalation_at.isoformat()}
        item.escalation_level, item.escalation_reached_on = level, today
        replan(item_type, item)
        subject_type, subject_id = kind.subject(item)
        audit.record(
            system_actor("escalation"),
            f"escalation.{level}",
            subject_type,
            subject_id,
            kind.scope(item),
            before,
            {
                "escalation_level": level,
                "deadline": deadline.isoformat(),
                "next_escalation_at": item.next_escalation_at.isoformat() if item.next_escalation_at else None,
                "next_escalation_level": item.next_escalation_level,
            },
            deadlines.LEVEL_LABELS.get(level, level),
        )
        db.session.flush()
        return level
