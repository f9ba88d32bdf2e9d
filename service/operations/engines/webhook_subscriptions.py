"""Webhook subscriptions: portals manage their own webhooks, admins every webhook in their scope (register,
change, deactivate, list deliveries, redeliver; admins also rotate secrets). Publishing events, signing and
delivering them is service/operations/engines/webhooks.py; which addresses may be reached, webhook_targets.py."""

from __future__ import annotations

import base64
import secrets
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from flask import current_app
from sqlalchemy import Select, select, update

from service.auth import Actor, in_scope
from service.clock import now as current_time
from service.db import transaction
from service.errors import Forbidden, NotFound
from service.extensions import db
from service.inputs import NewWebhook, WebhookChanges
from service.models import Role, Webhook, WebhookDelivery
from service.models.base import snapshot
from service.operations.common import get_scoped, rowcount
from service.operations.engines import audit, webhook_targets
from service.operations.engines.webhooks import SECRET_PREFIX
from service.roles import WEBHOOK_MANAGERS
from service.vocab import WEBHOOK_EVENTS as EVENTS
from service.vocab import WEBHOOK_URL_MAX_LENGTH as URL_MAX_LENGTH
from service.vocab import DeliveryStatus, SignatureScheme
from workflows.errors import Conflict, RuleViolation


def _require_role(actor: Actor) -> None:
    if actor.role not in {r.value for r in WEBHOOK_MANAGERS}:
        raise Forbidden()


def _visible(stmt: Select[Any], actor: Actor) -> Select[Any]:
    """An admin manages the webhooks in scope, anyone else their own."""
    if actor.role == Role.admin:
        return in_scope(stmt, Webhook.jurisdiction_id, actor)
    return stmt.where(Webhook.owner_id == actor.user_id)


def get(actor: Actor, ident: int) -> Webhook:
    """A webhook the actor may manage; any other answers 404 like a missing one."""
    _require_role(actor)
    return get_scoped(Webhook, ident, actor, scope=_visible)


def query(actor: Actor, active: bool | None = None) -> Select[Webhook]:
    _require_role(actor)
    stmt = _visible(select(Webhook), actor)
    if active is not None:
        stmt = stmt.where(Webhook.active.is_(active))
    return stmt.order_by(Webhook.id)


