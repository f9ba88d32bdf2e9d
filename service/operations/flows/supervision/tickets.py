"""Supervision tickets (督办单): the service side of workflows.supervision.

The rules decide (check_ticket, check_report, check_extension_request, decide_extension…); this module loads
the facts, locks the ticket row, fires the shared state machine, stores the result, replans the escalation
ladder and writes the audit trail, in one transaction per command.

Two sides see a ticket: the issuing side (supervisors whose subtree contains `issuing_body_id`) and the
handling side (everyone whose subtree contains the handling body `jurisdiction_id`). A draft is the issuer's
working copy: the handling side sees a ticket only once it is issued. The issuing side edits, issues,
reviews (close / return), cancels and decides extensions; only the handling body's own handlers
acknowledge, rectify, report and ask for an extension."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date
from typing import Any

from flask import current_app
from sqlalchemy import Select, and_, exists, false, or_, select

from service import config_cache
from service.auth import Actor, scope_ids, system_actor
from service.calendar import calendar
from service.clock import now, today
from service.db import transaction
from service.documents.kinds import DocumentKind
from service.errors import Forbidden, NotFound
from service.extensions import db
from service.models import (
    Interview,
    Jurisdiction,
    Role,
    SupervisionTicket,
    TicketExtension,
    TicketProblem,
    TicketReport,
)
from service.models.base import snapshot
from service.models.jurisdiction import JurisdictionKind
from service.operations.common import Precondition, get_scoped
from service.operations.engines import (
    attachments,
    audit,
    copies,
    documents,
    escalation,
    interviews,
    notifications,
    webhooks,
)
from service.operations.engines.command import Command, Subject
from service.operations.reference import jurisdictions
from service.roles import (
    SUPERVISION_READERS,
    TICKET_ATTACHMENT_WRITERS,
    TICKET_COPIERS,
    TICKET_HANDLERS,
    TICKET_ISSUERS,
)
from workflows import deadlines
from workflows import supervision as rules
from workflows.errors import Conflict, RuleViolation
from workflows.supervision import (
    ESCALATING_STATES,
    EXTENSION_STATES,
    SUPERVISION_TICKET,
    DecideExtension,
    ExtensionRequest,
    NewTicket,
    RectificationReport,
    TicketChanges,
    TicketState,
)
from workflows.workdays import WorkdayCalendar

WORKFLOW = SUPERVISION_TICKET.name
# The files a ticket takes (附件): value -> label.
ATTACHMENT_KINDS = {"evidence": "整改佐证", "report": "整改报告"}


def rule_settings() -> rules.SupervisionSettings:
    """The ticket rules in force (SUPERVISION_SETTINGS)."""
    return current_app.config["SETTINGS"].supervision


# A ticket goes to a lagging body below the supervisor: a county/district, township/street, industry committee
# or park — never the city, never the supervisor's own body.
TARGET_KINDS = frozenset(
    {
        JurisdictionKind.county,
        JurisdictionKind.district,
        JurisdictionKind.township,
        JurisdictionKind.street,
        JurisdictionKind.industry_committee,
        JurisdictionKind.park,
    }
)
EDITABLE = ("title", "priority", "responsible_person", "responsible_title")
EXTENSION_STATUS_LABELS = {"pending": "待审核", "approved": "已批准", "rejected": "不予批准", "lapsed": "已失效"}
REVIEW_LABELS = {"closed": "审核通过", "returned": "退回重新整改"}


def _short(title: str, limit: int = 60) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


# -- scope and sides -------------------------------------------------------------------------------------------


def visible(stmt: Select[Any], actor: Actor) -> Select[Any]:
    """Issued tickets are visible to both sides, drafts only to the issuing side; none to a portal."""
    if actor.role not in SUPERVISION_READERS:
        return stmt.where(false())
    if actor.jurisdiction_path == "/":
        return stmt
    ids = scope_ids(actor)
    return stmt.where(
        or_(
            SupervisionTicket.issuing_body_id.in_(ids),
            and_(SupervisionTicket.jurisdiction_id.in_(ids), SupervisionTicket.state != TicketState.DRAFT.value),
        )
    )


def _path(body_id: int) -> str:
    return config_cache.place(body_id).path


def is_issuing_side(actor: Actor, t: SupervisionTicket, issuing_path: str | None = None) -> bool:
    return actor.role in TICKET_ISSUERS and actor.in_scope(issuing_path or _path(t.issuing_body_id))


def require_issuing_side(actor: Actor, t: SupervisionTicket) -> None:
    if not is_issuing_side(actor, t):
        raise Forbidden("只有督办单位的督查人员可以执行此操作")


def is_handling_side(actor: Actor, t: SupervisionTicket) -> bool:
    return actor.role in TICKET_HANDLERS and actor.jurisdiction_id == t.jurisdiction_id


def _require_handler(actor: Actor, t: SupervisionTicket) -> None:
    if not is_handling_side(actor, t):
        raise Forbidden("只有承办单位的承办人员可以执行此操作")


# The ticket endpoints by the API's action names: the machine event each fires (None: no transition) and the
# side allowed to call it. The endpoints check roles.TICKET_ISSUERS / TICKET_HANDLERS, the commands the side.
ACTIONS: dict[str, tuple[str | None, str]] = {
    "update": (None, "issuing"),
    "issue": ("issue", "issuing"),
    "acknowledge": ("acknowledge", "handling"),
    "start": ("start_rectification", "handling"),
    "report": ("submit_report", "handling"),
    "close": ("close", "issuing"),
    "return": ("return_for_rework", "issuing"),
    "cancel": ("cancel", "issuing"),
    "request_extension": (None, "handling"),
    "decide_extension": (None, "issuing"),
}


def _state_allows(action: str, event: str | None, t: SupervisionTicket, pending: bool) -> bool:
    """The state checks of the commands (update_draft, request_extension, decide_extension, the machine)."""
    if event is not None:
        return SUPERVISION_TICKET.can_fire(t.state, event)
    if action == "update":
        return t.state == TicketState.DRAFT
    if action == "request_extension":
        return t.state in EXTENSION_STATES and t.rectify_by is not None and not pending
    return pending and not SUPERVISION_TICKET.is_terminal(t.state) and t.rectify_by is not None


def allowed_actions(
    actor: Actor, rows: list[SupervisionTicket], pending: set[int] | None = None
) -> dict[int, list[str]]:
    """What the actor may do now on each ticket (one query per page, none when `pending` — the tickets with a
    pending extension request — is given)."""
    if pending is None:
        pending = pending_extensions([t.id for t in rows])
    out: dict[int, list[str]] = {}
    for t in rows:
        sides = {"issuing": is_issuing_side(actor, t), "handling": is_handling_side(actor, t)}
        out[t.id] = [
            action
            for action, (event, side) in ACTIONS.items()
            if sides[side] and _state_allows(action, event, t, t.id in pending)
        ]
    return out


def _target(actor: Actor, issuing_body: Jurisdiction, body_id: int) -> Jurisdiction:
    """The handling body: visible to the actor and strictly inside the issuing body's subtree."""
    body = jurisdictions.get(actor, body_id)  # 404 outside the actor's scope
    if body.id == issuing_body.id or not body.path.startswith(issuing_body.path):
        raise RuleViolation("target_not_below_issuer", "督办单只能下发给本单位的下级单位", "jurisdiction_id")
    if body.kind not in TARGET_KINDS:
        raise RuleViolation(
            "invalid_target_kind", "督办对象须为县（区）、乡镇（街道）、行业党委或园区", "jurisdiction_id"
        )
    if not body.active:
        raise RuleViolation("target_inactive", f"「{body.name}」已停用", "jurisdiction_id")
    return body


