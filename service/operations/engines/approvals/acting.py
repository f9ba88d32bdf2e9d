"""Acting on the approval engine: opening steps, claiming, releasing and deciding tasks, cancelling steps.

The decision rules are pure (workflows.approval); this module stores them. Every action on a step locks the
subject, the step and its tasks first (one SELECT … FOR NO KEY UPDATE OF them on PostgreSQL; SQLite serialises
writers with BEGIN IMMEDIATE), so two approvers acting at the same instant are applied one after the other: the
step closes exactly once and the later action sees the decided step (409). Claiming is a conditional UPDATE.
When a step closes, the workflow's handler (handlers.register) moves the subject on in the same transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from functools import partial
from typing import Any

from sqlalchemy import exists, select, update
from sqlalchemy.orm import lazyload

from service import config_cache
from service.auth import Actor, in_scope
from service.calendar import calendar
from service.clock import now, today
from service.db import transaction
from service.errors import NotFound
from service.extensions import db
from service.models import (
    ApprovalAction,
    ApprovalStep,
    ApprovalTask,
    Jurisdiction,
    Role,
    TaskCandidate,
    User,
)
from service.operations.common import rowcount
from service.operations.engines import audit, escalation, notifications, webhooks
from service.operations.engines.approvals import handlers, reads, routes
from service.operations.engines.approvals.handlers import StepClosed
from workflows import approval as engine
from workflows.approval import Action, ApprovalMode, StepStatus
from workflows.errors import Conflict, RuleViolation
from workflows.workdays import Deadline

# A further check of an action on the locked rows: (the subject, the step, the task) -> None or it raises.
Guard = Callable[[Any, ApprovalStep, ApprovalTask], None]


def _publish_assigned(step: ApprovalStep, assignees: Sequence[int | None]) -> None:
    """The `task.assigned` webhook event: a step's tasks now wait for these approvers."""
    webhooks.publish_at(
        "task.assigned",
        {
            "step_id": step.id,
            "workflow": step.workflow,
            "subject_id": step.subject_id,
            "level_name": step.level_name,
            "mode": step.mode,
            "body_id": step.body_id,
            "due_on": step.due_on.isoformat() if step.due_on else None,
            "assignee_ids": [a for a in assignees if a is not None],
        },
        step.scope_id,
    )


def open_step(
    actor: Actor,
    workflow: str,
    subject_id: int,
    scope_id: int,
    level: int,
    level_name: str,
    body: Jurisdiction | config_cache.Place,
    workdays: int,
    subject: str | None = None,
) -> ApprovalStep:
    """Open an approval level for a subject and notify who must act. `subject`: the subject in words, when
    the caller has it at hand (else the workflow's label provider is asked)."""
    mode, named = routes.route_for(workflow, level_name, body)
    due = calendar().add_workdays(today(), workdays)
    step = _insert_step(workflow, subject_id, scope_id, level, level_name, body.id, mode, due)
    group_task, personal = _insert_tasks(step, mode, named, body.id)
    recipients = named[:1] if mode is ApprovalMode.SEQUENTIAL and named else named or routes.body_approvers(body.id)
    label = subject or handlers.subject_label(workflow, subject_id)
    notifications.notify(
        recipients,
        "task.assigned",
        f"待办：{label} — {body.name}{handlers.LEVEL_LABELS_ZH.get(level_name, level_name)}",
        f"请于{due.date.isoformat()}前办理",
        workflow,
        subject_id,
        subject=label,
        task_id=group_task.id if group_task is not None else None,
        task_of={t.assignee_id: t.id for t in personal if t.assignee_id is not None},
    )
    _publish_assigned(step, recipients)
    audit.record(
        actor,
        "approval_step.open",
        workflow,
        subject_id,
        scope_id,
        None,
        {
            "step_id": step.id,
            "level": level_name,
            "body": body.name,
            "mode": mode.value,
            "due_on": due.date.isoformat(),
            "due_basis": due.basis,
            "approvers": named,
        },
    )
    return step


