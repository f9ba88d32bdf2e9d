"""待办: my open approval tasks (approvers) or my body's supervision tickets (handlers); a task's case page
with the actions the workflow allows me now; the action forms.

Every read and command is the API's own service function; a refusal comes back as the service's exception
(404 out of scope, 403, 409 conflict, 422 rule) and is shown in Chinese, never as a stack trace."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for

from schemas.establishment import FoundSchema
from schemas.tasks import (
    AddApproversSchema,
    BatchDecideSchema,
    CommentSchema,
    ConsultSchema,
    DecideSchema,
    DelegateSchema,
    OpinionSchema,
    RemoveApproversSchema,
    ReturnToSchema,
    TakeBackSchema,
    VoteSchema,
)
from service.api.presenters import steps_view, tasks_view
from service.auth import Actor
from service.clock import today
from service.console import counts, forms
from service.console.access import page, signed_in_actor
from service.console.blueprint import bp
from service.console.nav import Badge, NavEntry
from service.console.pages import attachments as attachments_page
from service.console.paging import page_of
from service.models import ApprovalTask, EstablishmentCase
from service.operations.engines import approvals, audit, diagrams
from service.operations.flows.establishment import cases
from service.operations.flows.supervision import ticket_board
from service.operations.reference import jurisdictions, opinions, users
from service.operations.worklists import inbox
from service.roles import CASE_APPLICANTS, DECIDERS, INBOX_USERS, TASK_READERS, TICKET_HANDLERS
from workflows.approval import BATCH_ACTION_LABELS_ZH, MODE_LABELS_ZH, Action, ApprovalMode, StepStatus
from workflows.deadlines import LEVEL_LABELS
from workflows.diagram import TrailEntry
from workflows.diagram_marks import ACTION_LABELS as MARKED_ACTION_LABELS
from workflows.errors import RuleViolation
from workflows.establishment import ESTABLISHMENT, FORM_LABELS_ZH, OrgForm
from workflows.registry import APPROVAL_WORKFLOWS
from workflows.supervision import SUPERVISION_TICKET, tracked_deadline

WORKFLOW_LABELS = {"establishment": "建立党组织", "adjustment": "组织调整", "re_election": "换届"}
# The history's audit actions in words (others are shown as recorded).
HISTORY_LABELS = {
    "attachment.add": "添加附件",
    "attachment.withdraw": "撤回附件",
    "establishment.copy": "抄送",
    "establishment.create": "创建申请",
    "establishment.update": "修改申请",
    "establishment.submit": "提交审批",
    "establishment.withdraw": "撤回申请",
    "establishment.cancel": "取消申请",
    "establishment.approve": "批复同意",
    "establishment.reject": "不予批准",
    "establishment.return_for_changes": "退回修改",
    "establishment.found": "登记成立",
    "approval_step.open": "进入审批环节",
    "task.claim": "签收",
    "task.release": "退回到组",
    "task.approve": "同意",
    "task.reject": "不同意",
    "task.return": "退回修改",
    "task.comment": "添加意见",
    **MARKED_ACTION_LABELS,  # 转办, 委派, 加签, 减签, 拿回, 退回至此前环节, 催办: as the diagram names them
    # the escalation sweep's steps (催办, 预警, 红色通报, …), recorded by 系统
    **{f"escalation.{level}": label for level, label in LEVEL_LABELS.items()},
}
DECISION_LABELS = {"approve": "同意", "reject": "不同意", "return": "退回修改", "vote": "录入表决结果"}
TASK_ACTION_LABELS = {
    "claim": "签收",
    "release": "退回到组",
    "delegate": "转办",
    "consult": "委派",
    "opinion": "回复意见",
    "add_approvers": "加签",
    "remove_approvers": "减签",
    "take_back": "拿回",
    "return_to": "退回至此前环节",
    "comment": "添加意见",
}
# The fields each form of the case page shows next to their inputs; every other message the API gives for
# that form (a rule's reason about another field, e.g. the committee size at founding) is listed above it.
REPLY_FIELDS = ("approval_doc_no", "approved_on", "meeting_on")
SHOWN_FIELDS = {
    "vote": ("members", "present", "votes_for", "votes_against", "comment", *REPLY_FIELDS),
    "vote_plain": ("members", "present", "votes_for", "votes_against", "comment"),
    "decide": ("comment", *REPLY_FIELDS),
    "decide_plain": ("comment",),
    "delegate": ("to_user_id", "delegate_to", "comment"),
    "consult": ("to_user_id", "comment"),
    "opinion": ("comment",),
    "add_approvers": ("user_ids", "position", "reason"),
    "remove_approvers": ("user_ids", "reason"),
    "take_back": ("comment",),
    "return_to": ("level_name", "reason"),
    "comment": ("comment",),
    "found": ("held_on", "entitled", "present", "secretary", "elected", "term_start", "oversize_reason"),
}
OPEN_TASK = ("open", "waiting")
LIGHT_CHOICES = (("red", "红灯（逾期）"), ("yellow", "黄灯（临期）"), ("green", "绿灯（正常）"))


def _actor() -> Actor:
    actor = signed_in_actor()
    assert actor is not None  # @page guarantees it
    return actor


def _int_arg(name: str) -> int | None:
    raw = request.args.get(name, "")
    return int(raw) if raw.isdigit() and len(raw) < 10 else None


def _filters() -> dict[str, Any]:
    workflow = request.args.get("workflow") or None
    light = request.args.get("light") or None
    return {
        "workflow": workflow if workflow in APPROVAL_WORKFLOWS else None,
        "body": _int_arg("body"),
        "light": light if light in dict(LIGHT_CHOICES) else None,
    }


# 待办 for those who decide tasks or handle tickets (a case and a task page are part of it).
NAV = NavEntry(
    "待办",
    "console.inbox",
    10,
    prefixes=("console.inbox", "console.task", "console.case"),
    badge=Badge("open", counts.open_work),
)


@bp.route("/inbox", endpoint="inbox")
@page(*INBOX_USERS)
def inbox_page() -> Any:
    actor = _actor()
    f = _filters()
    args = {k: v for k, v in f.items() if v}
    if actor.role in TICKET_HANDLERS:
        if f["body"] is not None:
            jurisdictions.get(actor, f["body"])  # my body's own tickets; a body outside my scope is 404 as anywhere
        stmt = ticket_board.inbox_query(actor)
        if f["light"]:
            on = today()
            stmt = stmt.where(ticket_board.light_condition(f["light"], on, ticket_board.first_green_day(on)))
        listing = page_of(stmt)
        deadlines = [
            tracked_deadline(t.state, t.acknowledge_by, t.rectify_by) if t.acknowledge_by and t.rectify_by else None
            for t in listing.items
        ]
        rows = [
            {
                "ticket": t,
                "state_label": SUPERVISION_TICKET.state_label(t.state),
                "pending": ticket_board.pending_action(t)[1],
                "deadline": d,
                "light": light,
            }
            for t, d, light in zip(
                listing.items, deadlines, inbox.lights(deadlines, ticket_board.first_green_day()), strict=True
            )
        ]
        return render_template("console/inbox_tickets.html", listing=listing, rows=rows, f=f, args=args)
    listing = page_of(inbox.task_query(actor, f["workflow"], f["body"], f["light"]))
    views = tasks_view(listing.items)
    for view, task, light in zip(views, listing.items, inbox.lights([t.due_on for t in listing.items]), strict=True):
        view["light"] = light
        # how far the escalation sweep has taken the overdue step (催办, 预警, …): shown beside the light
        view["escalation"] = LEVEL_LABELS.get(task.step.escalation_level or "")
    return render_template(
        "console/inbox.html",
        listing=listing,
        rows=views,
        f=f,
        args=args,
        bodies=inbox.body_options(actor),
        workflows=WORKFLOW_LABELS,
        lights=LIGHT_CHOICES,
        batch_confirms=BATCH_CONFIRMS,
        batch_max=approvals.batch.max_tasks(),
    )


# -- 批量审批: the inbox's batch bar -------------------------------------------------------------------------------

# What the batch bar's buttons do, for their confirm dialogs (static/console/confirm_button.js).
BATCH_CONFIRMS = {
    "approve": "将对所选待办逐项作出「同意」决定，已办理的不能撤回；集体表决、须填写批复文号的环节不会办理。确定？",
    "return": "将所选待办逐项退回申请单位修改，须填写退回理由；已退回的不能撤回。确定？",
}
BATCH_DONE_ZH = {"approve": "已同意", "return": "已退回"}


def _batch_ids() -> list[Any]:
    """The ticked tasks as numbers where they are numbers (the schema refuses the rest by field)."""
    return [int(v) if v.isdigit() and len(v) < 10 else v for v in request.form.getlist("task_ids")]


def _outcome_zh(r: approvals.batch.TaskResult, action: str) -> str:
    """One task's outcome in words."""
    if r.result == approvals.batch.DONE:
        state = f"，申请现为「{r.subject_state_label}」" if r.subject_state_label else ""
        return f"{BATCH_DONE_ZH[action]}{state}"
    if r.result == approvals.batch.CONFLICT and r.acted_by:
        return f"{r.acted_by}已先行办理：{r.message}"
    return r.message or ""


