"""Official documents of tickets, interviews and establishment cases: numbered, recorded, audited, rendered.

A document is issued by the state change that issues it, in that change's transaction (`issue_for`): it takes
the next number of the issuing body's sequence for the kind and year (document_numbers.allocate), records the
number, the template in force and the filled-in values, and audits it. Numbers therefore follow the order in
which the subjects were issued, and a download only reads: same number, same text, same template version,
even if the subject or the template changed since. Where the number comes from, and when:
- 督办单 (supervision ticket): the issuing body's 督 sequence, the year the ticket was issued; taken when the
  ticket is issued (下发). A draft has none (409).
- 约谈通知 (interview notice): the interviewer body's 谈 sequence, the year the time and place are first set;
  taken then (on creation or when an escalation's interview is scheduled). A reschedule keeps the number and
  refreshes the time and place (`revise`). A cancelled interview has no notice (409).
- 批复 (approval reply): the case's approval document number (批复文号, required by the final approval),
  recorded at the first download; only a case without one would take a number from the approving body's
  复 sequence.
- 通报 (circular): the body that issued the circular's 通 sequence, the year it was issued; taken when it is
  issued; its text is the circular's stored figures (circulars.circular_context).
A subject issued outside these commands (rows written directly) is numbered at its first download, as before.
Documents numbered by the migration that introduced issue-time numbers carry only their number: their text is
drawn from the subject when downloaded (no write either).
The subject is loaded through its own module's scoped `get` (out of scope: 404) before anything else. Like
the other engines, this module imports no workflow module: the workflows' `get` are registered
(`register_subject`, from service/operations/registry.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import current_app
from sqlalchemy import select

from service.auth import Actor
from service.clock import CHINA, now, today
from service.db import transaction
from service.documents import pdf
from service.documents.kinds import (
    KINDS,
    DocumentKind,
    DocumentSettings,
    chinese_date,
    chinese_datetime,
    doc_no,
)
from service.documents.render import render
from service.errors import ApiError
from service.extensions import db
from service.inputs import NewCircular
from service.models import (
    ApprovalStep,
    Circular,
    EstablishmentCase,
    EstablishmentCaseUnit,
    Interview,
    IssuedDocument,
    Jurisdiction,
    SupervisionTicket,
    TicketProblem,
    Unit,
)
from service.operations.engines import audit, document_numbers, document_templates
from service.operations.reports import circulars, coverage
from workflows.errors import Conflict
from workflows.establishment import ESTABLISHMENT, FORM_LABELS_ZH, EstablishmentState, OrgForm, request_title
from workflows.interview import INTERVIEW, InterviewState
from workflows.supervision import PRIORITY_LABELS_ZH, SUPERVISION_TICKET, Priority

SUBJECT = "document"
Getter = Callable[..., Any]  # (actor, subject_id, *, for_update=False) -> the scoped row; 404 outside scope
_GETTERS: dict[DocumentKind, Getter] = {DocumentKind.circular: circulars.get}


def register_subject(kind: DocumentKind, get: Getter) -> None:
    """How to load the subject of a kind inside the actor's scope (its workflow module's `get`)."""
    _GETTERS[kind] = get


def _getter(kind: DocumentKind) -> Getter:
    try:
        return _GETTERS[kind]
    except KeyError:
        raise RuntimeError(f"no subject registered for {kind} documents (service/operations/registry.py)") from None


PDF_UNAVAILABLE = "服务器未安装 PDF 转换器（LibreOffice），请下载 .docx 文件"
PDF_FAILED = "PDF 转换失败或超时，请稍后重试，或下载 .docx 文件"


def settings() -> DocumentSettings:
    return current_app.config["SETTINGS"].documents


def issuer_name(body: Jurisdiction) -> str:
    """The body as it signs documents: the organisation department above township level (中共X委员会组织部),
    the party committee of a township/street/park, an industry committee by its own name."""
    configured = settings().issuers.get(body.code)
    if configured:
        return configured
    if body.kind in ("city", "county", "district"):
        return f"中共{body.name}委员会组织部"
    if body.kind == "industry_committee":
        return body.name
    return f"中共{body.name}委员会"


@dataclass
class Draft:
    """What a document of a subject would say, before it has a number."""

    kind: DocumentKind
    subject_type: str
    subject_id: int
    jurisdiction_id: int
    issuing_body: Jurisdiction
    year: int
    context: dict[str, Any]
    fixed_no: str | None = None  # a number from outside the sequence (批复文号)


@dataclass
class Rendered:
    record: IssuedDocument
    content: bytes

    @property
    def filename(self) -> str:
        return f"{KINDS[DocumentKind(self.record.kind)].label}-{self.record.doc_no}.docx"

    @property
    def ascii_filename(self) -> str:
        """The name for clients that read only an ASCII `filename=`: the kind and the subject's id."""
        return f"{self.record.kind}-{self.record.subject_id}.docx"


