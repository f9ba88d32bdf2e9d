"""Party-building instructors (党建指导员): profiles, assignments to units (the history), visit logs, and the
preparation items (组建准备) a new unit without an organisation opens (workflows/instructors.py)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.extensions import Base
from service.models.base import Timestamped, UtcDateTime, Versioned
from service.models.escalation import Escalating
from service.models.jurisdiction import Jurisdiction


class InstructorProfile(Versioned, Timestamped, Base):
    """What an instructor is besides a user: full-time or part-time, who sends them, how to reach them."""

    __tablename__ = "instructor_profiles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True, autoincrement=False)
    employment: Mapped[str] = mapped_column(String(16))
    home_unit: Mapped[str] = mapped_column(String(200))  # 派出单位
    phone: Mapped[str] = mapped_column(String(20))


class InstructorAssignment(Escalating, Versioned, Timestamped, Base):
    """One instructor serving one unit from `assigned_on` until released: the rows of a unit are its history.
    At most one active row per unit (a partial unique index); `ledger_units.instructor_id` mirrors it."""

    __tablename__ = "instructor_assignments"
    __table_args__ = (
        Index(
            "uq_instructor_assignments_active_unit",
            "unit_id",
            unique=True,
            postgresql_where=text("state = 'active'"),
            sqlite_where=text("state = 'active'"),
        ),
        Index("ix_instructor_assignments_instructor_state", "instructor_id", "state"),
        Index("ix_instructor_assignments_scope_state", "jurisdiction_id", "state"),
        Index(
            "ix_instructor_assignments_escalation_due",
            "next_escalation_at",
            postgresql_where=text("next_escalation_at IS NOT NULL"),
            sqlite_where=text("next_escalation_at IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    unit_id: Mapped[int] = mapped_column(ForeignKey("ledger_units.id"))
    instructor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # The unit's body: the assignment is seen and followed there.
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    liaison: Mapped[bool] = mapped_column(Boolean, default=False)  # stays on as 联络员 after the founding
    assigned_on: Mapped[date] = mapped_column(Date)
    assigned_by: Mapped[str] = mapped_column(String(64))
    last_visit_on: Mapped[date | None] = mapped_column(Date)
    released_on: Mapped[date | None] = mapped_column(Date)
    release_reason: Mapped[str | None] = mapped_column(String(16))

    jurisdiction: Mapped[Jurisdiction] = relationship(lazy="joined", innerjoin=True, foreign_keys=[jurisdiction_id])


class VisitLog(Base):
    """One visit or piece of guidance an instructor logged on a unit (走访 / 指导)."""

    __tablename__ = "instructor_visits"
    __table_args__ = (Index("ix_instructor_visits_unit", "unit_id", "visited_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("instructor_assignments.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("ledger_units.id"))
    instructor_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    visited_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))
    done: Mapped[str] = mapped_column(Text)  # what was done
    next_step: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PreparationItem(Escalating, Versioned, Timestamped, Base):
    """Synchronisation 1 (登记 → 组建准备): a unit entered in scope without an organisation, until it has an
    instructor who has visited it (or founds its organisation, or leaves scope). One open item per unit."""

    __tablename__ = "preparation_items"
    __table_args__ = (
        Index(
            "uq_preparation_items_open_unit",
            "unit_id",
            unique=True,
            postgresql_where=text("state = 'open'"),
            sqlite_where=text("state = 'open'"),
        ),
        Index("ix_preparation_items_scope_state", "jurisdiction_id", "state"),
        Index(
            "ix_preparation_items_escalation_due",
            "next_escalation_at",
            postgresql_where=text("next_escalation_at IS NOT NULL"),
            sqlite_where=text("next_escalation_at IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    unit_id: Mapped[int] = mapped_column(ForeignKey("ledger_units.id"))
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    opened_on: Mapped[date] = mapped_column(Date)
    instructor_assigned_on: Mapped[date | None] = mapped_column(Date)
    first_visit_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    close_reason: Mapped[str | None] = mapped_column(String(16))

    jurisdiction: Mapped[Jurisdiction] = relationship(lazy="joined", innerjoin=True, foreign_keys=[jurisdiction_id])