@bp.route("/inbox/batch", methods=["POST"], endpoint="inbox_batch")
@page(*DECIDERS)
def inbox_batch() -> Any:
    """批量同意 / 批量退回 the ticked tasks: each task on its own (approvals.batch); the page lists each outcome."""
    actor = _actor()
    action = request.form.get("action", "")
    try:
        data = forms.load(BatchDecideSchema(), extra={"task_ids": _batch_ids()})
        results = approvals.batch.decide_many(actor, data)
    except (forms.FormErrors, RuleViolation) as exc:
        errors = exc.errors if isinstance(exc, forms.FormErrors) else {exc.field or "_": exc.message}
        return render_template("console/inbox_batch.html", errors=errors, rows=[], action=action, labels={}), 422
    rows = [
        {"result": r, "title": r.subject_title or f"任务 {r.task_id}", "outcome": _outcome_zh(r, data.action)}
        for r in results
    ]
    done = sum(1 for r in results if r.result == approvals.batch.DONE)
    return render_template(
        "console/inbox_batch.html",
        errors={},
        rows=rows,
        action=data.action,
        done=done,
        labels=approvals.batch.RESULT_LABELS_ZH,
        title=BATCH_ACTION_LABELS_ZH[Action(data.action)],
    )


# -- the case page ---------------------------------------------------------------------------------------------


