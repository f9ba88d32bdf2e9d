"""Outgoing webhooks: events become delivery rows in the same transaction as the change, so nothing is
lost when Redis is down; workers deliver them (signed, retried with backoff) — see workers/jobs.py.

Delivery protocol (what a receiver sees):

- `POST <url>` with the JSON body `{"delivery_id": 17, "event": "...", "data": {...}, "occurred_at": "..."}`;
- headers `X-Dangjian-Event`, `X-Dangjian-Delivery` (the delivery id: a retry repeats it, receivers dedupe on
  it), `X-Dangjian-Timestamp` (Unix seconds of this attempt) and
  `X-Dangjian-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" keyed with the webhook secret>`;
- any 2xx answer delivers it; anything else (non-2xx incl. redirects, timeout, connection error) is retried
  after 30 s, 1 min, 2 min, … (doubling, at most 1 h) until `WEBHOOK_MAX_ATTEMPTS` attempts, then it fails.

Claiming: `deliver()` claims a delivery in a short transaction (`SELECT … FOR UPDATE SKIP LOCKED` on
PostgreSQL; SQLite's BEGIN IMMEDIATE serialises writers), counts the attempt and leases the row by moving
`next_attempt_at` past the HTTP timeout, commits, and only then POSTs — no database lock is held across the
network call. A second worker sees the lease and skips the delivery; a worker that dies mid-POST leaves the
lease to expire, and the delivery is retried (at least once: hence the delivery id to dedupe on).
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import logging
import secrets
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast
from urllib.parse import urlsplit

from flask import current_app
from sqlalchemy import Select, Table, insert, select, update

from service.auth import Actor, in_scope
from service.clock import now as current_time
from service.db import transaction
from service.errors import Forbidden, NotFound
from service.extensions import db
from service.models import Jurisdiction, Role, User, Webhook, WebhookDelivery
from service.models.base import snapshot
from service.operations import audit, notifications
from service.operations.batch_cache import cached
from service.operations.common import rowcount
from service.roles import WEBHOOK_MANAGERS
from service.vocab import WEBHOOK_EVENTS as EVENTS
from service.vocab import WEBHOOK_URL_MAX_LENGTH as URL_MAX_LENGTH
from service.vocab import DeliveryStatus
from workflows.errors import Conflict, RuleViolation

log = logging.getLogger(__name__)

SECRET_PREFIX = "whsec_"
SIGNATURE_PREFIX = "sha256="
USER_AGENT = "DangjianFlow-Webhooks/1"
BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_CAP = timedelta(hours=1)
# How long a claimed delivery is hidden from other workers: well above the HTTP timeout, so only a worker
# that died mid-attempt lets it be retried.
LEASE = timedelta(minutes=2)


SKIPPED = "skipped"  # deliver() did not attempt: unknown id, claimed elsewhere, not due, or already final


def _settings() -> Any:
    return current_app.config["SETTINGS"]


# --------------------------------------------------------------------------------------------------
# publishing (called by the code that makes an event happen, inside its transaction)


def publish_at(event: str, payload: dict[str, Any], jurisdiction_id: int) -> int:
    """`publish`, for a subject known by its jurisdiction's id."""
    path = cached(
        ("jurisdiction_path", jurisdiction_id),
        lambda: db.session.execute(select(Jurisdiction.path).where(Jurisdiction.id == jurisdiction_id)).scalar_one(),
    )
    return publish(event, payload, path)


def publish(event: str, payload: dict[str, Any], jurisdiction_path: str) -> int:
    """Queue `event` for every active webhook of an active owner whose jurisdiction covers
    `jurisdiction_path` and which subscribed to it (or to "*"). Returns the number of deliveries created."""
    hooks = cached(
        "active_webhooks",  # for the rest of a batch job (see batch_cache)
        lambda: db.session.execute(
            select(Webhook.id, Webhook.events, Jurisdiction.path)
            .join(Jurisdiction, Jurisdiction.id == Webhook.jurisdiction_id)
            .join(User, User.id == Webhook.owner_id)
            .where(Webhook.active.is_(True), User.active.is_(True))
        ).all(),
    )
    targets = [h.id for h in hooks if jurisdiction_path.startswith(h.path) and (event in h.events or "*" in h.events)]
    if targets:
        stamp = current_time()
        db.session.execute(
            insert(cast(Table, WebhookDelivery.__table__)),  # Core: the ORM bulk path only adds cost here
            [
                {
                    "webhook_id": t,
                    "event": event,
                    "payload": {"event": event, "data": payload, "occurred_at": stamp.isoformat()},
                    "status": DeliveryStatus.pending.value,
                    "attempts": 0,
                    "next_attempt_at": stamp,
                    "created_at": stamp,
                }
                for t in targets
            ],
        )
    return len(targets)


