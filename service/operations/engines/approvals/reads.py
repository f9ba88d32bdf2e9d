"""Reading the approval engine: tasks in scope, the inbox query, steps, tasks and actions of subjects, and
what an actor may do on a task now (the same checks acting applies)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from operator import contains
from typing import Any

from sqlalchemy import Select, exists, func, literal, null, select, union_all

from service.auth import Actor, in_scope
from service.clock import today
from service.errors import Forbidden
from service.extensions import db
from service.models import (
    ApprovalAction,
    ApprovalStep,
    ApprovalTask,
    TaskCandidate,
    User,
)
from service.models.urge import Urge
from service.operations.common import get_scoped
from service.operations.engines.approvals import handlers, routes
from service.roles import DECIDERS
from workflows import approval as engine
from workflows.approval import Action, ApprovalMode, StepStatus
from workflows.errors import Conflict, RuleViolation
from workflows.urge import UrgeSubject

CONSULT = "consult"  # ApprovalTask.kind of a 委派 (the consulted colleague's task: an opinion, never a decision)

# -- reading ---------------------------------------------------------------------------------------------------


def is_candidate(actor: Actor, task_id: int) -> bool:
    return db.session.execute(
        select(
            exists().where(
                TaskCandidate.task_id == task_id,
                TaskCandidate.role == actor.role,
                TaskCandidate.body_id == actor.jurisdiction_id,
            )
        )
    ).scalar_one()


def has_candidates(task_id: int) -> bool:
    return db.session.execute(select(exists().where(TaskCandidate.task_id == task_id))).scalar_one()


def get_task(actor: Actor, task_id: int, *, for_update: bool = False) -> ApprovalTask:
    """A task in the caller's scope (its `scope_id`, the subject's body; 404 otherwise)."""
    return get_scoped(ApprovalTask, task_id, actor, "scope_id", for_update=for_update)


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
        for subject_id, summary in handlers.SUMMARIES[workflow](sorted(ids)).items():
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


@dataclass(frozen=True)
class TaskMarks:
    """What a page of tasks shows beside each: offered to a group, and how often and when last urged (催办)."""

    offered: set[int]
    urged: dict[int, tuple[int, datetime]]

    def urge_count(self, task_id: int) -> int:
        return self.urged[task_id][0] if task_id in self.urged else 0

    def last_urged_at(self, task_id: int) -> datetime | None:
        return self.urged[task_id][1] if task_id in self.urged else None


def task_marks(task_ids: list[int]) -> TaskMarks:
    """group_task_ids and the tasks' urge counts in one statement (a UNION ALL: a page's statement count stays
    what it was before the counts were shown): urges grouped per task, then the offered tasks with a zero."""
    if not task_ids:
        return TaskMarks(set(), {})
    urged = (
        select(Urge.subject_id, func.count(), func.max(Urge.at))
        .where(Urge.subject_type == UrgeSubject.TASK.value, Urge.subject_id.in_(task_ids))
        .group_by(Urge.subject_id)
    )
    offered = select(TaskCandidate.task_id, literal(0), null()).where(TaskCandidate.task_id.in_(task_ids))
    marks = TaskMarks(set(), {})
    row: Any
    for row in db.session.execute(union_all(urged, offered)).all():
        task_id, n, last = row
        if n:
            marks.urged[task_id] = (int(n), last)
        else:
            marks.offered.add(task_id)
    return marks


def tasks_of(step_ids: list[int]) -> list[ApprovalTask]:
    if not step_ids:
        return []
    return list(
        db.session.execute(
            select(ApprovalTask)
            .where(ApprovalTask.step_id.in_(step_ids))
            .order_by(ApprovalTask.step_id, ApprovalTask.position, ApprovalTask.id)
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


def require_may_claim(task: ApprovalTask, is_candidate: Callable[[], bool]) -> None:
    """May a candidate claim this task now? The one rule of acting.claim() (whose conditional UPDATE repeats the
    state part against a concurrent claimer) and of task_options()."""
    if not is_candidate():
        raise Forbidden("您不在该任务的候选人范围内")
    if task.status != "open" or task.assignee_id is not None:
        raise Conflict("task_claimed", "该任务已被他人认领或已办结")


def require_may_release(actor: Actor, task: ApprovalTask, has_candidates: Callable[[], bool]) -> None:
    """May the actor give this task back to its group now? The one rule of acting.release() (whose conditional
    UPDATE repeats the state part) and of task_options()."""
    if not has_candidates():
        raise Conflict("task_not_claimable", "指定给个人的任务不能退回候选组，请使用转办")
    if task.status != "open" or task.assignee_id != actor.user_id:
        raise Conflict("task_not_held", "您没有认领该任务")


def step_state(step: ApprovalStep, tasks: list[ApprovalTask]) -> engine.StepState:
    live = [t for t in tasks if t.kind != CONSULT and (t.status != "cancelled" or t.outcome is not None)]
    approvers = tuple(t.assignee_id if t.assignee_id is not None else f"task:{t.id}" for t in live)
    decisions = tuple(
        engine.Decision(
            d["actor_id"],
            Action(d["action"]),
            d.get("comment"),
            d.get("delegate_to"),
            engine.VoteTally(**d["tally"]) if d.get("tally") else None,
            tuple(d.get("people") or ()),
            d.get("placed"),
            d.get("to_level"),
        )
        for d in step.decisions or ()
    )
    return engine.StepState(ApprovalMode(step.mode), approvers, decisions)


def require_may_act(
    actor: Actor,
    step: ApprovalStep,
    task: ApprovalTask,
    is_candidate: Callable[[], bool],
    has_candidates: Callable[[], bool],
) -> None:
    """May the actor act on this task now? The one rule used by acting.act() and by decisions_open_to()."""
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


def earlier_step(step: ApprovalStep, level_name: str) -> ApprovalStep | None:
    """The latest step of the same subject up to this one at the level named `level_name` (None if it never had
    one): the rule then refuses it unless its level is earlier."""
    return db.session.execute(
        select(ApprovalStep)
        .where(
            ApprovalStep.workflow == step.workflow,
            ApprovalStep.subject_id == step.subject_id,
            ApprovalStep.level_name == level_name,
            ApprovalStep.id <= step.id,  # its own level too: refused as not earlier
        )
        .order_by(ApprovalStep.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def earlier_levels(step: ApprovalStep) -> tuple[tuple[str, str], ...]:
    """The earlier approval levels the subject passed before this step, (level name, label), first level first."""
    rows = db.session.execute(
        select(ApprovalStep.level, ApprovalStep.level_name)
        .where(
            ApprovalStep.workflow == step.workflow,
            ApprovalStep.subject_id == step.subject_id,
            ApprovalStep.level < step.level,
        )
        .distinct()
        .order_by(ApprovalStep.level)
    ).all()
    return tuple((r.level_name, handlers.LEVEL_LABELS_ZH.get(r.level_name, r.level_name)) for r in rows)


def touched_by(step: ApprovalStep) -> tuple[str, str] | None:
    """Who first acted on a step, and what, in words (a claim, a decision, a comment, a vote, …): None while
    nobody has. Read from the step's action log, one query."""
    row = db.session.execute(
        select(User.display_name, ApprovalAction.action)
        .join(User, User.id == ApprovalAction.actor_id)
        .where(ApprovalAction.step_id == step.id)
        .order_by(ApprovalAction.id)
        .limit(1)
    ).first()
    if row is None:
        return None
    words = {"claim": "签收", "release": "退回到组", **{a.value: engine.ACTION_LABELS_ZH[a] for a in Action}}
    return row.display_name, words.get(row.action, row.action)