def _history(
    case: EstablishmentCase, task: ApprovalTask | None
) -> tuple[list[dict[str, Any]], str | None, diagrams.Trail]:
    """The case's history with each person's display name (never a username), the name of whoever holds `task`
    now, and what the diagram shows of it (the path and the actions, from the same records): two queries."""
    events = audit.history(cases.WORKFLOW, case.id)
    holder = task.assignee_id if task is not None else None
    whom: dict[int, int] = {
        e.id: int((e.state_after or {})["delegate_to"])
        for e in events
        if e.action.startswith("task.") and (e.state_after or {}).get("delegate_to")
    }
    added = {e.id: list((e.state_after or {}).get("people") or ()) for e in events if e.action.startswith("task.")}
    people = {e.actor_id for e in events if e.actor_id is not None} | set(whom.values())
    people |= {p for ps in added.values() for p in ps if isinstance(p, int)}
    names = users.display_names(people | {holder or 0})
    history = [
        {
            "at": e.occurred_at,
            "actor": names.get(e.actor_id, e.actor_label) if e.actor_id is not None else "系统",
            # 转办 / 委派: to whom
            "whom": names.get(whom[e.id]) if e.id in whom else None,
            # 加签 / 减签: who
            "people": [names.get(p, str(p)) for p in added.get(e.id, ())],
            "actor_id": e.actor_id,
            "action": e.action,
            "comment": e.comment,
            "request_id": e.request_id,
            "state_after": e.state_after,
        }
        for e in events
    ]
    entries = [
        TrailEntry(e.action, e.state_before, e.state_after, e.occurred_at, str(h["actor"]) if e.actor_id else None)
        for e, h in zip(events, history, strict=True)
    ]
    trail = diagrams.trail_from(cases.WORKFLOW, entries, names)
    return history, names.get(holder) if holder is not None else None, trail


