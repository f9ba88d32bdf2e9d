"""The supervisors' 待办: what waits for the issuing side in the actor's subtree — rectification reports to
review (tickets submitted), extension requests to decide, interviews to hold, follow up or close. Read queries
only; each list is one statement on an index (tickets by issuing body and state, pending extensions by their
partial unique index, interviews by interviewer body and state), the counts one statement for all three."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select

from service.auth import Actor, scope_ids
from service.extensions import db
from service.models import Interview, SupervisionTicket, TicketExtension
from workflows.interview import INTERVIEW, InterviewState
from workflows.supervision import SUPERVISION_TICKET, TicketState

WORKFLOW = SUPERVISION_TICKET.name  # the read side of this workflow (not an engine)

LIMIT = 100  # rows per list on the page (the counts are exact)
INTERVIEW_STATES = (InterviewState.SCHEDULED.value, InterviewState.HELD.value, InterviewState.FOLLOWED_UP.value)
INTERVIEW_TODO = {
    InterviewState.SCHEDULED.value: "待开展约谈",
    InterviewState.HELD.value: "待跟踪回访",
    InterviewState.FOLLOWED_UP.value: "待结束约谈",
}


@dataclass(frozen=True)
class Counts:
    reports: int = 0
    extensions: int = 0
    interviews: int = 0

    @property
    def total(self) -> int:
        return self.reports + self.extensions + self.interviews


def _mine(column: Any, actor: Actor) -> ColumnElement[bool]:
    """Issued (or arranged) by a body in the actor's subtree; everything for the root."""
    if actor.jurisdiction_path == "/":
        return column.is_not(None)
    return column.in_(scope_ids(actor))


def reports_query(actor: Actor) -> Select[Any]:
    """Tickets whose rectification report awaits the issuing side's review, the earliest report first."""
    return (
        select(SupervisionTicket)
        .where(_mine(SupervisionTicket.issuing_body_id, actor), SupervisionTicket.state == TicketState.SUBMITTED.value)
        .order_by(SupervisionTicket.last_report_on, SupervisionTicket.id)
    )


def extensions_query(actor: Actor) -> Select[TicketExtension, SupervisionTicket]:
    """Pending extension requests (延期申请) with their tickets, the earliest request first."""
    return (
        select(TicketExtension, SupervisionTicket)
        .join(SupervisionTicket, SupervisionTicket.id == TicketExtension.ticket_id)
        .where(TicketExtension.status == "pending", _mine(SupervisionTicket.issuing_body_id, actor))
        .order_by(TicketExtension.requested_on, TicketExtension.id)
    )


def interviews_query(actor: Actor) -> Select[Any]:
    """Interviews the actor's side still has to hold, follow up or close, the earliest appointment first."""
    return (
        select(Interview)
        .where(_mine(Interview.interviewer_body_id, actor), Interview.state.in_(INTERVIEW_STATES))
        .order_by(Interview.scheduled_at, Interview.id)
    )


def _count(stmt: Select[Any]) -> Any:
    return select(func.count()).select_from(stmt.order_by(None).subquery()).scalar_subquery()


def counts(actor: Actor) -> Counts:
    """The three counts in one statement (the navigation's badge reads it on every page)."""
    row = db.session.execute(
        select(
            _count(reports_query(actor)),
            _count(extensions_query(actor).with_only_columns(TicketExtension.id)),
            _count(interviews_query(actor)),
        )
    ).one()
    return Counts(int(row[0]), int(row[1]), int(row[2]))


def lists(actor: Actor) -> dict[str, list[Any]]:
    """The page's rows (at most LIMIT of each): three statements."""
    return {
        "reports": list(db.session.execute(reports_query(actor).limit(LIMIT)).scalars()),
        "extensions": [tuple(r) for r in db.session.execute(extensions_query(actor).limit(LIMIT)).all()],
        "interviews": list(db.session.execute(interviews_query(actor).limit(LIMIT)).scalars()),
    }


def interview_label(state: str) -> str:
    return INTERVIEW_TODO.get(state, INTERVIEW.state_label(state))
