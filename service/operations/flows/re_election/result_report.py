"""选举结果报告: an elected organisation's report of its re-election to the superior body, as an official document
(GB/T 9704-2012) — the title (关于中共X选举结果的报告), the addressee (the body that approved it, named as documents
name it), the meeting's result in paragraphs (the meeting, the quorum, everyone elected with their votes, the
secretary, the new term), the 落款 (the organisation) and the meeting's date.

A report is the organisation's own, and the organisation is not a body that numbers documents here: like the
请示 (service/operations/flows/establishment/request_document.py) it is a read-only rendering — never numbered,
recorded or audited; each download is the re-election as it is now. It fills the 请示's template (the same layout:
title, addressee, body, 落款, date) with the documents' renderer and converts to PDF the documents' way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from service.auth import Actor
from service.documents.kinds import chinese_date
from service.documents.render import render_template
from service.documents.templates import REQUEST
from service.operations.engines import documents
from service.operations.flows.re_election import requests
from service.operations.reference import users
from workflows.errors import Conflict
from workflows.re_election import ReElectionState


@dataclass(frozen=True)
class Report:
    title: str
    addressee: str
    paragraphs: list[str]
    signatory: str
    date: str
    contact: str


@dataclass(frozen=True)
class Download:
    content: bytes
    filename: str
    ascii_filename: str


def read(actor: Actor, request_id: int) -> Report:
    """The report of an elected request in the actor's scope (404 otherwise; 409 before the election)."""
    r = requests.get(actor, request_id)
    if r.state != ReElectionState.ELECTED or not r.general_meeting:
        raise Conflict("not_elected", "换届选举完成后才有选举结果报告")
    m: dict[str, Any] = r.general_meeting
    elected = "、".join(f"{e['name']}（{e['votes']}票）" for e in m["elected"])
    committee = "委员会委员" if len(m["elected"]) > 1 else "书记"
    paragraphs = [
        f"经{r.approving_body or r.jurisdiction.name}批复同意（{r.approval_doc_no}），{r.party_org.name}于"
        f"{chinese_date(r.held_on)}召开党员大会进行换届选举。",
        f"应到会有选举权的正式党员{m['entitled']}名，实到会{m['present']}名，超过应到会人数的五分之四，会议有效。",
        f"选举产生新一届{committee}：{elected}，当选人得票均超过实到会人数的半数。{m['secretary']}同志当选为书记。",
        f"新一届任期自{chinese_date(r.term_start)}起，{r.term_years}年，至{chinese_date(r.term_due_on)}届满。",
        "特此报告。",
    ]
    applicant = users.display_names([r.applicant_id]).get(r.applicant_id or 0, "")
    return Report(
        title=f"关于{r.party_org.name}选举结果的报告",
        addressee=documents.issuer_name(r.jurisdiction),
        paragraphs=paragraphs,
        signatory=r.party_org.name,
        date=chinese_date(r.held_on),
        contact=f"（联系人：{applicant}）" if applicant else "",
    )


def report_docx(actor: Actor, request_id: int) -> Download:
    doc = read(actor, request_id)
    context = {
        "draft_mark": "",
        "title": doc.title,
        "addressee": doc.addressee,
        "body": "\n".join(doc.paragraphs),
        "attachments_label": "",
        "attachments": "",
        "signatories": doc.signatory,
        "date": doc.date,
        "contact": doc.contact,
    }
    content = render_template(REQUEST.read_bytes(), context)
    return Download(content, f"{doc.title}.docx", f"re-election-report-{request_id}.docx")


def report_pdf(actor: Actor, request_id: int) -> Download:
    """As PDF: the request first (404, 409), then the converter (501), then the conversion (503)."""
    read(actor, request_id)
    converter = documents.require_pdf()
    docx = report_docx(actor, request_id)
    return Download(
        documents.to_pdf(docx.content, converter),
        docx.filename.removesuffix(".docx") + ".pdf",
        docx.ascii_filename.removesuffix(".docx") + ".pdf",
    )
