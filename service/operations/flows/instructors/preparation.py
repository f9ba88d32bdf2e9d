"""Synchronisation 1 (登记 → 组建准备): the service side of workflows.instructors' PREPARATION_ITEM.

A unit written to the ledger in scope without an organisation (by hand or by import) opens a preparation item for
its body, in the write's transaction (the assignments module's ledger subscriber calls `on_ledger_change`). The
item closes itself once the unit has an instructor who has visited it, or the unit founds its organisation, or it
leaves scope; until then it climbs its ladder from the day the limit passes. Set-based: one query per batch."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, select, update

from service import bulk
from service.auth import Actor, in_scope
from service.calendar import calendar
from service.clock import now, today
from service.extensions import db
from service.models import Jurisdiction, Role, Unit
from service.models.base import snapshot_of
from service.models.escalation import PLAN_COLUMNS
from service.models.instructor import PreparationItem
from service.operations.common import get_scoped
from service.operations.engines import audit, escalation, notifications, webhooks
from service.operations.engines.command import Subject
from service.operations.reference.ledger_events import UnitChange
from workflows import deadlines
from workflows import instructors as rules
from workflows.instructors import PREPARATION_ITEM, PreparationState
from workflows.workdays import WorkdayCalendar

WORKFLOW = PREPARATION_ITEM.name
ITEMS = Subject(PreparationItem, PREPARATION_ITEM)
OPEN = PreparationState.OPEN


def limit() -> int:
    """Working days for an instructor and a first visit (ESCALATION_SETTINGS.preparation_item)."""
    return escalation.settings().for_item(WORKFLOW).parameter("preparation_limit_workdays")


# -- reading -------------------------------------------------------------------------------------------------------


def get(actor: Actor, item_id: int) -> PreparationItem:
    return get_scoped(PreparationItem, item_id, actor)


def query(actor: Actor, f: dict[str, Any]) -> Select[Any]:
    p = PreparationItem
    stmt = in_scope(select(p), p.jurisdiction_id, actor)
    if f.get("state"):
        stmt = stmt.where(p.state == f["state"])
    if f.get("unit_id") is not None:
        stmt = stmt.where(p.unit_id == f["unit_id"])
    if f.get("jurisdiction_id"):
        body = get_scoped(Jurisdiction, f["jurisdiction_id"], actor, "id")
        below = select(Jurisdiction.id).where(Jurisdiction.path.startswith(body.path, autoescape=True))
        stmt = stmt.where(p.jurisdiction_id.in_(below))
    return stmt.order_by(p.state.desc(), p.opened_on, p.id)


def unit_names(rows: Iterable[PreparationItem]) -> dict[int, str]:
    ids = {r.unit_id for r in rows}
    if not ids:
        return {}
    return {i: n for i, n in db.session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(ids)))}


def due_on(item: PreparationItem, cal: WorkdayCalendar | None = None) -> date:
    return rules.preparation_due_on(item.opened_on, limit(), cal or calendar())


# -- what the ledger and the assignments tell it -------------------------------------------------------------------


def _open_items(unit_ids: Iterable[int]) -> list[PreparationItem]:
    ids = sorted(set(unit_ids))
    if not ids:
        return []
    p = PreparationItem
    return list(
        db.session.execute(select(p).where(p.unit_id.in_(ids), p.state == OPEN).with_for_update(of=p)).scalars()
    )


def _opens(c: UnitChange) -> bool:
    """A unit entered (or come) in scope without an organisation: synchronisation 1 starts."""
    a = c.after
    if not a.get("in_scope") or a.get("party_org_id") is not None:
        return False
    return c.created or not (c.before or {}).get("in_scope")


def _closes(c: UnitChange) -> str | None:
    a = c.after
    if c.created:
        return None
    if a.get("party_org_id") is not None and c.moved("party_org_id"):
        return "founded"
    if not a.get("in_scope") and c.moved("in_scope"):
        return "left_scope"
    return None


def on_ledger_change(actor: Actor, changes: Sequence[UnitChange]) -> None:
    """Open items for units that entered scope without an organisation; close those whose unit founded one or
    left scope. One statement per batch for the closings and one for the openings."""
    closing = {c.unit_id: reason for c in changes if (reason := _closes(c)) is not None}
    if closing:
        _close_units(actor, closing)
    # Entered by a person (by hand or by import): the system's own loads (the demo city's ledger as it stood
    # before the service) open nothing (docs/decisions/0050-synchronisation-1-preparation-items.md).
    opening = [c for c in changes if _opens(c)] if actor.user_id is not None else []
    if opening and not all(c.created for c in opening):
        # A unit come back in scope may still have an open item (none is left open on leaving): skip those.
        have = {i.unit_id for i in _open_items(c.unit_id for c in opening)}
        opening = [c for c in opening if c.unit_id not in have]
    if opening:
        _open_units(actor, opening)


def _open_units(actor: Actor, opening: Sequence[UnitChange]) -> None:
    """The items of a batch's openings, without an ORM object each (an import opens thousands): rows planned
    before their INSERT and written by one statement (service/bulk.py), then their audit records and webhook
    events from the values written. A unit already assigned an instructor in the same write starts with it
    recorded. Items opened alike (same body, same day, instructor or not) share one plan, computed once by
    escalation.replan on a transient item: its plan depends on nothing else."""
    on, at, cal = today(), now(), calendar()
    plans: dict[tuple[int, date | None], dict[str, Any]] = {}
    rows: list[dict[str, Any]] = []
    for c in opening:
        body = c.after["jurisdiction_id"]
        assigned = on if c.after.get("instructor_id") is not None else None
        plan = plans.get((body, assigned))
        if plan is None:
            model = PreparationItem(
                state=PREPARATION_ITEM.initial, jurisdiction_id=body, opened_on=on, instructor_assigned_on=assigned
            )
            escalation.replan(WORKFLOW, model, cal)
            plan = plans[(body, assigned)] = {k: getattr(model, k) for k in PLAN_COLUMNS}
        rows.append(
            {
                "state": PREPARATION_ITEM.initial,
                "unit_id": c.unit_id,
                "jurisdiction_id": body,
                "opened_on": on,
                "instructor_assigned_on": assigned,
                "first_visit_on": None,
                "closed_on": None,
                "close_reason": None,
                **plan,
                "escalation_leased_until": None,
                "version": 1,
                "created_at": at,
                "updated_at": at,
            }
        )
    table = PreparationItem.__table__
    ids = {r.unit_id: r.id for r in bulk.insert_returning(table, rows, "id", "unit_id")}  # type: ignore[arg-type]
    for row in rows:
        row["id"] = ids[row["unit_id"]]
        audit.record(
            actor,
            f"{WORKFLOW}.open",
            WORKFLOW,
            row["id"],
            row["jurisdiction_id"],
            None,
            snapshot_of(PreparationItem, row),
        )
    webhooks.publish_many_at(
        f"{WORKFLOW}.opened", (({"id": r["id"], "unit_id": r["unit_id"]}, r["jurisdiction_id"]) for r in rows)
    )


def _close_units(actor: Actor, closing: dict[int, str]) -> None:
    """Close the open items of these units, one UPDATE … RETURNING per reason (a founding is one statement: the
    founding's budget, docs/architecture.md). `state = 'open'` in the WHERE is the machine's only transition
    (open → closed) as a guard; the plan is cleared with it, the version moves like any change of the row."""
    p = PreparationItem
    on = today()
    for reason in sorted(set(closing.values())):
        ids = sorted(u for u, r in closing.items() if r == reason)
        closed = db.session.execute(
            update(p)
            .where(p.unit_id.in_(ids), p.state == OPEN)
            .values(
                state=PreparationState.CLOSED,
                closed_on=on,
                close_reason=reason,
                next_escalation_at=None,
                next_escalation_level=None,
                version=p.version + 1,
                updated_at=now(),
            )
            .returning(p.id, p.unit_id, p.jurisdiction_id)
            .execution_options(synchronize_session=False)
        ).all()
        after = {"state": PreparationState.CLOSED.value, "closed_on": on.isoformat(), "close_reason": reason}
        for ident, unit_id, body in closed:
            audit.record(
                actor,
                f"{WORKFLOW}.close",
                WORKFLOW,
                ident,
                body,
                {"state": OPEN.value},
                after,
                rules.CLOSE_LABELS[reason],
            )
            webhooks.publish_at(f"{WORKFLOW}.closed", {"id": ident, "unit_id": unit_id, "reason": reason}, body)


def instructor_assigned(unit_ids: Sequence[int], on: date) -> None:
    for item in _open_items(unit_ids):
        if item.instructor_assigned_on is None:
            item.instructor_assigned_on = on
        _maybe_done(item)


def visited(unit_id: int, on: date) -> None:
    for item in _open_items([unit_id]):
        if item.first_visit_on is None or on < item.first_visit_on:
            item.first_visit_on = on
        _maybe_done(item)


def _maybe_done(item: PreparationItem) -> None:
    if rules.preparation_done(item.instructor_assigned_on is not None, item.first_visit_on):
        from service.auth import system_actor

        _close(system_actor("preparation"), item, "done")


def _close(actor: Actor, item: PreparationItem, reason: str) -> None:
    with ITEMS.applying(actor, item) as cmd:
        cmd.fire("close", rules.CLOSE_LABELS[reason])
        item.closed_on, item.close_reason = today(), reason
    webhooks.publish_at(
        f"{WORKFLOW}.closed", {"id": item.id, "unit_id": item.unit_id, "reason": reason}, item.jurisdiction_id
    )


# -- escalation: what this workflow registers ----------------------------------------------------------------------


def _escalation_deadline(item: PreparationItem, cal: WorkdayCalendar) -> date | None:
    return due_on(item, cal) if item.state == OPEN else None


def _notify(item: PreparationItem, level: str, _on: date) -> None:
    """Effect "notify": 催办 to the body's handlers; 预警 to its supervisors."""
    unit_name = db.session.execute(select(Unit.name).where(Unit.id == item.unit_id)).scalar_one()
    missing = "选派党建指导员" if item.instructor_assigned_on is None else "首次走访"
    label = deadlines.LEVEL_LABELS.get(level, level)
    title = f"{label}：新登记单位「{unit_name}」组建准备逾期（尚未{missing}）"
    role = Role.handler if level == "reminder" else Role.supervisor
    recipients = notifications.users_of(item.jurisdiction_id, role)
    notifications.notify(recipients, f"escalation.{level}", title, None, WORKFLOW, item.id, subject=unit_name)
    webhooks.publish_at(
        f"escalation.{level}",
        {"item_type": WORKFLOW, "item_id": item.id, "level": level, "unit_id": item.unit_id},
        item.jurisdiction_id,
    )


def register() -> None:
    """Open preparation items past their limit escalate. (The ledger subscription is the assignments module's,
    which calls `on_ledger_change` after its own, so both see one batch in one order.)"""
    escalation.register(
        escalation.ItemType(
            WORKFLOW,
            PreparationItem,
            lambda i: (WORKFLOW, i.id),
            _escalation_deadline,
            lambda i: None,
            lambda i: i.jurisdiction_id,
            {"notify": _notify},
        )
    )
