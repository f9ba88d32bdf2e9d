"""Supervision tickets (督办单) and interviews (约谈)."""

from __future__ import annotations

from typing import Any

from schemas.supervision import (
    BoardQuerySchema,
    BoardSchema,
    ExtensionDecideSchema,
    ExtensionRequestSchema,
    FollowUpSchema,
    HoldSchema,
    InterviewCreateSchema,
    InterviewQuerySchema,
    InterviewSchema,
    ReasonRequiredSchema,
    ReportSchema,
    RescheduleSchema,
    ReviewCommentSchema,
    TicketCreateSchema,
    TicketQuerySchema,
    TicketSchema,
    TicketUpdateSchema,
)
from schemas.urges import UrgeRequestSchema, UrgeSchema
from service.api.docs import errors
from service.api.etag import IF_MATCH_DOC, OPTIONAL_IF_MATCH_DOC, headers_for, if_match_when_given, require_if_match
from service.api.pagination import Blueprint
from service.api.presenters import history_view
from service.api.urge_views import urged_view
from service.auth import current_actor, require_roles
from service.clock import today
from service.models import Interview, SupervisionTicket
from service.operations.common import paginate
from service.operations.engines import interviews as interview_ops
from service.operations.flows.instructors import assignments as instructor_assignments
from service.operations.flows.supervision import ticket_board, ticket_urges, tickets
from service.roles import INTERVIEWERS, SUPERVISION_READERS, TICKET_HANDLERS, TICKET_ISSUERS, TICKET_URGERS
from workflows.deadlines import LEVEL_LABELS, WARNING_LABELS
from workflows.interview import INTERVIEW, InterviewRecord, InterviewSchedule, NewInterview
from workflows.supervision import (
    PRIORITY_LABELS_ZH,
    SUPERVISION_TICKET,
    DecideExtension,
    ExtensionRequest,
    NewTicket,
    Priority,
    RectificationReport,
    TicketChanges,
)
from workflows.workdays import BASIS_LABELS

blp = Blueprint(
    "supervision",
    __name__,
    url_prefix="/api/v1/supervision-tickets",
    description="Supervision tickets (督办单): issue → acknowledge → rectify → report → close",
    workflow=SUPERVISION_TICKET.name,
)
interviews_blp = Blueprint(
    "interviews",
    __name__,
    url_prefix="/api/v1/interviews",
    description="Interviews (约谈) with a lagging body's responsible person",
    workflow=INTERVIEW.name,
)

# The same role tuples the service layer's side checks and allowed_actions use.


def _label(labels: Any, key: str | None) -> str | None:
    return labels.get(key, key) if key else None


# -- tickets ---------------------------------------------------------------------------------------------------


def _ticket_view(rows: list[SupervisionTicket], *, detail: bool = False) -> list[dict[str, Any]]:
    """A page of tickets: a fixed number of queries per page, never per ticket."""
    ids = [t.id for t in rows]
    on = today()
    problems = tickets.problems_of(ids)
    pending = tickets.pending_extensions(ids)
    bodies = tickets.body_refs({t.issuing_body_id for t in rows})
    allowed = tickets.allowed_actions(current_actor(), rows, pending)
    out = []
    for t in rows:
        tracked, level = ticket_board.warning_of(t, on)
        action, action_label = ticket_board.pending_action(t)
        data = {col.key: getattr(t, col.key) for col in SupervisionTicket.__table__.columns}
        data.update(
            state_label=SUPERVISION_TICKET.state_label(t.state),
            priority_label=PRIORITY_LABELS_ZH[Priority(t.priority)],
            jurisdiction={
                "id": t.jurisdiction.id,
                "name": t.jurisdiction.name,
                "code": t.jurisdiction.code,
                "kind": t.jurisdiction.kind,
            },
            issuing_body=bodies.get(t.issuing_body_id),
            rectification_deadline=t.requested_deadline,
            acknowledge_basis_label=_label(BASIS_LABELS, t.acknowledge_basis),
            rectify_basis_label=_label(BASIS_LABELS, t.rectify_basis),
            tracked_deadline=tracked,
            warning_level=level,
            warning_label=_label(WARNING_LABELS, level),
            escalation_level_label=_label(LEVEL_LABELS, t.escalation_level),
            next_escalation_level_label=_label(LEVEL_LABELS, t.next_escalation_level),
            pending_extension=t.id in pending,
            pending_action=action,
            pending_action_label=action_label,
            allowed_actions=allowed[t.id],
            problems=problems[t.id],
        )
        out.append(data)
    if detail and rows:
        t = rows[0]
        out[0]["reports"] = [
            {**_columns(r), "review_outcome_label": _label(tickets.REVIEW_LABELS, r.review_outcome)}
            for r in tickets.reports_of(t.id)
        ]
        out[0]["extensions"] = [
            {**_columns(e), "status_label": tickets.EXTENSION_STATUS_LABELS.get(e.status, e.status)}
            for e in tickets.extensions_of(t.id)
        ]
        out[0]["interviews"] = [
            {**_columns(i), "state_label": INTERVIEW.state_label(i.state)}
            for i in interview_ops.for_tickets([t.id])[t.id]
        ]
        out[0]["history"] = history_view(tickets.WORKFLOW, t.id)
    return out


