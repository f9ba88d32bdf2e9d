"""审批单: a printable form of a subject's approval as it stands — the subject's facts, every approval step
(level, body, mode, due date, status, a committee's tally), every action on it (who by display name, what,
the opinion, when in China time) and the reply's number and date.

A read-only rendering, not an official document: nothing is numbered, recorded or audited, and each download
shows the subject as it is now. It fills the form's own template (service/documents/templates/approval_form.docx,
built by build_templates.py) with the documents' renderer (service.documents.render.render_template) and
converts to PDF the documents' way (documents.require_pdf, documents.to_pdf).

Generic over approval workflows: the steps, tasks and actions come from the approval engine's reads; a
workflow registers (`register`) its scoped getter (out of scope: 404 before anything else) and what the form's
header says about its subject. Like the other engines, this module imports no workflow."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from service.auth import Actor
from service.clock import CHINA, now
from service.documents.kinds import chinese_date
from service.documents.render import render_template
from service.documents.templates import APPROVAL_FORM
from service.models import ApprovalAction, ApprovalStep
from service.operations.engines import documents
from service.operations.engines.approvals import reads
from service.operations.engines.approvals.handlers import LEVEL_LABELS_ZH
from service.operations.reference import users
from workflows.approval import ACTION_LABELS_ZH, MODE_LABELS_ZH, Action, ApprovalMode

STEP_STATUS_LABELS = {
    "pending": "办理中",
    "approved": "通过",
    "rejected": "不通过",
    "returned": "退回",
    "cancelled": "已取消",
}
# Every action the log holds, in words (the decisions, and what else happened to the tasks).
ACTION_LABELS = {
    **{a.value: label for a, label in ACTION_LABELS_ZH.items()},
    Action.RETURN.value: "退回修改",
    Action.COMMENT.value: "添加意见",
    "claim": "签收",
    "release": "退回到组",
}

VOTE_LABELS = {Action.APPROVE.value: "表决通过", Action.REJECT.value: "表决未通过"}


@dataclass(frozen=True)
class FormHeader:
    """What a workflow says about its subject at the top of the form."""

    title: str  # e.g. 建立党组织审批单
    subject: str  # the subject in words, under the title
    fields: list[tuple[str, str]] = field(default_factory=list)  # (label, value), in order
    reply_no: str = ""  # 批复文号, once there is one
    reply_date: str = ""  # 批复日期 (a Chinese date)
    filename: str = ""  # the download's name without extension (Chinese allowed)


Getter = Callable[[Actor, int], Any]
HeaderMaker = Callable[[Any], FormHeader]


@dataclass(frozen=True)
class Registration:
    get: Getter
    header: HeaderMaker


_FORMS: dict[str, Registration] = {}


def register(workflow: str, get: Getter, header: HeaderMaker) -> None:
    """An approval workflow's 审批单: its scoped getter and its header (from service/operations/registry.py)."""
    _FORMS[workflow] = Registration(get, header)


def _registration(workflow: str) -> Registration:
    try:
        return _FORMS[workflow]
    except KeyError:
        raise RuntimeError(f"no approval form registered for {workflow} (service/operations/registry.py)") from None


@dataclass
class Form:
    content: bytes
    filename: str  # e.g. 审批单-青山镇某公司党支部.docx
    ascii_filename: str  # e.g. approval-form-establishment-12.docx


def _china(moment: datetime | None) -> str:
    return f"{moment.astimezone(CHINA):%Y-%m-%d %H:%M}" if moment is not None else ""


def _tally_text(tally: dict[str, Any] | None) -> str:
    """A committee's tally in words: 委员9人，出席7人，赞成6票，反对1票."""
    if not tally:
        return ""
    parts = [
        f"委员{tally.get('members', '')}人",
        f"出席{tally.get('present', '')}人",
        f"赞成{tally.get('votes_for', '')}票",
        f"反对{tally.get('votes_against', 0)}票",
    ]
    return "，".join(parts)


