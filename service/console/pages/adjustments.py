"""组织调整: the adjustment cases (opened by ledger changes), a case's page with its proposal, its approval and
its history, the approvers' task page for it (reached from 待办), and the units eligible to upgrade.

Every read and command is the API's own service function; a refusal is shown in Chinese beside the form,
which keeps what was typed."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for

from schemas.adjustments import AdjustmentCancelSchema, AdjustmentSubmitSchema
from schemas.tasks import DecideSchema, VoteSchema
from service import config_cache
from service.api.adjustments import view
from service.api.presenters import steps_view
from service.auth import Actor
from service.console import forms
from service.console.access import page, signed_in_actor
from service.console.blueprint import bp
from service.console.nav import NavEntry
from service.console.pages.inbox import HISTORY_LABELS as APPROVAL_HISTORY_LABELS
from service.console.paging import page_of
from service.models import ApprovalTask
from service.operations.engines import approvals, audit
from service.operations.flows.adjustment import cases
from service.operations.reference import users
from service.roles import DECIDERS, TASK_READERS, of
from workflows.adjustment import ACTION_LABELS, ADJUSTMENT, OPEN_STATES, AdjustmentState
from workflows.approval import MODE_LABELS_ZH, STATUS_LABELS_ZH, ApprovalMode
from workflows.deadlines import LEVEL_LABELS
from workflows.errors import RuleViolation
from workflows.establishment import FORM_LABELS_ZH

READERS = of(ADJUSTMENT.name, "read")
MANAGERS = of(ADJUSTMENT.name, "manage")
NAV = NavEntry("组织调整", "console.adjustments", 45, ("console.adjustment", "console.adjustment_upgrades"))
DECISION_LABELS = {"approve": "同意", "reject": "不同意", "return": "退回修改"}
SUBMIT_FIELDS = ("action", "proposed_form", "target_jurisdiction_id", "note")
DECIDE_FIELDS = ("action", "comment", "approval_doc_no", "members", "present", "votes_for", "votes_against")
# The history's audit actions in words: this workflow's, then the approval engine's and the escalation's.
HISTORY_LABELS = {
    **APPROVAL_HISTORY_LABELS,
    f"{ADJUSTMENT.name}.open": "立案",
    f"{ADJUSTMENT.name}.trigger_added": "追加起因",
    **{f"{ADJUSTMENT.name}.{t.event}": t.label_zh for t in ADJUSTMENT.transitions},
}
CONFIRMS = {
    "submit": "报上级审批后，将由上级党(工)委集体研究决定；批准后党组织随即调整。确定报批？",
    "cancel": "撤销立案后不能恢复，党组织保持不变。确定撤销立案？",
    "decide": "批准后党组织即按所报方案调整（撤销、变更或转接），不能撤回。确定提交决定？",
}


def _actor() -> Actor:
    actor = signed_in_actor()
    assert actor is not None  # @page guarantees it
    return actor


@bp.route("/adjustments", endpoint="adjustments")
@page(*READERS)
def adjustments_page() -> Any:
    actor = _actor()
    state = request.args.get("state") or None
    f = {"state": state if state in {s.value for s in AdjustmentState} else None, "open": not state}
    listing = page_of(cases.query(actor, f))
    return render_template(
        "console/adjustments/list.html",
        listing=listing,
        rows=view(listing.items),
        state=f["state"],
        states={s.name: s.label_zh for s in ADJUSTMENT.states},
        args={"state": f["state"]} if f["state"] else {},
        open_count=cases.open_count(actor),
    )


@bp.route("/adjustments/upgrade-eligible", endpoint="adjustment_upgrades")
@page(*READERS)
def upgrades_page() -> Any:
    listing = page_of(cases.upgrade_eligible_query(_actor()))
    return render_template(
        "console/adjustments/upgrades.html", listing=listing, rows=cases.eligible_view(listing.items)
    )


def _history(case_id: int) -> list[dict[str, Any]]:
    """The case's history with each person's display name (never a username): two queries."""
    events = audit.history(cases.WORKFLOW, case_id)
    names = users.display_names({e.actor_id for e in events if e.actor_id is not None})
    return [
        {
            "at": e.occurred_at,
            "actor": names.get(e.actor_id, e.actor_label) if e.actor_id is not None else "系统",
            "action": HISTORY_LABELS.get(e.action, "其他操作"),
            "comment": e.comment,
        }
        for e in events
    ]


def _render(
    actor: Actor,
    case_id: int,
    task: ApprovalTask | None = None,
    *,
    status: int = 200,
    errors: dict[str, str] | None = None,
    form: str | None = None,
    conflict: str | None = None,
) -> Any:
    case = cases.get(actor, case_id)
    mode = ApprovalMode(task.step.mode) if task is not None else None
    return (
        render_template(
            "console/adjustments/case.html",
            c=view([case])[0],
            history=_history(case.id),
            case=case,
            task=task,
            may_decide=task is not None and actor.role in {r.value for r in DECIDERS} and task.status == "open",
            vote=mode is ApprovalMode.COMMITTEE_VOTE,
            mode_label=MODE_LABELS_ZH[mode] if mode else None,
            steps=steps_view(cases.WORKFLOW, [case.id]).get(case.id, []),
            may_manage=actor.role in {r.value for r in MANAGERS} and case.state in OPEN_STATES,
            may_submit=case.state in (AdjustmentState.PROPOSED, AdjustmentState.RETURNED),
            actions=ACTION_LABELS,
            forms_zh={k: v for k, v in FORM_LABELS_ZH.items()},
            bodies=[(p.id, p.name) for p in sorted(config_cache.places().values(), key=lambda p: p.path)],
            decisions=DECISION_LABELS,
            step_labels=STATUS_LABELS_ZH,
            level_labels=LEVEL_LABELS,
            confirms=CONFIRMS,
            errors=errors or {},
            open_form=form,
            conflict=conflict,
            posted=request.form,
            submit_fields=SUBMIT_FIELDS,
            decide_fields=DECIDE_FIELDS,
        ),
        status,
    )


@bp.route("/adjustments/<int:case_id>", endpoint="adjustment")
@page(*READERS)
def case_page(case_id: int) -> Any:
    return _render(_actor(), case_id)


@bp.route("/adjustments/tasks/<int:task_id>", endpoint="adjustment_task")
@page(*TASK_READERS)
def task_page(task_id: int) -> Any:
    actor = _actor()
    task = approvals.reads.get_task(actor, task_id)  # out of scope: 404
    return _render(actor, task.subject_id, task)


def _refused(actor: Actor, case_id: int, task: ApprovalTask | None, exc: Exception, form: str) -> Any:
    return _render(actor, case_id, task, form=form, **forms.refusal(exc))


@bp.route("/adjustments/<int:case_id>/submit", methods=["POST"], endpoint="adjustment_submit")
@page(*MANAGERS)
def submit(case_id: int) -> Any:
    actor = _actor()
    try:
        data = forms.load(AdjustmentSubmitSchema(), integers=("target_jurisdiction_id",))
        case = cases.submit(actor, case_id, data)
    except (forms.FormErrors, RuleViolation) as exc:
        return _refused(actor, case_id, None, exc, "submit")
    flash(f"已报上级审批：{ACTION_LABELS[case.action]}（组织调整 #{case.id}）", "success")
    return redirect(url_for("console.adjustment", case_id=case_id))


@bp.route("/adjustments/<int:case_id>/cancel", methods=["POST"], endpoint="adjustment_cancel")
@page(*MANAGERS)
def cancel(case_id: int) -> Any:
    actor = _actor()
    try:
        data = forms.load(AdjustmentCancelSchema())
        cases.cancel(actor, case_id, data["reason"])
    except (forms.FormErrors, RuleViolation) as exc:
        return _refused(actor, case_id, None, exc, "cancel")
    flash(f"已撤销立案（组织调整 #{case_id}）", "success")
    return redirect(url_for("console.adjustment", case_id=case_id))


@bp.route("/adjustments/tasks/<int:task_id>/decide", methods=["POST"], endpoint="adjustment_decide")
@page(*DECIDERS)
def decide(task_id: int) -> Any:
    """The superior body's decision: a committee's tally (集体表决) or an approver's own decision."""
    actor = _actor()
    task = approvals.reads.get_task(actor, task_id)
    try:
        if ApprovalMode(task.step.mode) is ApprovalMode.COMMITTEE_VOTE and request.form.get("action") != "return":
            tally = forms.load(VoteSchema(), integers=("members", "present", "votes_for", "votes_against"))
            approvals.acting.act(actor, task_id, "vote", comment=tally.comment, tally=tally.tally, reply=tally.reply)
            done = f"赞成{tally.votes_for}票，反对{tally.votes_against}票"
        else:
            data = forms.load(DecideSchema())
            approvals.acting.act(actor, task_id, data.action, comment=data.comment, reply=data.reply)
            done = DECISION_LABELS[data.action]
    except (forms.FormErrors, RuleViolation) as exc:
        return _refused(actor, task.subject_id, task, exc, "decide")
    flash(f"已办理：{done}（组织调整 #{task.subject_id}）", "success")
    return redirect(url_for("console.adjustment", case_id=task.subject_id))
