"""Outgoing webhooks: publishing, signing and delivering (subscriptions are webhook_subscriptions.py).

Events become delivery rows in the same transaction as the change, so nothing is
lost when Redis is down; workers deliver them (signed, retried with backoff) — see workers/jobs.py.

Delivery protocol (what a receiver sees): `POST <url>` with the JSON body
`{"delivery_id": 17, "event": "...", "data": {...}, "occurred_at": "..."}` and `X-Dangjian-Event`, signed by
the subscription's `signature_scheme`:

- `standard` (Standard Webhooks, https://www.standardwebhooks.com/): `webhook-id` (`msg_<delivery id>`, the
  same for every attempt of a delivery: receivers dedupe on it), `webhook-timestamp` (Unix seconds of this
  attempt) and `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<raw body>">`, keyed with the
  base64-decoded secret after its `whsec_` prefix;
- `legacy` (deprecated, kept for receivers registered before the standard scheme): `X-Dangjian-Delivery`,
  `X-Dangjian-Timestamp` and `X-Dangjian-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" keyed
  with the whole secret string>`.

While a rotated secret's overlap window lasts, the signature header carries the new key's signature and the
old one's, space-separated (the standard's own form for several signatures).
Any 2xx answer delivers it; anything else (non-2xx incl. redirects, timeout, connection error) is retried
after 30 s, 1 min, 2 min, … (doubling, at most 1 h) until `WEBHOOK_MAX_ATTEMPTS` attempts, then it fails. An
URL that resolves to an address it may not reach (webhook_targets.py) fails the delivery at once.

Handing over: once the transaction commits, its new deliveries are enqueued for the workers at once
(`_deliver_soon`, one Redis round trip), so a receiver hears of an event within a second or so. That is
best effort: with Redis away the commit stands and the scheduler's sweep (every ESCALATION_SWEEP_SECONDS)
enqueues whatever is due, as it always does; after a failure the hand-over pauses for REDIS_PAUSE so requests
do not wait on a dead Redis one by one. A delivery enqueued twice (hand-over and sweep) is sent once (below).

Claiming: `deliver()` claims a delivery in a short transaction (`SELECT … FOR UPDATE SKIP LOCKED` on
PostgreSQL; SQLite's BEGIN IMMEDIATE serialises writers), counts the attempt and leases the row by moving
`next_attempt_at` past the HTTP timeout, commits, and only then POSTs — no database lock is held across the
network call. A second worker sees the lease and skips the delivery; a worker that dies mid-POST leaves the
lease to expire, and the delivery is retried (at least once: hence the delivery id to dedupe on).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from flask import current_app, g, has_app_context, has_request_context
from redis.exceptions import RedisError
from rq import Queue
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from service import config_cache, pending
from service.clock import now as current_time
from service.db import transaction
from service.extensions import db
from service.models import User, Webhook, WebhookDelivery
from service.operations.engines import notifications, webhook_targets
from service.vocab import DeliveryStatus, SignatureScheme

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

# The job the workers run for one delivery (workers/jobs.py), on the queue the sweep uses for it.
DELIVER_JOB = "workers.jobs.deliver_webhook"
DELIVER_QUEUE = "notifications"
# After Redis failed a hand-over, commits skip it for this long (the sweep delivers meanwhile).
REDIS_PAUSE = 30.0
# A handed-over job no worker took within this time is dropped from the queue; the sweep enqueues the
# delivery again while it is pending.
HAND_OVER_TTL = 900
_paused_until = 0.0


def _settings() -> Any:
    return current_app.config["SETTINGS"]


# --------------------------------------------------------------------------------------------------
# publishing (called by the code that makes an event happen, inside its transaction)


def publish_at(event: str, payload: dict[str, Any], jurisdiction_id: int) -> int:
    """`publish`, for a subject known by its jurisdiction's id."""
    return publish(event, payload, config_cache.place(jurisdiction_id).path)