# -- reading ---------------------------------------------------------------------------------------------------


def get(actor: Actor, ticket_id: int, *, for_update: bool = False) -> SupervisionTicket:
    return get_scoped(SupervisionTicket, ticket_id, actor, for_update=for_update, scope=visible)


def _locked(actor: Actor, ticket_id: int) -> SupervisionTicket:
    return get(actor, ticket_id, for_update=True)


TICKETS = Subject(SupervisionTicket, SUPERVISION_TICKET, loader=_locked)


# -- batched reads for presenting a page -----------------------------------------------------------------------


def problems_of(ids: list[int]) -> dict[int, list[TicketProblem]]:
    out: dict[int, list[TicketProblem]] = {i: [] for i in ids}
    if ids:
        rows = db.session.execute(
            select(TicketProblem)
            .where(TicketProblem.ticket_id.in_(ids))
            .order_by(TicketProblem.ticket_id, TicketProblem.position)
        ).scalars()
        for p in rows:
            out[p.ticket_id].append(p)
    return out


def reports_of(ticket_id: int) -> list[TicketReport]:
    return list(
        db.session.execute(
            select(TicketReport).where(TicketReport.ticket_id == ticket_id).order_by(TicketReport.id)
        ).scalars()
    )


def extensions_of(ticket_id: int) -> list[TicketExtension]:
    return list(
        db.session.execute(
            select(TicketExtension).where(TicketExtension.ticket_id == ticket_id).order_by(TicketExtension.id)
        ).scalars()
    )


