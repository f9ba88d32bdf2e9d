"""The approval engine's registrations: the workflows whose rows go through approval steps, each with the
handler that moves its subject on when a step closes, its summaries and labels (registered once by
service.operations.registry)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from service.auth import Actor
from service.extensions import db
from service.models import (
    ApprovalStep,
)
from workflows import approval as engine
from workflows.approval import ApprovalMode, StepStatus

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
# Whether approving this step issues the reply (批复文号, dates): the subject and the step, both locked.
ReplyRule = Callable[[Any, ApprovalStep], bool]
HANDLERS: dict[str, StepHandler] = {}
SUMMARIES: dict[str, SummaryProvider] = {}
SUBJECTS: dict[str, type[Any]] = {}
_LABELS: dict[str, LabelProvider] = {}
_ISSUES_REPLY: dict[str, ReplyRule] = {}


def register(
    workflow: str,
    on_closed: StepHandler,
    summaries: SummaryProvider,
    subject: type[Any],
    labels: LabelProvider | None = None,
    issues_reply: ReplyRule | None = None,
) -> None:
    """A workflow whose rows (`subject`, the model) go through approval steps. Every action on a task locks
    the subject row first, with the step and its tasks, in one statement: the subject is what the workflow's
    own commands lock, so a decision, a withdrawal and a cancellation of one case queue on one row.
    `labels`: the subjects in words (one query for a list of ids), named by the task notifications.
    `issues_reply`: whether approving a step issues the reply (its number and dates): such a step is not
    approved in a batch (workflows.approval.check_batchable). Without it no step of the workflow does."""
    HANDLERS[workflow] = on_closed
    SUMMARIES[workflow] = summaries
    SUBJECTS[workflow] = subject
    if labels is not None:
        _LABELS[workflow] = labels
    if issues_reply is not None:
        _ISSUES_REPLY[workflow] = issues_reply


def issues_reply(workflow: str, subject: Any, step: ApprovalStep) -> bool:
    """Whether approving `step` of `subject` (both locked) issues the workflow's reply (批复)."""
    rule = _ISSUES_REPLY.get(workflow)
    return rule is not None and rule(subject, step)


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

    return [w for w in APPROVAL_WORKFLOWS if w not in HANDLERS or w not in SUMMARIES]
