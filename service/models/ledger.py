"""Ledger units (台账单位) and party organisations."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.extensions import Base
from service.models.base import Timestamped, UtcDateTime, Versioned
from service.models.jurisdiction import Jurisdiction


class PartyOrg(Versioned, Timestamped, Base):
    __tablename__ = "party_orgs"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32), index=True)
    # The body the organisation belongs to (its superior organisation sits there).
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="active")
    founded_on: Mapped[date | None] = mapped_column(Date)
    approval_doc_no: Mapped[str | None] = mapped_column(String(64))
    approved_on: Mapped[date | None] = mapped_column(Date)
    secretary_name: Mapped[str | None] = mapped_column(String(50))
    committee_size: Mapped[int | None]
    term_years: Mapped[int | None]
    term_start: Mapped[date | None] = mapped_column(Date)
    term_due_on: Mapped[date | None] = mapped_column(Date, index=True)


class Unit(Versioned, Timestamped, Base):
    __tablename__ = "ledger_units"
    __table_args__ = (
        CheckConstraint(
            "employees >= 0 AND formal_members >= 0 AND probationary_members >= 0 AND mobile_members >= 0",
            name="counts_non_negative",
        ),
        Index("ix_ledger_units_jurisdiction_scope", "jurisdiction_id", "in_scope"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    industry: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(300))
    employees: Mapped[int]
    formal_members: Mapped[int]
    probationary_members: Mapped[int]
    mobile_members: Mapped[int]
    investor_or_head: Mapped[str | None] = mapped_column(String(100))
    operating_status: Mapped[str] = mapped_column(String(16))
    no_org_reason: Mapped[str | None] = mapped_column(Text)
    party_org_id: Mapped[int | None] = mapped_column(ForeignKey("party_orgs.id"), index=True)
    instructor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    # Stored (not computed per query) so lists and coverage counts use an index; recomputed on every
    # write and by `flask ledger rescope` when the thresholds change.
    in_scope: Mapped[bool]
    deregistered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    jurisdiction: Mapped[Jurisdiction] = relationship(lazy="joined", innerjoin=True)
    party_org: Mapped[PartyOrg | None] = relationship()
