"""All models, imported here so Alembic and the app see the whole metadata."""

from service.models.audit import AuditEvent
from service.models.jurisdiction import Jurisdiction, JurisdictionKind
from service.models.ledger import PartyOrg, Unit
from service.models.user import ApiToken, Role, User

__all__ = ["ApiToken", "AuditEvent", "Jurisdiction", "JurisdictionKind", "PartyOrg", "Role", "Unit", "User"]