def pending_extensions(ids: list[int]) -> set[int]:
    if not ids:
        return set()
    return set(
        db.session.execute(
            select(TicketExtension.ticket_id).where(
                TicketExtension.ticket_id.in_(ids), TicketExtension.status == "pending"
            )
        ).scalars()
    )


def by_ids(ids: list[int]) -> list[SupervisionTicket]:
    """Tickets by id, unscoped: for briefs next to something the caller already may see (an interview)."""
    if not ids:
        return []
    return list(db.session.execute(select(SupervisionTicket).where(SupervisionTicket.id.in_(ids))).scalars())


def body_refs(ids: set[int]) -> dict[int, dict[str, Any]]:
    """Name, code and kind of these bodies, from the cached tree."""
    tree = config_cache.places()
    return {i: {"id": i, "name": tree[i].name, "code": tree[i].code, "kind": tree[i].kind} for i in ids if i in tree}


# -- helpers for commands --------------------------------------------------------------------------------------


def _set_problems(t: SupervisionTicket, problems: list[rules.ProblemInput]) -> None:
    for old in db.session.execute(select(TicketProblem).where(TicketProblem.ticket_id == t.id)).scalars():
        db.session.delete(old)
    db.session.flush()
    for i, p in enumerate(problems, start=1):
        db.session.add(TicketProblem(ticket_id=t.id, position=i, description=p.description, measure=p.measure))
    db.session.flush()


def _problems_snapshot(problems: list[rules.ProblemInput]) -> list[dict[str, str]]:
    return [{"description": p.description, "measure": p.measure} for p in problems]


def _check(t: SupervisionTicket, problems: list[rules.ProblemInput], issued_on: date) -> rules.TicketDeadlines:
    return rules.check_ticket(
        t.title,
        problems,
        rectification_deadline=t.requested_deadline,
        rectification_workdays=t.rectification_workdays,
        issued_on=issued_on,
        calendar=calendar(),
        priority=t.priority,
        settings=rule_settings(),
    )


def _handlers(t: SupervisionTicket) -> list[int]:
    return notifications.users_of(t.jurisdiction_id, Role.handler)


def _supervisors(t: SupervisionTicket) -> list[int | None]:
    return [*notifications.users_of(t.issuing_body_id, Role.supervisor), t.issuer_id]


def _settle(
    cmd: Command[SupervisionTicket], kinds: tuple[str, ...] | None = None, *, escalations: bool = False
) -> None:
    """What the ticket's notifications of `kinds` asked for is done (all of them when None): after the
    ticket's own closing, so its row is still written by one UPDATE."""
    cmd.settle()
    notifications.settle(WORKFLOW, cmd.row.id, kinds, escalations=escalations)


def _lapse_pending(t: SupervisionTicket) -> None:
    """A ticket that is closed or cancelled leaves no extension request pending."""
    for ext in db.session.execute(
        select(TicketExtension).where(TicketExtension.ticket_id == t.id, TicketExtension.status == "pending")
    ).scalars():
        ext.status, ext.decided_at = "lapsed", now()


def _latest_report(t: SupervisionTicket) -> TicketReport | None:
    return db.session.execute(
        select(TicketReport).where(TicketReport.ticket_id == t.id).order_by(TicketReport.id.desc()).limit(1)
    ).scalar_one_or_none()


def _payload(t: SupervisionTicket) -> dict[str, Any]:
    return {
        "id": t.id,
        "title": t.title,
        "state": t.state,
        "priority": t.priority,
        "jurisdiction_id": t.jurisdiction_id,
        "issuing_body_id": t.issuing_body_id,
        "issued_on": t.issued_on.isoformat() if t.issued_on else None,
        "acknowledge_by": t.acknowledge_by.isoformat() if t.acknowledge_by else None,
        "rectify_by": t.rectify_by.isoformat() if t.rectify_by else None,
    }