def _level_label(step: ApprovalStep) -> str:
    return f"第{step.level + 1}级 {LEVEL_LABELS_ZH.get(step.level_name, step.level_name)}"


def _step_rows(steps: list[ApprovalStep]) -> list[dict[str, Any]]:
    return [
        {
            "no": i,
            "level": _level_label(s),
            "body": s.body.name,
            "mode": MODE_LABELS_ZH[ApprovalMode(s.mode)],
            "due_on": f"{s.due_on:%Y-%m-%d}",
            "status": STEP_STATUS_LABELS.get(s.status, s.status),
            "tally": _tally_text(s.tally),
        }
        for i, s in enumerate(steps, start=1)
    ]


def _action_label(a: ApprovalAction) -> str:
    """A committee's recorded tally is logged with its outcome: 表决通过 / 表决未通过."""
    if a.tally:
        return VOTE_LABELS.get(a.action, ACTION_LABELS.get(a.action, a.action))
    return ACTION_LABELS.get(a.action, a.action)


def _opinion(a: ApprovalAction, names: dict[int, str]) -> str:
    parts = []
    if a.tally:
        parts.append(_tally_text(a.tally))
    if a.action == "delegate" and a.delegate_to_id is not None:
        parts.append(f"转办给{names.get(a.delegate_to_id, '')}")
    if a.comment:
        parts.append(a.comment)
    return "；".join(parts)


def _action_rows(
    steps: list[ApprovalStep], actions: list[ApprovalAction], names: dict[int, str]
) -> list[dict[str, Any]]:
    number = {s.id: i for i, s in enumerate(steps, start=1)}
    return [
        {
            "step": number.get(a.step_id, ""),
            "person": names.get(a.actor_id, "") if a.actor_id is not None else "系统",
            "action": _action_label(a),
            "opinion": _opinion(a, names),
            "at": _china(a.at),
        }
        for a in actions
    ]


def context_of(workflow: str, subject: Any, header: FormHeader) -> dict[str, Any]:
    """The template's values for a subject: its header, its steps and their actions (four statements)."""
    steps = reads.steps_of(workflow, subject.id)
    actions = reads.actions_of([s.id for s in steps])
    names = users.display_names({a.actor_id for a in actions} | {a.delegate_to_id for a in actions})
    return {
        "title": header.title,
        "subtitle": header.subject,
        "fields": [{"label": label, "value": value} for label, value in header.fields],
        "steps": _step_rows(steps),
        "actions": _action_rows(steps, actions, names),
        "reply_no": header.reply_no or "—",
        "reply_date": header.reply_date or "—",
        "printed_at": _china(now()),
    }


def require_visible(actor: Actor, workflow: str, subject_id: int) -> Any:
    """The subject within the actor's scope (404 otherwise), before anything else (e.g. the PDF converter)."""
    return _registration(workflow).get(actor, subject_id)


def approval_form(actor: Actor, workflow: str, subject_id: int) -> Form:
    """The 审批单 of a subject as .docx (read only: nothing is written)."""
    registration = _registration(workflow)
    subject = registration.get(actor, subject_id)  # scoped: 404 before anything else
    header = registration.header(subject)
    content = render_template(APPROVAL_FORM.read_bytes(), context_of(workflow, subject, header))
    stem = header.filename or f"{header.title}-{subject_id}"
    return Form(content, f"{stem}.docx", f"approval-form-{workflow}-{subject_id}.docx")


def approval_form_pdf(actor: Actor, workflow: str, subject_id: int) -> Form:
    """The 审批单 as PDF: the subject first (404), then the converter (501), then the conversion (503)."""
    require_visible(actor, workflow, subject_id)
    converter = documents.require_pdf()
    docx = approval_form(actor, workflow, subject_id)
    return Form(
        documents.to_pdf(docx.content, converter),
        docx.filename.removesuffix(".docx") + ".pdf",
        docx.ascii_filename.removesuffix(".docx") + ".pdf",
    )


def chinese_day(value: Any) -> str:
    """A date for the header (2026年9月25日), or nothing."""
    return chinese_date(value) if value is not None else ""