def _existing(kind: DocumentKind, subject_type: str, subject_id: int) -> IssuedDocument | None:
    return db.session.execute(
        select(IssuedDocument).where(
            IssuedDocument.kind == kind.value,
            IssuedDocument.subject_type == subject_type,
            IssuedDocument.subject_id == subject_id,
        )
    ).scalar_one_or_none()


def _issue(actor: Actor, draft: Draft) -> IssuedDocument:
    """Number, record and audit a document (inside the caller's transaction)."""
    body = draft.issuing_body
    serial = None
    number = draft.fixed_no
    if number is None:
        serial = document_numbers.allocate(body.id, draft.kind.value, draft.year)
        number = doc_no(settings().prefix(body.code, body.name, draft.kind.value), draft.year, serial)
    template = document_templates.effective(draft.kind.value, body)
    row = IssuedDocument(
        kind=draft.kind.value,
        subject_type=draft.subject_type,
        subject_id=draft.subject_id,
        jurisdiction_id=draft.jurisdiction_id,
        issuing_body_id=body.id,
        year=draft.year,
        serial=serial,
        doc_no=number,
        template_id=template.id if template is not None else None,
        context={**draft.context, "doc_no": number},
        issued_by=actor.user_id,
        issued_at=now(),
    )
    db.session.add(row)
    db.session.flush()
    audit.record(
        actor,
        f"{SUBJECT}.issue",
        SUBJECT,
        row.id,
        draft.jurisdiction_id,
        None,
        {
            "kind": row.kind,
            "subject_type": row.subject_type,
            "subject_id": row.subject_id,
            "doc_no": number,
            "issuing_body_id": body.id,
            "template_id": row.template_id,
            "template_version": template.version if template is not None else None,
        },
    )
    return row


def _document(
    actor: Actor,
    kind: DocumentKind,
    subject_type: str,
    load: Callable[[bool], Any],
    draft: Callable[[Any], Draft],
) -> Rendered:
    """The subject's document of `kind` as recorded when it was issued (read only). Only a subject issued
    outside the commands has none yet: it is issued now (the subject row locked, so two first downloads give
    one document)."""
    with transaction():
        subject = load(False)  # scoped: 404 before anything else
        if kind is DocumentKind.interview_notice and subject.state == InterviewState.CANCELLED:
            raise Conflict("document_not_issuable", "约谈已取消，不能生成约谈通知")
        record = _existing(kind, subject_type, subject.id)
        if record is None:
            subject = load(True)
            record = _existing(kind, subject_type, subject.id) or _issue(actor, draft(subject))
        context = _completed(kind, record.context)
        if "title" in context:
            template = document_templates.content_of(record.template_id, kind.value)
        else:
            # Numbered by the migration: only the number was recorded; the text is the subject's.
            context = {**draft(subject).context, "doc_no": record.doc_no}
            effective = document_templates.effective(kind.value, draft(subject).issuing_body)
            template = document_templates.content_of(effective.id if effective is not None else None, kind.value)
    return Rendered(record, render(kind, context, template))


def _completed(kind: DocumentKind, context: dict[str, Any]) -> dict[str, Any]:
    """A recorded context with the placeholders added since it was recorded (derived from its own values)."""
    if kind is DocumentKind.supervision_ticket and "title" in context and "responsible" not in context:
        person, title = context.get("responsible_person", ""), context.get("responsible_title")
        return {**context, "responsible": _person_with_title(person, title)}
    return context


