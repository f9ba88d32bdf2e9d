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

from sqlalchemy import bindparam, exists, insert, select, update
from sqlalchemy.orm import lazyload

from service import config_cache
from service.auth import Actor, in_scope
from service.calendar import calendar
from service.clock import CHINA, now, today
from service.db import transaction
from service.errors import Forbidden, NotFound
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
from service.operations.common import insert_new, store, stored, table_of, write
from service.operations.engines import audit, escalation, notifications, webhooks
from service.operations.engines.approvals import handlers, reads, routes
from service.operations.engines.approvals.handlers import StepClosed
from workflows import approval as engine
from workflows.approval import Action, ApprovalMode, StepStatus
from workflows.errors import Conflict, RuleViolation
from workflows.workdays import Deadline

# A further check of an action on the locked rows: (the subject, the step, the task) -> None or it raises.
Guard = Callable[[Any, ApprovalStep, ApprovalTask], None]
# The engine's hot statements, built once (decision 0069): Core on the tables, their values as parameters.
_INSERT_ACTION = insert(table_of(ApprovalAction))
_INSERT_CANDIDATE = insert(table_of(TaskCandidate))
_CLOSE_OFFERS = (
    update(table_of(TaskCandidate))
    .where(
        table_of(TaskCandidate).c.task_id.in_(bindparam("task_ids", expanding=True)),
        table_of(TaskCandidate).c.open.is_(True),
    )
    .values(open=False)
)


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
    insert_new([step])
    return step


def _step_task(step: ApprovalStep, **fields: Any) -> ApprovalTask:
    """A task on `step`, carrying the step's due date, workflow, subject and scope (the inbox and the escalation
    sweep read them off the task, without joining the step)."""
    return ApprovalTask(
        step_id=step.id,
        due_on=step.due_on,
        workflow=step.workflow,
        subject_id=step.subject_id,
        scope_id=step.scope_id,
        **fields,
    )


def _insert_tasks(
    step: ApprovalStep, mode: ApprovalMode, named: list[int] | None, body_id: int
) -> tuple[ApprovalTask | None, list[ApprovalTask]]:
    """One task offered to the body's approvers (no named approvers), or one per named approver (in a
    sequence only the first is open): (the group task, the personal tasks)."""
    group_task: ApprovalTask | None = None
    personal: list[ApprovalTask] = []
    if named is None:
        group_task = _step_task(step, position=0, status="open")
        insert_new([group_task])
        write(_INSERT_CANDIDATE, dict(task_id=group_task.id, role=Role.approver.value, body_id=body_id, open=True))
    else:
        for position, user_id in enumerate(named):
            waiting = mode is ApprovalMode.SEQUENTIAL and position > 0
            personal.append(
                _step_task(step, position=position, assignee_id=user_id, status="waiting" if waiting else "open")
            )
        insert_new(personal)
    return group_task, personal


