"""The audit trail: append-only (PostgreSQL refuses UPDATE and DELETE with a trigger)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import Base
from service.models.base import BigId, UtcDateTime


class AuditEvent(Base):
    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_subject", "subject_type", "subject_id", "id"),
        # 已办 (service/operations/worklists/done.py): one person's actions, newest first.
        Index("ix_audit_events_actor", "actor_id", "occurred_at"),
        # A body's audit list, newest first, per body (service/operations/engines/audit.py audit_page).
        Index("ix_audit_events_jurisdiction_id_id", "jurisdiction_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_label: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(64))
    subject_type: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[int]
    # The subject's jurisdiction at the time, so audit reads are scoped without joining every subject table.
    jurisdiction_id: Mapped[int | None] = mapped_column(ForeignKey("jurisdictions.id"))
    # None is SQL NULL (as when the ORM omitted it), also in the multi-row INSERT of service/pending.py.
    state_before: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    state_after: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    comment: Mapped[str | None] = mapped_column(Text)
    request_id: Mapped[str | None] = mapped_column(String(64), index=True)