def publish_many_at(event: str, items: Iterable[tuple[dict[str, Any], int]]) -> int:
    """`publish_at` for many subjects (payload, jurisdiction id) of one event: nothing per subject when no
    subscription takes the event (a batch of an Excel import's)."""
    if not any(event in s.events or "*" in s.events for s in config_cache.subscriptions()):
        return 0
    return sum(publish_at(event, payload, jurisdiction_id) for payload, jurisdiction_id in items)


def publish(event: str, payload: dict[str, Any], jurisdiction_path: str) -> int:
    """Queue `event` for every active webhook of an active owner whose jurisdiction covers
    `jurisdiction_path` and which subscribed to it (or to "*"). Returns the number of deliveries created.
    The subscriptions are cached (service/config_cache.py); the deliveries are written at commit."""
    targets = [
        s.webhook_id
        for s in config_cache.subscriptions()
        if jurisdiction_path.startswith(s.path) and (event in s.events or "*" in s.events)
    ]
    stamp = current_time()
    for t in targets:
        pending.add(
            WebhookDelivery,
            {
                "webhook_id": t,
                "event": event,
                "payload": {"event": event, "data": payload, "occurred_at": stamp.isoformat()},
                "status": DeliveryStatus.pending.value,
                "attempts": 0,
                "next_attempt_at": stamp,
                "created_at": stamp,
            },
        )
    return len(targets)


pending.keep_ids(WebhookDelivery)


@event.listens_for(Session, "after_commit")
def _deliver_soon(session: Session) -> None:
    ids = pending.take_written(session, WebhookDelivery)
    if ids and has_app_context():
        hand_over(ids)


def hand_over(delivery_ids: list[int]) -> bool:
    """Enqueue committed deliveries for the workers now (one pipeline). False when it was not done — no
    Redis configured, Redis failing or paused after a failure — and the sweep will enqueue them."""
    global _paused_until
    connection = current_app.extensions.get("redis")
    if connection is None or time.monotonic() < _paused_until:
        return False
    try:
        queue = Queue(DELIVER_QUEUE, connection=connection)
        meta = {"request_id": g.get("request_id")} if has_request_context() else None
        queue.enqueue_many([Queue.prepare_data(DELIVER_JOB, (i,), ttl=HAND_OVER_TTL, meta=meta) for i in delivery_ids])
    except RedisError as exc:
        _paused_until = time.monotonic() + REDIS_PAUSE
        log.warning("webhook deliveries %s left to the sweep (Redis: %s)", delivery_ids, exc)
        return False
    return True


# --------------------------------------------------------------------------------------------------
# signing


def standard_key(secret: str) -> bytes:
    """The key of a `whsec_<base64>` secret, decoded as the stock Standard Webhooks libraries do."""
    raw = secret.removeprefix(SECRET_PREFIX)
    return base64.b64decode(raw + "==")


def sign_standard(secret: str, msg_id: str, timestamp: str | int, body: bytes) -> str:
    """`v1,<base64 HMAC-SHA256 of "<msg_id>.<timestamp>.<raw body>">` (Standard Webhooks)."""
    message = f"{msg_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(standard_key(secret), message, hashlib.sha256).digest()).decode()


def sign(secret: str, timestamp: str | int, body: bytes) -> str:
    """Legacy scheme (deprecated): `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`."""
    message = f"{timestamp}.".encode() + body
    return SIGNATURE_PREFIX + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify_signature(secret: str, timestamp: str | int, body: bytes | str, header: str | None) -> bool:
    """For legacy receivers (and tests): does one of the signatures in `X-Dangjian-Signature` (several,
    space-separated, during a rotation's overlap) match the raw body? Constant-time comparison. Receivers
    should also refuse timestamps older than a few minutes (replays)."""
    if not header or not secret:
        return False
    raw = body.encode() if isinstance(body, str) else body
    expected = sign(secret, timestamp, raw).encode()
    return any(hmac.compare_digest(expected, given.encode()) for given in header.split())


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
    scheme: str
    # The signing secrets: the current one, then the replaced one while its overlap window lasts.
    secrets: tuple[str, ...]
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
                Webhook.signature_scheme,
                Webhook.previous_secret,
                Webhook.previous_secret_until,
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
        keys = signing_secrets(hook.secret, hook.previous_secret, hook.previous_secret_until, stamp)
        hook_of = (hook.id, hook.owner_id, hook.url, hook.signature_scheme, keys)
        return _Claim(row.id, row.attempts, *hook_of, row.event, dict(row.payload))