# -- commands of the issuing side ------------------------------------------------------------------------------


def create(actor: Actor, data: NewTicket) -> SupervisionTicket:
    """A draft ticket from the actor's body to a body below it; validated as it would be issued today."""
    with transaction():
        if actor.jurisdiction_id is None:
            raise Forbidden("须以督办单位人员身份起草督办单")
        issuing_body = jurisdictions.get(actor, actor.jurisdiction_id)
        target = _target(actor, issuing_body, data.jurisdiction_id)
        problems = list(data.problems)
        t = SupervisionTicket(
            state=SUPERVISION_TICKET.initial,
            title=data.title,
            priority=data.priority or rules.Priority.NORMAL.value,
            jurisdiction_id=target.id,
            issuing_body_id=issuing_body.id,
            issuer_id=actor.user_id,
            responsible_person=data.responsible_person,
            responsible_title=data.responsible_title,
            rectification_workdays=data.rectification_workdays,
            requested_deadline=data.rectification_deadline,
        )
        _check(t, problems, today())
        db.session.add(t)
        db.session.flush()
        _set_problems(t, problems)
        escalation.replan(WORKFLOW, t)
        db.session.flush()
        audit.record(
            actor,
            f"{WORKFLOW}.create",
            WORKFLOW,
            t.id,
            t.jurisdiction_id,
            None,
            {**snapshot(t), "problems": _problems_snapshot(problems)},
        )
    return t


def update_draft(
    actor: Actor, ticket_id: int, changes: TicketChanges, precondition: Precondition | None = None
) -> SupervisionTicket:
    with TICKETS.command(actor, ticket_id, None, precondition, side=require_issuing_side) as cmd:
        t = cmd.row
        if t.state != TicketState.DRAFT:
            raise Conflict("ticket_not_editable", f"「{SUPERVISION_TICKET.state_label(t.state)}」的督办单不能修改")
        for key in EDITABLE:
            if key in changes:
                setattr(t, key, changes[key])
        if "jurisdiction_id" in changes:
            issuing_body = db.session.get(Jurisdiction, t.issuing_body_id)
            assert issuing_body is not None
            t.jurisdiction_id = _target(actor, issuing_body, changes["jurisdiction_id"]).id
        # One way of stating the deadline replaces the other unless both are sent (then the rule refuses).
        if "rectification_deadline" in changes:
            t.requested_deadline = changes["rectification_deadline"]
            if changes["rectification_deadline"] is not None and "rectification_workdays" not in changes:
                t.rectification_workdays = None
        if "rectification_workdays" in changes:
            t.rectification_workdays = changes["rectification_workdays"]
            if changes["rectification_workdays"] is not None and "rectification_deadline" not in changes:
                t.requested_deadline = None
        old_problems = problems_of([t.id])[t.id]
        problems = (
            list(changes["problems"])
            if "problems" in changes
            else [rules.ProblemInput(p.description, p.measure) for p in old_problems]
        )
        _check(t, problems, today())
        if "problems" in changes:
            _set_problems(t, problems)
        cmd.record("update")
        if "problems" in changes:
            cmd.detail_before["problems"] = [{"description": p.description, "measure": p.measure} for p in old_problems]
            cmd.detail["problems"] = _problems_snapshot(problems)
    return cmd.row


def issue(actor: Actor, ticket_id: int, precondition: Precondition | None = None) -> SupervisionTicket:
    """Issue today: the deadlines are computed on the working-day calendar and stored with their basis."""
    with TICKETS.command(actor, ticket_id, "issue", precondition, side=require_issuing_side) as cmd:
        t = cmd.row
        problems = [rules.ProblemInput(p.description, p.measure) for p in problems_of([t.id])[t.id]]
        issued_on = today()
        deadlines = _check(t, problems, issued_on)
        t.issued_on = issued_on
        t.acknowledge_by, t.acknowledge_basis = deadlines.acknowledge_by.date, deadlines.acknowledge_by.basis
        t.rectify_by, t.rectify_basis = deadlines.rectify_by.date, deadlines.rectify_by.basis
        t.original_rectify_by = deadlines.rectify_by.date
        cmd.fire("issue")
        db.session.flush()
        # The 督办单 takes its number now, in issue order (not at its first download).
        documents.issue_for(actor, DocumentKind.supervision_ticket, t)
        notifications.notify(
            _handlers(t),
            "ticket.issued",
            f"督办单「{_short(t.title)}」已下发，请于{t.acknowledge_by.isoformat()}前签收",
            f"整改期限：{t.rectify_by.isoformat()}",
            WORKFLOW,
            t.id,
            subject=t.title,
        )
        webhooks.publish(f"{WORKFLOW}.issued", _payload(t), t.jurisdiction.path)
    return cmd.row


