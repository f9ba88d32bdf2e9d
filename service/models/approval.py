"""The approval engine's tables: steps owned by a body, tasks for people or candidate groups, and the
decision log the pure engine (workflows.approval) replays."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, UniqueConstraint, text, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.extensions import Base
from service.models.base import BigId, Timestamped, UtcDateTime, Versioned
from service.models.escalation import Escalating
from service.models.jurisdiction import Jurisdiction


class ApprovalRoute(Versioned, Timestamped, Base):
    """How a body decides one level of a workflow: the mode and, for named modes, who in which order.
    Without a route the settings' default mode applies, with the body's approvers."""

    __tablename__ = "approval_routes"
    __table_args__ = (UniqueConstraint("body_id", "workflow", "level_name", name="uq_approval_routes_level"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    workflow: Mapped[str] = mapped_column(String(32))
    level_name: Mapped[str] = mapped_column(String(32))
    mode: Mapped[str] = mapped_column(String(16))
    approver_ids: Mapped[list[int] | None] = mapped_column(JSON)


class ApprovalStep(Escalating, Versioned, Timestamped, Base):
    __tablename__ = "approval_steps"
    __table_args__ = (
        Index("ix_approval_steps_subject", "workflow", "subject_id", "level"),
        Index("ix_approval_steps_open_due", "status", "due_on"),
        Index(
            "ix_approval_steps_escalation_due",
            "next_escalation_at",
            postgresql_where=text("next_escalation_at IS NOT NULL"),
            sqlite_where=text("next_escalation_at IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workflow: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[int]
    level: Mapped[int]
    level_name: Mapped[str] = mapped_column(String(32))
    body_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    # The subject's jurisdiction: who may see the step (and its audit records).
    scope_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    mode: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    due_on: Mapped[date] = mapped_column(Date)
    due_basis: Mapped[str] = mapped_column(String(8))
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    tally: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # The engine's decisions so far (workflows.approval.Decision as dicts), kept on the step row itself: a
    # decision locks and reads this row, so it sees every earlier decision (ApprovalAction is the log).
    decisions: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list, server_default="[]")

    body: Mapped[Jurisdiction] = relationship(lazy="joined", innerjoin=True, foreign_keys=[body_id])


class ApprovalTask(Versioned, Timestamped, Base):
    """One person's (or one candidate group's) part in a step.

    status: open (actionable), waiting (sequential, not yet their turn), done, cancelled.
    A task offered to candidate groups has no assignee until claimed.
    kind: "approval" (a part in deciding the step) or "consult" (委派: a colleague's request for an opinion,
    never deciding; it ends with the opinion, or is cancelled when the step closes)."""

    __tablename__ = "approval_tasks"
    __table_args__ = (
        Index("ix_approval_tasks_assignee_open", "assignee_id", "status", "due_on"),
        Index("ix_approval_tasks_open_due", "status", "due_on", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    step_id: Mapped[int] = mapped_column(ForeignKey("approval_steps.id"), index=True)
    position: Mapped[int]
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[str | None] = mapped_column(String(16))
    comment: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # Copied from the step so the inbox sorts and filters on one table's index.
    due_on: Mapped[date] = mapped_column(Date)
    workflow: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[int]
    scope_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    kind: Mapped[str] = mapped_column(String(16), default="approval", server_default="approval")

    step: Mapped[ApprovalStep] = relationship(lazy="joined", innerjoin=True)


class TaskCandidate(Base):
    """A candidate group a task is offered to: everyone with `role` in body `body_id` may claim it.

    `open` follows the task (false once it is done or cancelled) so the inbox's partial index holds only
    the group's live offers: its cost follows one group's open tasks, not the city's."""

    __tablename__ = "approval_task_candidates"
    __table_args__ = (
        Index(
            "ix_approval_task_candidates_group",
            "body_id",
            "role",
            "task_id",
            postgresql_where=text("open"),
            sqlite_where=text("open"),
        ),
    )

    task_id: Mapped[int] = mapped_column(ForeignKey("approval_tasks.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16), primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), primary_key=True)
    open: Mapped[bool] = mapped_column(server_default=true())


class ApprovalAction(Base):
    """The step's decision log (approve, reject, return, delegate, comment, vote, claim, release)."""

    __tablename__ = "approval_actions"
    __table_args__ = (Index("ix_approval_actions_step", "step_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    step_id: Mapped[int] = mapped_column(ForeignKey("approval_steps.id"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("approval_tasks.id"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str | None] = mapped_column(Text)
    delegate_to_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    tally: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