def _columns(row: Any) -> dict[str, Any]:
    return {col.key: getattr(row, col.key) for col in row.__table__.columns}


def _ticket(t: SupervisionTicket, status: int = 200) -> Any:
    return _ticket_view([t], detail=True)[0], status, headers_for(t)


@blp.route("")
@blp.arguments(TicketQuerySchema, location="query")
@blp.response(200, TicketSchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 403, 404, 422)
@require_roles(*SUPERVISION_READERS)
def list_tickets(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    """The board's list: tickets issued by or to my subtree, with their warning light (filterable in SQL)."""
    items, total = paginate(
        ticket_board.query(current_actor(), filters), pagination_parameters.page, pagination_parameters.page_size
    )
    pagination_parameters.item_count = total
    return _ticket_view(items)


@blp.route("/board")
@blp.arguments(BoardQuerySchema, location="query")
@blp.response(200, BoardSchema)
@errors(blp, 403, 404, 422)
@require_roles(*SUPERVISION_READERS)
def board(filters: dict[str, Any]) -> Any:
    """Counts per handling body: issued, closed, closed on time, open, lights, closure and on-time rates; and the
    guidance the bodies give (units without an instructor, overdue visits, preparation items)."""
    actor = current_actor()
    counts = ticket_board.board(actor, filters)
    counts["guidance"] = instructor_assignments.guidance_counts(actor, filters.get("jurisdiction_id"))
    return counts


@blp.route("/inbox")
@blp.response(200, TicketSchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 403)
@require_roles(*TICKET_HANDLERS)
def inbox(pagination_parameters: Any) -> Any:
    """Tickets of my body waiting for us (acknowledge, start, report — returned ones too), nearest deadline first."""
    items, total = paginate(
        ticket_board.inbox_query(current_actor()), pagination_parameters.page, pagination_parameters.page_size
    )
    pagination_parameters.item_count = total
    return _ticket_view(items)


@blp.route("", methods=["POST"])
@blp.arguments(TicketCreateSchema)
@blp.response(201, TicketSchema)
@errors(blp, 400, 403, 404, 409, 413, 422)
@require_roles(*TICKET_ISSUERS)
def create_ticket(data: NewTicket) -> Any:
    """Draft a ticket to a body below mine: problems, responsible person, deadline (a date or N working days)."""
    return _ticket(tickets.create(current_actor(), data), 201)


@blp.route("/<int:ticket_id>")
@blp.response(200, TicketSchema)
@errors(blp, 403, 404)
@require_roles(*SUPERVISION_READERS)
def get_ticket(ticket_id: int) -> Any:
    """The ticket with its problems, reports, extension requests, interviews and history."""
    return _ticket(tickets.get(current_actor(), ticket_id))


@blp.route("/<int:ticket_id>", methods=["PATCH"])
@blp.arguments(TicketUpdateSchema)
@blp.response(200, TicketSchema)
@blp.doc(**IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422, 428)
@require_roles(*TICKET_ISSUERS)
def update_ticket(changes: TicketChanges, ticket_id: int) -> Any:
    """Change a draft."""
    return _ticket(tickets.update_draft(current_actor(), ticket_id, changes, require_if_match))


@blp.route("/<int:ticket_id>/issue", methods=["POST"])
@blp.response(200, TicketSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 403, 404, 409, 412, 422)
@require_roles(*TICKET_ISSUERS)
def issue(ticket_id: int) -> Any:
    """Issue today: acknowledgement and rectification deadlines on the working-day calendar."""
    return _ticket(tickets.issue(current_actor(), ticket_id, if_match_when_given))


@blp.route("/<int:ticket_id>/acknowledge", methods=["POST"])
@blp.response(200, TicketSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 403, 404, 409, 412)
@require_roles(*TICKET_HANDLERS)
def acknowledge(ticket_id: int) -> Any:
    """Sign for the ticket (签收): the handling body's own handlers."""
    return _ticket(tickets.acknowledge(current_actor(), ticket_id, if_match_when_given))


@blp.route("/<int:ticket_id>/start", methods=["POST"])
@blp.response(200, TicketSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 403, 404, 409, 412)
@require_roles(*TICKET_HANDLERS)
def start(ticket_id: int) -> Any:
    """Start rectification (开始整改)."""
    return _ticket(tickets.start_rectification(current_actor(), ticket_id, if_match_when_given))


@blp.route("/<int:ticket_id>/report", methods=["POST"])
@blp.arguments(ReportSchema)
@blp.response(200, TicketSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422)
@require_roles(*TICKET_HANDLERS)
def report(data: RectificationReport, ticket_id: int) -> Any:
    """Report the rectification: every problem once, with the measures taken and evidence."""
    return _ticket(tickets.submit_report(current_actor(), ticket_id, data, if_match_when_given))


@blp.route("/<int:ticket_id>/close", methods=["POST"])
@blp.arguments(ReviewCommentSchema)
@blp.response(200, TicketSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422)
@require_roles(*TICKET_ISSUERS)
def close(data: dict[str, Any], ticket_id: int) -> Any:
    """Review passed (办结/销号); closed on time when the report came in by the deadline in force."""
    return _ticket(tickets.close(current_actor(), ticket_id, data.get("comment"), if_match_when_given))


@blp.route("/<int:ticket_id>/return", methods=["POST"])
@blp.arguments(ReasonRequiredSchema)
@blp.response(200, TicketSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422)
@require_roles(*TICKET_ISSUERS)
def return_for_rework(data: dict[str, Any], ticket_id: int) -> Any:
    """Return for more work (退回重新整改) with the reviewer's opinion."""
    return _ticket(tickets.return_for_rework(current_actor(), ticket_id, data["reason"], if_match_when_given))


@blp.route("/<int:ticket_id>/cancel", methods=["POST"])
@blp.arguments(ReasonRequiredSchema)
@blp.response(200, TicketSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422)
@require_roles(*TICKET_ISSUERS)
def cancel(data: dict[str, Any], ticket_id: int) -> Any:
    """Cancel (撤销) a ticket that is not closed; a pending extension request lapses."""
    return _ticket(tickets.cancel(current_actor(), ticket_id, data["reason"], if_match_when_given))


@blp.route("/<int:ticket_id>/extensions", methods=["POST"])
@blp.arguments(ExtensionRequestSchema)
@blp.response(201, TicketSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422)
@require_roles(*TICKET_HANDLERS)
def request_extension(data: ExtensionRequest, ticket_id: int) -> Any:
    """Ask for an extension (延期) up to and including the deadline day; one pending request at a time."""
    return _ticket(tickets.request_extension(current_actor(), ticket_id, data, if_match_when_given), 201)


@blp.route("/<int:ticket_id>/extensions/<int:extension_id>/decide", methods=["POST"])
@blp.arguments(ExtensionDecideSchema)
@blp.response(200, TicketSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422)
@require_roles(*TICKET_ISSUERS)
def decide_extension(data: DecideExtension, ticket_id: int, extension_id: int) -> Any:
    """Approve (the deadline in force moves; the original stays on record) or refuse with a reason."""
    return _ticket(tickets.decide_extension(current_actor(), ticket_id, extension_id, data, if_match_when_given))


@blp.route("/<int:ticket_id>/urge", methods=["POST"])
@blp.arguments(UrgeRequestSchema)
@blp.response(201, UrgeSchema)
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*TICKET_URGERS)
def urge(data: dict[str, Any], ticket_id: int) -> Any:
    """催办 the handling body (its handlers are notified) while it owes the next step: issued, acknowledged or
    rectifying, overdue or not. At most once per working day (409 says the next working day)."""
    return urged_view(ticket_urges.urge_ticket(current_actor(), ticket_id, data.get("message")))


