"""换届: the organisations whose term is due (换届提醒), a request's page (换届请示, 延期 / 提前换届) with its steps,
history and actions — the superior body's decision on its 待办 task, the general meeting's result, withdrawal.

Every read and command is the API's own service function (service/operations/flows/re_election/); a refusal is
shown in Chinese next to its field, the form keeping what was typed."""

from __future__ import annotations

from typing import Any

from flask import Response, flash, redirect, render_template, request, url_for

from schemas.re_elections import ElectionSchema, RequestCreateSchema, ResubmitSchema
from schemas.tasks import DecideSchema, VoteSchema
from service.api.downloads import attachment
from service.api.presenters import history_view, steps_view
from service.api.spreadsheets import send_xlsx
from service.auth import Actor
from service.console import forms
from service.console.access import page, signed_in_actor
from service.console.blueprint import bp
from service.console.paging import page_of
from service.documents.render import DOCX_MIME
from service.errors import NotFound
from service.exports import re_elections as re_election_exports
from service.models import ApprovalTask
from service.operations.engines import approvals
from service.operations.flows.re_election import requests, result_report, terms
from service.roles import DECIDERS
from workflows.approval import MODE_LABELS_ZH, ApprovalMode
from workflows.errors import Conflict, RuleViolation
from workflows.establishment import FORM_LABELS_ZH, OrgForm
from workflows.re_election import DUE_LABELS_ZH, KIND_LABELS_ZH, RE_ELECTION

READERS = requests.READERS
REQUESTERS = requests.REQUESTERS
HISTORY_LABELS = {
    "re_election.create": "提交请示",
    "re_election.resubmit": "重新提交",
    "re_election.withdraw": "撤回",
    "re_election.approve": "批复同意换届",
    "re_election.approve_change": "批准调整换届日期",
    "re_election.reject": "不予批准",
    "re_election.return_for_changes": "退回修改",
    "re_election.elect": "召开党员大会换届",
    "approval_step.open": "进入审批环节",
    "task.claim": "签收",
    "task.approve": "同意",
    "task.reject": "不同意",
    "task.return": "退回修改",
    "task.vote": "录入表决结果",
}
DECISION_LABELS = {"approve": "同意", "reject": "不同意", "return": "退回修改"}
FORM_FIELDS = {
    "new": (
        "party_org_id",
        "kind",
        "reason",
        "request_text",
        "committee_size",
        "secretary",
        "candidates",
        "oversize_reason",
        "new_due_on",
    ),
    "elect": ("held_on", "entitled", "present", "secretary", "elected", "term_start"),
    "resubmit": ("reason", "candidates", "new_due_on"),
    "withdraw": ("reason", "confirm"),
    "decide": ("action", "comment", "approval_doc_no", "approved_on", "meeting_on"),
    "vote": ("members", "present", "votes_for", "votes_against", "comment", "approval_doc_no", "meeting_on"),
}


def _actor() -> Actor:
    actor = signed_in_actor()
    assert actor is not None  # @page guarantees it
    return actor


@bp.route("/re-elections/due", endpoint="re_election_due")
@page(*READERS)
def due_page() -> Any:
    actor = _actor()
    status = request.args.get("status") or None
    f = {"status": status if status in DUE_LABELS_ZH else None}
    listing = page_of(terms.due_query(actor, f))
    return render_template(
        "console/re_elections/due.html",
        rows=terms.due_rows(list(listing.items)),
        listing=listing,
        counts=terms.due_counts(actor),
        status=f["status"],
        status_labels=DUE_LABELS_ZH,
        form_labels=_form_labels(),
        may_request=actor.role in REQUESTERS,
        args={k: v for k, v in request.args.items() if k != "page"},
    )


@bp.route("/re-elections/due/export.xlsx", endpoint="re_election_due_export")
@page(*READERS)
def due_export() -> Any:
    status = request.args.get("status") or None
    f = {"status": status if status in DUE_LABELS_ZH else None}
    return send_xlsx(re_election_exports.due_workbook(_actor(), f), "换届提醒", "re-elections-due")


