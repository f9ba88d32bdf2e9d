from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields, validate

from schemas.common import LoadsInto, NoControlCharacters, one_of
from service.inputs import NewWebhook, WebhookChanges
from service.vocab import WEBHOOK_EVENTS as EVENTS
from service.vocab import WEBHOOK_URL_MAX_LENGTH as URL_MAX_LENGTH
from service.vocab import DeliveryStatus

STATUSES = [s.value for s in DeliveryStatus]


def _url(**kw: Any) -> fields.String:
    return fields.String(
        validate=[
            validate.Length(max=URL_MAX_LENGTH),
            NoControlCharacters(),
            validate.URL(schemes={"http", "https"}, require_tld=False, error="回调地址必须是 http(s) 地址"),
        ],
        metadata={"description": f"http(s) URL, at most {URL_MAX_LENGTH} characters"},
        **kw,
    )


def _events(**kw: Any) -> fields.List:
    return fields.List(
        one_of(list(EVENTS)),
        validate=validate.Length(min=1, max=len(EVENTS)),
        metadata={"description": "Events to receive; `*` is every event. See GET /api/v1/webhooks/events."},
        **kw,
    )


class WebhookSchema(Schema):
    id = fields.Integer()
    url = fields.String()
    events = fields.List(fields.String())
    active = fields.Boolean()
    owner_id = fields.Integer()
    jurisdiction_id = fields.Integer(metadata={"description": "Events in this jurisdiction's subtree are sent"})
    version = fields.Integer()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class RegisteredWebhookSchema(WebhookSchema):
    secret = fields.String(
        metadata={"description": "The HMAC-SHA256 signing key: shown once, at registration, never again"}
    )


class WebhookCreateSchema(LoadsInto):
    into = NewWebhook
    url = _url(required=True)
    events = _events(required=True)


class WebhookUpdateSchema(LoadsInto):
    into = WebhookChanges
    url = _url()
    events = _events()
    active = fields.Boolean()


class WebhookQuerySchema(Schema):
    active = fields.Boolean()


class WebhookEventsSchema(Schema):
    events = fields.List(fields.String(), metadata={"description": "Events a webhook may subscribe to"})


class DeliverySchema(Schema):
    id = fields.Integer(metadata={"description": "Also sent as X-Dangjian-Delivery: receivers dedupe on it"})
    webhook_id = fields.Integer()
    event = fields.String()
    status = fields.String(metadata={"description": "pending, delivered, failed or cancelled"})
    attempts = fields.Integer()
    next_attempt_at = fields.DateTime(allow_none=True)
    last_status_code = fields.Integer(allow_none=True)
    last_error = fields.String(allow_none=True)
    created_at = fields.DateTime()
    delivered_at = fields.DateTime(allow_none=True)
    payload = fields.Dict()


class DeliveryQuerySchema(Schema):
    status = one_of(STATUSES)