# -- interviews ------------------------------------------------------------------------------------------------


def _interview_view(rows: list[Interview], *, detail: bool = False) -> list[dict[str, Any]]:
    ticket_ids = sorted({i.ticket_id for i in rows if i.ticket_id is not None})
    linked = {t.id: t for t in tickets.by_ids(ticket_ids)}
    bodies = tickets.body_refs({i.interviewer_body_id for i in rows if i.interviewer_body_id is not None})
    allowed = interview_ops.allowed_actions(current_actor(), rows)
    out = []
    for i in rows:
        data = _columns(i)
        t = linked.get(i.ticket_id) if i.ticket_id is not None else None
        data.update(
            state_label=INTERVIEW.state_label(i.state),
            jurisdiction={
                "id": i.jurisdiction.id,
                "name": i.jurisdiction.name,
                "code": i.jurisdiction.code,
                "kind": i.jurisdiction.kind,
            },
            interviewer_body=bodies.get(i.interviewer_body_id) if i.interviewer_body_id else None,
            ticket=(
                {
                    "id": t.id,
                    "title": t.title,
                    "state": t.state,
                    "state_label": SUPERVISION_TICKET.state_label(t.state),
                    "rectify_by": t.rectify_by,
                    "post_interview_deadline": t.post_interview_deadline,
                }
                if t is not None
                else None
            ),
            allowed_actions=allowed[i.id],
        )
        out.append(data)
    if detail and rows:
        out[0]["history"] = history_view(interview_ops.WORKFLOW, rows[0].id)
    return out


