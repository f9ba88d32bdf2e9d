"""The five synchronisations, steps 2 and 3: party activities recorded against a unit, and each unit's annual
inspection (年检) with whether its party work was checked."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import Base
from service.models.base import Timestamped, Versioned


class PartyActivity(Versioned, Timestamped, Base):
    __tablename__ = "party_activities"
    __table_args__ = (
        # The latest activity per unit (the inactive list, the coverage indicator) reads this index only.
        Index("ix_party_activities_unit_held", "unit_id", "held_on"),
        Index("ix_party_activities_scope_held", "jurisdiction_id", "held_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    unit_id: Mapped[int] = mapped_column(ForeignKey("ledger_units.id"))
    # The unit's body when recorded: the record is seen from there (a unit moving later keeps its history).
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    kind: Mapped[str] = mapped_column(String(24))
    held_on: Mapped[date] = mapped_column(Date)
    attendance: Mapped[int]
    description: Mapped[str] = mapped_column(Text)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)


class AnnualInspection(Versioned, Timestamped, Base):
    __tablename__ = "annual_inspections"
    __table_args__ = (
        # One record per unit per year: a second is a conflict, whoever races whom.
        UniqueConstraint("unit_id", "year"),
        Index("ix_annual_inspections_scope_year", "jurisdiction_id", "year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    unit_id: Mapped[int] = mapped_column(ForeignKey("ledger_units.id"))
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    year: Mapped[int]
    inspected_on: Mapped[date] = mapped_column(Date)
    result: Mapped[str] = mapped_column(String(24))
    party_work_checked: Mapped[bool]
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
