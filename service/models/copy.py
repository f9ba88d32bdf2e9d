"""抄送 / 待阅 (copies): a subject (an establishment case, a supervision ticket…) copied to a user to read."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import Base
from service.models.base import UtcDateTime


class Copy(Base):
    """One copy of a subject to one recipient. The subject is referenced, not copied: the 待阅 list shows it as
    it is now. At most one unread copy of a subject per recipient (the partial unique index)."""

    __tablename__ = "copies"
    __table_args__ = (
        # The recipient's 待阅: unread first, newest first.
        Index("ix_copies_recipient_read", "recipient_id", "read_at", "id"),
        Index(
            "uq_copies_unread",
            "subject_type",
            "subject_id",
            "recipient_id",
            unique=True,
            postgresql_where=text("read_at IS NULL"),
            sqlite_where=text("read_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # A registered subject type (service/operations/engines/copies.py): establishment, supervision_ticket…
    subject_type: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[int]
    # The subject's jurisdiction when copied (the audit record's).
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    recipient_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    sender_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    read_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