def _insert_step(
    workflow: str,
    subject_id: int,
    scope_id: int,
    level: int,
    level_name: str,
    body_id: int,
    mode: ApprovalMode,
    due: Deadline,
) -> ApprovalStep:
    """The step row, its escalation planned before the INSERT (no second UPDATE of the new row)."""
    step = ApprovalStep(
        workflow=workflow,
        subject_id=subject_id,
        scope_id=scope_id,
        level=level,
        level_name=level_name,
        body_id=body_id,
        mode=mode.value,
        status=StepStatus.PENDING.value,
        due_on=due.date,
        due_basis=due.basis,
        opened_at=now(),
    )
    escalation.replan("approval_task", step)
    db.session.add(step)
    db.session.flush()
    return step


def _insert_tasks(
    step: ApprovalStep, mode: ApprovalMode, named: list[int] | None, body_id: int
) -> tuple[ApprovalTask | None, list[ApprovalTask]]:
    """One task offered to the body's approvers (no named approvers), or one per named approver (in a
    sequence only the first is open): (the group task, the personal tasks)."""
    common = {
        "step_id": step.id,
        "due_on": step.due_on,
        "workflow": step.workflow,
        "subject_id": step.subject_id,
        "scope_id": step.scope_id,
    }
    group_task: ApprovalTask | None = None
    personal: list[ApprovalTask] = []
    if named is None:
        group_task = ApprovalTask(position=0, status="open", **common)
        db.session.add(group_task)
        db.session.flush()
        db.session.add(TaskCandidate(task_id=group_task.id, role=Role.approver.value, body_id=body_id))
    else:
        for position, user_id in enumerate(named):
            waiting = mode is ApprovalMode.SEQUENTIAL and position > 0
            personal.append(
                ApprovalTask(position=position, assignee_id=user_id, status="waiting" if waiting else "open", **common)
            )
        db.session.add_all(personal)
    db.session.flush()
    return group_task, personal


def _close_offers(task_ids: Any) -> None:
    """Tasks that ended leave their groups' inboxes (see TaskCandidate.open)."""
    db.session.execute(
        update(TaskCandidate)
        .where(TaskCandidate.task_id.in_(task_ids), TaskCandidate.open.is_(True))
        .values(open=False)
        .execution_options(synchronize_session=False)
    )


def cancel_open_steps(workflow: str, subject_id: int) -> None:
    """The subject was withdrawn or cancelled: its pending steps and their tasks end."""
    steps = select(ApprovalStep.id).where(
        ApprovalStep.workflow == workflow, ApprovalStep.subject_id == subject_id, ApprovalStep.status == "pending"
    )
    _close_offers(select(ApprovalTask.id).where(ApprovalTask.step_id.in_(steps)))
    db.session.execute(
        update(ApprovalTask)
        .where(ApprovalTask.step_id.in_(steps), ApprovalTask.status.in_(("open", "waiting")))
        .values(status="cancelled", version=ApprovalTask.version + 1)
        .execution_options(synchronize_session=False)
    )
    db.session.execute(
        update(ApprovalStep)
        .where(ApprovalStep.id.in_(steps))
        .values(
            status="cancelled",
            closed_at=now(),
            version=ApprovalStep.version + 1,
            next_escalation_at=None,
            next_escalation_level=None,
        )
        .execution_options(synchronize_session=False)
    )


# -- acting ----------------------------------------------------------------------------------------------------