def require_action_fits(task: ApprovalTask, action: str) -> None:
    """A consult task (委派) takes an opinion only; an opinion is given on a consult task only."""
    if task.kind == CONSULT and action != Action.OPINION:
        raise Conflict("consult_task_opinion_only", "委派事项只能回复意见，由委派人作出审批决定")
    if task.kind != CONSULT and action == Action.OPINION:
        raise RuleViolation("not_a_consult_task", "该任务不是委派事项，不能回复委派意见", "action")


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
            ApprovalTask.kind != CONSULT,
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
    delegate, consult, add_approvers, remove_approvers, comment; on a consult task: opinion), who may receive it
    if delegated, consulted (委派) or added (加签): (user id, name), by name — the body's active approvers not on
    the step and not consulted on it — and who may be removed (减签)."""

    actions: tuple[str, ...] = ()
    colleagues: tuple[tuple[int, str], ...] = ()
    consultees: tuple[tuple[int, str], ...] = ()
    removable: tuple[tuple[int, str], ...] = ()  # 减签: approvers of the step who have not acted (by step order)
    earlier_levels: tuple[tuple[str, str], ...] = ()  # 退回 to an earlier level: (level name, label)
    decisions: tuple[str, ...] = ()  # approve / reject / return, or vote / return: what /decide or /vote accepts

    @property
    def allowed(self) -> tuple[str, ...]:
        """Every action open on the task, by the API's names: the decisions first, then the others."""
        return (*self.decisions, *self.actions)


