"""Failed sign-in attempts, counted per username and per address to rate-limit guessing.

A table rather than Redis: the request path uses only the database (see service/db.py run_unit_of_work)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import Base
from service.models.base import BigId, UtcDateTime


class SignInFailure(Base):
    __tablename__ = "sign_in_failures"
    __table_args__ = (
        Index("ix_sign_in_failures_username_at", "username", "at"),
        Index("ix_sign_in_failures_address_at", "address", "at"),
        Index("ix_sign_in_failures_at", "at"),  # retention's purge, oldest first
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    # The name as typed (lower-cased), whether or not such a user exists.
    username: Mapped[str] = mapped_column(String(64))
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
