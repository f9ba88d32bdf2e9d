"""Establishment cases: preparation → approval → founding of a party organisation."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, text, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.extensions import Base, db
from service.models.base import RuleVersioned, Timestamped, UtcDateTime, Versioned
from service.models.escalation import Escalating
from service.models.jurisdiction import Jurisdiction
from service.models.ledger import PartyOrg


class EstablishmentCase(Escalating, RuleVersioned, Versioned, Timestamped, Base):
    __tablename__ = "establishment_cases"
    __table_args__ = (
        Index("ix_establishment_cases_scope_state", "jurisdiction_id", "state"),
        Index(
            "ix_establishment_cases_escalation_due",
            "next_escalation_at",
            postgresql_where=text("next_escalation_at IS NOT NULL"),
            sqlite_where=text("next_escalation_at IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # The transitions library reads and writes this attribute through the shared machine.
    state: Mapped[str] = mapped_column(String(16), index=True)
    form: Mapped[str] = mapped_column(String(32))
    # The superior body that decides (the lowest body covering all the units) and its county.
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    county_id: Mapped[int | None] = mapped_column(ForeignKey("jurisdictions.id"))
    applicant_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    proposed_name: Mapped[str] = mapped_column(String(200))
    proposed_secretary: Mapped[str | None] = mapped_column(String(50))
    proposed_committee_size: Mapped[int | None]
    branch_oversize_reason: Mapped[str | None] = mapped_column(Text)
    request_text: Mapped[str | None] = mapped_column(Text)
    roster: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    formal_total: Mapped[int]
    probationary_total: Mapped[int]
    mobile_total: Mapped[int]
    preparation_started_on: Mapped[date] = mapped_column(Date)
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    return_reason: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decision_reason: Mapped[str | None] = mapped_column(Text)
    approving_body: Mapped[str | None] = mapped_column(String(100))
    approval_doc_no: Mapped[str | None] = mapped_column(String(64))
    approved_on: Mapped[date | None] = mapped_column(Date)
    approval_meeting_on: Mapped[date | None] = mapped_column(Date)
    general_meeting: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    founded_on: Mapped[date | None] = mapped_column(Date)
    term_years: Mapped[int | None]
    term_due_on: Mapped[date | None] = mapped_column(Date)
    party_org_id: Mapped[int | None] = mapped_column(ForeignKey("party_orgs.id"))
    closed_reason: Mapped[str | None] = mapped_column(Text)

    jurisdiction: Mapped[Jurisdiction] = relationship(lazy="joined", innerjoin=True, foreign_keys=[jurisdiction_id])
    # Assigned at the founding, so one flush inserts the organisation and updates the case once.
    party_org: Mapped[PartyOrg | None] = relationship(foreign_keys=[party_org_id])


class EstablishmentCaseUnit(Base):
    """Units covered by a case. `open` is true while the case is alive: a partial unique index lets a unit
    be in at most one open case, enforced by the database even under concurrent requests."""

    __tablename__ = "establishment_case_units"
    __table_args__ = (
        Index(
            "uq_establishment_open_unit",
            "unit_id",
            unique=True,
            postgresql_where=db.text("open"),
            sqlite_where=db.text("open"),
        ),
        # "Is this unit in an open case?" for each candidate unit (the new-application page, the case commands):
        # SQLite's planner uses the partial index above only for the literal condition `open`, never for the
        # `open = 1` SQLAlchemy writes, and scanned every link per unit (0.5–18 s at city scale).
        Index("ix_establishment_case_units_unit_open", "unit_id", "open"),
    )

    case_id: Mapped[int] = mapped_column(ForeignKey("establishment_cases.id"), primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("ledger_units.id"), primary_key=True)
    open: Mapped[bool] = mapped_column(server_default=true())
