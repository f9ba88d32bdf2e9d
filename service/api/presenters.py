"""Read models shared by several endpoints (batched: a fixed number of queries per page)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from service.auth import Actor
from service.clock import today
from service.models import ApprovalStep, ApprovalTask
from service.operations.engines import approvals, audit, urges
from workflows.approval import MODE_LABELS_ZH, ApprovalMode


def step_brief(step: ApprovalStep) -> dict[str, Any]:
    return {
        "id": step.id,
        "level": step.level,
        "level_name": step.level_name,
        "body": {"id": step.body.id, "name": step.body.name},
        "mode": step.mode,
        "mode_label": MODE_LABELS_ZH[ApprovalMode(step.mode)],
    }


def steps_view(workflow: str, subject_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    if not subject_ids:
        return {}
    steps = approvals.reads.steps_of_subjects(workflow, subject_ids)
    tasks = approvals.reads.tasks_of([s.id for s in steps])
    groups = approvals.reads.group_task_ids([t.id for t in tasks])
    by_step: dict[int, list[dict[str, Any]]] = {}
    for t in tasks:
        by_step.setdefault(t.step_id, []).append(
            {
                "id": t.id,
                "position": t.position,
                "assignee_id": t.assignee_id,
                "offered_to_group": t.id in groups,
                "status": t.status,
                "kind": t.kind,
                "outcome": t.outcome,
                "comment": t.comment,
                "decided_at": t.decided_at,
            }
        )
    out: dict[int, list[dict[str, Any]]] = {}
    for s in steps:
        out.setdefault(s.subject_id, []).append(
            {
                **step_brief(s),
                "status": s.status,
                "due_on": s.due_on,
                "due_basis": s.due_basis,
                "overdue": s.status == "pending" and s.due_on < today(),
                "tally": s.tally,
                "tasks": by_step.get(s.id, []),
            }
        )
    return out


def tasks_view(tasks: list[ApprovalTask]) -> list[dict[str, Any]]:
    summaries = approvals.reads.summaries(tasks)
    marks = approvals.reads.task_marks([t.id for t in tasks])
    on = today()
    return [
        {
            "id": t.id,
            "workflow": t.workflow,
            "subject_id": t.subject_id,
            "step": step_brief(t.step),
            "status": t.status,
            "assignee_id": t.assignee_id,
            "offered_to_group": t.id in marks.offered,
            "claimed_at": t.claimed_at,
            "due_on": t.due_on,
            "overdue": approvals.reads.is_overdue(t, on),
            "outcome": t.outcome,
            "comment": t.comment,
            "decided_at": t.decided_at,
            "summary": summaries.get((t.workflow, t.subject_id), {}),
            "kind": t.kind,
            "version": t.version,
            "urge_count": marks.urge_count(t.id),
            "last_urged_at": marks.last_urged_at(t.id),
        }
        for t in tasks
    ]


def task_view(actor: Actor, task: ApprovalTask) -> dict[str, Any]:
    """One task with what `actor` may do on it now (the rules the commands apply, read without locks)."""
    allowed = approvals.reads.task_options(actor, task).allowed
    if urges.may_urge_task(actor, task):
        allowed = (*allowed, "urge")
    return {**tasks_view([task])[0], "allowed_actions": list(allowed)}


def history_view(subject_type: str, subject_id: int) -> list[dict[str, Any]]:
    return [
        {
            "at": e.occurred_at,
            "actor": e.actor_label,
            "action": e.action,
            "comment": e.comment,
            "state_before": e.state_before,
            "state_after": e.state_after,
        }
        for e in audit.history(subject_type, subject_id)
    ]


def batch_view(action: str, results: list[approvals.batch.TaskResult]) -> dict[str, Any]:
    return {
        "action": action,
        "done": sum(1 for r in results if r.result == approvals.batch.DONE),
        "results": [asdict(r) for r in results],
    }