def _form_labels() -> dict[str, str]:
    return {f.value: FORM_LABELS_ZH[f] for f in OrgForm}


def _lines(name: str) -> list[str]:
    return [line.strip() for line in request.form.get(name, "").replace("、", "\n").splitlines() if line.strip()]


@bp.route("/re-elections/new", methods=["GET", "POST"], endpoint="re_election_new")
@page(*REQUESTERS)
def new_page() -> Any:
    actor = _actor()
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            extra = {"candidates": _lines("candidates")} if request.form.get("candidates", "").strip() else {}
            data = forms.load(RequestCreateSchema(), integers=("party_org_id", "committee_size"), extra=extra)
            r = requests.create(actor, data)
        except forms.FormErrors as exc:
            errors = exc.errors
        except (RuleViolation, Conflict) as exc:
            errors = {exc.field or "_": exc.message}
        else:
            flash(f"已提交：{requests.title(r)}，待上级党组织审批", "success")
            return redirect(url_for("console.re_election", request_id=r.id))
    posted = request.form if request.method == "POST" else {"party_org_id": request.args.get("org", "")}
    raw = str(posted.get("party_org_id", ""))
    org = terms.organisation(actor, int(raw)) if raw.isdigit() and len(raw) < 10 else None
    return (
        render_template(
            "console/re_elections/new.html",
            org=org,
            errors=errors,
            posted=posted,
            kinds=KIND_LABELS_ZH,
            shown=FORM_FIELDS["new"],
        ),
        422 if errors else 200,
    )


def _render(
    actor: Actor,
    request_id: int,
    task: ApprovalTask | None = None,
    *,
    status: int = 200,
    errors: dict[str, str] | None = None,
    form: str | None = None,
    conflict: str | None = None,
) -> Any:
    if conflict is not None:  # shown where the page shows its errors, above the form
        errors = {"_": conflict}
    r = requests.get(actor, request_id)
    steps = steps_view(RE_ELECTION.name, [r.id]).get(r.id, [])
    allowed = requests.allowed_actions(actor, r)
    options = approvals.reads.task_options(actor, task) if task is not None else None
    return (
        render_template(
            "console/re_elections/request.html",
            r=r,
            task=task,
            options=options,
            steps=steps,
            history=history_view(RE_ELECTION.name, r.id),
            history_labels=HISTORY_LABELS,
            state_label=RE_ELECTION.state_label(r.state),
            kind_label=KIND_LABELS_ZH[r.kind],
            form_label=FORM_LABELS_ZH.get(OrgForm(r.form), r.form),
            allowed=allowed,
            decision_labels=DECISION_LABELS,
            mode_labels={m.value: MODE_LABELS_ZH[m] for m in ApprovalMode},
            issues_reply=task is not None and requests.issues_reply(r, task.step),
            errors=errors or {},
            open_form=form,
            posted=request.form,
            shown=FORM_FIELDS,
        ),
        status,
    )


@bp.route("/re-elections/<int:request_id>", endpoint="re_election")
@page(*READERS)
def request_page(request_id: int) -> Any:
    return _render(_actor(), request_id)


def _task(actor: Actor, task_id: int) -> ApprovalTask:
    task = approvals.reads.get_task(actor, task_id)  # out of scope: 404
    if task.step.workflow != RE_ELECTION.name:
        raise NotFound()
    return task


@bp.route("/re-elections/tasks/<int:task_id>", endpoint="re_election_task")
@page(*READERS)
def task_page(task_id: int) -> Any:
    actor = _actor()
    task = _task(actor, task_id)
    return _render(actor, task.subject_id, task)


def _refused(actor: Actor, request_id: int, task: ApprovalTask | None, exc: Exception, form: str) -> Any:
    return _render(actor, request_id, task, form=form, **forms.refusal(exc))


