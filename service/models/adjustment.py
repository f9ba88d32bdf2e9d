"""Adjustment cases (组织调整): an organisation's change or dissolution following its unit (五个同步 5)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.extensions import Base
from service.models.base import RuleVersioned, Timestamped, UtcDateTime, Versioned
from service.models.escalation import Escalating
from service.models.jurisdiction import Jurisdiction

_OPEN = "state IN ('proposed', 'submitted', 'returned')"


class AdjustmentCase(Escalating, RuleVersioned, Versioned, Timestamped, Base):
    __tablename__ = "adjustment_cases"
    __table_args__ = (
        # One open case per organisation, whoever races to open it: a second trigger is recorded on the first.
        Index(
            "ux_adjustment_cases_open_org",
            "party_org_id",
            unique=True,
            postgresql_where=text(_OPEN),
            sqlite_where=text(_OPEN),
        ),
        Index("ix_adjustment_cases_scope_state", "jurisdiction_id", "state"),
        Index(
            "ix_adjustment_cases_escalation_due",
            "next_escalation_at",
            postgresql_where=text("next_escalation_at IS NOT NULL"),
            sqlite_where=text("next_escalation_at IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    party_org_id: Mapped[int] = mapped_column(ForeignKey("party_orgs.id"), index=True)
    # The organisation's body when the case opened: its superior organisation decides, and the case is seen there.
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_units.id"), index=True)
    trigger: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(16))
    proposed_form: Mapped[str | None] = mapped_column(String(32))
    target_jurisdiction_id: Mapped[int | None] = mapped_column(ForeignKey("jurisdictions.id"))
    reason: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    # Every trigger seen while the case is open, the first included: {trigger, unit_id, reason, on}.
    triggers: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    opened_on: Mapped[date] = mapped_column(Date)
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    approving_body: Mapped[str | None] = mapped_column(String(100))
    approval_doc_no: Mapped[str | None] = mapped_column(String(64))
    approved_on: Mapped[date | None] = mapped_column(Date)
    decision_reason: Mapped[str | None] = mapped_column(Text)
    return_reason: Mapped[str | None] = mapped_column(Text)
    closed_reason: Mapped[str | None] = mapped_column(Text)

    jurisdiction: Mapped[Jurisdiction] = relationship(lazy="joined", innerjoin=True, foreign_keys=[jurisdiction_id])