def task_options(actor: Actor, task: ApprovalTask) -> TaskOptions:
    """The role check of the task endpoints and the rules acting.claim(), acting.release() and acting.act() apply
    (require_may_claim, require_may_release, require_may_act and the engine's "already decided"), for one
    task. Colleagues: the body's active approvers not already on the step (acting.act() checks again)."""
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
    if task.status == "done" and task.outcome == Action.APPROVE and task.assignee_id == me:
        return TaskOptions(("take_back",) if may_take_back(me, step) else ())
    try:
        require_may_act(actor, step, task, lambda: candidate, lambda: offered)
    except (Conflict, Forbidden):
        return TaskOptions(tuple(actions))
    if task.kind == CONSULT:
        return TaskOptions(("opinion",))
    state = step_state(step, tasks_of([step.id]))
    if state.has_decided(me):
        return TaskOptions((*actions, "comment"))
    consulted = engine.open_consultations(state)
    taken = set(state.approvers) | {me} | set(consulted)
    others = [u for u in routes.body_approvers(step.body_id) if u not in taken]
    # 加签 / 减签: named approvers only (a group offer is the whole body already), never a committee's vote
    changes = not offered and step.mode != ApprovalMode.COMMITTEE_VOTE
    undecided = [a for a in state.approvers if not state.has_decided(a)] if changes else []
    removable = [a for a in undecided if isinstance(a, int) and (a != me or len(undecided) > 1)]
    names = _names([*others, *removable])
    colleagues = tuple(sorted(((u, names[u]) for u in others if u in names), key=lambda p: (p[1], p[0])))
    actions.append("delegate")
    if colleagues:
        actions.append("consult")
        if changes:
            actions.append("add_approvers")
    if removable:
        actions.append("remove_approvers")
    # 退回 to an earlier level: the levels this subject passed before this step's
    earlier = earlier_levels(step) if step.level > 0 else ()
    if earlier:
        actions.append("return_to")
    actions.append("comment")
    removing = tuple((u, names.get(u, str(u))) for u in removable)
    return TaskOptions(tuple(actions), colleagues, colleagues, removing, earlier, engine.decisions_for(step.mode))


def may_take_back(me: int, step: ApprovalStep) -> bool:
    """The rule acting.take_back() applies (workflows.approval.take_back), read without locks: for the task
    page's 拿回 button (the command checks again under its locks)."""
    state = step_state(step, tasks_of([step.id]))
    later: list[ApprovalStep] = []
    if step.status == StepStatus.APPROVED.value:
        later = list(
            db.session.execute(
                select(ApprovalStep)
                .where(
                    ApprovalStep.workflow == step.workflow,
                    ApprovalStep.subject_id == step.subject_id,
                    ApprovalStep.id > step.id,
                )
                .order_by(ApprovalStep.id.desc())
            ).scalars()
        )
    nxt = later[0] if later else None
    touched = touched_by(nxt) if nxt is not None else None
    if nxt is not None and (nxt.status != StepStatus.PENDING.value or len(later) > 1 or nxt.level != step.level + 1):
        touched = touched or ("他人", "办结")
    try:
        engine.take_back(state, me, moved_on=nxt is not None, touched_by=touched)
    except (Conflict, RuleViolation):
        return False
    return True


def name_of(person: Any) -> str:
    """A person of a step by display name (for a refusal that names who acted)."""
    return _names([person]).get(person, "他人")


def _names(ids: list[Any]) -> dict[int, str]:
    """Display names of these users, in one query (none when there are none)."""
    wanted = {i for i in ids if isinstance(i, int)}
    if not wanted:
        return {}
    return {
        r.id: r.display_name for r in db.session.execute(select(User.id, User.display_name).where(User.id.in_(wanted)))
    }
