"""Escalation bookkeeping, calendar overrides, notifications and webhooks."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, query_expression

from service.extensions import Base
from service.models.base import BigId, Timestamped, UtcDateTime, Versioned

# The columns of an item's escalation plan (what escalation.replan sets), for rows written without an ORM object.
PLAN_COLUMNS = (
    "escalation_deadline",
    "escalation_level",
    "escalation_reached_on",
    "next_escalation_level",
    "next_escalation_at",
)


class Escalating:
    """Columns of an item the escalation sweep watches. `next_escalation_at` is the date the next level
    (`next_escalation_level`) falls due: the sweep finds due items with one indexed range query, so its
    cost follows the number of due items, not the size of the table."""

    # The deadline the current ladder runs on: a new deadline (extension, interview) starts a new ladder.
    escalation_deadline: Mapped[date | None] = mapped_column(Date)
    escalation_level: Mapped[str | None] = mapped_column(String(24))
    escalation_reached_on: Mapped[date | None] = mapped_column(Date)
    next_escalation_level: Mapped[str | None] = mapped_column(String(24))
    next_escalation_at: Mapped[date | None] = mapped_column(Date)
    # While a sweep's job for this row is pending: the sweep claims due rows by setting it (so a row is
    # enqueued at most once while its job waits), the job clears it; a killed worker's lease just expires.
    escalation_leased_until: Mapped[datetime | None] = mapped_column(UtcDateTime)


class EscalationEvent(Base):
    """One escalation step that happened. The unique key makes each step happen exactly once per item and
    deadline, whatever runs twice: the event row and the step's effects commit in one transaction."""

    __tablename__ = "escalation_events"
    __table_args__ = (
        UniqueConstraint("item_type", "item_id", "deadline", "level", name="uq_escalation_events_step"),
        Index("ix_escalation_events_item", "item_type", "item_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    item_type: Mapped[str] = mapped_column(String(32))
    item_id: Mapped[int]
    deadline: Mapped[date] = mapped_column(Date)
    level: Mapped[str] = mapped_column(String(24))
    happened_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    jurisdiction_id: Mapped[int | None] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class CalendarYear(Base):
    """A year whose official holiday notice an admin loaded: its overrides are complete."""

    __tablename__ = "calendar_years"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    notice: Mapped[str | None] = mapped_column(Text)
    loaded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    loaded_by: Mapped[str] = mapped_column(String(64))


class CalendarOverride(Base):
    """A day the official notice makes a holiday or a make-up working day (调休)."""

    __tablename__ = "calendar_overrides"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    year: Mapped[int] = mapped_column(index=True)
    is_workday: Mapped[bool]
    name: Mapped[str | None] = mapped_column(String(50))


class Notification(Base):
    """An in-app notification for one user."""

    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_inbox", "user_id", "read_at", "id"),
        # Settling: by task (a decision, a claim) and by subject (a withdrawn case, an acknowledged ticket).
        Index(
            "ix_notifications_task",
            "task_id",
            postgresql_where=text("task_id IS NOT NULL"),
            sqlite_where=text("task_id IS NOT NULL"),
        ),
        Index("ix_notifications_subject", "subject_type", "subject_id"),
        Index("ix_notifications_created_at", "created_at"),  # retention's purge, oldest first
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str | None] = mapped_column(Text)
    subject_type: Mapped[str | None] = mapped_column(String(32))
    subject_id: Mapped[int | None]
    # What it is about, in words (the units and the form of a case, a ticket's title…): listing needs no join.
    subject: Mapped[str | None] = mapped_column(String(200))
    # The approval task it asks the recipient to act on, if any (the console links to that task's page).
    task_id: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    read_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # When what it asked for was done (by the recipient or someone else): no longer counts as unread.
    settled_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # Settled: settled_at, or its task no longer open to the recipient (operations.notifications.task_live),
    # loaded with the recipient's own queries; None when not loaded.
    settled: Mapped[bool | None] = query_expression()


class Webhook(Versioned, Timestamped, Base):
    """A portal's subscription: events are POSTed to `url`, signed with HMAC-SHA256 of `secret`
    (service/operations/engines/webhooks.py)."""

    __tablename__ = "webhooks"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    url: Mapped[str] = mapped_column(String(500))
    # The signing key must be readable to sign; it is shown once at creation (or rotation), never again.
    secret: Mapped[str] = mapped_column(String(128))
    events: Mapped[list[str]] = mapped_column(JSON)
    active: Mapped[bool] = mapped_column(default=True)
    # "standard" (Standard Webhooks headers) or "legacy" (X-Dangjian-Signature, deprecated; rows older than
    # the standard scheme were migrated to it so their receivers keep working).
    signature_scheme: Mapped[str] = mapped_column(String(16), default="standard", server_default="standard")
    # After a rotation the replaced key still signs, beside the new one, until `previous_secret_until`.
    previous_secret: Mapped[str | None] = mapped_column(String(128))
    previous_secret_until: Mapped[datetime | None] = mapped_column(UtcDateTime)


class WebhookDelivery(Base):
    """One event for one webhook, and its delivery attempts (the delivery log)."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
        Index("ix_webhook_deliveries_hook", "webhook_id", "id"),
        Index("ix_webhook_deliveries_created_at", "created_at"),  # retention's purge, oldest first
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    webhook_id: Mapped[int] = mapped_column(ForeignKey("webhooks.id"))
    event: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_status_code: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