def _log(
    actor: Actor,
    task: ApprovalTask,
    action: str,
    *,
    comment: str | None = None,
    delegate_to: int | None = None,
    tally: dict[str, int] | None = None,
) -> None:
    db.session.add(
        ApprovalAction(
            step_id=task.step_id,
            task_id=task.id,
            actor_id=actor.user_id,
            action=action,
            comment=comment,
            delegate_to_id=delegate_to,
            tally=tally,
            at=now(),
        )
    )
    audit.record(
        actor,
        f"task.{action}",
        task.workflow,
        task.subject_id,
        task.scope_id,
        None,
        {"task_id": task.id, "step_id": task.step_id, "delegate_to": delegate_to, "tally": tally},
        comment,
    )


def claim(actor: Actor, task_id: int) -> ApprovalTask:
    """Take an offered task. A conditional UPDATE: only one of several simultaneous claimers wins."""
    with transaction():
        return _claim(actor, task_id)


def _claim(actor: Actor, task_id: int) -> ApprovalTask:
    task = reads.get_task(actor, task_id)
    if task.assignee_id == actor.user_id:
        return task
    reads.require_may_claim(task, partial(reads.is_candidate, actor, task.id))
    claimed = rowcount(
        db.session.execute(
            update(ApprovalTask)
            .where(ApprovalTask.id == task.id, ApprovalTask.status == "open", ApprovalTask.assignee_id.is_(None))
            .values(assignee_id=actor.user_id, claimed_at=now(), version=ApprovalTask.version + 1)
            .execution_options(synchronize_session=False)
        )
    )
    if not claimed:  # someone claimed it since it was read
        raise Conflict("task_claimed", "该任务已被他人认领或已办结")
    db.session.refresh(task)
    _log(actor, task, "claim")
    return task


def release(actor: Actor, task_id: int) -> ApprovalTask:
    """Give a claimed group task back to its candidates."""
    with transaction():
        return _release(actor, task_id)


def _release(actor: Actor, task_id: int) -> ApprovalTask:
    task = reads.get_task(actor, task_id)
    reads.require_may_release(actor, task, partial(reads.has_candidates, task.id))
    released = rowcount(
        db.session.execute(
            update(ApprovalTask)
            .where(ApprovalTask.id == task.id, ApprovalTask.status == "open", ApprovalTask.assignee_id == actor.user_id)
            .values(assignee_id=None, claimed_at=None, version=ApprovalTask.version + 1)
            .execution_options(synchronize_session=False)
        )
    )
    if not released:  # decided, delegated or released since it was read
        raise Conflict("task_not_held", "您没有认领该任务")
    db.session.refresh(task)
    _log(actor, task, "release")
    return task


def _colleague(actor: Actor, step: ApprovalStep, user_id: int | None) -> User:
    user = db.session.get(User, user_id) if user_id else None
    if user is None or not user.active or user.role != Role.approver or user.jurisdiction_id != step.body_id:
        raise RuleViolation("delegate_not_colleague", "只能转办给本审批机构的其他审批人", "delegate_to")
    return user


def act(
    actor: Actor,
    task_id: int,
    action: str,
    *,
    comment: str | None = None,
    delegate_to: int | None = None,
    tally: engine.VoteTally | None = None,
    reply: engine.Reply | None = None,
    guard: Guard | None = None,
) -> ApprovalTask:
    """approve / reject / return / delegate / comment / vote on a task, in one transaction with whatever the
    workflow's handler does when the step closes. `guard`: a further check on the locked rows (the subject,
    the step, the task), after the actor may act and before anything changes — a batch's (batch.py)."""
    with transaction():
        return _act(
            actor, task_id, action, comment=comment, delegate_to=delegate_to, tally=tally, reply=reply, guard=guard
        )


