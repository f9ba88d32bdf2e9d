"""All models, imported here so Alembic and the app see the whole metadata."""

from service.models.approval import ApprovalAction, ApprovalRoute, ApprovalStep, ApprovalTask, TaskCandidate
from service.models.audit import AuditEvent
from service.models.escalation import (
    CalendarOverride,
    CalendarYear,
    EscalationEvent,
    Notification,
    Webhook,
    WebhookDelivery,
)
from service.models.establishment import EstablishmentCase, EstablishmentCaseUnit
from service.models.jurisdiction import Jurisdiction, JurisdictionKind
from service.models.ledger import PartyOrg, Unit
from service.models.signin import SignInFailure
from service.models.supervision import Interview, SupervisionTicket, TicketExtension, TicketProblem, TicketReport
from service.models.user import ApiToken, Role, User

__all__ = [
    "ApiToken",
    "ApprovalAction",
    "ApprovalRoute",
    "ApprovalStep",
    "ApprovalTask",
    "AuditEvent",
    "CalendarOverride",
    "CalendarYear",
    "EscalationEvent",
    "EstablishmentCase",
    "EstablishmentCaseUnit",
    "Interview",
    "Jurisdiction",
    "JurisdictionKind",
    "Notification",
    "PartyOrg",
    "Role",
    "SignInFailure",
    "SupervisionTicket",
    "TaskCandidate",
    "TicketExtension",
    "TicketProblem",
    "TicketReport",
    "Unit",
    "User",
    "Webhook",
    "WebhookDelivery",
]
