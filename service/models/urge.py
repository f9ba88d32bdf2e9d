"""催办 (urges): who urged which open item, when, with what message."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import Base
from service.models.base import UtcDateTime
from service.models.supervision import Interview


class Urge(Base):
    __tablename__ = "urges"
    __table_args__ = (Index("ix_urges_subject", "subject_type", "subject_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # workflows.urge.UrgeSubject: an approval task or a supervision ticket.
    subject_type: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[int]
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_label: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    # The civil day in China the urge was sent on (the once-per-working-day rule reads it).
    urged_on: Mapped[date] = mapped_column(Date)
    message: Mapped[str | None] = mapped_column(Text)


# The supervisor's 待办 lists the interviews a body holds as interviewer (by interviewer body and state).
Index("ix_interviews_interviewer_state", Interview.interviewer_body_id, Interview.state)
