"""Coverage: month-end snapshots (the trend) and issued circulars (通报) with the figures as they were."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, Float, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import Base
from service.models.base import BigId, UtcDateTime


class CoverageSnapshot(Base):
    """One jurisdiction's figures (its whole subtree) as at one month end. The unique key makes the
    scheduled job write each (jurisdiction, month) exactly once, however many schedulers run it; it is
    also the index the trend reads through."""

    __tablename__ = "coverage_snapshots"
    __table_args__ = (UniqueConstraint("jurisdiction_id", "month_end", name="uq_coverage_snapshots_month"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    month_end: Mapped[date] = mapped_column(Date)
    units: Mapped[int]
    own_org: Mapped[int]
    joint_org: Mapped[int]
    instructor_only: Mapped[int]
    open_cases: Mapped[int]
    oldest_case_days: Mapped[int | None]
    mean_case_days: Mapped[float | None] = mapped_column(Float)
    # True when the month was missed and filled in later with the figures of the day it was filled in
    # (not reconstructed): shown in the trend, left out of the projection's pace.
    backfilled: Mapped[bool] = mapped_column(default=False)
    taken_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Circular(Base):
    """An issued circular: who issued it, when, for which jurisdiction and period, and the figures exactly
    as they were (JSON), so it reads the same after the ledger changed. Never updated."""

    __tablename__ = "circulars"

    id: Mapped[int] = mapped_column(primary_key=True)
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    issued_by_label: Mapped[str] = mapped_column(String(100))
    figures: Mapped[dict[str, Any]] = mapped_column(JSON)
