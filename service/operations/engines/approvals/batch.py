"""Batch decisions (批量审批): approve or return many tasks in one request, each task on its own.

Each task goes through the one decision path (acting.act) in its own transaction, with one more check on its
locked rows (workflows.approval.check_batchable: no committee vote, no reply-issuing approval in a batch). A
task's refusal or conflict is its own answer and the others go on; what was decided stays decided. So a case
is never left half-decided: each decision commits whole or not at all. A deadlock or serialization failure
runs that task's transaction again (service.db.run_retrying); a database still away or busy after that is the
task's `error`, the others are tried.

Answered per task, in the order asked: `done` (the task's new status, its step's and its subject's state),
`conflict` (409-class: someone acted first — who, by display name — or it is not the actor's turn), `refused`
(the rule's code, message and field; a task outside the actor's scope is `not_found`, like a task that does
not exist), `error` (the database's 503-class code)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from flask import current_app
from sqlalchemy import select

from service.auth import Actor
from service.db import run_retrying
from service.db_failures import classify
from service.errors import DATABASE_ERRORS, DATABASE_MESSAGES, Forbidden, NotFound
from service.extensions import db
from service.models import ApprovalAction, ApprovalStep, ApprovalTask
from service.operations.engines.approvals import acting, handlers, reads
from service.operations.reference import users
from workflows import approval as engine
from workflows.approval import Action, BatchDecision
from workflows.errors import Conflict, RuleViolation

DONE, CONFLICT, REFUSED, ERROR = "done", "conflict", "refused", "error"
RESULT_LABELS_ZH = {DONE: "已办理", CONFLICT: "冲突", REFUSED: "未办理", ERROR: "暂时失败"}
NOT_FOUND_MESSAGE = "待办不存在或不在您的管辖范围内"
# The actions that make a task or step someone else's: who did it is named in a conflict.
_ACTED = ("approve", "reject", "return", "claim", "delegate")


@dataclass(frozen=True)
class TaskResult:
    """One task's answer in a batch."""

    task_id: int
    result: str  # done / conflict / refused / error
    code: str | None = None
    message: str | None = None
    field: str | None = None
    task_status: str | None = None
    step_status: str | None = None
    workflow: str | None = None
    subject_id: int | None = None
    subject_title: str | None = None
    subject_state: str | None = None
    subject_state_label: str | None = None
    acted_by: str | None = None  # conflict: who acted on the task or decided its step (display name)


def max_tasks() -> int:
    return int(current_app.config["SETTINGS"].batch_max_tasks)


def decide_many(actor: Actor, data: BatchDecision) -> list[TaskResult]:
    """Approve or return each task of `data` on its own (see the module's docstring). The batch as a whole is
    checked first (1..BATCH_MAX_TASKS distinct ids, a batchable action: RuleViolation, 422, nothing done)."""
    action = engine.check_batch(data.action, data.task_ids, max_tasks(), data.commented)
    guard = partial(_batchable, action)
    results = [_decide_one(actor, action, task_id, data.comment_for(task_id), guard) for task_id in data.task_ids]
    return _described(actor, results)


def _batchable(action: Action, subject: Any, step: ApprovalStep, _task: ApprovalTask) -> None:
    engine.check_batchable(action, step.mode, handlers.issues_reply(step.workflow, subject, step))


def _decide_one(actor: Actor, action: Action, task_id: int, comment: str | None, guard: acting.Guard) -> TaskResult:
    """One task through the one decision path, in its own transaction (rolled back whole on any refusal)."""
    try:
        run_retrying(lambda: acting.act(actor, task_id, action.value, comment=comment, guard=guard))
    except Conflict as exc:
        return TaskResult(task_id, CONFLICT, exc.code, exc.message, exc.field)
    except RuleViolation as exc:
        return TaskResult(task_id, REFUSED, exc.code, exc.message, exc.field)
    except NotFound:
        # Missing or out of scope alike: a batch must not tell which ids exist elsewhere.
        return TaskResult(task_id, REFUSED, "not_found", NOT_FOUND_MESSAGE)
    except Forbidden as exc:
        return TaskResult(task_id, REFUSED, exc.code, exc.message)
    except DATABASE_ERRORS as exc:
        code = classify(exc)
        if code is None:  # not the database being away or busy: a bug, answered as one
            raise
        db.session.rollback()
        return TaskResult(task_id, ERROR, code, DATABASE_MESSAGES[code])
    return TaskResult(task_id, DONE)


def _described(actor: Actor, results: list[TaskResult]) -> list[TaskResult]:
    """The tasks with their state now, their subjects, and who acted first on a conflicting one: a fixed number
    of queries (the tasks, the subjects per workflow, the actions, the names). Only tasks the actor reached in
    scope are described: one refused as not_found, or not reached (error), says no more than that."""
    shown = [r.task_id for r in results if r.result != ERROR and r.code != "not_found"]
    if not shown:
        return results
    tasks = {
        t.id: t for t in db.session.execute(select(ApprovalTask).where(ApprovalTask.id.in_(shown))).unique().scalars()
    }
    summaries = reads.summaries(list(tasks.values()))
    conflicting = [r.task_id for r in results if r.result == CONFLICT]
    acted = _who_acted(conflicting)
    names = users.display_names(acted.values())
    out = []
    for r in results:
        task = tasks.get(r.task_id)
        if task is None:
            out.append(r)
            continue
        summary = summaries.get((task.workflow, task.subject_id), {})
        out.append(
            replace(
                r,
                task_status=task.status,
                step_status=task.step.status,
                workflow=task.workflow,
                subject_id=task.subject_id,
                subject_title=summary.get("title"),
                subject_state=summary.get("state"),
                subject_state_label=summary.get("state_label"),
                acted_by=names.get(acted.get(r.task_id) or 0),
            )
        )
    return out


def _who_acted(task_ids: Iterable[int]) -> dict[int, int]:
    """Per task, who made it someone else's: the last to act on the task itself, else the last to decide
    its step (one query)."""
    ids = list(task_ids)
    if not ids:
        return {}
    rows = db.session.execute(
        select(ApprovalTask.id, ApprovalAction.task_id, ApprovalAction.actor_id, ApprovalAction.action)
        .join(ApprovalAction, ApprovalAction.step_id == ApprovalTask.step_id)
        .where(ApprovalTask.id.in_(ids), ApprovalAction.action.in_(_ACTED))
        .order_by(ApprovalAction.id)
    ).all()
    own: dict[int, int] = {}
    step: dict[int, int] = {}
    for task_id, acted_on, actor_id, action in rows:
        if actor_id is None:
            continue
        if acted_on == task_id:
            own[task_id] = actor_id
        elif action in ("approve", "reject", "return"):
            step[task_id] = actor_id
    return {**step, **own}
