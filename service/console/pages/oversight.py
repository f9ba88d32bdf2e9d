"""The supervisors' 待办 (reports to review, extension requests to decide, interviews to hold or follow up) and
催办 (urge) from the console: the button on a task or case page and on a ticket page, in the partial
console/_urge.html, which reads `urge_panels(...)` (a template global) for what it shows.

Every read and command is the service layer's; a refusal re-renders the page it came from with the message next
to the urge form (409 / 422), keeping the typed message."""

from __future__ import annotations

from typing import Any

from flask import flash, g, redirect, render_template, request, url_for

from schemas.urges import UrgeRequestSchema
from service.auth import Actor
from service.clock import today
from service.console import counts, forms
from service.console.access import page, signed_in_actor
from service.console.blueprint import bp
from service.console.nav import Badge, NavEntry
from service.console.pages import inbox as inbox_pages
from service.console.pages import supervision as ticket_pages
from service.operations.engines import approvals, urges
from service.operations.flows.establishment import cases
from service.operations.flows.pairing import agreements
from service.operations.flows.supervision import oversight_inbox, ticket_urges, tickets
from service.roles import OVERSIGHT_INBOX_USERS, TASK_URGERS, TICKET_URGERS
from workflows import pairing as pairing_rules
from workflows import urge as rules
from workflows.errors import Conflict, RuleViolation
from workflows.supervision import SUPERVISION_TICKET, TicketState
from workflows.urge import UrgeSubject

# The case page's history names the urge (its labels are the inbox page's).
inbox_pages.HISTORY_LABELS.setdefault("task.urge", "催办")


def _actor() -> Actor:
    actor = signed_in_actor()
    assert actor is not None  # @page guarantees it
    return actor


# -- the supervisors' 待办 ----------------------------------------------------------------------------------------


# The supervisors' own 待办 (their roles never open console.inbox: one 待办 per role).
NAV = NavEntry("待办", "console.oversight", 20, badge=Badge("oversight", counts.oversight))


@bp.route("/oversight", endpoint="oversight")
@page(*OVERSIGHT_INBOX_USERS)
def oversight_page() -> Any:
    actor = _actor()
    desk = oversight_inbox.counts(actor)  # not "counts": that name is the navigation's (base.html)
    rows = oversight_inbox.lists(actor)
    behind, behind_total = agreements.behind_plan(actor, oversight_inbox.LIMIT)
    return render_template(
        "console/oversight.html",
        desk=desk,
        rows=rows,
        behind=behind,
        behind_total=behind_total,
        org_names=agreements.org_names(behind),
        lagging=agreements.lagging,
        duty_labels=pairing_rules.DUTY_LABELS,
        limit=oversight_inbox.LIMIT,
        interview_label=oversight_inbox.interview_label,
        state_label=SUPERVISION_TICKET.state_label,
    )


# -- 催办 ------------------------------------------------------------------------------------------------------


def _refusal(key: tuple[str, int], exc: Exception) -> int:
    """Remember the refusal for the urge form of `key` (the partial shows it) and answer its status."""
    if isinstance(exc, forms.FormErrors):
        errors = exc.errors
    else:
        assert isinstance(exc, RuleViolation)
        errors = {(exc.field if exc.field == "message" else "_"): exc.message}
    g.urge_refusal = {"key": key, "errors": errors}
    return 409 if isinstance(exc, Conflict) else 422


def _done(urged: urges.Urged) -> None:
    again = urged.state.next_allowed_on
    flash(
        f"已催办（第{urged.state.count}次），已通知{urged.notified}人"
        + (f"；下次可于{again.isoformat()}起再催办" if again else ""),
        "success",
    )


@bp.route("/tasks/<int:task_id>/urge", methods=["POST"], endpoint="task_urge")
@page(*TASK_URGERS)
def task_urge(task_id: int) -> Any:
    actor = _actor()
    task = approvals.reads.get_task(actor, task_id)  # 404 out of scope
    try:
        data = forms.load(UrgeRequestSchema())
        urged = urges.urge_task(actor, task_id, data.get("message"))
    except (forms.FormErrors, RuleViolation) as exc:
        status = _refusal(("task", task_id), exc)
        body, _ = inbox_pages._render_case(actor, task.subject_id, approvals.reads.get_task(actor, task_id))
        return body, status
    _done(urged)
    return redirect(url_for("console.task", task_id=task_id))


