"""Outgoing webhooks: publishing, signing and delivering (subscriptions are webhook_subscriptions.py).

Events become delivery rows in the same transaction as the change, so nothing is
lost when Redis is down; workers deliver them (signed, retried with backoff) — see workers/jobs.py.

Delivery protocol (what a receiver sees):

- `POST <url>` with the JSON body `{"delivery_id": 17, "event": "...", "data": {...}, "occurred_at": "..."}`;
- headers `X-Dangjian-Event`, `X-Dangjian-Delivery` (the delivery id: a retry repeats it, receivers dedupe on
  it), `X-Dangjian-Timestamp` (Unix seconds of this attempt) and
  `X-Dangjian-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" keyed with the webhook secret>`;
- any 2xx answer delivers it; anything else (non-2xx incl. redirects, timeout, connection error) is retried
  after 30 s, 1 min, 2 min, … (doubling, at most 1 h) until `WEBHOOK_MAX_ATTEMPTS` attempts, then it fails.

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

import hashlib
import hmac
import http.client
import json
import logging
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from flask import current_app, has_app_context
from redis.exceptions import RedisError
from rq import Queue
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from service import config_cache, pending
from service.clock import now as current_time
from service.db import transaction
from service.extensions import db
from service.models import User, Webhook, WebhookDelivery
from service.operations.engines import notifications
from service.vocab import DeliveryStatus

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
        queue.enqueue_many([Queue.prepare_data(DELIVER_JOB, (i,), ttl=HAND_OVER_TTL) for i in delivery_ids])
    except RedisError as exc:
        _paused_until = time.monotonic() + REDIS_PAUSE
        log.warning("webhook deliveries %s left to the sweep (Redis: %s)", delivery_ids, exc)
        return False
    return True


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
                subject=claim.url,
            )
        else:
            row.next_attempt_at = stamp + backoff(claim.attempt)
        return row.status