def lock_for_decision(actor: Actor, task_id: int) -> tuple[Any, ApprovalStep, list[ApprovalTask], bool, bool]:
    """The subject, the step and all its tasks, locked in one statement — subject first (FROM order is lock
    order: the workflow's commands lock the subject before touching its steps), FOR NO KEY UPDATE (no key
    changes, so the key-share locks of inserts referencing these rows do not wait) — and whether the actor
    is a candidate of the task and whether it is offered to a group at all."""
    head = db.session.execute(
        in_scope(
            select(ApprovalTask.workflow, ApprovalTask.step_id).where(ApprovalTask.id == task_id),
            ApprovalTask.scope_id,
            actor,
        )
    ).one_or_none()
    if head is None:
        raise NotFound()
    subject = handlers.SUBJECTS[head.workflow]
    is_candidate = (
        exists()
        .where(
            TaskCandidate.task_id == task_id,
            TaskCandidate.role == actor.role,
            TaskCandidate.body_id == actor.jurisdiction_id,
        )
        .label("is_candidate")
    )
    offered = exists().where(TaskCandidate.task_id == task_id).label("offered")
    rows = db.session.execute(
        # Everything the decision reads is in these locked rows (the step carries its decisions): after
        # waiting for the lock PostgreSQL returns their latest versions; a joined row it did not lock would
        # come from the statement's older snapshot.
        select(subject, ApprovalStep, ApprovalTask, is_candidate, offered)
        .select_from(subject)
        .join(ApprovalStep, ApprovalStep.subject_id == subject.id)
        .join(ApprovalTask, ApprovalTask.step_id == ApprovalStep.id)
        .where(ApprovalStep.id == head.step_id, ApprovalStep.workflow == head.workflow)
        .order_by(ApprovalTask.position, ApprovalTask.id)
        .with_for_update(of=[subject, ApprovalStep, ApprovalTask], key_share=True)
        # Without the models' eager joins (jurisdictions three times, the task's step again): PostgreSQL
        # planned that ten-table join for ~2.7 ms per decision, more than it took to run. What the decision
        # reads of them comes from the configuration cache (bodies) or the identity map (the task's step).
        .options(lazyload("*"))
        .execution_options(populate_existing=True)
    ).all()
    first = rows[0]
    return first[0], first[1], [r[2] for r in rows], bool(first[3]), bool(first[4])


def _act(
    actor: Actor,
    task_id: int,
    action: str,
    *,
    comment: str | None,
    delegate_to: int | None,
    tally: engine.VoteTally | None,
    reply: engine.Reply | None,
    guard: Guard | None = None,
) -> ApprovalTask:
    """One decision: lock and check, apply the engine's rule, record it, hand the task on, open the next in a
    sequence, and close the step (with the workflow's handler) when the rule says it is decided."""
    subject, step, tasks, candidate, offered = lock_for_decision(actor, task_id)
    task = next(t for t in tasks if t.id == task_id)
    reads.require_may_act(actor, step, task, lambda: candidate, lambda: offered)
    if guard is not None:
        guard(subject, step, task)
    assert actor.user_id is not None  # the system actor is never an assignee or a candidate
    if task.assignee_id is None and action != Action.COMMENT:
        # Acting on an unclaimed group task claims it; a comment leaves it offered to the group.
        task.assignee_id, task.claimed_at = actor.user_id, now()
    if action == Action.DELEGATE:
        delegate_to = _colleague(actor, step, delegate_to).id
    outcome = _apply_rule(actor, step, task, tasks, action, comment, delegate_to, tally)
    decision = outcome.step.decisions[-1]
    counted = asdict(tally) if tally is not None else None  # as stored (JSON) and audited
    _record_decision(actor, step, task, action, decision, delegate_to, counted)
    # The notifications of a task settle with the task row itself (notifications.task_live): no statement here.
    if action == Action.DELEGATE:
        _hand_over(step, task, delegate_to, decision.comment)
    elif action != Action.COMMENT:
        task.status, task.outcome, task.comment = "done", decision.action.value, decision.comment
        task.decided_at = now()
    if step.mode == ApprovalMode.SEQUENTIAL and not outcome.decided and action == Action.APPROVE:
        _open_next_in_sequence(step, tasks, outcome.step.current)
    if outcome.decided:
        reply = reply or engine.Reply()
        _close_step(StepClosed(actor, step, outcome.status, decision.comment, reply, subject), tasks, counted, offered)
    db.session.flush()
    return task