_SUBJECT_TYPES: dict[DocumentKind, str] = {
    DocumentKind.supervision_ticket: SUPERVISION_TICKET.name,
    DocumentKind.interview_notice: INTERVIEW.name,
    DocumentKind.approval_reply: ESTABLISHMENT.name,
    DocumentKind.circular: "circular",
}


def issue_for(actor: Actor, kind: DocumentKind, subject: Any) -> IssuedDocument:
    """Number and record the subject's document of `kind` now, inside the caller's transaction: called by the
    state change that issues it (ticket issued, interview scheduled, circular issued), the subject row
    already locked by that change. The existing record if there is one."""
    existing = _existing(kind, _SUBJECT_TYPES[kind], subject.id)
    if existing is not None:
        return existing
    return _issue(actor, _DRAFTS[kind](subject))


def revise(actor: Actor, kind: DocumentKind, subject: Any) -> IssuedDocument:
    """The subject changed what its document says (an interview moved): same number, the text redrawn and
    audited, inside the caller's transaction. Issued now if it had no document yet."""
    record = _existing(kind, _SUBJECT_TYPES[kind], subject.id)
    if record is None:
        return _issue(actor, _DRAFTS[kind](subject))
    before = record.context
    record.context = {**_DRAFTS[kind](subject).context, "doc_no": record.doc_no}
    audit.record(
        actor,
        f"{SUBJECT}.revise",
        SUBJECT,
        record.id,
        record.jurisdiction_id,
        {k: before.get(k) for k in ("date", "body")},
        {"doc_no": record.doc_no, "date": record.context.get("date"), "body": record.context.get("body")},
    )
    return record


def require_pdf() -> str:
    """The converter, or 501 before anything is issued."""
    converter = pdf.find_converter(settings().pdf_converter)
    if converter is None:
        raise ApiError(501, "pdf_unavailable", PDF_UNAVAILABLE)
    return converter


def to_pdf(docx: bytes, converter: str) -> bytes:
    s = settings()
    try:
        return pdf.to_pdf(docx, converter=converter, timeout=s.pdf_timeout_seconds, max_parallel=s.pdf_max_parallel)
    except pdf.PdfUnavailable as exc:
        raise ApiError(501, "pdf_unavailable", PDF_UNAVAILABLE) from exc
    except pdf.PdfFailed as exc:
        raise ApiError(503, "pdf_failed", PDF_FAILED, headers={"Retry-After": "5"}) from exc


def _bodies(*ids: int | None) -> dict[int, Jurisdiction]:
    wanted = {i for i in ids if i is not None}
    return {j.id: j for j in db.session.execute(select(Jurisdiction).where(Jurisdiction.id.in_(wanted))).scalars()}


# -- 督办单 -------------------------------------------------------------------------------------------------------


def _person_with_title(person: str, title: str | None) -> str:
    title = (title or "").strip()
    return f"{person}（{title}）" if title else person


def _ticket_draft(t: SupervisionTicket) -> Draft:
    if t.issued_on is None:
        raise Conflict("document_not_issuable", "督办单尚未下发，不能生成督办单文书")
    bodies = _bodies(t.issuing_body_id, t.jurisdiction_id)
    issuing, handling = bodies[t.issuing_body_id], bodies[t.jurisdiction_id]
    issuer = issuer_name(issuing)
    problems = db.session.execute(
        select(TicketProblem).where(TicketProblem.ticket_id == t.id).order_by(TicketProblem.position)
    ).scalars()
    deadline = chinese_date(t.rectify_by)
    context = {
        "issuer": issuer,
        "title": f"关于{t.title}的督办单",
        "addressee": issuer_name(handling),
        "body": (
            f"经督查，你单位在党的组织和工作覆盖工作中存在下列问题。请于{chinese_date(t.acknowledge_by)}前签收，"
            f"逐项整改，并于{deadline}前将整改情况书面报送{issuer}。\n"
            "逾期未完成整改的，将按规定予以约谈，直至问责。"
        ),
        "date": chinese_date(t.issued_on),
        "unit": handling.name,
        "responsible_person": t.responsible_person,
        "responsible_title": (t.responsible_title or "").strip(),
        # 责任人 as printed: the title in parentheses only when there is one (never "党委书记（）").
        "responsible": _person_with_title(t.responsible_person, t.responsible_title),
        "priority": PRIORITY_LABELS_ZH[Priority(t.priority)],
        "issued_on": chinese_date(t.issued_on),
        "acknowledge_by": chinese_date(t.acknowledge_by),
        "rectification_deadline": deadline,
        "problems": [
            {"no": i, "description": p.description, "measure": p.measure} for i, p in enumerate(problems, start=1)
        ],
    }
    return Draft(
        DocumentKind.supervision_ticket,
        SUPERVISION_TICKET.name,
        t.id,
        t.jurisdiction_id,
        issuing,
        t.issued_on.year,
        context,
    )


