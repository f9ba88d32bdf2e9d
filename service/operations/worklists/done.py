"""已办: what I decided or handled, from the audit trail (each decision and each handling step is audited in
the transaction that made it), searchable by unit, workflow and date. Indexed by actor and time
(ix_audit_events_actor), so the cost follows one person's actions, not the city's trail."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, exists, func, literal, null, or_, select

from service.auth import Actor
from service.clock import CHINA
from service.extensions import db
from service.models import AuditEvent, EstablishmentCase, EstablishmentCaseUnit, SupervisionTicket, Unit
from workflows.registry import APPROVAL_WORKFLOWS, WORKFLOWS

# The actions that complete something a person had to do, by the audit's action names.
DONE_ACTIONS: dict[str, str] = {
    "task.approve": "同意",
    "task.reject": "不同意",
    "task.return": "退回修改",
    "task.delegate": "转办",
    "task.opinion": "回复委派意见",
    "establishment.submit": "提交审批",
    "establishment.withdraw": "撤回申请",
    "establishment.cancel": "取消申请",
    "establishment.found": "登记成立",
    "supervision_ticket.issue": "下发督办单",
    "supervision_ticket.acknowledge": "签收",
    "supervision_ticket.start_rectification": "开始整改",
    "supervision_ticket.submit_report": "报送整改情况",
    "supervision_ticket.extension_request": "申请延期",
    "supervision_ticket.close": "办结销号",
    "supervision_ticket.return_for_rework": "退回重新整改",
    "supervision_ticket.extension_approved": "批准延期",
    "supervision_ticket.extension_rejected": "不予延期",
}
# The workflows whose steps land here, by their declarations' labels: the tickets and every approval workflow
# (its tasks' decisions), establishment first.
WORKFLOW_LABELS = {
    name: WORKFLOWS[name].label_zh
    for name in ("establishment", "supervision_ticket", *sorted(set(APPROVAL_WORKFLOWS) - {"establishment"}))
}


def _day_start(d: date) -> datetime:
    return datetime.combine(d, time.min, tzinfo=CHINA)


def query(
    actor: Actor,
    workflow: str | None = None,
    unit: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> Select[Any]:
    """Rows (id, at, action, workflow, subject_id, comment, title), newest first. `unit` matches a unit's
    name or credit code in an establishment case; dates are Beijing civil dates, both ends included."""
    e = AuditEvent
    title = (
        select(EstablishmentCase.proposed_name)
        .where(e.subject_type == literal("establishment"), EstablishmentCase.id == e.subject_id)
        .scalar_subquery()
    )
    ticket_title = (
        select(SupervisionTicket.title)
        .where(e.subject_type == literal("supervision_ticket"), SupervisionTicket.id == e.subject_id)
        .scalar_subquery()
    )
    stmt = select(
        e.id,
        e.occurred_at.label("at"),
        e.action,
        e.subject_type.label("workflow"),
        e.subject_id,
        e.comment,
        title.label("case_title"),
        ticket_title.label("ticket_title"),
    ).where(e.actor_id == (actor.user_id if actor.user_id is not None else null()), e.action.in_(list(DONE_ACTIONS)))
    if workflow:
        stmt = stmt.where(e.subject_type == workflow)
    if unit:
        # Correlated EXISTS, not `subject_id IN (cases of matching units)`: a common search term matches
        # thousands of units, and SQLite, once it has statistics, drove the query from that list through the
        # subject index (33 ms) instead of from the actor's own records (18 ms); EXISTS keeps the actor first.
        of_unit = exists().where(
            EstablishmentCaseUnit.case_id == e.subject_id,
            Unit.id == EstablishmentCaseUnit.unit_id,
            or_(Unit.name.contains(unit, autoescape=True), Unit.credit_code == unit.upper()),
        )
        stmt = stmt.where(e.subject_type == "establishment", of_unit)
    if date_from:
        stmt = stmt.where(e.occurred_at >= _day_start(date_from))
    if date_to:
        stmt = stmt.where(e.occurred_at < _day_start(date_to + timedelta(days=1)))
    return stmt.order_by(e.occurred_at.desc(), e.id.desc())


def present(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "at": row.at,
        "action": row.action,
        "action_label": DONE_ACTIONS.get(row.action, row.action),
        "workflow": row.workflow,
        "workflow_label": WORKFLOW_LABELS.get(row.workflow, row.workflow),
        "subject_id": row.subject_id,
        # A case or ticket by its title; a subject of another workflow by its number (its page says the rest).
        "title": row.case_title or row.ticket_title or f"第{row.subject_id}号",
        "comment": row.comment,
    }


def fetch(stmt: Select[Any], page: int, page_size: int) -> tuple[list[dict[str, Any]], int]:
    """One COUNT and one page of rows, presented."""
    total = db.session.execute(select(func.count()).select_from(stmt.order_by(None).subquery())).scalar_one()
    rows = db.session.execute(stmt.limit(page_size).offset((page - 1) * page_size)).all()
    return [present(r) for r in rows], int(total)
