"""Supervision tickets, the read side: warning lights (in Python for a page, as SQL for filters), the board's
list and per-body counts, and the handling body's inbox. The commands live in service.operations.supervision."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, null, or_, select
from sqlalchemy.orm import aliased

from service.auth import Actor
from service.calendar import calendar
from service.clock import today
from service.extensions import db
from service.models import Jurisdiction, SupervisionTicket, TicketProblem
from service.operations.common import order_by_keys, streamed
from service.operations.engines import escalation
from service.operations.flows.supervision import tickets
from service.operations.reference import jurisdictions
from service.vocab import TICKET_SORT_KEYS as SORT_KEYS
from workflows import supervision as rules
from workflows.deadlines import warning_level
from workflows.supervision import SUPERVISION_TICKET, TicketState

WORKFLOW = SUPERVISION_TICKET.name  # the read side of this workflow (not an engine)

OPEN_STATES = (
    TicketState.ISSUED.value,
    TicketState.ACKNOWLEDGED.value,
    TicketState.RECTIFYING.value,
    TicketState.SUBMITTED.value,
)
WITH_UNIT = tuple(s.value for s in (TicketState.ISSUED, TicketState.ACKNOWLEDGED, TicketState.RECTIFYING))
# What the handling body owes in each state (the handler inbox).
PENDING_ACTIONS = {
    TicketState.ISSUED: ("acknowledge", "待签收"),
    TicketState.ACKNOWLEDGED: ("start_rectification", "待开始整改"),
    TicketState.RECTIFYING: ("submit_report", "待报送整改情况"),
}


def yellow_within_workdays() -> int:
    """The yellow light's window, from the same settings the escalation ladder runs on."""
    return escalation.settings().for_item(rules.TICKET_LADDER.item_type).yellow_within_workdays


def tracked_deadline_sql() -> ColumnElement[Any]:
    """`rules.tracked_deadline` in SQL: the acknowledgement deadline while issued, the rectification deadline
    while the unit rectifies, NULL (no light) otherwise."""
    return case(
        (SupervisionTicket.state == TicketState.ISSUED.value, SupervisionTicket.acknowledge_by),
        (
            SupervisionTicket.state.in_([TicketState.ACKNOWLEDGED.value, TicketState.RECTIFYING.value]),
            SupervisionTicket.rectify_by,
        ),
        else_=null(),
    )


def first_green_day(on: date | None = None) -> date:
    """The earliest deadline that is still green on `on`: more than N working days left means the deadline is
    on or after the (N+1)-th working day after `on` (today itself never counts, as in `warning_level`)."""
    on = on or today()
    return calendar().add_workdays(on, yellow_within_workdays() + 1).date


def light_condition(level: str, on: date, first_green: date) -> ColumnElement[bool]:
    """A warning light as a WHERE clause on the tracked deadline (NULL deadlines match no light)."""
    tracked = tracked_deadline_sql()
    if level == "red":
        return tracked < on
    if level == "yellow":
        return and_(tracked >= on, tracked < first_green)
    return tracked >= first_green


def warning_of(t: SupervisionTicket, on: date | None = None) -> tuple[date | None, str | None]:
    """The tracked deadline and light of one ticket (for presenting a page of rows)."""
    if t.issued_on is None or t.acknowledge_by is None or t.rectify_by is None:
        return None, None
    tracked = rules.tracked_deadline(t.state, t.acknowledge_by, t.rectify_by)
    if tracked is None:
        return None, None
    return tracked, warning_level(on or today(), tracked, calendar(), yellow_within_workdays())


def query(actor: Actor, f: dict[str, Any]) -> Select[SupervisionTicket]:
    """The board's list: tickets in scope, filtered by state, light, body subtree, priority, overdue."""
    stmt = _filtered(tickets.visible(select(SupervisionTicket), actor), actor, f)
    for key in ("state", "priority"):
        if f.get(key):
            stmt = stmt.where(getattr(SupervisionTicket, key) == f[key])
    on = today()
    if f.get("warning_level"):
        stmt = stmt.where(light_condition(f["warning_level"], on, first_green_day(on)))
    if f.get("overdue") is not None:
        tracked = tracked_deadline_sql()
        stmt = stmt.where(tracked < on if f["overdue"] else or_(tracked.is_(None), tracked >= on))
    if f.get("q"):
        stmt = stmt.where(SupervisionTicket.title.contains(f["q"], autoescape=True))
    return order_by_keys(stmt, SupervisionTicket, f.get("sort"), SORT_KEYS, "-created_at")


def ticket_rows(actor: Actor, filters: dict[str, Any]) -> Iterator[Mapping[str, Any]]:
    """The board's list (same scope, filters and order), every row streamed with its issuing body, its number
    of problems and the light it shows today (the .xlsx export). The statement is built before the first row
    is asked for, so a bad filter fails before streaming."""
    issuer = aliased(Jurisdiction)
    problems = (
        select(func.count())
        .where(TicketProblem.ticket_id == SupervisionTicket.id)
        .correlate(SupervisionTicket)
        .scalar_subquery()
    )
    stmt = (
        query(actor, filters)
        .join(issuer, issuer.id == SupervisionTicket.issuing_body_id)
        .add_columns(issuer.name.label("issuing_body_name"), problems.label("problems"))
    )
    on = today()
    return _ticket_stream(stmt, on, first_green_day(on))