def ticket_document(actor: Actor, ticket_id: int) -> Rendered:
    return _document(
        actor,
        DocumentKind.supervision_ticket,
        SUPERVISION_TICKET.name,
        lambda lock: _getter(DocumentKind.supervision_ticket)(actor, ticket_id, for_update=lock),
        _ticket_draft,
    )


# -- 约谈通知 -----------------------------------------------------------------------------------------------------


def _interview_draft(i: Interview) -> Draft:
    if i.state == InterviewState.CANCELLED:
        raise Conflict("document_not_issuable", "约谈已取消，不能生成约谈通知")
    if i.scheduled_at is None or not i.place:
        raise Conflict("document_not_issuable", "约谈时间和地点尚未确定，不能生成约谈通知")
    ticket = db.session.get(SupervisionTicket, i.ticket_id) if i.ticket_id is not None else None
    body_id = i.interviewer_body_id or (ticket.issuing_body_id if ticket is not None else i.jurisdiction_id)
    bodies = _bodies(body_id, i.jurisdiction_id)
    issuing, interviewed = bodies[body_id], bodies[i.jurisdiction_id]
    issuer = issuer_name(issuing)
    reason = i.reason or (f"督办单「{ticket.title}」整改推进不力" if ticket is not None else "工作推进不力")
    when = chinese_datetime(i.scheduled_at)
    on = today()
    context = {
        "issuer": issuer,
        "title": "约谈通知",
        "addressee": issuer_name(interviewed),
        "body": (
            f"因{reason}，根据有关规定，{issuer}定于{when}在{i.place}约谈你单位{i.responsible_person}同志。\n"
            "请被约谈人准时参加，如实说明情况，并提前准备书面整改说明材料。"
        ),
        "date": chinese_date(on),
        "interviewee": i.responsible_person,
        "interviewee_body": interviewed.name,
        "scheduled_at": when,
        "place": i.place,
        "reason": reason,
        "ticket_title": ticket.title if ticket is not None else "",
    }
    return Draft(DocumentKind.interview_notice, INTERVIEW.name, i.id, i.jurisdiction_id, issuing, on.year, context)


def interview_notice(actor: Actor, interview_id: int) -> Rendered:
    return _document(
        actor,
        DocumentKind.interview_notice,
        INTERVIEW.name,
        lambda lock: _getter(DocumentKind.interview_notice)(actor, interview_id, for_update=lock),
        _interview_draft,
    )


# -- 批复 ---------------------------------------------------------------------------------------------------------

APPROVED_STATES = (EstablishmentState.APPROVED.value, EstablishmentState.FOUNDED.value)


