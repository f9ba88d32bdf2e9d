"""Names and limits shared by the request schemas (which validate them) and the operations (which apply
them): sort keys, webhook events, delivery statuses, size limits. Kept here, outside both layers, so the
schemas need nothing from `service.operations` (`tests/architecture/test_layers.py` checks)."""

from __future__ import annotations

from enum import StrEnum

from workflows.deadlines import LEVEL_LABELS
from workflows.registry import WORKFLOW_EVENTS

# The `sort=` keys each list accepts (columns of the listed model).
UNIT_SORT_KEYS = {"name", "credit_code", "employees", "formal_members", "created_at", "updated_at", "id"}
PARTY_ORG_SORT_KEYS = {"name", "founded_on", "term_due_on", "created_at", "id"}
CASE_SORT_KEYS = {"created_at", "updated_at", "proposed_name", "state", "id"}
TICKET_SORT_KEYS = {"created_at", "updated_at", "issued_on", "rectify_by", "title", "state", "priority", "id"}
INTERVIEW_SORT_KEYS = {"created_at", "updated_at", "scheduled_at", "held_at", "state", "id"}

# What an interview may be about.
INTERVIEW_SUBJECT_TYPES = ("supervision_ticket", "establishment", "jurisdiction")

# The largest working-day count the calendar's deadline query accepts.
MAX_DEADLINE_WORKDAYS = 1000

# The events a webhook may subscribe to; "*" is every event. Escalation levels and task assignment are the
# engines'; each workflow declares its own (WorkflowDefinition.webhook_events).
WEBHOOK_EVENTS: tuple[str, ...] = (
    "*",
    *(f"escalation.{level}" for level in LEVEL_LABELS),
    "task.assigned",
    # An attachment (附件) was added to a case, ticket or interview (service/operations/engines/attachments.py).
    "attachment.added",
    "task.consulted",  # 委派: a colleague was asked for an opinion
    "task.consult_answered",  # the consulted colleague gave it
    "task.taken_back",  # 拿回: an approver took their approval back
    "task.approvers_added",  # 加签
    "task.approvers_removed",  # 减签
    "task.returned_to",  # 退回 to an earlier approval level
    "task.urged",  # 催办 of an overdue approval task
    "supervision_ticket.urged",  # 催办 of a ticket
    "copy.sent",  # 抄送: a case or ticket copied to people who must know
    *WORKFLOW_EVENTS,
)
WEBHOOK_URL_MAX_LENGTH = 500  # webhooks.url


class SignatureScheme(StrEnum):
    """How a webhook's deliveries are signed (service/operations/engines/webhooks.py)."""

    standard = "standard"  # Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature
    legacy = "legacy"  # X-Dangjian-Signature (deprecated; subscriptions older than the standard scheme)


class DeliveryStatus(StrEnum):
    pending = "pending"
    delivered = "delivered"
    failed = "failed"
    cancelled = "cancelled"  # the webhook (or its owner) was deactivated before it was delivered
