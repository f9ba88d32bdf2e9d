"""Outgoing webhooks (回调): portals and admins subscribe an URL to events; deliveries are signed and retried."""

from __future__ import annotations

from typing import Any

from schemas.webhooks import (
    DeliveryQuerySchema,
    DeliverySchema,
    RegisteredWebhookSchema,
    WebhookCreateSchema,
    WebhookEventsSchema,
    WebhookQuerySchema,
    WebhookSchema,
    WebhookUpdateSchema,
)
from service.api.docs import errors
from service.api.etag import IF_MATCH_DOC, headers_for, require_if_match
from service.api.pagination import Blueprint
from service.auth import current_actor, require_roles
from service.inputs import NewWebhook, WebhookChanges
from service.operations.common import paginate
from service.operations.engines import webhook_subscriptions as subscriptions
from service.roles import ADMINS, WEBHOOK_MANAGERS
from service.vocab import WEBHOOK_EVENTS

blp = Blueprint(
    "webhooks",
    __name__,
    url_prefix="/api/v1/webhooks",
    description="Outgoing webhooks: portals their own, admins those in their jurisdiction",
)


@blp.route("/events")
@blp.response(200, WebhookEventsSchema)
@errors(blp)
def list_events() -> Any:
    """The events a webhook may subscribe to (any role)."""
    return {"events": list(WEBHOOK_EVENTS)}


@blp.route("")
@blp.arguments(WebhookQuerySchema, location="query")
@blp.response(200, WebhookSchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 403, 422)
@require_roles(*WEBHOOK_MANAGERS)
def list_webhooks(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    """A portal's own webhooks; an admin's: every webhook in its jurisdiction. Totals in `X-Pagination`."""
    stmt = subscriptions.query(current_actor(), filters.get("active"))
    items, total = paginate(stmt, pagination_parameters.page, pagination_parameters.page_size)
    pagination_parameters.item_count = total
    return items


@blp.route("", methods=["POST"])
@blp.arguments(WebhookCreateSchema)
@blp.response(201, RegisteredWebhookSchema)
@errors(blp, 400, 403, 422)
@require_roles(*WEBHOOK_MANAGERS)
def register_webhook(data: NewWebhook) -> Any:
    """Register a webhook for events in my jurisdiction. The response carries the signing `secret`: the only
    time it is shown. The URL must reach a public address unless `WEBHOOK_ALLOWED_HOSTS` names it (422 on
    `url` otherwise). Deliveries follow the Standard Webhooks spec unless `signature_scheme` is `legacy`."""
    hook, _secret = subscriptions.register(current_actor(), data)
    return hook, 201, headers_for(hook)  # RegisteredWebhookSchema: the only answer that includes the secret


@blp.route("/<int:webhook_id>")
@blp.response(200, WebhookSchema)
@errors(blp, 403, 404)
@require_roles(*WEBHOOK_MANAGERS)
def get_webhook(webhook_id: int) -> Any:
    hook = subscriptions.get(current_actor(), webhook_id)
    return hook, 200, headers_for(hook)


@blp.route("/<int:webhook_id>", methods=["PATCH"])
@blp.arguments(WebhookUpdateSchema)
@blp.response(200, WebhookSchema)
@blp.doc(**IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422, 428)
@require_roles(*WEBHOOK_MANAGERS)
def update_webhook(changes: WebhookChanges, webhook_id: int) -> Any:
    """Change the URL (checked like at registration), the events, the `signature_scheme` (move a legacy
    receiver to `standard`), or switch it on/off. Switching off cancels the pending deliveries."""
    actor = current_actor()
    hook = subscriptions.get(actor, webhook_id)
    require_if_match(hook)
    hook = subscriptions.update_webhook(actor, hook, changes)
    return hook, 200, headers_for(hook)


@blp.route("/<int:webhook_id>", methods=["DELETE"])
@blp.response(200, WebhookSchema)
@errors(blp, 403, 404, 409)
@require_roles(*WEBHOOK_MANAGERS)
def deactivate_webhook(webhook_id: int) -> Any:
    """Deactivate (idempotent). The webhook and its delivery log stay; pending deliveries are cancelled."""
    actor = current_actor()
    hook = subscriptions.deactivate(actor, subscriptions.get(actor, webhook_id))
    return hook, 200, headers_for(hook)


@blp.route("/<int:webhook_id>/rotate-secret", methods=["POST"])
@blp.response(200, RegisteredWebhookSchema)
@errors(blp, 403, 404, 409)
@require_roles(*ADMINS)
def rotate_secret(webhook_id: int) -> Any:
    """Admins: give the webhook a new signing `secret`, shown in this answer only. For
    `WEBHOOK_SECRET_OVERLAP_HOURS` (24 h by default, until `previous_secret_until`) deliveries carry the new
    secret's signature and the old one's; after that only the new one's. Audited."""
    actor = current_actor()
    hook, _secret = subscriptions.rotate_secret(actor, subscriptions.get(actor, webhook_id))
    return hook, 200, headers_for(hook)  # RegisteredWebhookSchema: the secret, this once


@blp.route("/<int:webhook_id>/deliveries")
@blp.arguments(DeliveryQuerySchema, location="query")
@blp.response(200, DeliverySchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 403, 404, 422)
@require_roles(*WEBHOOK_MANAGERS)
def list_deliveries(filters: dict[str, Any], pagination_parameters: Any, webhook_id: int) -> Any:
    """The delivery log, newest first: status, attempts, last status code and error, timestamps."""
    hook = subscriptions.get(current_actor(), webhook_id)
    items, total = paginate(
        subscriptions.deliveries_query(hook, filters.get("status")),
        pagination_parameters.page,
        pagination_parameters.page_size,
    )
    pagination_parameters.item_count = total
    return items


@blp.route("/<int:webhook_id>/deliveries/<int:delivery_id>/redeliver", methods=["POST"])
@blp.response(200, DeliverySchema)
@errors(blp, 403, 404, 409)
@require_roles(*WEBHOOK_MANAGERS)
def redeliver(webhook_id: int, delivery_id: int) -> Any:
    """Queue a failed or cancelled delivery again, from attempt 0, with the same delivery id."""
    actor = current_actor()
    return subscriptions.redeliver(actor, subscriptions.get(actor, webhook_id), delivery_id)