def close(
    actor: Actor, ticket_id: int, comment: str | None = None, precondition: Precondition | None = None
) -> SupervisionTicket:
    """Review passed (办结/销号): on time when the report came in by the deadline in force."""
    with TICKETS.command(actor, ticket_id, "close", precondition, side=require_issuing_side) as cmd:
        t = cmd.row
        report = _latest_report(t)
        _lapse_pending(t)
        assert t.last_report_on is not None and t.rectify_by is not None  # a submitted ticket has both
        t.closed_at = now()
        t.closed_on_time = rules.is_on_time(t.last_report_on, t.rectify_by)
        if report is not None:
            report.review_outcome, report.review_comment = "closed", comment
        cmd.fire("close", comment)
        notifications.notify(
            _handlers(t),
            "ticket.closed",
            f"督办单「{_short(t.title)}」已审核办结",
            comment,
            WORKFLOW,
            t.id,
            subject=t.title,
        )
        webhooks.publish(f"{WORKFLOW}.closed", {**_payload(t), "closed_on_time": t.closed_on_time}, t.jurisdiction.path)
        _settle(cmd)  # nothing about the ticket is left to do
    return cmd.row


def return_for_rework(
    actor: Actor, ticket_id: int, reason: str, precondition: Precondition | None = None
) -> SupervisionTicket:
    """Back to rectifying with the reviewer's opinion; the deadline in force does not change."""
    with TICKETS.command(actor, ticket_id, "return_for_rework", precondition, side=require_issuing_side) as cmd:
        t = cmd.row
        report = _latest_report(t)
        t.return_reason = reason
        if report is not None:
            report.review_outcome, report.review_comment = "returned", reason
        cmd.fire("return_for_rework", reason, reason=reason)
        notifications.notify(
            _handlers(t),
            "ticket.returned",
            f"督办单「{_short(t.title)}」被退回重新整改",
            reason,
            WORKFLOW,
            t.id,
            subject=t.title,
        )
        _settle(cmd, ("ticket.reported",))  # the report is reviewed
    return cmd.row


def cancel(actor: Actor, ticket_id: int, reason: str, precondition: Precondition | None = None) -> SupervisionTicket:
    with TICKETS.command(actor, ticket_id, "cancel", precondition, side=require_issuing_side) as cmd:
        t = cmd.row
        _lapse_pending(t)
        was_issued = t.state != TicketState.DRAFT
        t.cancel_reason = reason
        cmd.fire("cancel", reason, reason=reason)
        if was_issued:
            notifications.notify(
                _handlers(t),
                "ticket.cancelled",
                f"督办单「{_short(t.title)}」已撤销",
                reason,
                WORKFLOW,
                t.id,
                subject=t.title,
            )
            _settle(cmd)  # nothing about the ticket is left to do
    return cmd.row


