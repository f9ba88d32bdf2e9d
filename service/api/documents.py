"""Official documents (公文) as .docx (always) and .pdf (where LibreOffice is installed), and their templates.

A document is readable by whoever can read its subject (the subject's own scope rules; out of scope: 404).
The first download issues it (number, record, audit); later downloads give the same document."""

from __future__ import annotations

from typing import Any

from flask import Response

from schemas.common import ErrorSchema
from schemas.documents import (
    TemplateQuerySchema,
    TemplatesOverviewSchema,
    TemplateUploadSchema,
    UploadedTemplateSchema,
)
from service.api.docs import errors
from service.api.downloads import attachment
from service.api.pagination import Blueprint
from service.auth import current_actor, require_roles
from service.documents.kinds import DocumentKind
from service.documents.pdf import PDF_MIME
from service.documents.render import DOCX_MIME
from service.errors import NotFound
from service.operations.engines import approval_forms, document_templates, documents
from service.operations.flows.establishment import request_document
from service.roles import ADMINS, COVERAGE_READERS, SUPERVISION_READERS
from workflows.establishment import ESTABLISHMENT

blp = Blueprint(
    "documents",
    __name__,
    url_prefix="/api/v1",
    description="Official documents (公文): 督办单, 约谈通知, 批复 as .docx / .pdf",
)
templates_blp = Blueprint(
    "document_templates",
    __name__,
    url_prefix="/api/v1/document-templates",
    description="Document templates, replaceable by administrators per body (inherited by the subtree)",
)

DOCX_DOC = {"description": "The document (.docx); issued (numbered, recorded, audited) at the first download"}
PDF_DOC = {"description": "The document converted by LibreOffice headless"}


def _binary(content_type: str, doc: dict[str, str]) -> Any:
    return blp.doc(
        responses={
            "200": {**doc, "content": {content_type: {"schema": {"type": "string", "format": "binary"}}}},
        }
    )


def _extra_errors(target: Any, *statuses: int) -> Any:
    descriptions = {
        409: "The subject has no document yet (a draft ticket, an unscheduled interview, an unapproved case)",
        501: "No PDF converter installed (the .docx works)",
        503: "The PDF conversion failed or timed out (Retry-After)",
    }

    def decorator(fn: Any) -> Any:
        for status in statuses:
            fn = target.alt_response(status, schema=ErrorSchema, description=descriptions[status])(fn)
        return fn

    return decorator


def _docx(rendered: documents.Rendered) -> Response:
    return attachment(rendered.content, DOCX_MIME, rendered.filename, rendered.ascii_filename)


def _pdf(kind: DocumentKind, ident: int) -> Response:
    # The subject first (out of scope stays 404), then the converter (501 before anything is issued).
    documents.require_visible(current_actor(), kind, ident)
    converter = documents.require_pdf()
    rendered = documents.MAKERS[kind](current_actor(), ident)
    return attachment(
        documents.to_pdf(rendered.content, converter),
        PDF_MIME,
        rendered.filename.removesuffix(".docx") + ".pdf",
        rendered.ascii_filename.removesuffix(".docx") + ".pdf",
    )


# -- the documents ---------------------------------------------------------------------------------------------


@blp.route("/supervision-tickets/<int:ticket_id>/document.docx")
@_binary(DOCX_MIME, DOCX_DOC)
@_extra_errors(blp, 409)
@errors(blp, 403, 404)
@require_roles(*SUPERVISION_READERS)
def ticket_docx(ticket_id: int) -> Any:
    """督办单 of an issued ticket, numbered in the issuing body's sequence for the year of issue."""
    return _docx(documents.ticket_document(current_actor(), ticket_id))


@blp.route("/supervision-tickets/<int:ticket_id>/document.pdf")
@_binary(PDF_MIME, PDF_DOC)
@_extra_errors(blp, 409, 501, 503)
@errors(blp, 403, 404)
@require_roles(*SUPERVISION_READERS)
def ticket_pdf(ticket_id: int) -> Any:
    """The 督办单 as PDF."""
    return _pdf(DocumentKind.supervision_ticket, ticket_id)


