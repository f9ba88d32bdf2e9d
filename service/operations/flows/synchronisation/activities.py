"""Party activities (五个同步 2: when a unit operates, its party work operates): the service side of
workflows.synchronisation.PARTY_ACTIVITY.

Recording creates the row and its audit record in one transaction; corrections and withdrawals go through the
command path (service/operations/engines/command.py: lock OF the row in scope, If-Match, state check, audit).
The inactive list is one statement over the ledger: operating in-scope units in the ledger for a year or more
with no recorded activity in the last year (workflows.synchronisation.inactive, in SQL)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, func, select

from service.auth import Actor, in_scope
from service.clock import CHINA, today
from service.config import rule_settings
from service.db import transaction
from service.extensions import db
from service.models import Jurisdiction, Unit, User
from service.models.base import snapshot
from service.models.synchronisation import PartyActivity
from service.operations.common import Precondition, get_scoped, streamed
from service.operations.engines import audit, webhooks
from service.operations.engines.command import Command, Subject
from service.operations.flows.synchronisation.units import end_of_day, instructor_may_act, unit_for_record
from service.operations.reference import jurisdictions, units
from workflows import synchronisation as rules
from workflows.errors import member_or_refuse
from workflows.ledger import OperatingStatus
from workflows.synchronisation import (
    PARTY_ACTIVITY,
    ActivityCorrection,
    ActivityKind,
    ActivityState,
    NewActivity,
)

WORKFLOW = PARTY_ACTIVITY.name
ACTIVITIES = Subject(PartyActivity, PARTY_ACTIVITY)


def settings() -> rules.SynchronisationSettings:
    """The windows in force (PARTY_ACTIVITY_SETTINGS)."""
    found: rules.SynchronisationSettings = rule_settings(WORKFLOW)
    return found


# -- reading ---------------------------------------------------------------------------------------------------


def get(actor: Actor, activity_id: int) -> PartyActivity:
    return get_scoped(PartyActivity, activity_id, actor)


def query(actor: Actor, f: Mapping[str, Any]) -> Select[PartyActivity, str]:
    """Activities in the actor's scope, newest first, with their unit's name."""
    stmt = in_scope(
        select(PartyActivity, Unit.name.label("unit_name")).join(Unit, Unit.id == PartyActivity.unit_id),
        PartyActivity.jurisdiction_id,
        actor,
    )
    if f.get("unit_id"):
        stmt = stmt.where(PartyActivity.unit_id == f["unit_id"])
    if f.get("jurisdiction_id"):
        # A body outside the caller's scope is not found, like any resource there.
        body = jurisdictions.get(actor, f["jurisdiction_id"])
        stmt = stmt.where(PartyActivity.jurisdiction_id.in_(jurisdictions.subtree_ids(body)))
    if f.get("state"):
        stmt = stmt.where(PartyActivity.state == f["state"])
    if f.get("held_from"):
        stmt = stmt.where(PartyActivity.held_on >= f["held_from"])
    if f.get("held_to"):
        stmt = stmt.where(PartyActivity.held_on <= f["held_to"])
    return stmt.order_by(PartyActivity.held_on.desc(), PartyActivity.id.desc())


def page(stmt: Select[PartyActivity, str], page: int, page_size: int) -> tuple[list[tuple[PartyActivity, str]], int]:
    """One COUNT and one page of (activity, unit name)."""
    total = db.session.execute(select(func.count()).select_from(stmt.order_by(None).subquery())).scalar_one()
    rows = db.session.execute(stmt.limit(page_size).offset((page - 1) * page_size)).all()
    return [(r[0], r[1]) for r in rows], int(total)


def unit_name(unit_id: int) -> str:
    return str(db.session.execute(select(Unit.name).where(Unit.id == unit_id)).scalar_one())


@dataclass(frozen=True)
class InactiveRow:
    """An operating unit with no activity in the window: since when it is in the ledger, its last activity."""

    unit_id: int
    credit_code: str
    name: str
    jurisdiction_id: int
    jurisdiction_name: str
    instructor_name: str | None
    has_party_org: bool
    operating_since: date
    last_activity_on: date | None


def inactive_query(actor: Actor, f: Mapping[str, Any], on: date | None = None) -> Select[Any]:
    """One statement: the ledger's scope and filters (units.filtered) on operating in-scope units in the ledger
    since the operating cut-off, without a recorded activity since the window's start; the last activity
    before it beside each. Oldest in the ledger first."""
    on = on or today()
    s = settings()
    last = (
        select(PartyActivity.unit_id, func.max(PartyActivity.held_on).label("last_on"))
        .where(PartyActivity.state == ActivityState.RECORDED)
        .group_by(PartyActivity.unit_id)
        .subquery("last_activity")
    )
    ledger = {k: f[k] for k in ("jurisdiction_id", "kind", "q") if f.get(k) is not None}
    stmt = units.filtered(
        select(
            Unit.id,
            Unit.credit_code,
            Unit.name,
            Unit.jurisdiction_id,
            Jurisdiction.name,
            User.display_name,
            Unit.party_org_id.is_not(None),
            Unit.created_at,
            last.c.last_on,
        )
        .select_from(Unit)
        .join(Jurisdiction, Jurisdiction.id == Unit.jurisdiction_id)
        .outerjoin(User, User.id == Unit.instructor_id)
        .outerjoin(last, last.c.unit_id == Unit.id),
        actor,
        {**ledger, "in_scope": True, "operating_status": OperatingStatus.operating.value},
    )
    recent = and_(last.c.last_on.is_not(None), last.c.last_on >= rules.window_start(on, s))
    return stmt.where(
        Unit.deregistered_at.is_(None),
        Unit.created_at < end_of_day(rules.operating_cutoff(on, s)),
        ~recent,
    ).order_by(Unit.created_at, Unit.id)


def _row(r: Any) -> InactiveRow:
    return InactiveRow(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7].astimezone(CHINA).date(), r[8])


def inactive(actor: Actor, f: Mapping[str, Any], page: int, page_size: int) -> tuple[list[InactiveRow], int]:
    """One COUNT and one page."""
    stmt = inactive_query(actor, f)
    total = db.session.execute(select(func.count()).select_from(stmt.order_by(None).subquery())).scalar_one()
    rows = db.session.execute(stmt.limit(page_size).offset((page - 1) * page_size)).all()
    return [_row(r) for r in rows], int(total)


def inactive_rows(actor: Actor, f: Mapping[str, Any]) -> Iterator[InactiveRow]:
    """Every row, streamed (the .xlsx export); the statement is built before the first row is asked for."""
    stmt = inactive_query(actor, f)
    return (_row(r) for r in streamed(stmt))


# -- commands --------------------------------------------------------------------------------------------------


def _publish(a: PartyActivity) -> None:
    payload = {"id": a.id, "unit_id": a.unit_id, "kind": a.kind, "held_on": a.held_on.isoformat()}
    webhooks.publish_at(f"{WORKFLOW}.recorded", payload, a.jurisdiction_id)


def record(actor: Actor, data: NewActivity) -> PartyActivity:
    """Record an activity held against a unit in scope (an instructor: a unit they guide)."""
    member_or_refuse(ActivityKind, data.kind, "kind", "活动类型")
    rules.check_activity(data.held_on, data.attendance, today())
    with transaction():
        unit = unit_for_record(actor, data.unit_id)
        a = PartyActivity(
            state=PARTY_ACTIVITY.initial,
            unit_id=unit.id,
            jurisdiction_id=unit.jurisdiction_id,
            kind=data.kind,
            held_on=data.held_on,
            attendance=data.attendance,
            description=data.description,
            recorded_by_id=actor.user_id,
        )
        db.session.add(a)
        db.session.flush()
        audit.record(actor, f"{WORKFLOW}.recorded", WORKFLOW, a.id, a.jurisdiction_id, None, snapshot(a))
        _publish(a)
        return a


def _instructor_side(actor: Actor, a: PartyActivity) -> None:
    instructor_may_act(actor, db.session.execute(select(Unit.instructor_id).where(Unit.id == a.unit_id)).scalar())


def correct(
    actor: Actor, activity_id: int, data: ActivityCorrection, precondition: Precondition | None = None
) -> PartyActivity:
    """The activity as it should read; the audit record keeps what it said before and why it changed."""
    member_or_refuse(ActivityKind, data.kind, "kind", "活动类型")
    rules.check_activity(data.held_on, data.attendance, today())
    with ACTIVITIES.command(actor, activity_id, "correct", precondition, side=_instructor_side) as cmd:
        cmd.fire("correct", data.reason, reason=data.reason)
        _apply(cmd, data)
    return cmd.row


def _apply(cmd: Command[PartyActivity], data: ActivityCorrection) -> None:
    a = cmd.row
    a.kind, a.held_on, a.attendance, a.description = data.kind, data.held_on, data.attendance, data.description


def withdraw(actor: Actor, activity_id: int, reason: str, precondition: Precondition | None = None) -> PartyActivity:
    """A record made in error: withdrawn (kept, audited), no longer counted."""
    with ACTIVITIES.command(actor, activity_id, "withdraw", precondition, side=_instructor_side) as cmd:
        cmd.fire("withdraw", reason, reason=reason)
        cmd.row.withdrawn_reason = reason
    return cmd.row


def register() -> None:
    """Nothing to register with the engines: an activity does not stall (a unit without one is listed and
    counted instead; docs/decisions/0053). Called once by service.operations.registry."""