def signing_secrets(
    secret: str, previous: str | None, previous_until: datetime | None, at: datetime
) -> tuple[str, ...]:
    """The secrets that sign at `at`: the current one, and the replaced one until its overlap window ends."""
    if previous and previous_until is not None and at < previous_until:
        return (secret, previous)
    return (secret,)


def request_for(
    claim_id: int, event: str, payload: dict[str, Any], secrets: tuple[str, ...], scheme: str = SignatureScheme.standard
) -> tuple[bytes, dict[str, str]]:
    """The body and headers of one attempt, signed with each of `secrets` by `scheme` (the signature covers
    the timestamp and the body, which carries the delivery id; the standard one the message id too)."""
    body = json.dumps({"delivery_id": claim_id, **payload}, ensure_ascii=False, separators=(",", ":")).encode()
    timestamp = str(int(current_time().timestamp()))
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": USER_AGENT, "X-Dangjian-Event": event}
    if scheme == SignatureScheme.legacy:
        headers["X-Dangjian-Delivery"] = str(claim_id)
        headers["X-Dangjian-Timestamp"] = timestamp
        headers["X-Dangjian-Signature"] = " ".join(sign(k, timestamp, body) for k in secrets)
    else:
        msg_id = message_id(claim_id)
        headers["webhook-id"] = msg_id
        headers["webhook-timestamp"] = timestamp
        headers["webhook-signature"] = " ".join(sign_standard(k, msg_id, timestamp, body) for k in secrets)
    return body, headers


def message_id(delivery_id: int) -> str:
    """`webhook-id`: one per delivery, repeated by its retries and redeliveries."""
    return f"msg_{delivery_id}"


def deliver(delivery_id: int) -> str:
    """Attempt one delivery. Returns its status afterwards ("delivered", "pending" — retry scheduled —,
    "failed" after the last attempt or when the URL may not be reached, "cancelled" when the webhook was
    deactivated), or "skipped" when this call made no attempt (unknown id, another worker holds it, not due
    yet, already final)."""
    settings = _settings()
    claim = _claim(delivery_id, settings.webhook_max_attempts)
    if isinstance(claim, str):
        return claim
    try:
        target = webhook_targets.check(claim.url, settings.webhook_allowed_hosts)
    except webhook_targets.Refused as refused:  # final: retrying would reach the same address
        return _record(claim, None, refused.reason, final=True)
    except webhook_targets.Unresolved as exc:
        return _record(claim, None, str(exc), final=claim.attempt >= settings.webhook_max_attempts)
    body, headers = request_for(claim.delivery_id, claim.event, claim.payload, claim.secrets, claim.scheme)
    code, error = webhook_targets.post(target, body, headers, settings.webhook_timeout_seconds)
    return _record(claim, code, error, final=error is not None and claim.attempt >= settings.webhook_max_attempts)


def _record(claim: _Claim, code: int | None, error: str | None, final: bool) -> str:
    """Write the attempt's outcome: delivered when there is no error, failed when `final` (the owner is
    told), else pending with the next attempt backed off."""
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
        elif final:
            row.status = DeliveryStatus.failed.value
            row.next_attempt_at = None
            notifications.notify(
                [claim.owner_id],
                "webhook.failed",
                "回调投递失败",
                f"事件 {claim.event}（投递 {claim.delivery_id}）第 {claim.attempt} 次尝试后停止，"
                f"未送达 {claim.url}：{error}",
                "webhook",
                claim.hook_id,
                subject=claim.url,
            )
        else:
            row.next_attempt_at = stamp + backoff(claim.attempt)
        return row.status
