"""请示: an establishment case's request as a printable page (an A4 sheet on screen and on paper, the same content
as the document) and its .docx / .pdf downloads under the session. Whoever reads the case reads its request
(a portal: the cases it filed; out of scope: the 404 page). Read only, like the API's
/api/v1/establishment-cases/{id}/request.docx (service/operations/flows/establishment/request_document.py)."""

from __future__ import annotations

from typing import Any

from flask import Response, render_template

from service.api.downloads import attachment
from service.auth import Actor
from service.console.access import page, signed_in_actor
from service.console.blueprint import bp
from service.documents.pdf import PDF_MIME
from service.documents.render import DOCX_MIME
from service.operations.flows.establishment import request_document
from service.roles import CASE_APPLICANTS
from workflows import establishment as rules


def _actor() -> Actor:
    actor = signed_in_actor()
    assert actor is not None  # @page guarantees it
    return actor


@bp.app_template_filter("request_paragraphs")
def request_paragraphs(text: str | None) -> list[str]:
    """A request's text in the paragraphs its document has (the case pages show it so)."""
    return rules.request_paragraphs(text)


@bp.app_template_global("request_pdf_available")
def request_pdf_available() -> bool:
    return request_document.pdf_available()


@bp.route("/cases/<int:case_id>/request", endpoint="case_request")
@page()
def case_request(case_id: int) -> Any:
    actor = _actor()
    doc = request_document.read(actor, case_id)  # out of scope: 404 page
    # Back to the applicant's own page for the applicant, else to the case page.
    mine = actor.role in {r.value for r in CASE_APPLICANTS} and doc.applicant_id == actor.user_id
    return render_template(
        "console/request.html",
        doc=doc,
        back_endpoint="console.application" if mine else "console.case",
        pdf_available=request_pdf_available(),
    )


def _download(download: request_document.Download, content_type: str) -> Response:
    return attachment(download.content, content_type, download.filename, download.ascii_filename)


@bp.route("/cases/<int:case_id>/request.docx", endpoint="case_request_docx")
@page()
def case_request_docx(case_id: int) -> Response:
    return _download(request_document.request_docx(_actor(), case_id), DOCX_MIME)


@bp.route("/cases/<int:case_id>/request.pdf", endpoint="case_request_pdf")
@page()
def case_request_pdf(case_id: int) -> Response:
    """Without a converter: the 501 page in Chinese (the page offers the button only with one)."""
    return _download(request_document.request_pdf(_actor(), case_id), PDF_MIME)
