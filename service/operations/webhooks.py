"""Outgoing webhooks: events become delivery rows in the same transaction as the change, so nothing is
lost when Redis is down; workers deliver them (signed, retried with backoff) — see workers/jobs.py."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select

from service.clock import now
from service.extensions import db
from service.models import Jurisdiction, Webhook, WebhookDelivery


def publish(event: str, payload: dict[str, Any], jurisdiction_path: str) -> int:
    """Queue `event` for every active webhook whose owner's jurisdiction covers `jurisdiction_path` and
    which subscribed to it (or to "*"). Returns the number of deliveries created."""
    hooks = db.session.execute(
        select(Webhook.id, Webhook.events, Jurisdiction.path)
        .join(Jurisdiction, Jurisdiction.id == Webhook.jurisdiction_id)
        .where(Webhook.active.is_(True))
    ).all()
    targets = [h.id for h in hooks if jurisdiction_path.startswith(h.path) and (event in h.events or "*" in h.events)]
    if targets:
        stamp = now()
        db.session.execute(
            insert(WebhookDelivery),
            [
                {
                    "webhook_id": t,
                    "event": event,
                    "payload": {"event": event, "data": payload, "occurred_at": stamp.isoformat()},
                    "status": "pending",
                    "attempts": 0,
                    "next_attempt_at": stamp,
                    "created_at": stamp,
                }
                for t in targets
            ],
        )
    return len(targets)
