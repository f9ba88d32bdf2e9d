from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields, validate

from schemas.common import LoadsInto, NoControlCharacters, one_of
from service.inputs import NewWebhook, WebhookChanges
from service.vocab import WEBHOOK_EVENTS as EVENTS
from service.vocab import WEBHOOK_URL_MAX_LENGTH as URL_MAX_LENGTH
from service.vocab import DeliveryStatus, SignatureScheme

STATUSES = [s.value for s in DeliveryStatus]
SCHEMES = [s.value for s in SignatureScheme]
SCHEME_DOC = (
    "How deliveries are signed: `standard` (Standard Webhooks: `webhook-id`, `webhook-timestamp`, "
    "`webhook-signature: v1,…`; the default) or `legacy` (`X-Dangjian-Signature: sha256=…`; deprecated, kept "
    "for receivers registered before the standard scheme)"
)


# What the document states of a URL: a plain subset of what validate.URL accepts (host names of letters and digits
# with a top-level name, an optional port and path), so a URL the document allows is one the app accepts.
URL_PATTERN = r"^https?://([a-z][a-z0-9]{0,20}\.){0,3}[a-z]{2,6}(:[1-9][0-9]{1,3})?(/[A-Za-z0-9._~-]{0,20}){0,3}$"


def _url(**kw: Any) -> fields.String:
    return fields.String(
        validate=[
            validate.Length(max=URL_MAX_LENGTH),
            NoControlCharacters(),
            validate.URL(schemes={"http", "https"}, require_tld=False, error="回调地址必须是 http(s) 地址"),
        ],
        metadata={"description": f"http(s) URL, at most {URL_MAX_LENGTH} characters", "pattern": URL_PATTERN},
        **kw,
    )


def _scheme(**kw: Any) -> fields.String:
    return fields.String(
        validate=validate.OneOf(SCHEMES, error="签名方式只能是 standard 或 legacy"),
        metadata={"description": SCHEME_DOC},
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
    signature_scheme = fields.String(metadata={"description": SCHEME_DOC, "enum": SCHEMES})
    previous_secret_until = fields.DateTime(
        allow_none=True,
        metadata={
            "description": "After a secret rotation: until when the replaced secret also signs (both signatures "
            "are sent); null when only the current secret signs"
        },
    )
    owner_id = fields.Integer()
    jurisdiction_id = fields.Integer(metadata={"description": "Events in this jurisdiction's subtree are sent"})
    version = fields.Integer()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class RegisteredWebhookSchema(WebhookSchema):
    secret = fields.String(
        metadata={
            "description": "The signing secret, `whsec_<base64 key>`: shown once, at registration or rotation, "
            "never again"
        }
    )


class WebhookCreateSchema(LoadsInto):
    into = NewWebhook
    url = _url(required=True)
    events = _events(required=True)
    signature_scheme = _scheme(load_default="standard")


class WebhookUpdateSchema(LoadsInto):
    into = WebhookChanges
    url = _url()
    events = _events()
    active = fields.Boolean()
    signature_scheme = _scheme()


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
