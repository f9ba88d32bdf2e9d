"""The audit trail (read)."""

from __future__ import annotations

from typing import Any

from schemas.audit import AuditEventSchema, AuditQuerySchema
from service.api.docs import errors
from service.api.pagination import Blueprint
from service.auth import current_actor, require_roles
from service.operations.engines import audit
from service.roles import AUDIT_READERS

blp = Blueprint("audit", __name__, url_prefix="/api/v1/audit", description="Audit trail")


@blp.route("")
@blp.arguments(AuditQuerySchema, location="query")
@blp.response(200, AuditEventSchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 403, 422)
@require_roles(*AUDIT_READERS)
def list_audit(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    """Audit records in my jurisdiction, newest first; filter by subject and action. The total
    (X-Pagination) counts as far as the deepest page served (MAX_PAGINATION_OFFSET + 200 records), not beyond."""
    items, total = audit.audit_page(
        current_actor(),
        filters.get("subject_type"),
        filters.get("subject_id"),
        filters.get("action"),
        pagination_parameters.page,
        pagination_parameters.page_size,
    )
    pagination_parameters.item_count = total
    return items
