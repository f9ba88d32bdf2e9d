"""Overdue approval steps on the escalation ladder: a reminder to the approvers, then a report to the body above."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from service.extensions import db
from service.models import (
    ApprovalStep,
    ApprovalTask,
    Role,
    TaskCandidate,
)
from service.operations.engines import escalation, notifications, webhooks
from service.operations.engines.approvals import handlers
from workflows.workdays import WorkdayCalendar

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
    label = handlers.subject_label(s.workflow, s.subject_id)
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