@bp.route("/re-elections/tasks/<int:task_id>/decide", methods=["POST"], endpoint="re_election_decide")
@page(*DECIDERS)
def decide(task_id: int) -> Any:
    actor = _actor()
    task = _task(actor, task_id)
    try:
        data = forms.load(DecideSchema())
        approvals.acting.act(actor, task_id, data.action, comment=data.comment, reply=data.reply)
    except (forms.FormErrors, RuleViolation, Conflict) as exc:
        return _refused(actor, task.subject_id, task, exc, "decide")
    flash(f"已办理：{DECISION_LABELS[data.action]}（任务 {task_id}）", "success")
    return redirect(url_for("console.re_election", request_id=task.subject_id))


@bp.route("/re-elections/tasks/<int:task_id>/vote", methods=["POST"], endpoint="re_election_vote")
@page(*DECIDERS)
def vote(task_id: int) -> Any:
    actor = _actor()
    task = _task(actor, task_id)
    try:
        data = forms.load(VoteSchema(), integers=("members", "present", "votes_for", "votes_against"))
        approvals.acting.act(actor, task_id, "vote", comment=data.comment, tally=data.tally, reply=data.reply)
    except (forms.FormErrors, RuleViolation, Conflict) as exc:
        return _refused(actor, task.subject_id, task, exc, "vote")
    flash(f"已录入表决结果：赞成{data.votes_for}票，反对{data.votes_against}票", "success")
    return redirect(url_for("console.re_election", request_id=task.subject_id))


@bp.route("/re-elections/<int:request_id>/election", methods=["POST"], endpoint="re_election_elect")
@page(*REQUESTERS)
def elect(request_id: int) -> Any:
    actor = _actor()
    try:
        data = forms.load(ElectionSchema(), integers=("entitled", "present"), extra={"elected": forms.elected()})
        r = requests.elect(actor, request_id, data)
    except (forms.FormErrors, RuleViolation, Conflict) as exc:
        return _refused(actor, request_id, None, exc, "elect")
    flash(f"换届完成：新一届任期至{r.term_due_on}", "success")
    return redirect(url_for("console.re_election", request_id=request_id))


@bp.route("/re-elections/<int:request_id>/resubmit", methods=["POST"], endpoint="re_election_resubmit")
@page(*REQUESTERS)
def resubmit(request_id: int) -> Any:
    actor = _actor()
    try:
        extra = {"candidates": _lines("candidates")} if request.form.get("candidates", "").strip() else {}
        data = forms.load(ResubmitSchema(), extra=extra)
        requests.resubmit(actor, request_id, data)
    except (forms.FormErrors, RuleViolation, Conflict) as exc:
        return _refused(actor, request_id, None, exc, "resubmit")
    flash("已重新提交，待上级党组织审批", "success")
    return redirect(url_for("console.re_election", request_id=request_id))


@bp.route("/re-elections/<int:request_id>/withdraw", methods=["POST"], endpoint="re_election_withdraw")
@page(*REQUESTERS)
def withdraw(request_id: int) -> Any:
    actor = _actor()
    if request.form.get("confirm") != "1":
        exc = forms.FormErrors({"confirm": "撤回后不能恢复，请勾选确认"})
        return _refused(actor, request_id, None, exc, "withdraw")
    try:
        requests.withdraw(actor, request_id, request.form.get("reason", "").strip() or None)
    except (RuleViolation, Conflict) as exc:
        return _refused(actor, request_id, None, exc, "withdraw")
    flash("已撤回", "success")
    return redirect(url_for("console.re_election", request_id=request_id))


@bp.route("/re-elections/<int:request_id>/report.docx", endpoint="re_election_report")
@page(*READERS)
def report(request_id: int) -> Response:
    """选举结果报告 under the session (the API's rendering; before the election: the 409 page in Chinese)."""
    made = result_report.report_docx(_actor(), request_id)
    return attachment(made.content, DOCX_MIME, made.filename, made.ascii_filename)