def _ticket_stream(stmt: Select[Any], on: date, first_green: date) -> Iterator[Mapping[str, Any]]:
    for row in streamed(stmt):
        t: SupervisionTicket = row[0]
        issuing_body_name, problem_count = row[1], row[2]
        tracked = None
        if t.issued_on is not None and t.acknowledge_by is not None and t.rectify_by is not None:
            tracked = rules.tracked_deadline(t.state, t.acknowledge_by, t.rectify_by)
        # The same cut-offs as the SQL filter (light_condition), computed once per export.
        level = None if tracked is None else "red" if tracked < on else "yellow" if tracked < first_green else "green"
        data = {col.key: getattr(t, col.key) for col in SupervisionTicket.__table__.columns}
        data.update(
            jurisdiction_name=t.jurisdiction.name,
            issuing_body_name=issuing_body_name,
            problems=problem_count,
            tracked_deadline=tracked,
            warning_level=level,
        )
        yield data


def _filtered(stmt: Select[Any], actor: Actor, f: dict[str, Any]) -> Select[Any]:
    if f.get("jurisdiction_id") is not None:
        root = jurisdictions.get(actor, f["jurisdiction_id"])
        stmt = stmt.where(SupervisionTicket.jurisdiction_id.in_(jurisdictions.subtree_ids(root)))
    if f.get("issuing_body_id") is not None:
        stmt = stmt.where(SupervisionTicket.issuing_body_id == f["issuing_body_id"])
    if f.get("priority"):
        stmt = stmt.where(SupervisionTicket.priority == f["priority"])
    return stmt


def board(actor: Actor, f: dict[str, Any]) -> dict[str, Any]:
    """Per handling body: issued tickets (drafts and cancelled ones aside), closed, closed on time, open, the
    lights of the open ones, and the closure / on-time rates. One GROUP BY query, whatever the number of rows."""
    on = today()
    first_green = first_green_day(on)
    t = SupervisionTicket

    def count_if(cond: ColumnElement[bool]) -> Any:
        return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

    closed = t.state == TicketState.CLOSED.value
    grouped = _filtered(
        tickets.visible(
            select(
                t.jurisdiction_id.label("body_id"),
                func.count().label("total"),
                count_if(closed).label("closed"),
                count_if(and_(closed, t.closed_on_time.is_(True))).label("closed_on_time"),
                count_if(t.state.in_(OPEN_STATES)).label("open"),
                count_if(light_condition("red", on, first_green)).label("overdue"),
                count_if(light_condition("yellow", on, first_green)).label("yellow"),
                count_if(light_condition("green", on, first_green)).label("green"),
            ).where(t.state.not_in([TicketState.DRAFT.value, TicketState.CANCELLED.value])),
            actor,
        ),
        actor,
        f,
    ).group_by(t.jurisdiction_id)
    sub = grouped.subquery()
    rows = db.session.execute(
        select(sub, Jurisdiction.name, Jurisdiction.code, Jurisdiction.kind)
        .join(Jurisdiction, Jurisdiction.id == sub.c.body_id)
        .order_by(Jurisdiction.path)
    ).all()
    keys = ("total", "closed", "closed_on_time", "open", "overdue", "yellow", "green")
    bodies = [
        {"body": {"id": r.body_id, "name": r.name, "code": r.code, "kind": r.kind}, **_counts(r, keys)} for r in rows
    ]
    totals = {k: sum(b[k] for b in bodies) for k in keys}
    return {"as_of": on, "bodies": bodies, "totals": _rates(totals)}


def _counts(row: Any, keys: tuple[str, ...]) -> dict[str, Any]:
    return _rates({k: int(getattr(row, k)) for k in keys})


def _rates(counts: dict[str, int]) -> dict[str, Any]:
    closure = rules.closure_rate(counts["closed"], counts["total"])
    on_time = rules.on_time_rate(counts["closed_on_time"], counts["closed"])
    return {
        **counts,
        "closure_rate": float(closure) if closure is not None else None,
        "on_time_rate": float(on_time) if on_time is not None else None,
    }


def inbox_query(actor: Actor) -> Select[SupervisionTicket]:
    """Tickets of my own body waiting for the handling body: to acknowledge, to start, to report (a returned
    ticket is rectifying again), the nearest deadline first."""
    return (
        select(SupervisionTicket)
        .where(SupervisionTicket.jurisdiction_id == actor.jurisdiction_id, SupervisionTicket.state.in_(WITH_UNIT))
        .order_by(tracked_deadline_sql().asc(), SupervisionTicket.id.asc())
    )


def pending_action(t: SupervisionTicket) -> tuple[str | None, str | None]:
    action = PENDING_ACTIONS.get(TicketState(t.state))
    if action is None:
        return None, None
    if t.state == TicketState.RECTIFYING and t.return_reason:
        return action[0], "已退回，待重新报送整改情况"
    return action