def _interview(i: Interview, status: int = 200) -> Any:
    return _interview_view([i], detail=True)[0], status, headers_for(i)


@interviews_blp.route("")
@interviews_blp.arguments(InterviewQuerySchema, location="query")
@interviews_blp.response(200, InterviewSchema(many=True))
@interviews_blp.paginate(page_size=50, max_page_size=200)
@errors(interviews_blp, 403, 404, 422)
@require_roles(*SUPERVISION_READERS)
def list_interviews(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    """Interviews held by my subtree or with a body in it."""
    items, total = paginate(
        interview_ops.query(current_actor(), filters), pagination_parameters.page, pagination_parameters.page_size
    )
    pagination_parameters.item_count = total
    return _interview_view(items)


@interviews_blp.route("", methods=["POST"])
@interviews_blp.arguments(InterviewCreateSchema)
@interviews_blp.response(201, InterviewSchema)
@errors(interviews_blp, 400, 403, 404, 409, 413, 422)
@require_roles(*INTERVIEWERS)
def create_interview(data: NewInterview) -> Any:
    """Arrange an interview about a ticket (ticket_id), an establishment case or a body below mine."""
    return _interview(interview_ops.create(current_actor(), data), 201)


@interviews_blp.route("/<int:interview_id>")
@interviews_blp.response(200, InterviewSchema)
@errors(interviews_blp, 403, 404)
@require_roles(*SUPERVISION_READERS)
def get_interview(interview_id: int) -> Any:
    return _interview(interview_ops.get(current_actor(), interview_id))


@interviews_blp.route("/<int:interview_id>/reschedule", methods=["POST"])
@interviews_blp.arguments(RescheduleSchema)
@interviews_blp.response(200, InterviewSchema)
@interviews_blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(interviews_blp, 400, 403, 404, 409, 412, 422)
@require_roles(*INTERVIEWERS)
def reschedule(data: InterviewSchedule, interview_id: int) -> Any:
    """Set or move the time and place (an interview created by escalation has neither)."""
    return _interview(interview_ops.reschedule(current_actor(), interview_id, data, if_match_when_given))


@interviews_blp.route("/<int:interview_id>/hold", methods=["POST"])
@interviews_blp.arguments(HoldSchema)
@interviews_blp.response(200, InterviewSchema)
@interviews_blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(interviews_blp, 400, 403, 404, 409, 412, 422)
@require_roles(*INTERVIEWERS)
def hold(data: InterviewRecord, interview_id: int) -> Any:
    """Record the interview; the linked ticket's deadline becomes the new deadline (missing it: accountability)."""
    return _interview(interview_ops.hold(current_actor(), interview_id, data, if_match_when_given))


@interviews_blp.route("/<int:interview_id>/follow-up", methods=["POST"])
@interviews_blp.arguments(FollowUpSchema)
@interviews_blp.response(200, InterviewSchema)
@interviews_blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(interviews_blp, 400, 403, 404, 409, 412, 422)
@require_roles(*INTERVIEWERS)
def follow_up(data: dict[str, Any], interview_id: int) -> Any:
    """Record the follow-up visit (跟踪回访)."""
    return _interview(
        interview_ops.follow_up(current_actor(), interview_id, data["follow_up_note"], if_match_when_given)
    )


@interviews_blp.route("/<int:interview_id>/close", methods=["POST"])
@interviews_blp.arguments(ReviewCommentSchema)
@interviews_blp.response(200, InterviewSchema)
@interviews_blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(interviews_blp, 400, 403, 404, 409, 412, 422)
@require_roles(*INTERVIEWERS)
def close_interview(data: dict[str, Any], interview_id: int) -> Any:
    return _interview(interview_ops.close(current_actor(), interview_id, data.get("comment"), if_match_when_given))


@interviews_blp.route("/<int:interview_id>/cancel", methods=["POST"])
@interviews_blp.arguments(ReasonRequiredSchema)
@interviews_blp.response(200, InterviewSchema)
@interviews_blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(interviews_blp, 400, 403, 404, 409, 412, 422)
@require_roles(*INTERVIEWERS)
def cancel_interview(data: dict[str, Any], interview_id: int) -> Any:
    """Cancel a scheduled interview, with a reason."""
    return _interview(interview_ops.cancel(current_actor(), interview_id, data["reason"], if_match_when_given))
