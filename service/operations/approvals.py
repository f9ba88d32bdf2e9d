"""The approval engine's persistence: opening steps, the inbox, claiming and acting on tasks.

The decision rules are pure (workflows.approval); this module stores them. Every action on a step locks
the step row first (SELECT … FOR UPDATE on PostgreSQL; SQLite serialises writers with BEGIN IMMEDIATE),
so two approvers acting at the same instant are applied one after the other: the step closes exactly
once and the later action sees the decided step (409). Claiming is a conditional UPDATE.

When a step closes, the workflow's handler (registered by `register_workflows`, which the app factory
calls) moves the subject on —
in the same transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date
from functools import partial
from operator import contains
from typing import Any

from flask import current_app
from sqlalchemy import Select, exists, select, union_all, update
from sqlalchemy.orm import lazyload

from service import config_cache
from service.auth import Actor, in_scope
from service.calendar import calendar
from service.clock import now, today
from service.db import transaction
from service.errors import Forbidden, NotFound
from service.extensions import db
from service.models import (
    ApprovalAction,
    ApprovalRoute,
    ApprovalStep,
    ApprovalTask,
    Jurisdiction,
    Role,
    TaskCandidate,
    User,
)
from service.operations import audit, escalation, notifications, webhooks
from service.operations.common import rowcount
from service.roles import DECIDERS
from workflows import approval as engine
from workflows.approval import Action, ApprovalMode, RouteSpec, StepStatus
from workflows.errors import Conflict, RuleViolation
from workflows.workdays import WorkdayCalendar

GROUP_MODES = (ApprovalMode.ANY_ONE, ApprovalMode.COMMITTEE_VOTE)
LEVEL_LABELS_ZH = {"superior_approval": "审批", "superior_review": "审查", "county_approval": "县级审批"}


@dataclass(frozen=True)
class StepClosed:
    """What a workflow handler gets when one of its steps is decided."""

    actor: Actor
    step: ApprovalStep
    status: StepStatus
    comment: str | None
    reply: engine.Reply
    subject: Any  # the workflow's row the step decides, locked with the step


StepHandler = Callable[[StepClosed], None]
SummaryProvider = Callable[[list[int]], dict[int, dict[str, Any]]]
LabelProvider = Callable[[list[int]], dict[int, str]]
_HANDLERS: dict[str, StepHandler] = {}
_SUMMARIES: dict[str, SummaryProvider] = {}
_SUBJECTS: dict[str, type[Any]] = {}
_LABELS: dict[str, LabelProvider] = {}


def register(
    workflow: str,
    on_closed: StepHandler,
    summaries: SummaryProvider,
    subject: type[Any],
    labels: LabelProvider | None = None,
) -> None:
    """A workflow whose rows (`subject`, the model) go through approval steps. Every action on a task locks
    the subject row first, with the step and its tasks, in one statement: the subject is what the workflow's
    own commands lock, so a decision, a withdrawal and a cancellation of one case queue on one row.
    `labels`: the subjects in words (one query for a list of ids), named by the task notifications."""
    _HANDLERS[workflow] = on_closed
    _SUMMARIES[workflow] = summaries
    _SUBJECTS[workflow] = subject
    if labels is not None:
        _LABELS[workflow] = labels


def subject_label(workflow: str, subject_id: int) -> str:
    """A subject in words for a notification (the workflow's label provider; else its id). Read without
    flushing: a decision in progress still writes each of its rows with one UPDATE."""
    provider = _LABELS.get(workflow)
    with db.session.no_autoflush:
        found = provider([subject_id]).get(subject_id) if provider else None
    return found or f"事项 #{subject_id}"


def unregistered_workflows() -> list[str]:
    """Approval workflows (workflows.registry.APPROVAL_WORKFLOWS) lacking a step handler or summaries."""
    from workflows.registry import APPROVAL_WORKFLOWS

    return [w for w in APPROVAL_WORKFLOWS if w not in _HANDLERS or w not in _SUMMARIES]


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


# -- opening steps -------------------------------------------------------------------------------------------


def _body_approvers(body_id: int) -> list[int]:
    return config_cache.staff(body_id, Role.approver.value)


def route_for(
    workflow: str, level_name: str, body: Jurisdiction | config_cache.Place
) -> tuple[ApprovalMode, list[int] | None]:
    """The mode and the named approvers (None: offered to the body's approvers as a group)."""
    route = config_cache.route(body.id, workflow, level_name)
    default = current_app.config["SETTINGS"].approval_modes.get(level_name, ApprovalMode.ANY_ONE.value)
    mode = ApprovalMode(route.mode if route else default)
    active = _body_approvers(body.id)
    named = [i for i in (route.approver_ids or []) if i in active] if route and route.approver_ids else None
    if named is None and mode not in GROUP_MODES:
        named = active
    if (named is not None and not named) or (named is None and not active):
        raise RuleViolation("no_approvers", f"「{body.name}」没有可用的审批人，请先配置审批人员")
    return mode, named


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
    mode, named = route_for(workflow, level_name, body)
    due = calendar().add_workdays(today(), workdays)
    step = ApprovalStep(
        workflow=workflow,
        subject_id=subject_id,
        scope_id=scope_id,
        level=level,
        level_name=level_name,
        body_id=body.id,
        mode=mode.value,
        status=StepStatus.PENDING.value,
        due_on=due.date,
        due_basis=due.basis,
        opened_at=now(),
    )
    escalation.replan("approval_task", step)  # planned before the INSERT: no second UPDATE of the new row
    db.session.add(step)
    db.session.flush()
    common = {
        "step_id": step.id,
        "due_on": due.date,
        "workflow": workflow,
        "subject_id": subject_id,
        "scope_id": scope_id,
    }
    group_task: ApprovalTask | None = None
    personal: list[ApprovalTask] = []
    if named is None:
        group_task = ApprovalTask(position=0, status="open", **common)
        db.session.add(group_task)
        db.session.flush()
        db.session.add(TaskCandidate(task_id=group_task.id, role=Role.approver.value, body_id=body.id))
    else:
        for position, user_id in enumerate(named):
            waiting = mode is ApprovalMode.SEQUENTIAL and position > 0
            personal.append(
                ApprovalTask(position=position, assignee_id=user_id, status="waiting" if waiting else "open", **common)
            )
        db.session.add_all(personal)
    db.session.flush()
    recipients = named[:1] if mode is ApprovalMode.SEQUENTIAL and named else named or _body_approvers(body.id)
    label = subject or subject_label(workflow, subject_id)
    title = f"待办：{label} — {body.name}{LEVEL_LABELS_ZH.get(level_name, level_name)}"
    notifications.notify(
        recipients,
        "task.assigned",
        title,
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


# -- reading ---------------------------------------------------------------------------------------------------


def _is_candidate(actor: Actor, task_id: int) -> bool:
    return db.session.execute(
        select(
            exists().where(
                TaskCandidate.task_id == task_id,
                TaskCandidate.role == actor.role,
                TaskCandidate.body_id == actor.jurisdiction_id,
            )
        )
    ).scalar_one()


def _has_candidates(task_id: int) -> bool:
    return db.session.execute(select(exists().where(TaskCandidate.task_id == task_id))).scalar_one()


def get_task(actor: Actor, task_id: int, *, for_update: bool = False) -> ApprovalTask:
    """A task in the caller's scope (404 otherwise)."""
    stmt = in_scope(select(ApprovalTask).where(ApprovalTask.id == task_id), ApprovalTask.scope_id, actor)
    if for_update:
        stmt = stmt.with_for_update(of=ApprovalTask, key_share=True).execution_options(populate_existing=True)
    task = db.session.execute(stmt).scalar_one_or_none()
    if task is None:
        raise NotFound()
    return task


def inbox_query(actor: Actor, workflow: str | None = None, overdue: bool | None = None) -> Select[Any]:
    """My open tasks: assigned to me, or unclaimed and offered to a group I belong to, within my scope,
    soonest due first.

    Two index-driven branches under a UNION ALL rather than one OR: "assigned to me" uses
    ix_approval_tasks_assignee_open; "offered to my group" starts from the partial candidate index
    (body, role, open) and probes tasks by primary key. Neither scans the city's other open tasks, and no
    IN list of groups is ever built."""
    mine = select(ApprovalTask.id).where(ApprovalTask.assignee_id == actor.user_id, ApprovalTask.status == "open")
    offered = (
        select(ApprovalTask.id)
        .join(TaskCandidate, TaskCandidate.task_id == ApprovalTask.id)
        .where(
            TaskCandidate.body_id == actor.jurisdiction_id,
            TaskCandidate.role == actor.role,
            TaskCandidate.open,  # matches the partial index predicate verbatim
            ApprovalTask.assignee_id.is_(None),
            ApprovalTask.status == "open",
        )
    )
    ids = union_all(mine, offered).subquery()
    stmt = in_scope(select(ApprovalTask).where(ApprovalTask.id.in_(select(ids.c.id))), ApprovalTask.scope_id, actor)
    if workflow:
        stmt = stmt.where(ApprovalTask.workflow == workflow)
    if overdue is not None:
        stmt = stmt.where(ApprovalTask.due_on < today() if overdue else ApprovalTask.due_on >= today())
    return stmt.order_by(ApprovalTask.due_on, ApprovalTask.id)


def summaries(tasks: list[ApprovalTask]) -> dict[tuple[str, int], dict[str, Any]]:
    """Case summaries for a page of tasks: one query per workflow, never per task."""
    out: dict[tuple[str, int], dict[str, Any]] = {}
    by_workflow: dict[str, set[int]] = {}
    for t in tasks:
        by_workflow.setdefault(t.workflow, set()).add(t.subject_id)
    for workflow, ids in by_workflow.items():
        for subject_id, summary in _SUMMARIES[workflow](sorted(ids)).items():
            out[(workflow, subject_id)] = summary
    return out


def steps_of(workflow: str, subject_id: int) -> list[ApprovalStep]:
    return list(
        db.session.execute(
            select(ApprovalStep)
            .where(ApprovalStep.workflow == workflow, ApprovalStep.subject_id == subject_id)
            .order_by(ApprovalStep.id)
        ).scalars()
    )


def steps_of_subjects(workflow: str, subject_ids: list[int]) -> list[ApprovalStep]:
    """The steps of a page of subjects, in one query (the read models batch per page)."""
    if not subject_ids:
        return []
    return list(
        db.session.execute(
            select(ApprovalStep)
            .where(ApprovalStep.workflow == workflow, ApprovalStep.subject_id.in_(subject_ids))
            .order_by(ApprovalStep.id)
        ).scalars()
    )


def group_task_ids(task_ids: list[int]) -> set[int]:
    """Which of these tasks are offered to a group (have candidates), in one query."""
    if not task_ids:
        return set()
    return set(db.session.execute(select(TaskCandidate.task_id).where(TaskCandidate.task_id.in_(task_ids))).scalars())


def tasks_of(step_ids: list[int]) -> list[ApprovalTask]:
    if not step_ids:
        return []
    return list(
        db.session.execute(
            select(ApprovalTask)
            .where(ApprovalTask.step_id.in_(step_ids))
            .order_by(ApprovalTask.step_id, ApprovalTask.position)
        ).scalars()
    )


def actions_of(step_ids: list[int]) -> list[ApprovalAction]:
    if not step_ids:
        return []
    return list(
        db.session.execute(
            select(ApprovalAction).where(ApprovalAction.step_id.in_(step_ids)).order_by(ApprovalAction.id)
        ).scalars()
    )


def is_overdue(task: ApprovalTask, on: date | None = None) -> bool:
    return task.status in ("open", "waiting") and task.due_on < (on or today())


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


def require_may_claim(task: ApprovalTask, is_candidate: Callable[[], bool]) -> None:
    """May a candidate claim this task now? The one rule of claim() (whose conditional UPDATE repeats the
    state part against a concurrent claimer) and of task_options()."""
    if not is_candidate():
        raise Forbidden("您不在该任务的候选人范围内")
    if task.status != "open" or task.assignee_id is not None:
        raise Conflict("task_claimed", "该任务已被他人认领或已办结")


def _claim(actor: Actor, task_id: int) -> ApprovalTask:
    task = get_task(actor, task_id)
    if task.assignee_id == actor.user_id:
        return task
    require_may_claim(task, partial(_is_candidate, actor, task.id))
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


def require_may_release(actor: Actor, task: ApprovalTask, has_candidates: Callable[[], bool]) -> None:
    """May the actor give this task back to its group now? The one rule of release() (whose conditional
    UPDATE repeats the state part) and of task_options()."""
    if not has_candidates():
        raise Conflict("task_not_claimable", "指定给个人的任务不能退回候选组，请使用转办")
    if task.status != "open" or task.assignee_id != actor.user_id:
        raise Conflict("task_not_held", "您没有认领该任务")


def _release(actor: Actor, task_id: int) -> ApprovalTask:
    task = get_task(actor, task_id)
    require_may_release(actor, task, partial(_has_candidates, task.id))
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


def _step_state(step: ApprovalStep, tasks: list[ApprovalTask]) -> engine.StepState:
    live = [t for t in tasks if t.status != "cancelled" or t.outcome is not None]
    approvers = tuple(t.assignee_id if t.assignee_id is not None else f"task:{t.id}" for t in live)
    decisions = tuple(
        engine.Decision(
            d["actor_id"],
            Action(d["action"]),
            d.get("comment"),
            d.get("delegate_to"),
            engine.VoteTally(**d["tally"]) if d.get("tally") else None,
        )
        for d in step.decisions or ()
    )
    return engine.StepState(ApprovalMode(step.mode), approvers, decisions)


def _colleague(actor: Actor, step: ApprovalStep, user_id: int | None) -> User:
    user = db.session.get(User, user_id) if user_id else None
    if user is None or not user.active or user.role != Role.approver or user.jurisdiction_id != step.body_id:
        raise RuleViolation("delegate_not_colleague", "只能转办给本审批机构的其他审批人", "delegate_to")
    return user


def require_may_act(
    actor: Actor,
    step: ApprovalStep,
    task: ApprovalTask,
    is_candidate: Callable[[], bool],
    has_candidates: Callable[[], bool],
) -> None:
    """May the actor act on this task now? The one rule used by act() and by decisions_open_to()."""
    if step.status != StepStatus.PENDING:
        raise Conflict("step_already_decided", "该审批环节已办结，不能再操作")
    if task.status == "waiting":
        raise Conflict("not_your_turn", "尚未轮到您审批")
    if task.status != "open":
        raise Conflict("task_closed", "该任务已办结")
    if task.assignee_id is None:
        if not is_candidate():
            raise Forbidden("您不在该任务的候选人范围内")
    elif task.assignee_id != actor.user_id:
        if has_candidates() and is_candidate():
            raise Conflict("task_claimed", "该任务已被他人认领")
        raise Forbidden("该任务不是您的待办")


def decisions_open_to(actor: Actor, workflow: str, subject_ids: list[int]) -> dict[int, tuple[str, ...]]:
    """Per subject, the decisions (API names) the actor may take now on its pending step: the role check of
    the task endpoints and require_may_act, for a page of subjects in three queries."""
    if not subject_ids or actor.role not in DECIDERS:
        return {}
    rows = db.session.execute(
        select(ApprovalTask, ApprovalStep)
        .join(ApprovalStep, ApprovalStep.id == ApprovalTask.step_id)
        .where(
            ApprovalStep.workflow == workflow,
            ApprovalStep.subject_id.in_(subject_ids),
            ApprovalStep.status == StepStatus.PENDING.value,
            ApprovalTask.status == "open",
        )
    ).all()
    task_ids = [task.id for task, _ in rows]
    offered = set(
        db.session.execute(select(TaskCandidate.task_id).where(TaskCandidate.task_id.in_(task_ids))).scalars()
    )
    mine = set(
        db.session.execute(
            select(TaskCandidate.task_id).where(
                TaskCandidate.task_id.in_(task_ids),
                TaskCandidate.role == actor.role,
                TaskCandidate.body_id == actor.jurisdiction_id,
            )
        ).scalars()
    )
    out: dict[int, tuple[str, ...]] = {}
    for task, step in rows:
        try:
            require_may_act(actor, step, task, partial(contains, mine, task.id), partial(contains, offered, task.id))
        except (Conflict, Forbidden):
            continue
        out[step.subject_id] = engine.decisions_for(step.mode)
    return out


@dataclass(frozen=True)
class TaskOptions:
    """What an approver may do on one task now besides deciding, by the API's action names (claim, release,
    delegate, comment), and who may receive it if delegated: (user id, name), by name."""

    actions: tuple[str, ...] = ()
    colleagues: tuple[tuple[int, str], ...] = ()


def task_options(actor: Actor, task: ApprovalTask) -> TaskOptions:
    """The role check of the task endpoints and the rules claim(), release() and act() apply
    (require_may_claim, require_may_release, require_may_act and the engine's "already decided"), for one
    task. Colleagues: the body's active approvers not already on the step (act() checks again)."""
    if actor.role not in DECIDERS or actor.user_id is None:
        return TaskOptions()
    me = actor.user_id
    flags = db.session.execute(
        select(
            exists().where(
                TaskCandidate.task_id == task.id,
                TaskCandidate.role == actor.role,
                TaskCandidate.body_id == actor.jurisdiction_id,
            ),
            exists().where(TaskCandidate.task_id == task.id),
        )
    ).one()
    candidate, offered = bool(flags[0]), bool(flags[1])
    actions: list[str] = []
    for name, check in (
        ("claim", partial(require_may_claim, task, lambda: candidate)),
        ("release", partial(require_may_release, actor, task, lambda: offered)),
    ):
        try:
            check()
        except (Conflict, Forbidden):
            continue
        actions.append(name)
    step = task.step
    try:
        require_may_act(actor, step, task, lambda: candidate, lambda: offered)
    except (Conflict, Forbidden):
        return TaskOptions(tuple(actions))
    state = _step_state(step, tasks_of([step.id]))
    colleagues: tuple[tuple[int, str], ...] = ()
    if not state.has_decided(me):
        actions.append("delegate")
        taken = set(state.approvers) | {me}
        ids = [u for u in _body_approvers(step.body_id) if u not in taken]
        if ids:
            colleagues = tuple(
                (row.id, row.display_name)
                for row in db.session.execute(
                    select(User.id, User.display_name).where(User.id.in_(ids)).order_by(User.display_name, User.id)
                )
            )
    actions.append("comment")
    return TaskOptions(tuple(actions), colleagues)


def act(
    actor: Actor,
    task_id: int,
    action: str,
    *,
    comment: str | None = None,
    delegate_to: int | None = None,
    tally: engine.VoteTally | None = None,
    reply: engine.Reply | None = None,
) -> ApprovalTask:
    """approve / reject / return / delegate / comment / vote on a task, in one transaction with whatever the
    workflow's handler does when the step closes."""
    with transaction():
        return _act(actor, task_id, action, comment=comment, delegate_to=delegate_to, tally=tally, reply=reply)


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
    subject = _SUBJECTS[head.workflow]
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
) -> ApprovalTask:
    subject, step, tasks, candidate, offered = lock_for_decision(actor, task_id)
    task = next(t for t in tasks if t.id == task_id)
    require_may_act(actor, step, task, lambda: candidate, lambda: offered)
    assert actor.user_id is not None  # the system actor is never an assignee or a candidate
    if task.assignee_id is None and action != Action.COMMENT:
        # Acting on an unclaimed group task claims it; a comment leaves it offered to the group.
        task.assignee_id, task.claimed_at = actor.user_id, now()

    state = _step_state(step, tasks)
    if task.assignee_id is None:
        # A candidate's comment on an unclaimed group task: the commenter speaks in the task's place.
        placeholder = f"task:{task.id}"
        state = replace(state, approvers=tuple(actor.user_id if a == placeholder else a for a in state.approvers))
    if action == "vote":
        if tally is None:
            raise RuleViolation("tally_required", "请录入表决结果", "tally")
        outcome = engine.record_vote(state, actor.user_id, comment=comment, **asdict(tally))
    else:
        if action == Action.DELEGATE:
            delegate_to = _colleague(actor, step, delegate_to).id
        outcome = engine.decide(
            state,
            actor.user_id,
            action,
            comment=comment,
            delegate_to=delegate_to,
        )
    decision = outcome.step.decisions[-1]
    counted = asdict(tally) if tally is not None else None  # as stored (JSON) and audited
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
    # The notifications of a task settle with the task row itself (notifications.task_live): no statement here.
    if action == Action.DELEGATE:
        task.assignee_id, task.claimed_at = delegate_to, None
        label = subject_label(step.workflow, step.subject_id)
        notifications.notify(
            [delegate_to],
            "task.assigned",
            f"待办：{label} — 同事转办给您",
            decision.comment,
            step.workflow,
            step.subject_id,
            subject=label,
            task_id=task.id,
        )
        _publish_assigned(step, [delegate_to])
    elif action != Action.COMMENT:
        task.status, task.outcome, task.comment, task.decided_at = (
            "done",
            decision.action.value,
            decision.comment,
            now(),
        )
    if step.mode == ApprovalMode.SEQUENTIAL and not outcome.decided and action == Action.APPROVE:
        for t in tasks:
            if t.status == "waiting" and t.assignee_id == outcome.step.current:
                t.status = "open"
                label = subject_label(step.workflow, step.subject_id)
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
    if outcome.decided:
        # Every change to the step and its tasks before anything flushes: each row is written by one UPDATE.
        with db.session.no_autoflush:
            step.status, step.closed_at, step.tally = outcome.status.value, now(), counted
            for t in tasks:
                if t.status in ("open", "waiting"):
                    t.status = "cancelled"
            escalation.replan("approval_task", step)
        if offered:
            _close_offers([t.id for t in tasks])
        with db.session.no_autoflush:
            _HANDLERS[step.workflow](
                StepClosed(actor, step, outcome.status, decision.comment, reply or engine.Reply(), subject)
            )
    db.session.flush()
    return task


# -- routes ----------------------------------------------------------------------------------------------------


def routes_query(actor: Actor, body_id: int | None, workflow: str | None) -> Select[ApprovalRoute]:
    stmt = in_scope(select(ApprovalRoute), ApprovalRoute.body_id, actor)
    if body_id is not None:
        stmt = stmt.where(ApprovalRoute.body_id == body_id)
    if workflow:
        stmt = stmt.where(ApprovalRoute.workflow == workflow)
    return stmt.order_by(ApprovalRoute.body_id, ApprovalRoute.workflow, ApprovalRoute.level_name)


def list_routes(actor: Actor, body_id: int | None, workflow: str | None) -> list[ApprovalRoute]:
    return list(db.session.execute(routes_query(actor, body_id, workflow)).scalars())


def put_route(actor: Actor, spec: RouteSpec) -> ApprovalRoute:
    """Create or replace how a body decides one level. Steps already open keep their approvers."""
    from service.operations import jurisdictions

    with transaction():
        body = jurisdictions.get(actor, spec.body_id)
        named = spec.approver_ids or None
        if named:
            if len(set(named)) != len(named):
                raise RuleViolation("duplicate_approvers", "审批人重复", "approver_ids")
            active = set(_body_approvers(body.id))
            if not set(named) <= active:
                raise RuleViolation("approver_not_in_body", "审批人须为该审批机构的在岗审批人", "approver_ids")
        route = db.session.execute(
            select(ApprovalRoute)
            .where(
                ApprovalRoute.body_id == body.id,
                ApprovalRoute.workflow == spec.workflow,
                ApprovalRoute.level_name == spec.level_name,
            )
            .with_for_update()
        ).scalar_one_or_none()
        before = None
        if route is None:
            route = ApprovalRoute(
                body_id=body.id,
                workflow=spec.workflow,
                level_name=spec.level_name,
                mode=spec.mode,
                approver_ids=named,
            )
            db.session.add(route)
        else:
            before = {"mode": route.mode, "approver_ids": route.approver_ids}
            route.mode, route.approver_ids = spec.mode, named
        db.session.flush()
        audit.record(
            actor,
            "approval_route.put",
            "approval_route",
            route.id,
            body.id,
            before,
            {
                "mode": route.mode,
                "approver_ids": route.approver_ids,
                "level_name": route.level_name,
                "workflow": route.workflow,
            },
        )
    return route


# -- escalation of overdue steps ---------------------------------------------------------------------------------


def _escalation_deadline(s: ApprovalStep, _cal: WorkdayCalendar) -> date | None:
    return s.due_on if s.status == "pending" else None


def _escalation_effects(s: ApprovalStep, level: str, today: date) -> None:
    assignees = db.session.execute(
        select(ApprovalTask.id, ApprovalTask.assignee_id).where(
            ApprovalTask.step_id == s.id, ApprovalTask.status == "open", ApprovalTask.assignee_id.is_not(None)
        )
    ).all()
    offered = db.session.execute(
        select(TaskCandidate.task_id, TaskCandidate.body_id)
        .join(ApprovalTask, ApprovalTask.id == TaskCandidate.task_id)
        .where(ApprovalTask.step_id == s.id, TaskCandidate.open)
    ).all()
    # Each approver's reminder names the task they are to act on: it settles with that task.
    task_of: dict[int, int] = {}
    for task_id, body_id in offered:
        task_of.update(dict.fromkeys(notifications.users_of(body_id, Role.approver), task_id))
    task_of.update({user_id: task_id for task_id, user_id in assignees if user_id is not None})
    label = subject_label(s.workflow, s.subject_id)
    if level == "reminder":
        recipients: Sequence[int | None] = list(task_of)
        title = f"催办：{label} — {s.body.name}的审批任务已于{s.due_on}到期，请尽快办理"
    else:
        above = escalation.parent_of(s.body_id)
        recipients = notifications.users_of(above, Role.supervisor, Role.approver) if above else []
        title = f"上报：{label} — {s.body.name}的审批任务逾期未办（到期{s.due_on}），请督促"
        task_of = {}  # the superior body follows the case; it does not act on the task
    notifications.notify(
        recipients, f"escalation.{level}", title, None, s.workflow, s.subject_id, subject=label, task_of=task_of
    )
    webhooks.publish_at(
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


def register_escalation() -> None:
    """Overdue approval steps escalate: a reminder to the approvers, then a report to the body above.
    Audited under the step's own workflow and case. Called once by service.operations.registry."""
    escalation.register(
        escalation.ItemType(
            "approval_task",
            ApprovalStep,
            lambda s: (s.workflow, s.subject_id),
            _escalation_deadline,
            lambda s: None,
            lambda s: s.scope_id,
            # One function: the level decides the recipients (approvers, then the body above).
            {"remind_approvers": _escalation_effects, "report_to_body_above": _escalation_effects},
        )
    )