def _apply_rule(
    actor: Actor,
    step: ApprovalStep,
    task: ApprovalTask,
    tasks: list[ApprovalTask],
    action: str,
    comment: str | None,
    delegate_to: int | None,
    tally: engine.VoteTally | None,
) -> engine.Outcome:
    """The engine's rule (workflows.approval) on the step as stored: a vote or a decision."""
    assert actor.user_id is not None
    state = reads.step_state(step, tasks)
    if task.assignee_id is None:
        # A candidate's comment on an unclaimed group task: the commenter speaks in the task's place.
        placeholder = f"task:{task.id}"
        state = replace(state, approvers=tuple(actor.user_id if a == placeholder else a for a in state.approvers))
    if action == "vote":
        if tally is None:
            raise RuleViolation("tally_required", "请录入表决结果", "tally")
        return engine.record_vote(state, actor.user_id, comment=comment, **asdict(tally))
    return engine.decide(state, actor.user_id, action, comment=comment, delegate_to=delegate_to)


def _record_decision(
    actor: Actor,
    step: ApprovalStep,
    task: ApprovalTask,
    action: str,
    decision: engine.Decision,
    delegate_to: int | None,
    counted: dict[str, Any] | None,
) -> None:
    """The decision on the step (the step carries its decisions) and in the audit trail."""
    step.decisions = [
        *(step.decisions or ()),
        {
            "actor_id": decision.approver,
            "action": decision.action.value,
            "comment": decision.comment,
            "delegate_to": decision.delegate_to,
            "tally": counted,
        },
    ]
    _log(
        actor,
        task,
        action if action != "vote" else decision.action.value,
        comment=decision.comment,
        delegate_to=delegate_to if action == Action.DELEGATE else None,
        tally=counted,
    )


def _hand_over(step: ApprovalStep, task: ApprovalTask, delegate_to: int | None, comment: str | None) -> None:
    """转办: the task moves to the colleague, who is told."""
    task.assignee_id, task.claimed_at = delegate_to, None
    label = handlers.subject_label(step.workflow, step.subject_id)
    notifications.notify(
        [delegate_to],
        "task.assigned",
        f"待办：{label} — 同事转办给您",
        comment,
        step.workflow,
        step.subject_id,
        subject=label,
        task_id=task.id,
    )
    _publish_assigned(step, [delegate_to])


def _open_next_in_sequence(step: ApprovalStep, tasks: list[ApprovalTask], current: Any) -> None:
    """In a sequence, the next approver's task opens once the one before approved, and they are told."""
    for t in tasks:
        if t.status == "waiting" and t.assignee_id == current:
            t.status = "open"
            label = handlers.subject_label(step.workflow, step.subject_id)
            notifications.notify(
                [t.assignee_id],
                "task.assigned",
                f"待办：{label} — 轮到您审批",
                None,
                step.workflow,
                step.subject_id,
                subject=label,
                task_id=t.id,
            )
            _publish_assigned(step, [t.assignee_id])


def _close_step(closed: StepClosed, tasks: list[ApprovalTask], counted: dict[str, Any] | None, offered: bool) -> None:
    """The step is decided: it and its open tasks close, its escalation ends, and the workflow's handler moves
    the subject on, in this transaction."""
    step = closed.step
    # Every change to the step and its tasks before anything flushes: each row is written by one UPDATE.
    with db.session.no_autoflush:
        step.status, step.closed_at, step.tally = closed.status.value, now(), counted
        for t in tasks:
            if t.status in ("open", "waiting"):
                t.status = "cancelled"
        escalation.replan("approval_task", step)
    if offered:
        _close_offers([t.id for t in tasks])
    with db.session.no_autoflush:
        handlers.HANDLERS[step.workflow](closed)