def _close_offers(task_ids: Any) -> None:
    """Tasks that ended leave their groups' inboxes (see TaskCandidate.open)."""
    candidates = table_of(TaskCandidate)
    if isinstance(task_ids, list):
        write(_CLOSE_OFFERS, {"task_ids": task_ids})
    else:
        write(
            update(candidates).where(candidates.c.task_id.in_(task_ids), candidates.c.open.is_(True)).values(open=False)
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
    people: list[Any] | None = None,
) -> None:
    write(  # Core on the table: no flush, no RETURNING (nothing reads its id)
        _INSERT_ACTION,
        dict(
            step_id=task.step_id,
            task_id=task.id,
            actor_id=actor.user_id,
            action=action,
            comment=comment,
            delegate_to_id=delegate_to,
            tally=tally,
            at=now(),
        ),
    )
    audit.record(
        actor,
        f"task.{action}",
        task.workflow,
        task.subject_id,
        task.scope_id,
        None,
        {
            "task_id": task.id,
            "step_id": task.step_id,
            "delegate_to": delegate_to,
            "tally": tally,
            **({"people": people} if people else {}),
        },
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
    t = table_of(ApprovalTask)
    if not _hold(task, t.c.assignee_id.is_(None), assignee_id=actor.user_id, claimed_at=now()):
        raise Conflict("task_claimed", "该任务已被他人认领或已办结")  # someone claimed it since it was read
    _log(actor, task, "claim")
    return task


def _hold(task: ApprovalTask, condition: Any, **values: Any) -> bool:
    """Claim or release: a conditional UPDATE of the open task … RETURNING its new version, which the session's
    copy takes with the new values (no second read of the row). False when the condition no longer held."""
    t = table_of(ApprovalTask)
    values["updated_at"] = now()
    version = write(
        update(t)
        .where(t.c.id == task.id, t.c.status == "open", condition)
        .values(**values, version=t.c.version + 1)
        .returning(t.c.version)
    ).scalar_one_or_none()
    if version is None:
        return False
    stored(task, version=version, **values)
    return True


def release(actor: Actor, task_id: int) -> ApprovalTask:
    """Give a claimed group task back to its candidates."""
    with transaction():
        return _release(actor, task_id)


def _release(actor: Actor, task_id: int) -> ApprovalTask:
    task = reads.get_task(actor, task_id)
    reads.require_may_release(actor, task, partial(reads.has_candidates, task.id))
    t = table_of(ApprovalTask)
    if not _hold(task, t.c.assignee_id == actor.user_id, assignee_id=None, claimed_at=None):
        raise Conflict("task_not_held", "您没有认领该任务")  # decided, delegated or released since it was read
    _log(actor, task, "release")
    return task


def _colleague(actor: Actor, step: ApprovalStep, user_id: int | None) -> User:
    user = db.session.get(User, user_id) if user_id else None
    if user is None or not user.active or user.role != Role.approver or user.jurisdiction_id != step.body_id:
        raise RuleViolation("delegate_not_colleague", "只能转办给本审批机构的其他审批人", "delegate_to")
    return user


def _require_colleagues(step: ApprovalStep, user_ids: Sequence[int | None], action: str) -> None:
    """委派 / 加签: only active approvers of the step's body (the configuration cache's staff list: no query)."""
    staff = set(routes.body_approvers(step.body_id))
    if any(uid not in staff for uid in user_ids):
        if action == Action.CONSULT:
            raise RuleViolation("consultee_not_colleague", "只能委派本审批机构的其他审批人", "to_user_id")
        raise RuleViolation("approver_not_colleague", "只能加签本审批机构的其他审批人", "user_ids")


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
    """approve / reject / return / delegate / consult / opinion / comment / vote on a task, in one transaction
    with whatever the workflow's handler does when the step closes. `guard`: a further check on the locked rows
    (the subject, the step, the task), after the actor may act and before anything changes — a batch's
    (batch.py)."""
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
        # The configuration counter too: the decision reads no cache older than its transaction (0047).
        select(subject, ApprovalStep, ApprovalTask, is_candidate, offered, config_cache.version_column())
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
    config_cache.observe(first[5])
    return first[0], first[1], [r[2] for r in rows], bool(first[3]), bool(first[4])


def _lock_to_act(actor: Actor, task_id: int) -> tuple[Any, ApprovalStep, list[ApprovalTask], ApprovalTask, bool]:
    """lock_for_decision, then the one check every action on a task starts with (require_may_act): the subject,
    the step, its tasks, this task, and whether it is offered to a group."""
    subject, step, tasks, candidate, offered = lock_for_decision(actor, task_id)
    task = next(t for t in tasks if t.id == task_id)
    reads.require_may_act(actor, step, task, lambda: candidate, lambda: offered)
    return subject, step, tasks, task, offered


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
    subject, step, tasks, task, offered = _lock_to_act(actor, task_id)
    if guard is not None:
        guard(subject, step, task)
    reads.require_action_fits(task, action)
    assert actor.user_id is not None  # the system actor is never an assignee or a candidate
    if task.assignee_id is None and action != Action.COMMENT:
        # Acting on an unclaimed group task claims it; a comment leaves it offered to the group.
        task.assignee_id, task.claimed_at = actor.user_id, now()
    if action == Action.DELEGATE:
        delegate_to = _colleague(actor, step, delegate_to).id
    elif action == Action.CONSULT:
        _require_colleagues(step, [delegate_to], action)
    outcome = _apply_rule(actor, step, task, tasks, action, comment, delegate_to, tally)
    decision = outcome.step.decisions[-1]
    counted = asdict(tally) if tally is not None else None  # as stored (JSON) and audited
    _record_decision(actor, step, task, action, decision, delegate_to, counted)
    # The notifications of a task settle with the task row itself (notifications.task_live): no statement here.
    if action == Action.DELEGATE:
        _hand_over(step, task, delegate_to, decision.comment)
    elif action == Action.CONSULT:
        _ask(step, task, delegate_to, decision.comment)
    elif action == Action.OPINION:
        task.status, task.outcome, task.comment, task.decided_at = "done", "opinion", decision.comment, now()
        asked = next(
            d.approver
            for d in reversed(outcome.step.decisions)
            if d.action is Action.CONSULT and d.delegate_to == decision.approver
        )
        _answer(step, task, tasks, asked, decision.comment or "")
    elif action != Action.COMMENT:
        task.status, task.outcome, task.comment = "done", decision.action.value, decision.comment
        task.decided_at = now()
    if step.mode == ApprovalMode.SEQUENTIAL and not outcome.decided and action == Action.APPROVE:
        _open_next_in_sequence(step, tasks, outcome.step.current)
    if outcome.decided:
        reply = reply or engine.Reply()
        _close_step(StepClosed(actor, step, outcome.status, decision.comment, reply, subject), tasks, counted, offered)
    _store(step, tasks)
    db.session.flush()  # what the less common actions added (a consult task, a sequence's next turn)
    return task


def _store(step: ApprovalStep, tasks: list[ApprovalTask]) -> None:
    """The decided step and its changed tasks, each by one Core UPDATE of what changed (common.store)."""
    store(step)
    for t in tasks:
        store(t)


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
            **({"people": list(decision.people)} if decision.people else {}),
            **({"placed": decision.placed} if decision.placed else {}),
            **({"to_level": decision.to_level} if decision.to_level else {}),
        },
    ]
    _log(
        actor,
        task,
        action if action != "vote" else decision.action.value,
        comment=decision.comment,
        delegate_to=delegate_to if action in (Action.DELEGATE, Action.CONSULT) else None,
        tally=counted,
        people=list(decision.people) or None,
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


def change_approvers(
    actor: Actor,
    task_id: int,
    action: str,
    user_ids: list[int],
    reason: str | None,
    placed: str | None = None,
) -> ApprovalTask:
    """加签 (add_approvers) / 减签 (remove_approvers) on the actor's open task's step, under the decision's locks."""
    with transaction():
        _subject, step, tasks, task, offered = _lock_to_act(actor, task_id)
        reads.require_action_fits(task, action)
        if offered:
            raise RuleViolation(
                "step_offered_to_group", "本环节由本单位审批人共同办理（未指定审批人），不能加签或减签", "user_ids"
            )
        assert actor.user_id is not None
        if action == Action.ADD_APPROVERS:
            _require_colleagues(step, user_ids, action)
        state = reads.step_state(step, tasks)
        changed = engine.change_approvers(state, actor.user_id, action, user_ids, reason=reason, placed=placed)
        decision = changed.decisions[-1]
        _record_decision(actor, step, task, action, decision, None, None)
        if action == Action.ADD_APPROVERS:
            _add_tasks(step, tasks, changed)
        else:
            _remove_tasks(step, tasks, changed)
        event = "task.approvers_added" if action == Action.ADD_APPROVERS else "task.approvers_removed"
        webhooks.publish_at(
            event,
            {**_step_payload(step, task, actor), "user_ids": list(user_ids), "reason": decision.comment},
            step.scope_id,
        )
        db.session.flush()
        return task


def _step_payload(step: ApprovalStep, task: ApprovalTask, actor: Actor) -> dict[str, Any]:
    """What every task action's webhook says: which step of which subject, which task, who."""
    return {
        "step_id": step.id,
        "workflow": step.workflow,
        "subject_id": step.subject_id,
        "level_name": step.level_name,
        "task_id": task.id,
        "actor_id": actor.user_id,
    }


def _live_by_person(tasks: list[ApprovalTask]) -> dict[Any, ApprovalTask]:
    """The approval tasks that make up the step's approvers (as reads.step_state counts them), by assignee."""
    return {
        t.assignee_id: t
        for t in tasks
        if t.kind != reads.CONSULT and (t.status != "cancelled" or t.outcome is not None)
    }


def _renumber(tasks: list[ApprovalTask], approvers: tuple[Any, ...]) -> None:
    """Task positions follow the approvers' order (a sequence's turn); consult tasks follow their owner's."""
    live = _live_by_person(tasks)
    for position, person in enumerate(approvers):
        live[person].position = position


def _add_tasks(step: ApprovalStep, tasks: list[ApprovalTask], changed: engine.StepState) -> None:
    """加签: a task per added approver (in a sequence, open only on their turn; the adder waits when they went
    before), each told, and the `task.assigned` webhook, as when a step opens."""
    live = _live_by_person(tasks)
    added = [p for p in changed.approvers if p not in live]
    fresh = [_step_task(step, position=0, assignee_id=person, status="open") for person in added]
    db.session.add_all(fresh)
    every = [*tasks, *fresh]
    _renumber(every, changed.approvers)
    if ApprovalMode(step.mode) is ApprovalMode.SEQUENTIAL:
        for t in every:
            if t.kind != reads.CONSULT and t.status in ("open", "waiting"):
                t.status = "open" if t.assignee_id == changed.current else "waiting"
    db.session.flush()
    opened = [t for t in fresh if t.status == "open"]
    if opened:
        label = handlers.subject_label(step.workflow, step.subject_id)
        notifications.notify(
            [t.assignee_id for t in opened],
            "task.assigned",
            f"待办：{label} — 加签请您审批",
            changed.decisions[-1].comment,
            step.workflow,
            step.subject_id,
            subject=label,
            task_of={t.assignee_id: t.id for t in opened if t.assignee_id is not None},
        )
        _publish_assigned(step, [t.assignee_id for t in opened])


def _remove_tasks(step: ApprovalStep, tasks: list[ApprovalTask], changed: engine.StepState) -> None:
    """减签: the removed approvers' tasks are cancelled, with the consultations they opened; in a sequence the next
    one's turn opens if it was theirs."""
    removed = set(changed.decisions[-1].people)
    still_asked = set(engine.open_consultations(changed))
    for t in tasks:
        if t.status not in ("open", "waiting"):
            continue
        if t.kind != reads.CONSULT and t.assignee_id in removed:
            t.status = "cancelled"
        elif t.kind == reads.CONSULT and t.assignee_id not in still_asked:
            t.status = "cancelled"  # asked by a removed approver: the consultation ends with their place
    _renumber(tasks, changed.approvers)
    if ApprovalMode(step.mode) is ApprovalMode.SEQUENTIAL:
        _open_next_in_sequence(step, tasks, changed.current)


def take_back(actor: Actor, task_id: int, comment: str | None = None) -> ApprovalTask:
    """拿回: the actor takes back their approval on this task (see workflows.approval.take_back): their task is
    open again; in a sequence still open the next approver's untouched turn is withdrawn (their task cancelled, a
    waiting one in its place); when it had closed the step and opened the next level, the step reopens and the
    untouched next step is cancelled. Locks the subject, then this step with its tasks (lock_for_decision), then
    the next step with its tasks — the order every decision takes — so a take-back and the next approver's
    decision queue on the subject row: one of them wins, the other gets 409."""
    with transaction():
        _subject, step, tasks, _candidate, offered = lock_for_decision(actor, task_id)
        task = next(t for t in tasks if t.id == task_id)
        if task.assignee_id != actor.user_id or task.kind == reads.CONSULT:
            raise Forbidden("该任务不是您办理的审批任务")
        assert actor.user_id is not None
        following = _lock_next_step(step) if step.status == StepStatus.APPROVED.value else None
        touched = reads.touched_by(following[0]) if following is not None else None
        if following is not None and (following[0].status != StepStatus.PENDING.value or not following[2]):
            touched = touched or ("他人", "办结")  # closed since, or redone after a 退回: nothing to reopen
        state = reads.step_state(step, tasks)
        outcome = engine.take_back(
            state,
            actor.user_id,
            moved_on=following is not None,
            touched_by=touched,
            comment=comment,
            name_of=reads.name_of,
        )
        _record_decision(actor, step, task, Action.TAKE_BACK, outcome.step.decisions[-1], None, None)
        task.status, task.outcome, task.comment, task.decided_at = "open", None, None, None
        cancelled = None
        withdrawn = None
        if step.status == StepStatus.PENDING.value and step.mode == ApprovalMode.SEQUENTIAL:
            withdrawn = _withdraw_turn(step, tasks, state.current)
        if following is not None:
            nxt, nxt_tasks, _only = following
            cancelled = nxt.id
            _cancel_step(nxt, nxt_tasks)
            with db.session.no_autoflush:
                step.status, step.closed_at, step.tally = StepStatus.PENDING.value, None, None
                escalation.replan("approval_task", step)
            if offered:
                db.session.execute(
                    update(TaskCandidate)
                    .where(TaskCandidate.task_id == task.id)
                    .values(open=True)
                    .execution_options(synchronize_session=False)
                )
        webhooks.publish_at(
            "task.taken_back",
            {
                "step_id": step.id,
                "workflow": step.workflow,
                "subject_id": step.subject_id,
                "level_name": step.level_name,
                "task_id": task.id,
                "actor_id": actor.user_id,
                "cancelled_step_id": cancelled,
                "cancelled_task_id": withdrawn,
            },
            step.scope_id,
        )
        db.session.flush()
        return task


def _withdraw_turn(step: ApprovalStep, tasks: list[ApprovalTask], turn_of: Any) -> int | None:
    """拿回 in a sequence: the turn the approval passed on is withdrawn — the next approver's open task is
    cancelled (its notification settles with it, decision 0003) and a waiting task takes its place, opened and
    told again when the turn comes back to them. The cancelled task's id."""
    # A sequence names its approvers: the turn is a person's own task, never a group's offer.
    nxt = next((t for t in tasks if t.kind != reads.CONSULT and t.status == "open" and t.assignee_id == turn_of), None)
    if nxt is None:
        return None
    nxt.status = "cancelled"
    db.session.add(_step_task(step, position=nxt.position, assignee_id=turn_of, status="waiting"))
    return nxt.id


def return_to(actor: Actor, task_id: int, level_name: str, reason: str | None) -> ApprovalTask:
    """退回 to an earlier approval level: this step closes as returned (not through the workflow's handler: the
    case stays where it is in its machine) and a new step opens at that level — the same body, fresh tasks, as
    many working days as that level had — whose approval opens the later levels again as the case proceeds."""
    with transaction():
        _subject, step, tasks, task, offered = _lock_to_act(actor, task_id)
        reads.require_action_fits(task, Action.RETURN_TO)
        assert actor.user_id is not None
        if task.assignee_id is None:
            task.assignee_id, task.claimed_at = actor.user_id, now()
        earlier = reads.earlier_step(step, level_name)
        outcome = engine.return_to(
            reads.step_state(step, tasks),
            actor.user_id,
            level=step.level,
            target=(earlier.level, earlier.level_name) if earlier is not None else None,
            comment=reason,
        )
        assert earlier is not None
        decision = outcome.step.decisions[-1]
        _record_decision(actor, step, task, Action.RETURN_TO, decision, None, None)
        task.status, task.outcome, task.comment, task.decided_at = (
            "done",
            Action.RETURN_TO.value,
            decision.comment,
            now(),
        )
        with db.session.no_autoflush:
            step.status, step.closed_at = StepStatus.RETURNED.value, now()
            for t in tasks:
                if t.status in ("open", "waiting"):
                    t.status = "cancelled"
            escalation.replan("approval_task", step)
        if offered:
            _close_offers([t.id for t in tasks])
        opened_on = earlier.opened_at.astimezone(CHINA).date()
        workdays = max(1, calendar().workdays_between(opened_on, earlier.due_on))
        open_step(
            actor,
            step.workflow,
            step.subject_id,
            step.scope_id,
            earlier.level,
            earlier.level_name,
            config_cache.place(earlier.body_id),
            workdays,
        )
        webhooks.publish_at(
            "task.returned_to",
            {**_step_payload(step, task, actor), "to_level_name": earlier.level_name, "reason": decision.comment},
            step.scope_id,
        )
        db.session.flush()
        return task


def _lock_next_step(step: ApprovalStep) -> tuple[ApprovalStep, list[ApprovalTask], bool] | None:
    """The steps opened after `step` with their tasks, locked (after the subject and `step`, which the caller
    holds): the next level's step when it is the only one (closing `step` opened it), else the latest — which a
    take-back then finds closed or acted on (a later 退回 or decision)."""
    rows = db.session.execute(
        select(ApprovalStep, ApprovalTask)
        .join(ApprovalTask, ApprovalTask.step_id == ApprovalStep.id)
        .where(
            ApprovalStep.workflow == step.workflow,
            ApprovalStep.subject_id == step.subject_id,
            ApprovalStep.id > step.id,
        )
        .order_by(ApprovalStep.id.desc(), ApprovalTask.position, ApprovalTask.id)
        .with_for_update(of=[ApprovalStep, ApprovalTask], key_share=True)
        .options(lazyload("*"))
        .execution_options(populate_existing=True)
    ).all()
    if not rows:
        return None
    latest = rows[0][0]
    only = len({r[0].id for r in rows}) == 1 and latest.level == step.level + 1
    return latest, [r[1] for r in rows if r[0] is latest], only


def _cancel_step(step: ApprovalStep, tasks: list[ApprovalTask]) -> None:
    """The next step a take-back undoes: it and its tasks end, its escalation with them."""
    with db.session.no_autoflush:
        step.status, step.closed_at = "cancelled", now()
        for t in tasks:
            if t.status in ("open", "waiting"):
                t.status = "cancelled"
        escalation.replan("approval_task", step)
    _close_offers([t.id for t in tasks])


def _ask(step: ApprovalStep, task: ApprovalTask, colleague: int | None, comment: str | None) -> None:
    """委派: the colleague gets a consult task (an opinion to give, no decision) and is told; the owner keeps
    their task and may decide at any time (closing the step cancels a consultation still open)."""
    assert colleague is not None
    consult = _step_task(
        step, position=task.position, assignee_id=colleague, claimed_at=now(), status="open", kind=reads.CONSULT
    )
    db.session.add(consult)
    db.session.flush()
    label = handlers.subject_label(step.workflow, step.subject_id)
    notifications.notify(
        [colleague],
        "task.assigned",
        f"委派：{label} — 同事请您提出意见",
        comment,
        step.workflow,
        step.subject_id,
        subject=label,
        task_id=consult.id,
    )
    webhooks.publish_at("task.consulted", _consult_payload(step, task, consult, colleague), step.scope_id)


def _consult_payload(step: ApprovalStep, task: ApprovalTask, consult: ApprovalTask, to: int | None) -> dict[str, Any]:
    return {
        "step_id": step.id,
        "workflow": step.workflow,
        "subject_id": step.subject_id,
        "level_name": step.level_name,
        "task_id": task.id,
        "consult_task_id": consult.id,
        "from_id": task.assignee_id,
        "to_id": to,
    }


def _answer(step: ApprovalStep, consult: ApprovalTask, tasks: list[ApprovalTask], asked: Any, opinion: str) -> None:
    """The consulted colleague's opinion goes back to whoever asked them, who is told (and their task named)."""
    owner = next((t.id for t in tasks if t.kind != reads.CONSULT and t.assignee_id == asked), None)
    label = handlers.subject_label(step.workflow, step.subject_id)
    notifications.notify(
        [asked],
        "task.assigned",
        f"委派意见：{label} — 同事已回复，请您审批",
        opinion,
        step.workflow,
        step.subject_id,
        subject=label,
        task_id=owner,
    )
    payload = {**_consult_payload(step, consult, consult, asked), "task_id": owner, "from_id": consult.assignee_id}
    webhooks.publish_at("task.consult_answered", {**payload, "opinion": opinion}, step.scope_id)


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
    _store(step, tasks)
    if offered:
        _close_offers([t.id for t in tasks])
    with db.session.no_autoflush:
        handlers.HANDLERS[step.workflow](closed)
