"""Pairing agreements (结对共建): draft → sign → in force → the year's review, or terminate."""

from __future__ import annotations

from typing import Any

from schemas.common import ErrorSchema
from schemas.pairing import (
    AgreementCreateSchema,
    AgreementQuerySchema,
    AgreementSchema,
    ProgressSchema,
    ReviewSchema,
    SignSchema,
    TerminateSchema,
)
from service.api.docs import errors
from service.api.downloads import attachment
from service.api.etag import OPTIONAL_IF_MATCH_DOC, headers_for, if_match_when_given
from service.api.pagination import Blueprint
from service.api.presenters import history_view
from service.api.spreadsheets import XLSX_CONTENT, XLSX_DOC, send_xlsx
from service.auth import current_actor, require_roles
from service.documents.pdf import PDF_MIME
from service.documents.render import DOCX_MIME
from service.exports import pairing as pairing_export
from service.models.pairing import PairingAgreement
from service.operations.common import paginate
from service.operations.flows.pairing import agreements, letter
from service.roles import of
from workflows.pairing import PAIRING_AGREEMENT, NewAgreement, Progress

blp = Blueprint(
    "pairing",
    __name__,
    url_prefix="/api/v1/pairing-agreements",
    description="Pairing agreements (结对共建) between two party organisations",
    workflow=PAIRING_AGREEMENT.name,
)

MANAGERS = of(PAIRING_AGREEMENT.name, "manage")


def _view(rows: list[PairingAgreement], *, detail: bool = False) -> list[dict[str, Any]]:
    names = agreements.org_names(rows)
    out = []
    for a in rows:
        out.append(
            {
                **{col.key: getattr(a, col.key) for col in PairingAgreement.__table__.columns},
                "state_label": PAIRING_AGREEMENT.state_label(a.state),
                "jurisdiction": {"id": a.jurisdiction.id, "name": a.jurisdiction.name, "code": a.jurisdiction.code},
                "org_a": {"id": a.org_a_id, "name": names.get(a.org_a_id)},
                "org_b": {"id": a.org_b_id, "name": names.get(a.org_b_id)},
                "planned": agreements.planned(a).as_dict(),
                "done": agreements.done(a).as_dict(),
                "lagging": agreements.lagging(a),
            }
        )
    if detail and rows:
        out[0]["history"] = history_view(PAIRING_AGREEMENT.name, rows[0].id)
    return out


def _one(a: PairingAgreement, status: int = 200) -> Any:
    return _view([a], detail=True)[0], status, headers_for(a)


@blp.route("")
@blp.arguments(AgreementQuerySchema, location="query")
@blp.response(200, AgreementSchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 404, 422)
def list_agreements(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    items, total = paginate(
        agreements.query(current_actor(), filters), pagination_parameters.page, pagination_parameters.page_size
    )
    pagination_parameters.item_count = total
    return _view(items)


@blp.route("/export.xlsx")
@blp.arguments(AgreementQuerySchema, location="query")
@blp.response(200, **XLSX_DOC)
@blp.doc(**XLSX_CONTENT)
@errors(blp, 404, 422)
def export_agreements(filters: dict[str, Any]) -> Any:
    """The list as .xlsx: its filters, scope and order; each agreement's plan, what is done, what lags, its
    light today and its escalation level (at most 10,000 rows)."""
    return send_xlsx(pairing_export.agreements_workbook(current_actor(), filters), "结对共建", "pairing-agreements")


@blp.route("", methods=["POST"])
@blp.arguments(AgreementCreateSchema)
@blp.response(201, AgreementSchema)
@errors(blp, 400, 403, 404, 422)
@require_roles(*MANAGERS)
def create_agreement(data: NewAgreement) -> Any:
    """Draft an agreement with the year's plan: the duties must reach the minimum in force."""
    return _one(agreements.create(current_actor(), data), 201)


@blp.route("/<int:agreement_id>")
@blp.response(200, AgreementSchema)
@errors(blp, 404)
def get_agreement(agreement_id: int) -> Any:
    return _one(agreements.get(current_actor(), agreement_id))


@blp.route("/<int:agreement_id>/sign", methods=["POST"])
@blp.arguments(SignSchema)
@blp.response(200, AgreementSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422)
@require_roles(*MANAGERS)
def sign(data: dict[str, Any], agreement_id: int) -> Any:
    return _one(agreements.sign(current_actor(), agreement_id, data["signed_on"], if_match_when_given))


@blp.route("/<int:agreement_id>/take-effect", methods=["POST"])
@blp.response(200, AgreementSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 403, 404, 409, 412, 422)
@require_roles(*MANAGERS)
def take_effect(agreement_id: int) -> Any:
    return _one(agreements.take_effect(current_actor(), agreement_id, if_match_when_given))


@blp.route("/<int:agreement_id>/progress", methods=["POST"])
@blp.arguments(ProgressSchema)
@blp.response(200, AgreementSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422)
@require_roles(*MANAGERS)
def progress(data: Progress, agreement_id: int) -> Any:
    """Record duties done (added to the year's totals)."""
    return _one(agreements.record_progress(current_actor(), agreement_id, data, if_match_when_given))


@blp.route("/<int:agreement_id>/review", methods=["POST"])
@blp.arguments(ReviewSchema)
@blp.response(200, AgreementSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422)
@require_roles(*MANAGERS)
def review(data: dict[str, Any], agreement_id: int) -> Any:
    """The year's review: met when no duty lags behind the plan."""
    return _one(agreements.review_year(current_actor(), agreement_id, data["note"], if_match_when_given))


@blp.route("/<int:agreement_id>/terminate", methods=["POST"])
@blp.arguments(TerminateSchema)
@blp.response(200, AgreementSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422)
@require_roles(*MANAGERS)
def terminate(data: dict[str, Any], agreement_id: int) -> Any:
    return _one(agreements.terminate(current_actor(), agreement_id, data["reason"], if_match_when_given))


# -- 责任书: the agreement's responsibility letter, read only (not numbered, not recorded: decision 0057) --------


def _binary(content_type: str, description: str) -> Any:
    return blp.doc(
        responses={
            "200": {
                "description": description,
                "content": {content_type: {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    )


def _download(download: letter.Download, content_type: str) -> Any:
    return attachment(download.content, content_type, download.filename, download.ascii_filename)


@blp.route("/<int:agreement_id>/letter.docx")
@_binary(DOCX_MIME, "责任书 (.docx): both organisations, the year's duties, the due date, the signatures block")
@errors(blp, 404)
def letter_docx(agreement_id: int) -> Any:
    """The agreement's 责任书 as it stands; an agreement not yet signed is marked 草稿. Nothing is numbered or
    recorded."""
    return _download(letter.letter_docx(current_actor(), agreement_id), DOCX_MIME)


@blp.route("/<int:agreement_id>/letter.pdf")
@_binary(PDF_MIME, "The 责任书 converted by LibreOffice headless")
@blp.alt_response(501, schema=ErrorSchema, description="No PDF converter installed (the .docx works)")
@blp.alt_response(503, schema=ErrorSchema, description="The PDF conversion failed or timed out (Retry-After)")
@errors(blp, 404)
def letter_pdf(agreement_id: int) -> Any:
    """The 责任书 as PDF."""
    return _download(letter.letter_pdf(current_actor(), agreement_id), PDF_MIME)
