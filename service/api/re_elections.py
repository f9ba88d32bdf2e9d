"""Re-elections (换届): the due list, requests (换届请示, 延期 / 提前换届) through approval, the general meeting."""

from __future__ import annotations

from typing import Any

from schemas.common import ErrorSchema
from schemas.re_elections import (
    DueCountsSchema,
    DueQuerySchema,
    DueSchema,
    ElectionSchema,
    RequestCreateSchema,
    RequestQuerySchema,
    RequestSchema,
    ResubmitSchema,
    WithdrawSchema,
)
from service.api.docs import errors
from service.api.downloads import attachment
from service.api.etag import OPTIONAL_IF_MATCH_DOC, headers_for, if_match_when_given
from service.api.pagination import Blueprint
from service.api.presenters import history_view, steps_view
from service.api.spreadsheets import XLSX_CONTENT, XLSX_DOC, send_xlsx
from service.auth import current_actor, require_roles
from service.documents.pdf import PDF_MIME
from service.documents.render import DOCX_MIME
from service.exports import re_elections as re_election_exports
from service.models.re_election import ReElection
from service.operations.common import paginate
from service.operations.flows.re_election import requests, result_report, terms
from workflows.re_election import KIND_LABELS_ZH, RE_ELECTION, ElectionMeeting, NewRequest, Resubmission

blp = Blueprint(
    "re_elections",
    __name__,
    url_prefix="/api/v1/re-elections",
    description="Re-elections (换届): terms due, requests through approval, the general meeting",
    workflow=RE_ELECTION.name,
)

READERS = requests.READERS
REQUESTERS = requests.REQUESTERS


def _view(rows: list[ReElection], *, detail: bool = False) -> list[dict[str, Any]]:
    ids = [r.id for r in rows]
    steps = steps_view(RE_ELECTION.name, ids)
    actor = current_actor()
    out = []
    for r in rows:
        data = {col.key: getattr(r, col.key) for col in ReElection.__table__.columns}
        data.update(
            state_label=RE_ELECTION.state_label(r.state),
            kind_label=KIND_LABELS_ZH[r.kind],
            party_org={"id": r.party_org.id, "name": r.party_org.name, "kind": r.party_org.kind},
            jurisdiction={"id": r.jurisdiction.id, "name": r.jurisdiction.name, "code": r.jurisdiction.code},
            allowed_actions=requests.allowed_actions(actor, r),
            steps=steps.get(r.id, []),
        )
        out.append(data)
    if detail and rows:
        out[0]["history"] = history_view(RE_ELECTION.name, ids[0])
    return out


def _one(r: ReElection, status: int = 200) -> Any:
    return _view([r], detail=True)[0], status, headers_for(r)


@blp.route("/due")
@blp.arguments(DueQuerySchema, location="query")
@blp.response(200, DueSchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 403, 404, 422)
@require_roles(*READERS)
def list_due(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    """Organisations whose term ends within the window (RE_ELECTION_SETTINGS.due_within_months) or has passed."""
    items, total = paginate(
        terms.due_query(current_actor(), filters), pagination_parameters.page, pagination_parameters.page_size
    )
    pagination_parameters.item_count = total
    return terms.due_rows(items)


@blp.route("/due/export.xlsx")
@blp.arguments(DueQuerySchema, location="query")
@blp.response(200, **XLSX_DOC)
@blp.doc(**XLSX_CONTENT)
@errors(blp, 403, 404, 422)
@require_roles(*READERS)
def export_due(filters: dict[str, Any]) -> Any:
    """The due list of the same filters as .xlsx (换届提醒), every organisation, not one page."""
    return send_xlsx(re_election_exports.due_workbook(current_actor(), filters), "换届提醒", "re-elections-due")


@blp.route("/due/counts")
@blp.response(200, DueCountsSchema)
@errors(blp, 403)
@require_roles(*READERS)
def due_counts() -> Any:
    """How many organisations in scope are due and how many overdue (the supervision board shows them)."""
    return terms.due_counts(current_actor())


@blp.route("")
@blp.arguments(RequestQuerySchema, location="query")
@blp.response(200, RequestSchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 403, 422)
@require_roles(*READERS)
def list_requests(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    items, total = paginate(
        requests.query(current_actor(), filters), pagination_parameters.page, pagination_parameters.page_size
    )
    pagination_parameters.item_count = total
    return _view(items)


@blp.route("", methods=["POST"])
@blp.arguments(RequestCreateSchema)
@blp.response(201, RequestSchema)
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*REQUESTERS)
def create_request(data: NewRequest) -> Any:
    """Submit a request for an organisation: its candidates (re_election), or a reason and a new due date
    (postponement, advance); it goes to the superior body's approval at once."""
    return _one(requests.create(current_actor(), data), 201)


@blp.route("/<int:request_id>")
@blp.response(200, RequestSchema)
@errors(blp, 403, 404)
@require_roles(*READERS)
def get_request(request_id: int) -> Any:
    return _one(requests.get(current_actor(), request_id))


@blp.route("/<int:request_id>/resubmit", methods=["POST"])
@blp.arguments(ResubmitSchema)
@blp.response(200, RequestSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422)
@require_roles(*REQUESTERS)
def resubmit(data: Resubmission, request_id: int) -> Any:
    """A returned request, with the changes asked for (fields not sent stay as they were)."""
    return _one(requests.resubmit(current_actor(), request_id, data, if_match_when_given))


@blp.route("/<int:request_id>/withdraw", methods=["POST"])
@blp.arguments(WithdrawSchema)
@blp.response(200, RequestSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422)
@require_roles(*REQUESTERS)
def withdraw(data: dict[str, Any], request_id: int) -> Any:
    return _one(requests.withdraw(current_actor(), request_id, data["reason"], if_match_when_given))


@blp.route("/<int:request_id>/election", methods=["POST"])
@blp.arguments(ElectionSchema)
@blp.response(200, RequestSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422)
@require_roles(*REQUESTERS)
def election(data: ElectionMeeting, request_id: int) -> Any:
    """Record the general meeting: more than 4/5 of the entitled present, each elected with more than half of
    those present; the organisation's committee and term are renewed and its next due date follows."""
    return _one(requests.elect(current_actor(), request_id, data, if_match_when_given))


def _binary(content_type: str, description: str) -> Any:
    return blp.doc(
        responses={
            "200": {
                "description": description,
                "content": {content_type: {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    )


@blp.route("/<int:request_id>/report.docx")
@_binary(DOCX_MIME, "选举结果报告 (.docx): the re-election's result reported to the superior body")
@errors(blp, 403, 404, 409)
@require_roles(*READERS)
def report_docx(request_id: int) -> Any:
    """选举结果报告 of an elected organisation: the meeting, the quorum, everyone elected with their votes, the
    secretary and the new term, addressed to the body that approved it. Read only: nothing is numbered or
    recorded (the report is the organisation's own); 409 before the election."""
    made = result_report.report_docx(current_actor(), request_id)
    return attachment(made.content, DOCX_MIME, made.filename, made.ascii_filename)


@blp.route("/<int:request_id>/report.pdf")
@_binary(PDF_MIME, "选举结果报告 as PDF (LibreOffice headless)")
@blp.alt_response(501, schema=ErrorSchema, description="No PDF converter installed (the .docx works)")
@errors(blp, 403, 404, 409, 503)
@require_roles(*READERS)
def report_pdf(request_id: int) -> Any:
    made = result_report.report_pdf(current_actor(), request_id)
    return attachment(made.content, PDF_MIME, made.filename, made.ascii_filename)
