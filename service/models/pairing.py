"""Pairing agreements (结对共建) between two party organisations, with the year's plan and progress."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.extensions import Base
from service.models.base import RuleVersioned, Timestamped, Versioned
from service.models.escalation import Escalating
from service.models.jurisdiction import Jurisdiction


class PairingAgreement(Escalating, RuleVersioned, Versioned, Timestamped, Base):
    __tablename__ = "pairing_agreements"
    __table_args__ = (
        CheckConstraint("org_a_id <> org_b_id", name="two_orgs"),
        Index("ix_pairing_agreements_scope_state", "jurisdiction_id", "state"),
        Index(
            "ix_pairing_agreements_escalation_due",
            "next_escalation_at",
            postgresql_where=text("next_escalation_at IS NOT NULL"),
            sqlite_where=text("next_escalation_at IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    # The lowest body above both organisations: the agreement is seen and followed from there.
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    org_a_id: Mapped[int] = mapped_column(ForeignKey("party_orgs.id"), index=True)
    org_b_id: Mapped[int] = mapped_column(ForeignKey("party_orgs.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int]
    duties_due_on: Mapped[date] = mapped_column(Date)
    planned_visits: Mapped[int]
    planned_trainings: Mapped[int]
    planned_activists: Mapped[int]
    visits_done: Mapped[int] = mapped_column(default=0)
    trainings_done: Mapped[int] = mapped_column(default=0)
    activists_done: Mapped[int] = mapped_column(default=0)
    signed_on: Mapped[date | None] = mapped_column(Date)
    effective_on: Mapped[date | None] = mapped_column(Date)
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    duties_met: Mapped[bool | None]
    review_note: Mapped[str | None] = mapped_column(Text)
    terminated_reason: Mapped[str | None] = mapped_column(Text)

    jurisdiction: Mapped[Jurisdiction] = relationship(lazy="joined", innerjoin=True, foreign_keys=[jurisdiction_id])
