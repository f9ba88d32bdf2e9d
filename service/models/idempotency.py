"""Idempotency keys: a POST's first answer, kept per token so that a retry replays it (service/idempotency.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import Base
from service.models.base import UtcDateTime

IN_PROGRESS = "in_progress"
DONE = "done"


class IdempotencyKey(Base):
    __tablename__ = "idempotency_keys"
    # One row per token and key: the unique index is what makes a concurrent second request lose the claim.
    __table_args__ = (UniqueConstraint("token_id", "key", name="uq_idempotency_keys_token_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token_id: Mapped[int] = mapped_column(ForeignKey("api_tokens.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(255))
    # SHA-256 (hex) of the method, the path with its query and the canonical body.
    fingerprint: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16))
    # The first answer, once done: status, the headers that matter (JSON object), the body's bytes.
    status: Mapped[int | None] = mapped_column(Integer)
    headers: Mapped[str | None] = mapped_column(Text)
    body: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