def _approving_body(case: EstablishmentCase) -> Jurisdiction:
    """The body of the case's last approval level (the one that approved it); the case's own jurisdiction for a
    case approved without recorded steps."""
    body_id = db.session.execute(
        select(ApprovalStep.body_id)
        .where(ApprovalStep.workflow == ESTABLISHMENT.name, ApprovalStep.subject_id == case.id)
        .order_by(ApprovalStep.level.desc(), ApprovalStep.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    wanted = body_id if body_id is not None else case.jurisdiction_id
    return _bodies(wanted)[wanted]


def _reply_draft(case: EstablishmentCase) -> Draft:
    if case.state not in APPROVED_STATES or case.approved_on is None:
        raise Conflict("document_not_issuable", "申请尚未批准，不能生成批复")
    body = _approving_body(case)
    # Signed like the other documents (中共青山县委员会组织部, 中共青山镇委员会), not by the bare place name
    # the case records as its approving body.
    issuer = issuer_name(body)
    names = list(
        db.session.execute(
            select(Unit.name)
            .join(EstablishmentCaseUnit, EstablishmentCaseUnit.unit_id == Unit.id)
            .where(EstablishmentCaseUnit.case_id == case.id)
            .order_by(Unit.id)
        ).scalars()
    )
    form = FORM_LABELS_ZH[OrgForm(case.form)]
    meeting = chinese_date(case.approval_meeting_on or case.approved_on)
    elect = "委员会" if case.form in ("general_branch", "primary_committee") else "支部委员会或书记"
    cited = request_title(names, case.form, case.proposed_committee_size)  # as the 请示 itself is titled
    context = {
        "issuer": issuer,
        "title": f"关于同意成立{case.proposed_name}的批复",
        "addressee": "、".join(names),
        "body": (
            f"你单位《{cited}》收悉。经{meeting}会议研究，同意成立{case.proposed_name}，"
            f"组织形式为{form}。\n"
            f"请按照党章和有关规定，及时召开党员大会，选举产生{elect}，并将选举结果报{issuer}。"
        ),
        "date": chinese_date(case.approved_on),
        "organisation_name": case.proposed_name,
        "form": form,
        "units": "、".join(names),
        "formal_members": case.formal_total,
        "probationary_members": case.probationary_total,
        "secretary": case.proposed_secretary or "",
        "committee_size": case.proposed_committee_size or "",
        "meeting_on": meeting,
        "approved_on": chinese_date(case.approved_on),
    }
    return Draft(
        DocumentKind.approval_reply,
        ESTABLISHMENT.name,
        case.id,
        case.jurisdiction_id,
        body,
        case.approved_on.year,
        context,
        fixed_no=case.approval_doc_no or None,
    )


def approval_reply(actor: Actor, case_id: int) -> Rendered:
    return _document(
        actor,
        DocumentKind.approval_reply,
        ESTABLISHMENT.name,
        lambda lock: _getter(DocumentKind.approval_reply)(actor, case_id, for_update=lock),
        _reply_draft,
    )


# -- 通报 -------------------------------------------------------------------------------------------------------


def _circular_draft(c: Circular) -> Draft:
    body = _bodies(c.jurisdiction_id)[c.jurisdiction_id]
    issued_on = c.issued_at.astimezone(CHINA).date()
    # Signed by the body as documents name it (中共X委员会组织部), like the other kinds.
    context = {**circulars.circular_context(c), "issuer": issuer_name(body)}
    return Draft(DocumentKind.circular, "circular", c.id, c.jurisdiction_id, body, issued_on.year, context)


def circular_preview(actor: Actor, new: NewCircular, issued_by: str) -> dict[str, Any]:
    """The circular as its document would read if issued now, signed as the document signs it: what the
    console shows before 印发. Nothing is recorded."""
    context = circulars.preview_document(actor, new, issued_by)  # scoped: refuses a body outside the actor's
    body = coverage.root_for(actor, new.jurisdiction_id)
    return {**context, "issuer": issuer_name(body)}


def circular_document(actor: Actor, circular_id: int) -> Rendered:
    return _document(
        actor,
        DocumentKind.circular,
        "circular",
        lambda lock: _getter(DocumentKind.circular)(actor, circular_id, for_update=lock),
        _circular_draft,
    )


_DRAFTS: dict[DocumentKind, Callable[[Any], Draft]] = {
    DocumentKind.supervision_ticket: _ticket_draft,
    DocumentKind.interview_notice: _interview_draft,
    DocumentKind.approval_reply: _reply_draft,
    DocumentKind.circular: _circular_draft,
}

MAKERS: dict[DocumentKind, Callable[[Actor, int], Rendered]] = {
    DocumentKind.circular: circular_document,
    DocumentKind.supervision_ticket: ticket_document,
    DocumentKind.interview_notice: interview_notice,
    DocumentKind.approval_reply: approval_reply,
}


def require_visible(actor: Actor, kind: DocumentKind, subject_id: int) -> None:
    """404 unless the actor can read the subject (checked before anything else, e.g. the PDF converter)."""
    _getter(kind)(actor, subject_id)