@bp.route("/board/tickets/<int:ticket_id>/urge", methods=["POST"], endpoint="ticket_urge")
@page(*TICKET_URGERS)
def ticket_urge(ticket_id: int) -> Any:
    actor = _actor()
    tickets.get(actor, ticket_id)  # 404 out of scope
    try:
        data = forms.load(UrgeRequestSchema())
        urged = ticket_urges.urge_ticket(actor, ticket_id, data.get("message"))
    except (forms.FormErrors, RuleViolation) as exc:
        status = _refusal(("ticket", ticket_id), exc)
        body, _ = ticket_pages._render_ticket(actor, ticket_id)
        return body, status
    _done(urged)
    return redirect(url_for("console.ticket", ticket_id=ticket_id))


def _panel(key: tuple[str, int], state: urges.UrgeState, may: bool, reason: str | None, action: str) -> dict[str, Any]:
    refusal: dict[str, Any] | None = getattr(g, "urge_refusal", None)
    refused = refusal is not None and refusal["key"] == key
    errors: dict[str, str] = refusal["errors"] if refusal is not None and refused else {}
    return {
        "key": f"{key[0]}-{key[1]}",
        "state": state,
        "may_urge": may,
        "reason": reason,
        "action": action,
        "errors": errors,
        "typed": request.form.get("message", "") if refused else "",
    }


def _again(state: urges.UrgeState) -> str | None:
    if state.may_urge_today or state.next_allowed_on is None:
        return None
    return f"今天已催办过，{state.next_allowed_on.isoformat()}（下一个工作日）起可再催办"


@bp.app_template_global()
def urge_panels(kind: str, ident: int) -> list[dict[str, Any]]:
    """What the urge partial shows for a task, a case (its open tasks) or a ticket: the urge count to everyone
    who sees the item, the form to those who may urge it (with the reason when it cannot be urged now)."""
    actor = signed_in_actor()
    if actor is None:
        return []
    if kind == "ticket":
        t = tickets.get(actor, ident)
        state = urges.state(UrgeSubject.TICKET.value, t.id)
        if actor.role not in TICKET_URGERS or not tickets.is_issuing_side(actor, t):
            return [_panel(("ticket", t.id), state, False, None, "")] if state.count else []
        with_unit = t.state in rules.URGEABLE_TICKET_STATES
        reason = None if with_unit else f"督办单「{SUPERVISION_TICKET.state_label(t.state)}」，无需催办"
        if t.state == TicketState.SUBMITTED:
            reason = "承办单位已报送整改情况，待审核"
        reason = reason or _again(state)
        action = url_for("console.ticket_urge", ticket_id=t.id)
        return [_panel(("ticket", t.id), state, reason is None, reason, action)]
    if kind == "task":
        open_tasks = [approvals.reads.get_task(actor, ident)]
    else:
        case = cases.get(actor, ident)
        open_tasks = [
            t
            for t in approvals.reads.tasks_of([s.id for s in approvals.reads.steps_of(cases.WORKFLOW, case.id)])
            if t.status == "open"
        ]
    states = urges.states(UrgeSubject.TASK.value, [t.id for t in open_tasks])
    out = []
    on = today()
    for task in open_tasks:
        state = states[task.id]
        if actor.role not in TASK_URGERS:
            if state.count:
                out.append(_panel(("task", task.id), state, False, None, ""))
            continue
        if task.status != "open":
            if state.count:
                out.append(_panel(("task", task.id), state, False, "该审批任务已办结", ""))
            continue
        reason = f"办理期限为{task.due_on.isoformat()}，逾期后方可催办" if task.due_on >= on else _again(state)
        out.append(
            _panel(("task", task.id), state, reason is None, reason, url_for("console.task_urge", task_id=task.id))
        )
    return out