# --------------------------------------------------------------------------------------------------
# managing webhooks: portals their own, admins every webhook in their scope


def _require_role(actor: Actor) -> None:
    if actor.role not in {r.value for r in WEBHOOK_MANAGERS}:
        raise Forbidden()


def _visible(actor: Actor) -> Select[Webhook]:
    stmt = select(Webhook)
    if actor.role == Role.admin:
        return in_scope(stmt, Webhook.jurisdiction_id, actor)
    return stmt.where(Webhook.owner_id == actor.user_id)


def get(actor: Actor, ident: int) -> Webhook:
    """A webhook the actor may manage; any other answers 404 like a missing one."""
    _require_role(actor)
    row = db.session.execute(_visible(actor).where(Webhook.id == ident)).scalar_one_or_none()
    if row is None:
        raise NotFound()
    return row


def query(actor: Actor, active: bool | None = None) -> Select[Webhook]:
    _require_role(actor)
    stmt = _visible(actor)
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
    return url


def check_events(events: list[str]) -> list[str]:
    """Known events only, at least one; duplicates are dropped, the order kept."""
    unknown = [e for e in events if e not in EVENTS]
    if unknown:
        raise RuleViolation("unknown_webhook_event", f"未知的事件：{', '.join(unknown)}", "events")
    if not events:
        raise RuleViolation("no_webhook_events", "至少订阅一个事件", "events")
    return list(dict.fromkeys(events))


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def _audit_state(hook: Webhook) -> dict[str, Any]:
    return snapshot(hook, exclude=("secret",))  # the signing key never enters the audit trail


