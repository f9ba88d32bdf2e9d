"""常用意见: a user's saved opinions, in the user's order (workflows/opinions.py holds the rules)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import Base
from service.models.base import UtcDateTime


class SavedOpinion(Base):
    __tablename__ = "saved_opinions"
    # One row per text and user: the index is the duplicate rule's backstop (two adds at once: 409).
    __table_args__ = (UniqueConstraint("user_id", "text", name="uq_saved_opinions_user_text"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # The place in the user's list (ascending); a new opinion goes last.
    position: Mapped[int]
    text: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