def decide_extension(
    actor: Actor, ticket_id: int, extension_id: int, data: DecideExtension, precondition: Precondition | None = None
) -> SupervisionTicket:
    """Approve (the deadline in force moves, the original stays on record) or refuse a pending request."""
    with TICKETS.command(actor, ticket_id, None, precondition, side=require_issuing_side) as cmd:
        t = cmd.row
        ext = db.session.execute(
            select(TicketExtension)
            .where(TicketExtension.id == extension_id, TicketExtension.ticket_id == t.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).scalar_one_or_none()
        if ext is None:
            raise NotFound("延期申请不存在")
        if ext.status != "pending":
            label = EXTENSION_STATUS_LABELS.get(ext.status, ext.status)
            raise Conflict("extension_not_pending", f"该延期申请「{label}」，不能再审核")
        if SUPERVISION_TICKET.is_terminal(t.state) or t.rectify_by is None:
            raise Conflict("ticket_not_open", f"「{SUPERVISION_TICKET.state_label(t.state)}」的督办单不能审核延期")
        decision = rules.decide_extension(
            data.approve,
            t.rectify_by,
            ext.requested_deadline,
            approved_deadline=data.approved_deadline,
            comment=data.comment,
            today=today(),
            state=t.state,
        )
        ext.status = "approved" if decision.approved else "rejected"
        ext.decided_by, ext.decided_at, ext.comment = actor.user_id, now(), decision.comment
        ext.approved_deadline = decision.effective_deadline if decision.approved else None
        if decision.approved:
            if t.post_interview_deadline == t.rectify_by:
                # Extending the deadline set at an interview extends the commitment: accountability follows it.
                t.post_interview_deadline = decision.effective_deadline
            t.rectify_by, t.rectify_basis = decision.effective_deadline, "official"
        cmd.record("extension_approved" if decision.approved else "extension_rejected", decision.comment)
        cmd.detail_before["extension"] = {"id": ext.id, "status": "pending"}
        cmd.detail["extension"] = {"id": ext.id, "status": ext.status, "approved_deadline": _iso(ext.approved_deadline)}
        verdict = f"同意延期至{decision.effective_deadline.isoformat()}" if decision.approved else "不同意延期"
        notifications.notify(
            [ext.requested_by, *_handlers(t)],
            "ticket.extension_decided",
            f"督办单「{_short(t.title)}」的延期申请：{verdict}",
            decision.comment,
            WORKFLOW,
            t.id,
            subject=t.title,
        )
        _settle(cmd, ("ticket.extension_requested",))  # the request is decided
    return cmd.row


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


# -- commands of the handling body -----------------------------------------------------------------------------


def acknowledge(actor: Actor, ticket_id: int, precondition: Precondition | None = None) -> SupervisionTicket:
    with TICKETS.command(actor, ticket_id, "acknowledge", precondition, side=_require_handler) as cmd:
        t = cmd.row
        t.acknowledged_at, t.acknowledged_by = now(), actor.user_id
        cmd.fire("acknowledge")
        _settle(cmd, ("ticket.issued",))  # signed for: the handlers' "please acknowledge" notices are done
    return cmd.row


def start_rectification(actor: Actor, ticket_id: int, precondition: Precondition | None = None) -> SupervisionTicket:
    with TICKETS.command(actor, ticket_id, "start_rectification", precondition, side=_require_handler) as cmd:
        cmd.fire("start_rectification")
    return cmd.row


def submit_report(
    actor: Actor, ticket_id: int, data: RectificationReport, precondition: Precondition | None = None
) -> SupervisionTicket:
    """Every problem reported once, with the measures taken and its evidence; the ticket goes to review."""
    with TICKETS.command(actor, ticket_id, "submit_report", precondition, side=_require_handler) as cmd:
        t = cmd.row
        rows: dict[Hashable, TicketProblem] = {p.id: p for p in problems_of([t.id])[t.id]}
        reported = [rules.ProblemReport(p.problem_id, p.measures_taken, p.evidence) for p in data.problems_reported]
        # The guard re-runs check_report: every problem once, each id of this ticket, measures and evidence.
        cmd.fire(
            "submit_report",
            data.summary,
            problems_reported=reported,
            problem_ids=list(rows),
            settings=rule_settings(),
        )
        for r in reported:
            rows[r.problem_id].measures_taken, rows[r.problem_id].evidence = r.measures_taken, list(r.evidence)
        items = [
            {"problem_id": r.problem_id, "measures_taken": r.measures_taken, "evidence": list(r.evidence)}
            for r in reported
        ]
        summary = data.summary
        db.session.add(
            TicketReport(ticket_id=t.id, submitted_by=actor.user_id, submitted_at=now(), summary=summary, items=items)
        )
        t.last_report_on = today()
        notifications.notify(
            _supervisors(t),
            "ticket.reported",
            f"督办单「{_short(t.title)}」已报送整改情况，请审核",
            data.summary,
            WORKFLOW,
            t.id,
            subject=t.title,
        )
        # Rectification reported: the notices asking for it (returned, new deadline, overdue) are done.
        _settle(cmd, ("ticket.returned", "ticket.deadline_moved"), escalations=True)
    return cmd.row


def request_extension(
    actor: Actor, ticket_id: int, data: ExtensionRequest, precondition: Precondition | None = None
) -> SupervisionTicket:
    """An extension request, in time (up to and including the deadline day) and one at a time."""
    with TICKETS.command(actor, ticket_id, None, precondition, side=_require_handler) as cmd:
        t = cmd.row
        if t.state not in EXTENSION_STATES or t.rectify_by is None:
            raise Conflict(
                "extension_not_allowed_in_state",
                f"督办单「{SUPERVISION_TICKET.state_label(t.state)}」时不能申请延期",
                "state",
            )
        pending = db.session.execute(
            select(exists().where(TicketExtension.ticket_id == t.id, TicketExtension.status == "pending"))
        ).scalar_one()
        rules.check_extension_request(
            today(),
            t.rectify_by,
            data.new_deadline,
            data.reason,
            calendar(),
            pending=bool(pending),
            state=t.state,
            settings=rule_settings(),
        )
        ext = TicketExtension(
            ticket_id=t.id,
            status="pending",
            requested_by=actor.user_id,
            requested_on=today(),
            current_deadline=t.rectify_by,
            requested_deadline=data.new_deadline,
            reason=data.reason,
        )
        db.session.add(ext)
        db.session.flush()  # the partial unique index refuses a second pending request (409 extension_pending)
        audit.record(
            actor,
            f"{WORKFLOW}.extension_request",
            WORKFLOW,
            t.id,
            t.jurisdiction_id,
            None,
            {
                "extension": {
                    "id": ext.id,
                    "status": ext.status,
                    "current_deadline": t.rectify_by.isoformat(),
                    "requested_deadline": ext.requested_deadline.isoformat(),
                }
            },
            ext.reason,
        )
        notifications.notify(
            _supervisors(t),
            "ticket.extension_requested",
            f"督办单「{_short(t.title)}」申请延期至{ext.requested_deadline.isoformat()}，请审核",
            ext.reason,
            WORKFLOW,
            t.id,
            subject=t.title,
        )
    return cmd.row


# -- called by interviews (inside their transaction) -----------------------------------------------------------


def set_interview_deadline(actor: Actor, ticket_id: int, new_deadline: date, interview_id: int) -> bool:
    """The deadline agreed at an interview becomes the deadline in force AND the post-interview deadline (the
    original stays in original_rectify_by); missing it calls for accountability. A closed or cancelled ticket
    is left alone. Returns whether the ticket changed."""
    t = db.session.execute(
        select(SupervisionTicket)
        .where(SupervisionTicket.id == ticket_id)
        .with_for_update(of=SupervisionTicket, key_share=True)
        .execution_options(populate_existing=True)
    ).scalar_one()
    if SUPERVISION_TICKET.is_terminal(t.state) or t.state == TicketState.DRAFT:
        return False
    with TICKETS.applying(actor, t) as cmd:
        t.rectify_by = t.post_interview_deadline = new_deadline
        t.rectify_basis = "official"
        cmd.record("interview_deadline", f"约谈（#{interview_id}）确定新的整改期限")
    if t.state in ESCALATING_STATES:
        notifications.notify(
            _handlers(t),
            "ticket.deadline_moved",
            f"督办单「{_short(t.title)}」约谈后的整改期限：{new_deadline.isoformat()}",
            "逾期未完成整改将启动问责",
            WORKFLOW,
            t.id,
            subject=t.title,
        )
    return True


# -- escalation and interviews: what this workflow registers ----------------------------------------------------


def _escalation_deadline(t: SupervisionTicket, _cal: WorkdayCalendar) -> date | None:
    return t.rectify_by if t.state in ESCALATING_STATES else None


def _notify(t: SupervisionTicket, level: str, today: date, title: str | None = None, *, handlers: bool = True) -> None:
    """Effect "notify": the handling body's handlers, and the issuing side from 预警 on; a webhook."""
    label = deadlines.LEVEL_LABELS.get(level, level)
    title = title or f"{label}：督办单「{t.title}」整改期限{t.rectify_by.isoformat() if t.rectify_by else ''}已过"
    recipients: list[int | None] = list(notifications.users_of(t.jurisdiction_id, Role.handler)) if handlers else []
    if level != "reminder":
        recipients += [*notifications.users_of(t.issuing_body_id, Role.supervisor), t.issuer_id]
    notifications.notify(recipients, f"escalation.{level}", title, None, "supervision_ticket", t.id, subject=t.title)
    webhooks.publish_at(
        f"escalation.{level}",
        {
            "item_type": "supervision_ticket",
            "item_id": t.id,
            "level": level,
            "title": t.title,
            "deadline": str(t.rectify_by),
        },
        t.jurisdiction_id,
    )


def _propose_interview(t: SupervisionTicket, level: str, today: date) -> None:
    """Effect "propose_interview": an interview (约谈) with the unit's responsible person, then "notify"."""
    interviews.create_from_escalation(
        system_actor("escalation"),
        subject_type="supervision_ticket",
        subject_id=t.id,
        ticket_id=t.id,
        jurisdiction_id=t.jurisdiction_id,
        responsible_person=t.responsible_person,
        interviewer_body_id=t.issuing_body_id,
        reason=f"督办单「{t.title}」逾期未整改，经催办、预警仍未落实",
    )
    _notify(t, level, today)


def _hold_accountable(t: SupervisionTicket, level: str, today: date) -> None:
    """Effect "hold_accountable" (the missed post-interview deadline): 问责 is recorded, the issuing side told."""
    t.accountability_at = now()
    title = f"问责：督办单「{t.title}」约谈后仍未在{t.post_interview_deadline}前完成整改"
    _notify(t, level, today, title, handlers=False)


def _interview_subject(actor: Actor, ticket_id: int) -> tuple[Jurisdiction, int | None, str | None]:
    ticket = get(actor, ticket_id)
    require_issuing_side(actor, ticket)
    if ticket.state not in ESCALATING_STATES and ticket.state != TicketState.SUBMITTED:
        label = SUPERVISION_TICKET.state_label(ticket.state)
        raise Conflict("ticket_not_open", f"「{label}」的督办单不能安排约谈", "ticket_id")
    return ticket.jurisdiction, ticket.id, ticket.responsible_person


def _interview_held(actor: Actor, interview: Interview) -> None:
    if interview.ticket_id is not None and interview.new_deadline is not None:
        set_interview_deadline(actor, interview.ticket_id, interview.new_deadline, interview.id)


def copy_descriptions(ticket_ids: list[int]) -> dict[int, tuple[str, str]]:
    """Tickets as the 待阅 list shows them now: the title and the state (one query)."""
    if not ticket_ids:
        return {}
    rows = db.session.execute(
        select(SupervisionTicket.id, SupervisionTicket.title, SupervisionTicket.state).where(
            SupervisionTicket.id.in_(ticket_ids)
        )
    ).all()
    return {r.id: (r.title, SUPERVISION_TICKET.state_label(r.state)) for r in rows}


def register() -> None:
    """Supervision tickets escalate (reminder → warning → red notice → interview → accountability) and can
    be the subject of an interview, and can be copied (抄送). Called once by service.operations.registry."""
    escalation.register(
        escalation.ItemType(
            "supervision_ticket",
            SupervisionTicket,
            lambda t: ("supervision_ticket", t.id),
            _escalation_deadline,
            lambda t: rules.escalation_start_level(t.priority),
            lambda t: t.jurisdiction_id,
            {"notify": _notify, "propose_interview": _propose_interview, "hold_accountable": _hold_accountable},
            final_deadline=lambda t, deadline: t.post_interview_deadline == deadline,
        )
    )
    interviews.register_subject("supervision_ticket", interviews.Subject(_interview_subject, _interview_held))
    documents.register_subject(DocumentKind.supervision_ticket, get)  # its 督办单
    copies.register_subject(
        copies.CopySubject(
            "supervision_ticket",
            "督办单",
            get,
            TICKET_COPIERS,
            SUPERVISION_READERS,
            copy_descriptions,
            lambda t: t.jurisdiction_id,
            page=("console.ticket", "ticket_id"),
            api_path="/api/v1/supervision-tickets/{id}",
        )
    )
    attachments.register_subject(
        attachments.Subject(
            WORKFLOW, get, ATTACHMENT_KINDS, TICKET_ATTACHMENT_WRITERS, SUPERVISION_READERS, _require_handler
        )
    )