def _opinions(history: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The comments of the history, each once: a deciding approval records the approver's opinion on the
    task and again on the case it moves (same person, same request, same words)."""
    out: list[dict[str, Any]] = []
    for h in history:
        if not h["comment"]:
            continue
        last = next((o for o in reversed(out) if o["actor_id"] == h["actor_id"] and o["comment"] == h["comment"]), None)
        # the same request (or, where none was recorded, the opinion just listed) says it once
        if last is not None and (last["request_id"] == h["request_id"] if h["request_id"] else last is out[-1]):
            continue
        out.append(h)
    return out


def _confirms(
    case: EstablishmentCase, task: ApprovalTask | None, steps: list[dict[str, Any]], next_body: str | None
) -> dict[str, str]:
    """What each irreversible button does, in words, for its confirm dialog (static/console/confirm_button.js)."""
    texts = {
        "reject": "不同意后本环节即为不通过，申请将不予批准并办结，不能撤回。确定？",
        "return": "退回后本环节终止，申请将退回申请单位修改，重新提交后再行审批。确定？",
        "found": f"登记成立后将建立「{case.proposed_name}」并计入组织覆盖，不能撤回。确定？",
        "release": "退回到组后本单位审批人均可签收办理。确定？",
        "delegate": "转办后此待办交由所选同事办理，您不再办理。确定？",
        "consult": "委派后所选同事将收到待办并回复意见，此待办仍由您审批。确定？",
        "opinion": "回复后意见交回委派人，由其作出审批决定，意见不能更改。确定？",
        "add_approvers": "加签后所选审批人将收到待办，本环节须按审批方式等待其办理。确定？",
        "remove_approvers": "减签后所选审批人的待办将取消，不再参与本环节审批。确定？",
        "take_back": "拿回后您的同意作废，此待办回到您处重新办理；已转入的下一环节将取消。确定？",
        "return_to": "退回后本环节终止，申请回到所选的此前审批环节重新审批，之后再依次转入后续环节。确定？",
    }
    then = f"申请将转至{next_body}审批" if next_body else "将发出批复，申请转为已批复"
    if task is not None and task.step.status == StepStatus.PENDING.value:  # 拿回 within the step: no next level
        withdrawn = "；下一位审批人的待办将收回" if task.step.mode == ApprovalMode.SEQUENTIAL else ""
        texts["take_back"] = f"拿回后您的同意作废，此待办回到您处重新办理{withdrawn}。确定？"
    if task is not None:
        step = next((s for s in steps if s["id"] == task.step_id), None)
        others = [
            t
            for t in (step["tasks"] if step else ())
            if t["id"] != task.id and t["status"] in OPEN_TASK and t.get("kind") != "consult"
        ]
        if task.step.mode == ApprovalMode.ANY_ONE or not others:
            texts["approve"] = f"同意后本环节办结，{then}。确定？"
        elif task.step.mode == ApprovalMode.SEQUENTIAL:
            texts["approve"] = "同意后由下一位审批人依次审批，全部同意后本环节办结。确定？"
        else:
            texts["approve"] = f"同意后还需其他{len(others)}位会签人同意，本环节方可办结。确定？"
        texts["vote"] = f"提交后本环节按表决结果办结：通过则{then}，未通过则不予批准。表决结果不能更改。确定？"
    return texts


def _take_back_task(actor: Actor, steps: list[dict[str, Any]]) -> int | None:
    """On the case page (no task): my latest approval on the case, when I may still take it back (拿回) — the
    page links to its task, where the 拿回 form is. No query unless I approved something on the case."""
    if actor.role not in DECIDERS:
        return None
    mine = [
        t["id"]
        for s in steps
        for t in s["tasks"]
        if t["assignee_id"] == actor.user_id and t["status"] == "done" and t["outcome"] == "approve"
    ]
    if not mine:
        return None
    task = approvals.reads.get_task(actor, mine[-1])
    assert actor.user_id is not None
    return task.id if approvals.reads.may_take_back(actor.user_id, task.step) else None


def _case_context(actor: Actor, case: EstablishmentCase, task: ApprovalTask | None) -> dict[str, Any]:
    """Everything the case page shows: a fixed number of queries, whatever the case holds."""
    units = cases.units_of([case.id])[case.id]
    allowed = cases.allowed_actions(actor, [case])[case.id]
    steps = steps_view(cases.WORKFLOW, [case.id]).get(case.id, [])
    history, holder, trail = _history(case, task)
    options = cases.form_options(actor, [u.id for u in units]) if units else []
    chosen = next((o for o in options if o.form.value == case.form), None)
    next_body = cases.next_level_body(case, task.step.level) if task is not None else None
    return {
        "take_back_task": _take_back_task(actor, steps) if task is None else None,
        "case": case,
        "task": task,
        "holder": holder,
        "state_label": ESTABLISHMENT.state_label(case.state),
        "form_label": FORM_LABELS_ZH[OrgForm(case.form)],
        "units": units,
        "steps": steps,
        "history": history,
        "trail": trail,
        "history_labels": HISTORY_LABELS,
        "state_labels": {st.name: ESTABLISHMENT.state_label(st.name) for st in ESTABLISHMENT.states},
        "comments": _opinions(history),
        "form_option": chosen,
        "allowed": allowed,
        "decisions": [a for a in allowed if a in DECISION_LABELS],
        "may_found": "found" in allowed and actor.role in CASE_APPLICANTS,
        "decision_labels": DECISION_LABELS,
        "options": approvals.reads.task_options(actor, task) if task is not None else approvals.reads.TaskOptions(),
        "task_action_labels": TASK_ACTION_LABELS,
        "mode_labels": {m.value: MODE_LABELS_ZH[m] for m in ApprovalMode},
        # the step this task decides issues the reply (批复文号, meeting and reply dates) only at the last level
        "issues_reply": task is not None and next_body is None,
        "confirms": _confirms(case, task, steps, next_body),
        "shown": SHOWN_FIELDS,
        "today": today(),
        "workflow_label": WORKFLOW_LABELS.get(cases.WORKFLOW, cases.WORKFLOW),
        # 常用意见 for the opinion boxes, which only a task's page shows
        "saved_opinions": opinions.mine(actor) if task is not None else [],
    }


def _render_case(
    actor: Actor,
    case_id: int,
    task: ApprovalTask | None,
    *,
    status: int = 200,
    errors: dict[str, str] | None = None,
    form: str | None = None,
    conflict: str | None = None,
) -> Any:
    case = cases.get(actor, case_id)
    context = _case_context(actor, case, task)
    back = url_for("console.task", task_id=task.id) if task else url_for("console.case", case_id=case.id)
    files = attachments_page.panel(actor, cases.WORKFLOW, case, back)
    return (
        render_template(
            "console/case.html",
            **context,
            errors=errors or {},
            open_form=form,
            conflict=conflict,
            posted=request.form,
            attachment_panel=files,
        ),
        status,
    )


@bp.route("/tasks/<int:task_id>", endpoint="task")
@page(*TASK_READERS)
def task_page(task_id: int) -> Any:
    actor = _actor()
    task = approvals.reads.get_task(actor, task_id)  # out of scope: 404
    if task.step.workflow != cases.WORKFLOW:  # another approval workflow's task: its own page, console.<workflow>_task
        return redirect(url_for(f"console.{task.step.workflow}_task", task_id=task_id))
    return _render_case(actor, task.subject_id, task)


@bp.route("/cases/<int:case_id>", endpoint="case")
@page()
def case_page(case_id: int) -> Any:
    return _render_case(_actor(), case_id, None)


def _picked_opinion() -> dict[str, str]:
    """A 常用意见 chosen in the picker stands for the opinion when the box is left empty (how the picker works
    without JavaScript; with it, the choice is already in the box). Any text the user may type is accepted the
    same way, so the choice needs no look-up."""
    typed, picked = request.form.get("comment", "").strip(), request.form.get("saved_opinion", "").strip()
    return {"comment": picked} if picked and not typed else {}


def _after_refusal(actor: Actor, task: ApprovalTask | None, case_id: int, exc: Exception, form: str) -> Any:
    """The page with what is true now and the form as sent (forms.refusal)."""
    return _render_case(actor, case_id, task, form=form, **forms.refusal(exc))


@bp.route("/tasks/<int:task_id>/decide", methods=["POST"], endpoint="task_decide")
@page(*DECIDERS)
def task_decide(task_id: int) -> Any:
    actor = _actor()
    task = approvals.reads.get_task(actor, task_id)
    try:
        data = forms.load(DecideSchema(), extra=_picked_opinion())
        approvals.acting.act(actor, task_id, data.action, comment=data.comment, reply=data.reply)
    except (forms.FormErrors, RuleViolation) as exc:
        return _after_refusal(actor, task, task.subject_id, exc, "decide")
    flash(f"已办理：{DECISION_LABELS[data.action]}（任务 {task_id}）", "success")
    return redirect(url_for("console.inbox"))


@bp.route("/tasks/<int:task_id>/vote", methods=["POST"], endpoint="task_vote")
@page(*DECIDERS)
def task_vote(task_id: int) -> Any:
    actor = _actor()
    task = approvals.reads.get_task(actor, task_id)
    try:
        data = forms.load(
            VoteSchema(), integers=("members", "present", "votes_for", "votes_against"), extra=_picked_opinion()
        )
        approvals.acting.act(actor, task_id, "vote", comment=data.comment, tally=data.tally, reply=data.reply)
    except (forms.FormErrors, RuleViolation) as exc:
        return _after_refusal(actor, task, task.subject_id, exc, "vote")
    flash(f"已录入表决结果：赞成{data.votes_for}票，反对{data.votes_against}票（任务 {task_id}）", "success")
    return redirect(url_for("console.inbox"))


@bp.route("/tasks/<int:task_id>/claim", methods=["POST"], endpoint="task_claim")
@page(*DECIDERS)
def task_claim(task_id: int) -> Any:
    actor = _actor()
    task = approvals.reads.get_task(actor, task_id)
    try:
        approvals.acting.claim(actor, task_id)
    except RuleViolation as exc:
        return _after_refusal(actor, task, task.subject_id, exc, "claim")
    flash(f"已签收（任务 {task_id}），请办理", "success")
    return redirect(url_for("console.task", task_id=task_id))


@bp.route("/tasks/<int:task_id>/release", methods=["POST"], endpoint="task_release")
@page(*DECIDERS)
def task_release(task_id: int) -> Any:
    actor = _actor()
    task = approvals.reads.get_task(actor, task_id)
    try:
        approvals.acting.release(actor, task_id)
    except RuleViolation as exc:
        return _after_refusal(actor, task, task.subject_id, exc, "release")
    flash(f"已退回到组（任务 {task_id}），本单位审批人均可签收", "success")
    return redirect(url_for("console.inbox"))


@bp.route("/tasks/<int:task_id>/delegate", methods=["POST"], endpoint="task_delegate")
@page(*DECIDERS)
def task_delegate(task_id: int) -> Any:
    actor = _actor()
    task = approvals.reads.get_task(actor, task_id)
    try:
        data = forms.load(DelegateSchema(), integers=("to_user_id",), extra=_picked_opinion())
        approvals.acting.act(actor, task_id, "delegate", comment=data["comment"], delegate_to=data["to_user_id"])
    except (forms.FormErrors, RuleViolation) as exc:
        return _after_refusal(actor, task, task.subject_id, exc, "delegate")
    flash(f"已转办（任务 {task_id}），同事将在待办中收到", "success")
    return redirect(url_for("console.inbox"))


@bp.route("/tasks/<int:task_id>/consult", methods=["POST"], endpoint="task_consult")
@page(*DECIDERS)
def task_consult(task_id: int) -> Any:
    actor = _actor()
    task = approvals.reads.get_task(actor, task_id)
    try:
        data = forms.load(ConsultSchema(), integers=("to_user_id",))
        approvals.acting.act(actor, task_id, "consult", comment=data["comment"], delegate_to=data["to_user_id"])
    except (forms.FormErrors, RuleViolation) as exc:
        return _after_refusal(actor, task, task.subject_id, exc, "consult")
    flash(f"已委派（任务 {task_id}），同事回复意见后请您审批", "success")
    return redirect(url_for("console.task", task_id=task_id))


@bp.route("/tasks/<int:task_id>/opinion", methods=["POST"], endpoint="task_opinion")
@page(*DECIDERS)
def task_opinion(task_id: int) -> Any:
    actor = _actor()
    task = approvals.reads.get_task(actor, task_id)
    try:
        data = forms.load(OpinionSchema())
        approvals.acting.act(actor, task_id, "opinion", comment=data["comment"])
    except (forms.FormErrors, RuleViolation) as exc:
        return _after_refusal(actor, task, task.subject_id, exc, "opinion")
    flash(f"已回复委派意见（任务 {task_id}）", "success")
    return redirect(url_for("console.inbox"))


def _change_approvers(task_id: int, action: str) -> Any:
    """加签 / 减签 from the task page: the people ticked, the reason (and for 加签 in a sequence, where)."""
    actor = _actor()
    task = approvals.reads.get_task(actor, task_id)
    schema = AddApproversSchema() if action == "add_approvers" else RemoveApproversSchema()
    picked = [int(v) if v.isdigit() and len(v) < 10 else v for v in request.form.getlist("user_ids")]
    try:
        data = forms.load(schema, extra={"user_ids": picked})
        approvals.acting.change_approvers(
            actor, task_id, action, data["user_ids"], data["reason"], data.get("position")
        )
    except (forms.FormErrors, RuleViolation) as exc:
        return _after_refusal(actor, task, task.subject_id, exc, action)
    flash(f"已{TASK_ACTION_LABELS[action]}（任务 {task_id}）", "success")
    return redirect(url_for("console.task", task_id=task_id))


@bp.route("/tasks/<int:task_id>/add-approvers", methods=["POST"], endpoint="task_add_approvers")
@page(*DECIDERS)
def task_add_approvers(task_id: int) -> Any:
    return _change_approvers(task_id, "add_approvers")


@bp.route("/tasks/<int:task_id>/remove-approvers", methods=["POST"], endpoint="task_remove_approvers")
@page(*DECIDERS)
def task_remove_approvers(task_id: int) -> Any:
    return _change_approvers(task_id, "remove_approvers")


@bp.route("/tasks/<int:task_id>/take-back", methods=["POST"], endpoint="task_take_back")
@page(*DECIDERS)
def task_take_back(task_id: int) -> Any:
    actor = _actor()
    task = approvals.reads.get_task(actor, task_id)
    try:
        data = forms.load(TakeBackSchema())
        approvals.acting.take_back(actor, task_id, data["comment"])
    except (forms.FormErrors, RuleViolation) as exc:
        return _after_refusal(actor, task, task.subject_id, exc, "take_back")
    flash(f"已拿回（任务 {task_id}），请重新办理", "success")
    return redirect(url_for("console.task", task_id=task_id))


@bp.route("/tasks/<int:task_id>/return-to", methods=["POST"], endpoint="task_return_to")
@page(*DECIDERS)
def task_return_to(task_id: int) -> Any:
    actor = _actor()
    task = approvals.reads.get_task(actor, task_id)
    try:
        data = forms.load(ReturnToSchema())
        approvals.acting.return_to(actor, task_id, data["level_name"], data["reason"])
    except (forms.FormErrors, RuleViolation) as exc:
        return _after_refusal(actor, task, task.subject_id, exc, "return_to")
    flash(f"已退回至此前审批环节（任务 {task_id}）", "success")
    return redirect(url_for("console.inbox"))


@bp.route("/tasks/<int:task_id>/comment", methods=["POST"], endpoint="task_comment")
@page(*DECIDERS)
def task_comment(task_id: int) -> Any:
    actor = _actor()
    task = approvals.reads.get_task(actor, task_id)
    try:
        data = forms.load(CommentSchema(), extra=_picked_opinion())
        approvals.acting.act(actor, task_id, "comment", comment=data["comment"])
    except (forms.FormErrors, RuleViolation) as exc:
        return _after_refusal(actor, task, task.subject_id, exc, "comment")
    flash(f"已添加意见（任务 {task_id}）", "success")
    return redirect(url_for("console.task", task_id=task_id))


@bp.route("/cases/<int:case_id>/found", methods=["POST"], endpoint="case_found")
@page(*CASE_APPLICANTS)
def case_found(case_id: int) -> Any:
    actor = _actor()
    try:
        data = forms.load(FoundSchema(), integers=("entitled", "present"), extra={"elected": forms.elected()})
        case = cases.found(actor, case_id, data)
    except (forms.FormErrors, RuleViolation) as exc:
        return _after_refusal(actor, None, case_id, exc, "found")
    flash(f"「{case.proposed_name}」已成立，任期至{case.term_due_on}", "success")
    return redirect(url_for("console.case", case_id=case_id))