def check_url(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if (
        len(url) > URL_MAX_LENGTH
        or parts.scheme not in {"http", "https"}
        or not parts.hostname
        or any(ch.isspace() for ch in url)
    ):
        raise RuleViolation(
            "invalid_webhook_url", f"回调地址必须是不超过 {URL_MAX_LENGTH} 个字符的 http(s) 地址", "url"
        )
    _check_reachable(url)
    return url


def _check_reachable(url: str) -> None:
    """The SSRF guard on registration: refuse an URL whose host resolves to a non-public address. A host
    that does not resolve now is accepted: every delivery checks again before it connects."""
    try:
        webhook_targets.check(url, current_app.config["SETTINGS"].webhook_allowed_hosts)
    except webhook_targets.Refused as refused:
        raise RuleViolation("webhook_url_not_public", refused.message, "url") from None
    except webhook_targets.Unresolved:
        return


def check_scheme(scheme: str) -> str:
    if scheme not in {s.value for s in SignatureScheme}:
        raise RuleViolation("unknown_signature_scheme", "签名方式只能是 standard 或 legacy", "signature_scheme")
    return scheme


def check_events(events: list[str]) -> list[str]:
    """Known events only, at least one; duplicates are dropped, the order kept."""
    unknown = [e for e in events if e not in EVENTS]
    if unknown:
        raise RuleViolation("unknown_webhook_event", f"未知的事件：{', '.join(unknown)}", "events")
    if not events:
        raise RuleViolation("no_webhook_events", "至少订阅一个事件", "events")
    return list(dict.fromkeys(events))


def new_secret() -> str:
    """`whsec_` and 32 random bytes in standard base64: the Standard Webhooks form (the legacy scheme keys
    its HMAC with the whole string, so it serves both)."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def _audit_state(hook: Webhook) -> dict[str, Any]:
    return snapshot(hook, exclude=("secret", "previous_secret"))  # signing keys never enter the audit trail


def register(actor: Actor, new: NewWebhook) -> tuple[Webhook, str]:
    """Register a webhook for the actor's jurisdiction. Returns it and its signing secret — the only time
    the secret is handed out."""
    _require_role(actor)
    if actor.user_id is None or actor.jurisdiction_id is None:
        raise Forbidden("只有用户可以注册回调")
    url = check_url(new.url)
    events = check_events(new.events)
    scheme = check_scheme(new.signature_scheme)
    secret = new_secret()
    with transaction():
        hook = Webhook(
            owner_id=actor.user_id,
            jurisdiction_id=actor.jurisdiction_id,
            url=url,
            secret=secret,
            events=events,
            active=True,
            signature_scheme=scheme,
        )
        db.session.add(hook)
        db.session.flush()
        audit.record(actor, "webhook.register", "webhook", hook.id, hook.jurisdiction_id, None, _audit_state(hook))
    return hook, secret


def _cancel_pending(hook_id: int, reason: str) -> int:
    result = db.session.execute(
        update(WebhookDelivery)
        .where(WebhookDelivery.webhook_id == hook_id, WebhookDelivery.status == DeliveryStatus.pending.value)
        .values(status=DeliveryStatus.cancelled.value, next_attempt_at=None, last_error=reason)
        .execution_options(synchronize_session=False)
    )
    return rowcount(result)


def update_webhook(actor: Actor, hook: Webhook, patch: WebhookChanges) -> Webhook:
    """Change url, events or active. Deactivating cancels the deliveries still pending."""
    changes = dict(patch.items())
    if "url" in changes:
        changes["url"] = check_url(changes["url"])
    if "events" in changes:
        changes["events"] = check_events(changes["events"])
    if "signature_scheme" in changes:
        changes["signature_scheme"] = check_scheme(changes["signature_scheme"])
    with transaction():
        before = _audit_state(hook)
        for key, value in changes.items():
            setattr(hook, key, value)
        cancelled = 0
        if before["active"] and not hook.active:
            cancelled = _cancel_pending(hook.id, "webhook deactivated")
        db.session.flush()
        old, new = audit.changed(before, _audit_state(hook))
        if old or new:
            action = "webhook.deactivate" if before["active"] and not hook.active else "webhook.update"
            comment = f"cancelled {cancelled} pending deliveries" if cancelled else None
            audit.record(actor, action, "webhook", hook.id, hook.jurisdiction_id, old, new, comment)
    return hook


def deactivate(actor: Actor, hook: Webhook) -> Webhook:
    """Idempotent: an inactive webhook is returned unchanged."""
    if not hook.active:
        return hook
    return update_webhook(actor, hook, WebhookChanges.of({"active": False}))


def rotate_secret(actor: Actor, hook: Webhook) -> tuple[Webhook, str]:
    """Give the webhook a new secret (admins only). The replaced one keeps signing beside it for
    WEBHOOK_SECRET_OVERLAP_HOURS, so the receiver can switch without losing a delivery; a rotation within
    that window drops the oldest secret. Returns the new secret: the only time it is handed out."""
    if actor.role != Role.admin:
        raise Forbidden("只有管理员可以轮换回调密钥")
    overlap = timedelta(hours=current_app.config["SETTINGS"].webhook_secret_overlap_hours)
    secret = new_secret()
    with transaction():
        before = _audit_state(hook)
        hook.previous_secret = hook.secret
        hook.previous_secret_until = current_time() + overlap
        hook.secret = secret
        db.session.flush()
        old, new = audit.changed(before, _audit_state(hook))
        comment = "secret rotated; the previous secret also signs until previous_secret_until"
        audit.record(actor, "webhook.rotate_secret", "webhook", hook.id, hook.jurisdiction_id, old, new, comment)
    return hook, secret


def deliveries_query(hook: Webhook, status: str | None = None) -> Select[WebhookDelivery]:
    """A webhook's delivery log, newest first."""
    stmt = select(WebhookDelivery).where(WebhookDelivery.webhook_id == hook.id)
    if status:
        stmt = stmt.where(WebhookDelivery.status == status)
    return stmt.order_by(WebhookDelivery.id.desc())


def redeliver(actor: Actor, hook: Webhook, delivery_id: int) -> WebhookDelivery:
    """Queue a failed or cancelled delivery again, from attempt 0 (same delivery id: receivers dedupe)."""
    with transaction():
        row = db.session.execute(
            select(WebhookDelivery)
            .where(WebhookDelivery.id == delivery_id, WebhookDelivery.webhook_id == hook.id)
            .with_for_update()
        ).scalar_one_or_none()
        if row is None:
            raise NotFound()
        if not hook.active:
            raise Conflict("webhook_inactive", "回调已停用，请先启用再重新投递", "active")
        if row.status not in {DeliveryStatus.failed.value, DeliveryStatus.cancelled.value}:
            raise Conflict("delivery_not_final", "只能重新投递失败或已取消的记录", "status")
        before = {"status": row.status, "attempts": row.attempts}
        row.status = DeliveryStatus.pending.value
        row.attempts = 0
        row.next_attempt_at = current_time()
        audit.record(
            actor,
            "webhook.redeliver",
            "webhook",
            hook.id,
            hook.jurisdiction_id,
            before,
            {"status": row.status, "attempts": 0},
            f"delivery {row.id}",
        )
    return row
