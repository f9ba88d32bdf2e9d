"""Re-elections (换届): the requests (换届请示, 延期 / 提前换届) and the watch on each organisation's term."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.extensions import Base
from service.models.base import RuleVersioned, Timestamped, UtcDateTime, Versioned
from service.models.escalation import Escalating
from service.models.jurisdiction import Jurisdiction
from service.models.ledger import PartyOrg


class ReElection(RuleVersioned, Versioned, Timestamped, Base):
    """One request about an organisation's re-election: hold it (换届请示), postpone it or bring it forward."""

    __tablename__ = "re_elections"
    __table_args__ = (Index("ix_re_elections_scope_state", "jurisdiction_id", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))
    party_org_id: Mapped[int] = mapped_column(ForeignKey("party_orgs.id"), index=True)
    # The body the organisation belongs to: its superior organisation approves there.
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    county_id: Mapped[int | None] = mapped_column(ForeignKey("jurisdictions.id"))
    applicant_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    form: Mapped[str] = mapped_column(String(32))  # the organisation's form when asked (its approval chain)
    formal_members: Mapped[int]  # formal members of the organisation's units when asked
    reason: Mapped[str | None] = mapped_column(Text)
    request_text: Mapped[str | None] = mapped_column(Text)
    committee_size: Mapped[int | None]
    secretary: Mapped[str | None] = mapped_column(String(50))
    candidates: Mapped[list[str] | None] = mapped_column(JSON)
    oversize_reason: Mapped[str | None] = mapped_column(Text)
    current_due_on: Mapped[date | None] = mapped_column(Date)
    new_due_on: Mapped[date | None] = mapped_column(Date)  # asked for by a postponement or an advance
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    return_reason: Mapped[str | None] = mapped_column(Text)
    approval_doc_no: Mapped[str | None] = mapped_column(String(64))
    approved_on: Mapped[date | None] = mapped_column(Date)
    approval_meeting_on: Mapped[date | None] = mapped_column(Date)
    approving_body: Mapped[str | None] = mapped_column(String(100))
    decision_reason: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    general_meeting: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    held_on: Mapped[date | None] = mapped_column(Date)
    term_start: Mapped[date | None] = mapped_column(Date)
    term_years: Mapped[int | None]
    term_due_on: Mapped[date | None] = mapped_column(Date)  # the new term's due date, once elected
    closed_reason: Mapped[str | None] = mapped_column(Text)

    jurisdiction: Mapped[Jurisdiction] = relationship(lazy="joined", innerjoin=True, foreign_keys=[jurisdiction_id])
    party_org: Mapped[PartyOrg] = relationship(lazy="joined", innerjoin=True)


class TermWatch(Escalating, Versioned, Timestamped, Base):
    """One organisation's term as the reminders and the escalation ladder follow it: the due date last seen,
    the last reminder sent for it (each reminder once: its key), the ladder's plan once overdue."""

    __tablename__ = "term_watches"
    __table_args__ = (
        Index(
            "ix_term_watches_escalation_due",
            "next_escalation_at",
            postgresql_where=text("next_escalation_at IS NOT NULL"),
            sqlite_where=text("next_escalation_at IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    party_org_id: Mapped[int] = mapped_column(ForeignKey("party_orgs.id"), unique=True)
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    term_due_on: Mapped[date | None] = mapped_column(Date)
    reminder_key: Mapped[str | None] = mapped_column(String(32))  # "<due date>/<reminder>", e.g. 2027-03-01/before_6
    checked_on: Mapped[date | None] = mapped_column(Date)

    party_org: Mapped[PartyOrg] = relationship(lazy="joined", innerjoin=True)
