"""责任书: a pairing agreement's responsibility letter as a document — both organisations (甲方, 乙方), the body that
follows the agreement, the year's duties with the day they are due, and the signatures block (each side's
organisation, a blank for its head's signature, the date of signing).

A read-only rendering like the 请示 (decision 0057): never numbered, recorded or audited. A 责任书 is the two
organisations' undertaking, not a document a body issues, so it carries no 发文字号; its text cannot drift after
signing because the parties, the plan and the due date are fixed when the agreement is drafted (no command
changes them). An agreement not signed yet is marked 草稿 and has no date of signing; a terminated one says so.
It fills its own template (service/documents/templates/pairing_letter.docx, built by build_templates.py) with
the documents' renderer and converts to PDF the documents' way (documents.require_pdf, documents.to_pdf)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from service.auth import Actor
from service.documents.kinds import chinese_date
from service.documents.render import render_template
from service.documents.templates import PAIRING_LETTER
from service.models.pairing import PairingAgreement
from service.operations.engines import documents
from service.operations.flows.pairing import agreements
from workflows import pairing as rules
from workflows.pairing import PairingState

DRAFT_MARK = "草稿（协议尚未签订）"
TERMINATED_MARK = "协议已终止"
UNITS = {"visits": "次", "trainings": "次", "activists": "名"}


@dataclass(frozen=True)
class Letter:
    """What the letter says, in order (the page and the document read the same)."""

    agreement_id: int
    title: str
    subtitle: str
    org_a: str
    org_b: str
    follower: str
    paragraphs: list[str]
    duties: list[dict[str, str]]
    closing: str
    signatures: list[dict[str, str]]
    draft_mark: str


@dataclass(frozen=True)
class Download:
    content: bytes
    filename: str  # 结对共建责任书-<title>.docx
    ascii_filename: str  # pairing-letter-12.docx


def _mark(a: PairingAgreement) -> str:
    if a.state == PairingState.TERMINATED:
        return f"{TERMINATED_MARK}（{a.terminated_reason}）" if a.terminated_reason else TERMINATED_MARK
    return DRAFT_MARK if a.signed_on is None else ""


def read(actor: Actor, agreement_id: int) -> Letter:
    """The 责任书 of an agreement in the actor's scope (404 otherwise)."""
    a = agreements.get(actor, agreement_id)
    names = agreements.org_names([a])
    org_a, org_b = names.get(a.org_a_id, ""), names.get(a.org_b_id, "")
    follower = documents.issuer_name(a.jurisdiction)
    due = chinese_date(a.duties_due_on)
    planned = agreements.planned(a).as_dict()
    signed = chinese_date(a.signed_on)
    return Letter(
        agreement_id=a.id,
        title="结对共建责任书",
        subtitle=f"（{a.year}年度）{a.title}",
        org_a=org_a,
        org_b=org_b,
        follower=follower,
        paragraphs=[
            f"为推动非公有制经济组织和社会组织党的组织和工作有效覆盖，{org_a}（甲方）与{org_b}（乙方）自愿结对共建，"
            f"在{follower}督导下，约定{a.year}年度共建任务如下。",
            f"双方应于{due}前完成下列任务，如实登记履行情况，接受督导单位年度考评。",
        ],
        duties=[
            {"no": str(i), "duty": rules.DUTY_LABELS[name], "target": f"{planned[name]}{UNITS[name]}", "due_on": due}
            for i, name in enumerate(planned, start=1)
        ],
        closing="本责任书一式三份，甲乙双方及督导单位各执一份，自双方签订之日起生效。",
        signatures=[
            {"side": "甲方", "org": org_a, "signed_on": signed},
            {"side": "乙方", "org": org_b, "signed_on": signed},
        ],
        draft_mark=_mark(a),
    )


def _context(letter: Letter) -> dict[str, Any]:
    return {
        "draft_mark": letter.draft_mark,
        "title": letter.title,
        "subtitle": letter.subtitle,
        "org_a": letter.org_a,
        "org_b": letter.org_b,
        "follower": letter.follower,
        "body": "\n".join(letter.paragraphs),
        "duties": letter.duties,
        "closing": letter.closing,
        "signatures": letter.signatures,
    }


def letter_docx(actor: Actor, agreement_id: int) -> Download:
    """The 责任书 as .docx (read only: nothing is written)."""
    letter = read(actor, agreement_id)
    content = render_template(PAIRING_LETTER.read_bytes(), _context(letter))
    suffix = "（草稿）" if letter.draft_mark == DRAFT_MARK else ""
    return Download(content, f"结对共建责任书-{agreement_id}{suffix}.docx", f"pairing-letter-{agreement_id}.docx")


def letter_pdf(actor: Actor, agreement_id: int) -> Download:
    """The 责任书 as PDF: the agreement first (404), then the converter (501), then the conversion (503)."""
    agreements.get(actor, agreement_id)
    converter = documents.require_pdf()
    docx = letter_docx(actor, agreement_id)
    return Download(
        documents.to_pdf(docx.content, converter),
        docx.filename.removesuffix(".docx") + ".pdf",
        docx.ascii_filename.removesuffix(".docx") + ".pdf",
    )