@blp.route("/interviews/<int:interview_id>/notice.docx")
@_binary(DOCX_MIME, DOCX_DOC)
@_extra_errors(blp, 409)
@errors(blp, 403, 404)
@require_roles(*SUPERVISION_READERS)
def interview_docx(interview_id: int) -> Any:
    """约谈通知 of an interview whose time and place are set, numbered in the interviewer body's sequence."""
    return _docx(documents.interview_notice(current_actor(), interview_id))


@blp.route("/interviews/<int:interview_id>/notice.pdf")
@_binary(PDF_MIME, PDF_DOC)
@_extra_errors(blp, 409, 501, 503)
@errors(blp, 403, 404)
@require_roles(*SUPERVISION_READERS)
def interview_pdf(interview_id: int) -> Any:
    """The 约谈通知 as PDF."""
    return _pdf(DocumentKind.interview_notice, interview_id)


@blp.route("/coverage/circulars/<int:circular_id>/document.docx")
@_binary(DOCX_MIME, DOCX_DOC)
@errors(blp, 403, 404)
@require_roles(*COVERAGE_READERS)
def circular_docx(circular_id: int) -> Any:
    """通报 of an issued circular, from its figures as issued, numbered in the issuing body's sequence."""
    return _docx(documents.circular_document(current_actor(), circular_id))


@blp.route("/coverage/circulars/<int:circular_id>/document.pdf")
@_binary(PDF_MIME, PDF_DOC)
@_extra_errors(blp, 501, 503)
@errors(blp, 403, 404)
@require_roles(*COVERAGE_READERS)
def circular_pdf(circular_id: int) -> Any:
    """The 通报 as PDF."""
    return _pdf(DocumentKind.circular, circular_id)


@blp.route("/establishment-cases/<int:case_id>/reply.docx")
@_binary(DOCX_MIME, DOCX_DOC)
@_extra_errors(blp, 409)
@errors(blp, 404)
def reply_docx(case_id: int) -> Any:
    """批复 of an approved case, carrying the case's approval document number (批复文号)."""
    return _docx(documents.approval_reply(current_actor(), case_id))


@blp.route("/establishment-cases/<int:case_id>/reply.pdf")
@_binary(PDF_MIME, PDF_DOC)
@_extra_errors(blp, 409, 501, 503)
@errors(blp, 404)
def reply_pdf(case_id: int) -> Any:
    """The 批复 as PDF."""
    return _pdf(DocumentKind.approval_reply, case_id)


# -- 审批单: the approval as it stands, read only (not numbered, not recorded) -----------------------------------

FORM_DOCX_DOC = {"description": "审批单 (.docx): the case, every approval step and action as they stand now"}


def _read_only(made: approval_forms.Form | request_document.Download, content_type: str) -> Response:
    """A read-only rendering (审批单, 请示) as a download, under its Chinese name with an ASCII fallback."""
    return attachment(made.content, content_type, made.filename, made.ascii_filename)


@blp.route("/establishment-cases/<int:case_id>/approval-form.docx")
@_binary(DOCX_MIME, FORM_DOCX_DOC)
@errors(blp, 404)
def approval_form_docx(case_id: int) -> Any:
    """审批单 of a case: its units, form and proposed secretary, every approval step (level, body, mode, due
    date, status, a committee's tally), every approver's action with name, opinion and time (China time), and
    the reply's number and date. Any state; nothing is numbered or recorded."""
    return _read_only(approval_forms.approval_form(current_actor(), ESTABLISHMENT.name, case_id), DOCX_MIME)


@blp.route("/establishment-cases/<int:case_id>/approval-form.pdf")
@_binary(PDF_MIME, PDF_DOC)
@_extra_errors(blp, 501, 503)
@errors(blp, 404)
def approval_form_pdf(case_id: int) -> Any:
    """The 审批单 as PDF."""
    return _read_only(approval_forms.approval_form_pdf(current_actor(), ESTABLISHMENT.name, case_id), PDF_MIME)


