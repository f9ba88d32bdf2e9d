"""In-app notifications (站内通知): every user reads and marks only their own."""

from __future__ import annotations

from typing import Any

from schemas.notifications import MarkedSchema, NotificationQuerySchema, NotificationSchema, UnreadCountSchema
from service.api.docs import errors
from service.api.pagination import Blueprint
from service.auth import current_actor
from service.operations.common import paginate
from service.operations.engines import notifications

blp = Blueprint(
    "notifications", __name__, url_prefix="/api/v1/notifications", description="My in-app notifications (站内通知)"
)


@blp.route("")
@blp.arguments(NotificationQuerySchema, location="query")
@blp.response(200, NotificationSchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 422)
def list_notifications(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    """My notifications, newest first; `unread=true` for the unread ones. Totals in `X-Pagination`."""
    stmt = notifications.query(current_actor(), filters.get("unread"))
    items, total = paginate(stmt, pagination_parameters.page, pagination_parameters.page_size)
    pagination_parameters.item_count = total
    return items


@blp.route("/unread-count")
@blp.response(200, UnreadCountSchema)
@errors(blp)
def unread_count() -> Any:
    """How many of my notifications are unread (for a badge)."""
    return {"unread": notifications.unread_count(current_actor())}


@blp.route("/read-all", methods=["POST"])
@blp.response(200, MarkedSchema)
@errors(blp)
def read_all() -> Any:
    """Mark all my unread notifications read."""
    return {"marked": notifications.mark_all_read(current_actor())}


@blp.route("/<int:notification_id>/read", methods=["POST"])
@blp.response(200, NotificationSchema)
@errors(blp, 404)
def read_one(notification_id: int) -> Any:
    """Mark one of my notifications read (idempotent: the first read time is kept). Another user's: 404."""
    return notifications.mark_read(current_actor(), notification_id)
