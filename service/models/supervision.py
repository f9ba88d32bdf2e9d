"""Supervision tickets (督办单) with their problems, reports and extension requests, and interviews (约谈)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.extensions import Base
from service.models.base import RuleVersioned, Timestamped, UtcDateTime, Versioned
from service.models.escalation import Escalating
from service.models.jurisdiction import Jurisdiction


class SupervisionTicket(Escalating, RuleVersioned, Versioned, Timestamped, Base):
    __tablename__ = "supervision_tickets"
    __table_args__ = (
        Index("ix_supervision_tickets_scope_state", "jurisdiction_id", "state"),
        Index("ix_supervision_tickets_issuer_state", "issuing_body_id", "state"),
        Index(
            "ix_supervision_tickets_escalation_due",
            "next_escalation_at",
            postgresql_where=text("next_escalation_at IS NOT NULL"),
            sqlite_where=text("next_escalation_at IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    priority: Mapped[str] = mapped_column(String(16))
    # The supervised (handling) body and the supervising body that issued the ticket.
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    issuing_body_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    issuer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    responsible_person: Mapped[str] = mapped_column(String(50))
    responsible_title: Mapped[str | None] = mapped_column(String(100))
    # Either a fixed date or N working days from issue; the computed dates are stored with their basis.
    rectification_workdays: Mapped[int | None]
    requested_deadline: Mapped[date | None] = mapped_column(Date)
    issued_on: Mapped[date | None] = mapped_column(Date)
    acknowledge_by: Mapped[date | None] = mapped_column(Date)
    acknowledge_basis: Mapped[str | None] = mapped_column(String(8))
    # The deadline in force (moved by an approved extension or an interview); the original stays on record.
    rectify_by: Mapped[date | None] = mapped_column(Date, index=True)
    rectify_basis: Mapped[str | None] = mapped_column(String(8))
    original_rectify_by: Mapped[date | None] = mapped_column(Date)
    post_interview_deadline: Mapped[date | None] = mapped_column(Date)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    last_report_on: Mapped[date | None] = mapped_column(Date)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_on_time: Mapped[bool | None]
    return_reason: Mapped[str | None] = mapped_column(Text)
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    accountability_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    jurisdiction: Mapped[Jurisdiction] = relationship(lazy="joined", innerjoin=True, foreign_keys=[jurisdiction_id])


class TicketProblem(Base):
    """One problem (问题) of a ticket with its required measure and, once reported, what was done."""

    __tablename__ = "ticket_problems"
    __table_args__ = (Index("ix_ticket_problems_ticket", "ticket_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("supervision_tickets.id"))
    position: Mapped[int]
    description: Mapped[str] = mapped_column(Text)
    measure: Mapped[str] = mapped_column(Text)
    measures_taken: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[list[str] | None] = mapped_column(JSON)


class TicketReport(Base):
    """Each rectification report as submitted (a returned ticket gets a new one)."""

    __tablename__ = "ticket_reports"
    __table_args__ = (Index("ix_ticket_reports_ticket", "ticket_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("supervision_tickets.id"))
    submitted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    summary: Mapped[str | None] = mapped_column(Text)
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    review_outcome: Mapped[str | None] = mapped_column(String(16))
    review_comment: Mapped[str | None] = mapped_column(Text)


class TicketExtension(Versioned, Timestamped, Base):
    """An extension request (延期), decided by the supervisor."""

    __tablename__ = "ticket_extensions"
    __table_args__ = (
        Index("ix_ticket_extensions_ticket", "ticket_id", "id"),
        # At most one pending request per ticket, enforced by the database.
        Index(
            "uq_ticket_extensions_pending",
            "ticket_id",
            unique=True,
            postgresql_where=text("status = 'pending'"),
            sqlite_where=text("status = 'pending'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("supervision_tickets.id"))
    status: Mapped[str] = mapped_column(String(16))
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    requested_on: Mapped[date] = mapped_column(Date)
    current_deadline: Mapped[date] = mapped_column(Date)
    requested_deadline: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    approved_deadline: Mapped[date | None] = mapped_column(Date)
    comment: Mapped[str | None] = mapped_column(Text)


class Interview(Versioned, Timestamped, Base):
    """An interview (约谈) with a body's responsible person, created by escalation or by a supervisor."""

    __tablename__ = "interviews"
    __table_args__ = (
        Index("ix_interviews_scope_state", "jurisdiction_id", "state"),
        Index("ix_interviews_subject", "subject_type", "subject_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    # What caused it: a supervision ticket, a stalled approval step or establishment case.
    subject_type: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[int]
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("supervision_tickets.id"))
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    responsible_person: Mapped[str] = mapped_column(String(50))
    interviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    interviewer_body_id: Mapped[int | None] = mapped_column(ForeignKey("jurisdictions.id"))
    by_escalation: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str | None] = mapped_column(Text)
    scheduled_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    place: Mapped[str | None] = mapped_column(String(200))
    held_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    minutes: Mapped[str | None] = mapped_column(Text)
    commitments: Mapped[list[str] | None] = mapped_column(JSON)
    new_deadline: Mapped[date | None] = mapped_column(Date)
    follow_up_note: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    cancel_reason: Mapped[str | None] = mapped_column(Text)

    jurisdiction: Mapped[Jurisdiction] = relationship(lazy="joined", innerjoin=True, foreign_keys=[jurisdiction_id])