def register(actor: Actor, url: str, events: list[str]) -> tuple[Webhook, str]:
    """Register a webhook for the actor's jurisdiction. Returns it and its signing secret — the only time
    the secret is handed out."""
    _require_role(actor)
    if actor.user_id is None or actor.jurisdiction_id is None:
        raise Forbidden("只有用户可以注册回调")
    url = check_url(url)
    events = check_events(events)
    secret = new_secret()
    with transaction():
        hook = Webhook(
            owner_id=actor.user_id,
            jurisdiction_id=actor.jurisdiction_id,
            url=url,
            secret=secret,
            events=events,
            active=True,
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


def update_webhook(actor: Actor, hook: Webhook, changes: dict[str, Any]) -> Webhook:
    """Change url, events or active. Deactivating cancels the deliveries still pending."""
    changes = dict(changes)
    if "url" in changes:
        changes["url"] = check_url(changes["url"])
    if "events" in changes:
        changes["events"] = check_events(changes["events"])
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
    return update_webhook(actor, hook, {"active": False})


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


# --------------------------------------------------------------------------------------------------
# signing


def sign(secret: str, timestamp: str | int, body: bytes) -> str:
    """`sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`."""
    message = f"{timestamp}.".encode() + body
    return SIGNATURE_PREFIX + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify_signature(secret: str, timestamp: str | int, body: bytes | str, header: str | None) -> bool:
    """For receivers (and tests): does `X-Dangjian-Signature` match the raw body? Constant-time comparison.
    Receivers should also refuse timestamps older than a few minutes (replays)."""
    if not header or not secret:
        return False
    raw = body.encode() if isinstance(body, str) else body
    return hmac.compare_digest(sign(secret, timestamp, raw).encode(), header.strip().encode())


# --------------------------------------------------------------------------------------------------
# delivering (called from RQ jobs)


def due_deliveries(now: datetime, limit: int = 100) -> list[int]:
    """Ids of pending deliveries due at `now`, oldest due first (index ix_webhook_deliveries_due)."""
    with transaction():  # ends the read: on SQLite every transaction holds the write lock
        return list(
            db.session.execute(
                select(WebhookDelivery.id)
                .where(WebhookDelivery.status == DeliveryStatus.pending.value, WebhookDelivery.next_attempt_at <= now)
                .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
                .limit(limit)
            ).scalars()
        )


def backoff(attempts: int) -> timedelta:
    """Wait after the `attempts`-th failed attempt: 30 s, 1 min, 2 min, … capped at 1 h."""
    return min(BACKOFF_BASE * 2 ** min(max(attempts - 1, 0), 20), BACKOFF_CAP)


@dataclass(frozen=True)
class _Claim:
    delivery_id: int
    attempt: int
    hook_id: int
    owner_id: int
    url: str
    secret: str
    event: str
    payload: dict[str, Any]


def _claim(delivery_id: int, max_attempts: int) -> _Claim | str:
    """Lock the row (others skip it), check it is due and its webhook still active, count the attempt
    and lease it; commit. Returns the claim, or the status to report when there is nothing to send."""
    with transaction():
        row = db.session.execute(
            select(WebhookDelivery).where(WebhookDelivery.id == delivery_id).with_for_update(skip_locked=True)
        ).scalar_one_or_none()
        stamp = current_time()
        if (
            row is None
            or row.status != DeliveryStatus.pending.value
            or row.next_attempt_at is None
            or row.next_attempt_at > stamp
        ):
            return SKIPPED
        hook = db.session.execute(
            select(
                Webhook.id,
                Webhook.url,
                Webhook.secret,
                Webhook.active,
                Webhook.owner_id,
                User.active.label("owner_active"),
            )
            .join(User, User.id == Webhook.owner_id)
            .where(Webhook.id == row.webhook_id)
        ).one()
        if not (hook.active and hook.owner_active):
            row.status = DeliveryStatus.cancelled.value
            row.next_attempt_at = None
            row.last_error = "webhook deactivated" if not hook.active else "webhook owner deactivated"
            return row.status
        if row.attempts >= max_attempts:  # the last attempt's worker died before recording its outcome
            row.status = DeliveryStatus.failed.value
            row.next_attempt_at = None
            row.last_error = (row.last_error or "attempt abandoned")[:500]
            return row.status
        row.attempts += 1
        row.next_attempt_at = stamp + LEASE
        return _Claim(row.id, row.attempts, hook.id, hook.owner_id, hook.url, hook.secret, row.event, dict(row.payload))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer, not a delivery: following it would turn the POST into a GET elsewhere."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def _post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> tuple[int | None, str | None]:
    """(status code or None, error or None). Never raises for network trouble."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with _opener.open(request, timeout=timeout) as response:
            return int(response.status), None
    except urllib.error.HTTPError as exc:
        try:
            detail = exc.read(200).decode("utf-8", "replace").strip()
        except Exception:  # the body is only a hint for the log
            detail = ""
        finally:
            exc.close()
        return exc.code, f"HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")
    except urllib.error.URLError as exc:
        return None, f"{type(exc.reason).__name__}: {exc.reason}"
    except TimeoutError:
        return None, f"timeout after {timeout:g} s"
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return None, f"{type(exc).__name__}: {exc}"


def request_for(claim_id: int, event: str, payload: dict[str, Any], secret: str) -> tuple[bytes, dict[str, str]]:
    """The body and headers of one attempt (the signature covers the timestamp and the body, which
    carries the delivery id)."""
    body = json.dumps({"delivery_id": claim_id, **payload}, ensure_ascii=False, separators=(",", ":")).encode()
    timestamp = str(int(current_time().timestamp()))
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        "X-Dangjian-Event": event,
        "X-Dangjian-Delivery": str(claim_id),
        "X-Dangjian-Timestamp": timestamp,
        "X-Dangjian-Signature": sign(secret, timestamp, body),
    }
    return body, headers


def deliver(delivery_id: int) -> str:
    """Attempt one delivery. Returns its status afterwards ("delivered", "pending" — retry scheduled —,
    "failed" after the last attempt, "cancelled" when the webhook was deactivated), or "skipped" when this
    call made no attempt (unknown id, another worker holds it, not due yet, already final)."""
    settings = _settings()
    claim = _claim(delivery_id, settings.webhook_max_attempts)
    if isinstance(claim, str):
        return claim
    body, headers = request_for(claim.delivery_id, claim.event, claim.payload, claim.secret)
    code, error = _post(claim.url, body, headers, settings.webhook_timeout_seconds)
    ok = code is not None and 200 <= code < 300
    return _record(claim, code, None if ok else (error or f"HTTP {code}"), settings.webhook_max_attempts)


def _record(claim: _Claim, code: int | None, error: str | None, max_attempts: int) -> str:
    with transaction():
        row = db.session.execute(
            select(WebhookDelivery)
            .where(
                WebhookDelivery.id == claim.delivery_id,
                WebhookDelivery.status == DeliveryStatus.pending.value,
                WebhookDelivery.attempts == claim.attempt,
            )
            .with_for_update()
        ).scalar_one_or_none()
        if row is None:
            # The lease ran out and another worker took the delivery over (or it was cancelled meanwhile).
            log.warning("webhook delivery %s: outcome of attempt %s dropped", claim.delivery_id, claim.attempt)
            return SKIPPED
        stamp = current_time()
        row.last_status_code = code
        row.last_error = error[:500] if error else None
        if error is None:
            row.status = DeliveryStatus.delivered.value
            row.delivered_at = stamp
            row.next_attempt_at = None
        elif claim.attempt >= max_attempts:
            row.status = DeliveryStatus.failed.value
            row.next_attempt_at = None
            notifications.notify(
                [claim.owner_id],
                "webhook.failed",
                "回调投递失败",
                f"事件 {claim.event}（投递 {claim.delivery_id}）{claim.attempt} 次尝试后仍未送达 {claim.url}：{error}",
                "webhook",
                claim.hook_id,
            )
        else:
            row.next_attempt_at = stamp + backoff(claim.attempt)
        return row.status