# -- 请示: a case's request as a document, read only (not numbered, not recorded) ---------------------------------

REQUEST_DOCX_DOC = {
    "description": "请示 (.docx): the case's request as an official document, as it stands now; a case not yet "
    "submitted is marked 草稿 and has no date"
}


@blp.route("/establishment-cases/<int:case_id>/request.docx")
@_binary(DOCX_MIME, REQUEST_DOCX_DOC)
@errors(blp, 404)
def request_docx(case_id: int) -> Any:
    """请示 of a case: the title after its form and units, the addressee (the body it is filed with), the
    applicant's text in paragraphs, the 附件 (its files in force), the units and the date of submission (China
    date). Any state (a draft is marked 草稿); nothing is numbered or recorded."""
    return _read_only(request_document.request_docx(current_actor(), case_id), DOCX_MIME)


@blp.route("/establishment-cases/<int:case_id>/request.pdf")
@_binary(PDF_MIME, PDF_DOC)
@_extra_errors(blp, 501, 503)
@errors(blp, 404)
def request_pdf(case_id: int) -> Any:
    """The 请示 as PDF."""
    return _read_only(request_document.request_pdf(current_actor(), case_id), PDF_MIME)


# -- templates ---------------------------------------------------------------------------------------------------


def _kind(kind: str) -> str:
    if kind not in {k.value for k in DocumentKind}:
        raise NotFound()
    return kind


@templates_blp.route("")
@templates_blp.arguments(TemplateQuerySchema, location="query")
@templates_blp.response(200, TemplatesOverviewSchema)
@errors(templates_blp, 403, 404, 422)
@require_roles(*ADMINS)
def overview(query: dict[str, Any]) -> Any:
    """Per kind: its placeholders, the template in force for the body (own, inherited or default), its versions."""
    return document_templates.overview(current_actor(), query.get("jurisdiction_id"))


@templates_blp.route("/<kind>/template.docx")
@templates_blp.arguments(TemplateQuerySchema, location="query")
@templates_blp.doc(
    responses={
        "200": {
            "description": "The template in force",
            "content": {DOCX_MIME: {"schema": {"type": "string", "format": "binary"}}},
        }
    }
)
@errors(templates_blp, 403, 404, 422)
@require_roles(*ADMINS)
def download_template(query: dict[str, Any], kind: str) -> Any:
    """Download the template of a kind in force for the body, to edit it in Word."""
    content, filename = document_templates.download(current_actor(), _kind(kind), query.get("jurisdiction_id"))
    return attachment(content, DOCX_MIME, filename, f"{kind}-template.docx")


@templates_blp.route("/<kind>", methods=["PUT"])
@templates_blp.arguments(TemplateQuerySchema, location="query")
@templates_blp.arguments(TemplateUploadSchema, location="files")
@templates_blp.response(201, UploadedTemplateSchema)
@errors(templates_blp, 400, 403, 404, 409, 413, 422)
@require_roles(*ADMINS)
def upload_template(query: dict[str, Any], files: dict[str, Any], kind: str) -> Any:
    """Upload a new version (multipart field `file`, a .docx); unknown placeholders are refused (422)."""
    upload = files["file"]
    return document_templates.upload(
        current_actor(), _kind(kind), query.get("jurisdiction_id"), upload.filename, upload.read()
    )


@templates_blp.route("/<kind>", methods=["DELETE"])
@templates_blp.arguments(TemplateQuerySchema, location="query")
@templates_blp.response(200, UploadedTemplateSchema)
@errors(templates_blp, 403, 404, 409, 422)
@require_roles(*ADMINS)
def reset_template(query: dict[str, Any], kind: str) -> Any:
    """Go back to the inherited (or the repository's default) template; the old versions stay on record."""
    return document_templates.reset(current_actor(), _kind(kind), query.get("jurisdiction_id"))
