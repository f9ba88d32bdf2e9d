"""抄送 / 待阅 (copies): copy a case or a ticket to people who must know; my copies to read."""

from __future__ import annotations

from typing import Any

from schemas.copies import CopiedSchema, CopyQuerySchema, CopyRequestSchema, CopySchema
from service.api.docs import errors
from service.api.pagination import Blueprint
from service.auth import current_actor, require_roles
from service.operations.common import paginate
from service.operations.engines import copies
from service.roles import CASE_COPIERS, TICKET_COPIERS

blp = Blueprint("copies", __name__, url_prefix="/api/v1", description="Copies to read (抄送 / 待阅)")


def copy_view(listed: copies.Listed) -> dict[str, Any]:
    c = listed.copy
    return {
        "id": c.id,
        "subject_type": c.subject_type,
        "subject_id": c.subject_id,
        "subject_label": listed.label_zh,
        "title": listed.title,
        "state_label": listed.state_label,
        "subject_path": listed.api_path,
        "sender_id": c.sender_id,
        "sender_name": listed.sender_name,
        "recipient_id": c.recipient_id,
        "note": c.note,
        "created_at": c.created_at,
        "read_at": c.read_at,
        "read": listed.read,
    }


def _copied(subject_type: str, subject_id: int, data: dict[str, Any]) -> Any:
    done = copies.copy(current_actor(), subject_type, subject_id, data["user_ids"], data.get("note"))
    body = {"created": done.created, "copies": [copy_view(x) for x in copies.present(done.copies)]}
    return body, 201 if done.created else 200


@blp.route("/establishment-cases/<int:case_id>/copies", methods=["POST"])
@blp.arguments(CopyRequestSchema)
@blp.response(201, CopiedSchema)
@blp.alt_response(200, schema=CopiedSchema, description="Every recipient already held an unread copy")
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*CASE_COPIERS)
def copy_case(data: dict[str, Any], case_id: int) -> Any:
    """抄送 an establishment case (its approvers, handling body, supervisors and admins may).

    201 when at least one copy was written; 200 when every recipient already held an unread copy (nothing
    written: idempotent). 422 names a recipient who may not receive it (oneself, unknown or inactive, or who
    cannot see the subject). 404 outside the caller's scope, 403 for a role that may not copy it."""
    return _copied("establishment", case_id, data)


@blp.route("/supervision-tickets/<int:ticket_id>/copies", methods=["POST"])
@blp.arguments(CopyRequestSchema)
@blp.response(201, CopiedSchema)
@blp.alt_response(200, schema=CopiedSchema, description="Every recipient already held an unread copy")
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*TICKET_COPIERS)
def copy_ticket(data: dict[str, Any], ticket_id: int) -> Any:
    """抄送 a supervision ticket (its issuing side and its handlers may).

    201 when at least one copy was written; 200 when every recipient already held an unread copy (nothing
    written: idempotent). 422 names a recipient who may not receive it (oneself, unknown or inactive, or who
    cannot see the subject). 404 outside the caller's scope, 403 for a role that may not copy it."""
    return _copied("supervision_ticket", ticket_id, data)


@blp.route("/copies")
@blp.arguments(CopyQuerySchema, location="query")
@blp.response(200, CopySchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 422)
def list_copies(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    """My copies to read (待阅): unread first, then newest first; `unread=true` for the unread ones. Each shows
    its subject as it is now. Totals in `X-Pagination`."""
    stmt = copies.query(current_actor(), filters.get("unread"))
    items, total = paginate(stmt, pagination_parameters.page, pagination_parameters.page_size)
    pagination_parameters.item_count = total
    return [copy_view(x) for x in copies.present(items)]


@blp.route("/copies/<int:copy_id>/read", methods=["POST"])
@blp.response(200, CopySchema)
@errors(blp, 404)
def read_copy(copy_id: int) -> Any:
    """Mark one of my copies read (idempotent: the first read time is kept). Another user's: 404."""
    return copy_view(copies.present([copies.mark_read(current_actor(), copy_id)])[0])
