"""All models, imported here so Alembic and the app see the whole metadata."""

from service.models.approval import ApprovalAction, ApprovalRoute, ApprovalStep, ApprovalTask, TaskCandidate
from service.models.attachment import Attachment
from service.models.audit import AuditEvent
from service.models.config import ConfigVersion, RuleVersion
from service.models.copy import Copy
from service.models.coverage import Circular, CoverageSnapshot
from service.models.document import DocumentCounter, DocumentTemplate, IssuedDocument
from service.models.escalation import (
    CalendarOverride,
    CalendarYear,
    EscalationEvent,
    Notification,
    Webhook,
    WebhookDelivery,
)
from service.models.establishment import EstablishmentCase, EstablishmentCaseUnit
from service.models.idempotency import IdempotencyKey
from service.models.imports import UnitImport, UnitImportError, UnitImportRow
from service.models.jurisdiction import Jurisdiction, JurisdictionKind
from service.models.ledger import PartyOrg, Unit
from service.models.opinion import SavedOpinion
from service.models.signin import SignInFailure
from service.models.supervision import Interview, SupervisionTicket, TicketExtension, TicketProblem, TicketReport
from service.models.user import ApiToken, Role, User

__all__ = [
    "ApiToken",
    "ApprovalAction",
    "ApprovalRoute",
    "ApprovalStep",
    "ApprovalTask",
    "Attachment",
    "AuditEvent",
    "CalendarOverride",
    "CalendarYear",
    "Circular",
    "ConfigVersion",
    "Copy",
    "CoverageSnapshot",
    "DocumentCounter",
    "DocumentTemplate",
    "EscalationEvent",
    "EstablishmentCase",
    "EstablishmentCaseUnit",
    "IdempotencyKey",
    "Interview",
    "IssuedDocument",
    "Jurisdiction",
    "JurisdictionKind",
    "Notification",
    "PartyOrg",
    "Role",
    "RuleVersion",
    "SavedOpinion",
    "SignInFailure",
    "SupervisionTicket",
    "TaskCandidate",
    "TicketExtension",
    "TicketProblem",
    "TicketReport",
    "Unit",
    "UnitImport",
    "UnitImportError",
    "UnitImportRow",
    "User",
    "Webhook",
    "WebhookDelivery",
]


def _import_every_model_module() -> None:
    """A new workflow's model module is picked up without a line here (its table joins the metadata)."""
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")


_import_every_model_module()
