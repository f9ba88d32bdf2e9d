"""请示: a case's request as an official document (GB/T 9704-2012) and as a page — the title after the form and
the units (关于成立中共X支部委员会的请示), the addressee (主送: the body the case is filed with, named as documents
name it), the applicant's text in paragraphs, the 附件 (the case's files in force), the 落款 (the units) and the
date of submission (China date), and the contact (附注: the applicant, by display name).

A read-only rendering like the 审批单 (decision 0038): never numbered, recorded or audited; each download is the
case as it is now. A case not submitted yet (in preparation, or returned for changes) is marked 草稿 and carries
no date, so the applicant can read and print it before submitting (decision 0040). It fills its own template
(service/documents/templates/request.docx, built by build_templates.py) with the documents' renderer and
converts to PDF the documents' way (documents.require_pdf, documents.to_pdf: 501 / 503)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from service.auth import Actor
from service.clock import CHINA
from service.documents import pdf
from service.documents.kinds import chinese_date
from service.documents.render import render_template
from service.documents.templates import REQUEST
from service.models import Attachment, EstablishmentCase
from service.operations.engines import attachments, documents
from service.operations.flows.establishment import cases
from service.operations.reference import users
from workflows import establishment as rules
from workflows.establishment import EstablishmentState

# A signed scan of the 请示 itself and the 批复's scan are not attachments of the request.
NOT_REQUEST_ATTACHMENTS = frozenset({"request", "reply_scan"})
DRAFT_STATES = (EstablishmentState.PREPARING, EstablishmentState.RETURNED)
DRAFT_MARK = "草稿（尚未提交审批，不是正式请示）"
RETURNED_MARK = "草稿（已退回修改，尚未重新提交）"
NO_TEXT = "（未填写请示正文）"
UNSAFE_IN_FILENAME = re.compile(r'[\x00-\x1f\x7f\\/:*?"<>|]')
FILENAME_CHARS = 80


@dataclass(frozen=True)
class RequestDocument:
    """What the document and the page say, in order."""

    case_id: int
    applicant_id: int | None
    title: str
    addressee: str
    paragraphs: list[str]
    attachments: list[str]
    signatories: list[str]
    date: str  # 2026年9月25日, or "" for a draft
    contact: str  # 联系人：张三, or ""
    draft_mark: str  # "" once submitted


@dataclass(frozen=True)
class Download:
    content: bytes
    filename: str  # 关于成立中共…支部委员会的请示.docx
    ascii_filename: str  # establishment-request-12.docx


def _in_force(rows: list[Attachment]) -> list[Attachment]:
    """Files neither withdrawn nor replaced by a newer file in force, oldest first."""
    live = [r for r in rows if r.withdrawn_at is None]
    replaced = {r.supersedes_id for r in live if r.supersedes_id is not None}
    return [r for r in live if r.id not in replaced and r.kind not in NOT_REQUEST_ATTACHMENTS]


def _attachment_lines(case: EstablishmentCase) -> list[str]:
    """附件 as GB/T 9704 lists them: one without a number, several numbered; names without the extension."""
    rows = _in_force(attachments.for_subjects(cases.WORKFLOW, [case.id])[case.id])
    names = [PurePosixPath(a.filename).stem or a.filename for a in rows]
    if len(names) == 1:
        return names
    return [f"{i}. {name}" for i, name in enumerate(names, start=1)]


def _draft_mark(case: EstablishmentCase) -> str:
    if case.state == EstablishmentState.RETURNED:
        return RETURNED_MARK
    return DRAFT_MARK if case.state in DRAFT_STATES or case.submitted_at is None else ""


def read(actor: Actor, case_id: int) -> RequestDocument:
    """The 请示 of a case in the actor's scope (404 otherwise; a portal: the cases it filed)."""
    case = cases.get(actor, case_id)
    unit_names = [u.name for u in cases.units_of([case.id])[case.id]]
    mark = _draft_mark(case)
    applicant = users.display_names([case.applicant_id]).get(case.applicant_id or 0, "")
    submitted = case.submitted_at.astimezone(CHINA).date() if case.submitted_at and not mark else None
    return RequestDocument(
        case_id=case.id,
        applicant_id=case.applicant_id,
        title=rules.request_title(unit_names, case.form, case.proposed_committee_size),
        addressee=documents.issuer_name(case.jurisdiction),
        paragraphs=rules.request_paragraphs(case.request_text) or [NO_TEXT],
        attachments=_attachment_lines(case),
        signatories=unit_names,
        date=chinese_date(submitted),
        contact=f"联系人：{applicant}" if applicant else "",
        draft_mark=mark,
    )


def _context(doc: RequestDocument) -> dict[str, Any]:
    return {
        "draft_mark": doc.draft_mark,
        "title": doc.title,
        "addressee": doc.addressee,
        "body": "\n".join(doc.paragraphs),
        # One paragraph with line breaks, so later items line up under the first one's name (hanging indent).
        "attachments_label": "附件：" if doc.attachments else "",
        "attachments": "\n".join(doc.attachments),
        "signatories": "\n".join(doc.signatories),
        "date": doc.date,
        "contact": f"（{doc.contact}）" if doc.contact else "",
    }


def _file_stem(title: str) -> str:
    """The title as a file name: no characters file systems refuse, at most FILENAME_CHARS (a joint branch's
    title names every unit)."""
    stem = UNSAFE_IN_FILENAME.sub("_", title)
    return stem if len(stem) <= FILENAME_CHARS else stem[: FILENAME_CHARS - 1] + "…"


def request_docx(actor: Actor, case_id: int) -> Download:
    """The 请示 as .docx (read only: nothing is written)."""
    doc = read(actor, case_id)
    content = render_template(REQUEST.read_bytes(), _context(doc))
    stem = _file_stem(doc.title) + ("（草稿）" if doc.draft_mark else "")
    return Download(content, f"{stem}.docx", f"establishment-request-{case_id}.docx")


def request_pdf(actor: Actor, case_id: int) -> Download:
    """The 请示 as PDF: the case first (404), then the converter (501), then the conversion (503)."""
    cases.get(actor, case_id)
    converter = documents.require_pdf()
    docx = request_docx(actor, case_id)
    return Download(
        documents.to_pdf(docx.content, converter),
        docx.filename.removesuffix(".docx") + ".pdf",
        docx.ascii_filename.removesuffix(".docx") + ".pdf",
    )


def pdf_available() -> bool:
    """Whether a converter is installed (the page offers the PDF button only then)."""
    return pdf.find_converter(documents.settings().pdf_converter) is not None
