"""Pairing agreements (结对共建): the service side of workflows.pairing.

Every command goes through the one command path (service/operations/engines/command.py: lock OF the agreement in
scope, If-Match on the locked row, state check, fire, replan, audit); inputs are typed (workflows.pairing)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import Select, func, or_, select

from service import config_cache
from service.auth import Actor, in_scope
from service.clock import today
from service.config import rule_settings
from service.db import transaction
from service.extensions import db
from service.models import Jurisdiction, PartyOrg, Role
from service.models.base import snapshot
from service.models.pairing import PairingAgreement
from service.operations.common import Precondition, get_scoped
from service.operations.engines import audit, escalation, notifications, webhooks
from service.operations.engines.command import Command, Subject
from workflows import deadlines
from workflows import pairing as rules
from workflows.errors import Conflict
from workflows.pairing import PAIRING_AGREEMENT, NewAgreement, PairingState, Progress
from workflows.workdays import WorkdayCalendar

WORKFLOW = PAIRING_AGREEMENT.name
AGREEMENTS = Subject(PairingAgreement, PAIRING_AGREEMENT)


def settings() -> rules.PairingSettings:
    """The duties in force (PAIRING_AGREEMENT_SETTINGS)."""
    settings: rules.PairingSettings = rule_settings(WORKFLOW)
    return settings


# -- reading ---------------------------------------------------------------------------------------------------


def get(actor: Actor, agreement_id: int) -> PairingAgreement:
    return get_scoped(PairingAgreement, agreement_id, actor)


def query(actor: Actor, f: dict[str, Any]) -> Select[PairingAgreement]:
    stmt = in_scope(select(PairingAgreement), PairingAgreement.jurisdiction_id, actor)
    if f.get("state"):
        stmt = stmt.where(PairingAgreement.state == f["state"])
    if f.get("year"):
        stmt = stmt.where(PairingAgreement.year == f["year"])
    if f.get("jurisdiction_id"):
        # A body outside the caller's scope is not found, like any resource there.
        body = get_scoped(Jurisdiction, f["jurisdiction_id"], actor, "id")
        below = select(Jurisdiction.id).where(Jurisdiction.path.startswith(body.path, autoescape=True))
        stmt = stmt.where(PairingAgreement.jurisdiction_id.in_(below))
    return stmt.order_by(PairingAgreement.id.desc())


def behind_plan(actor: Actor, limit: int) -> tuple[list[PairingAgreement], int]:
    """Agreements in force in the actor's scope with a duty still short of the year's plan (the test of
    `lagging`, in SQL), the nearest due date first: at most `limit` of them, and how many there are. The
    supervisors' 待办 lists them."""
    a = PairingAgreement
    short = or_(
        a.visits_done < a.planned_visits, a.trainings_done < a.planned_trainings, a.activists_done < a.planned_activists
    )
    stmt = in_scope(select(a), a.jurisdiction_id, actor).where(a.state == PairingState.IN_FORCE, short)
    total = db.session.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
    rows = list(db.session.execute(stmt.order_by(a.duties_due_on, a.id).limit(limit)).scalars())
    return rows, int(total)


def org_names(rows: list[PairingAgreement]) -> dict[int, str]:
    """Names of the organisations of a page of agreements: one query."""
    ids = {i for a in rows for i in (a.org_a_id, a.org_b_id)}
    if not ids:
        return {}
    found = db.session.execute(select(PartyOrg.id, PartyOrg.name).where(PartyOrg.id.in_(ids)))
    return {ident: name for ident, name in found}


# -- commands --------------------------------------------------------------------------------------------------


def _common_body(paths: list[str]) -> str:
    """The lowest jurisdiction path above every given path ("/1/4/" and "/1/4/12/" → "/1/4/")."""
    parts = [p.strip("/").split("/") for p in paths]
    common = []
    for segments in zip(*parts, strict=False):
        if len(set(segments)) != 1:
            break
        common.append(segments[0])
    return "/" + "".join(f"{s}/" for s in common)


def create(actor: Actor, data: NewAgreement) -> PairingAgreement:
    """Draft an agreement between two organisations the actor can see (out of scope: 404)."""
    rules.check_parties(data.org_a_id, data.org_b_id)
    rules.check_plan(data.plan, settings())
    rules.check_due_on(data.year, data.duties_due_on)
    with transaction():
        orgs = [get_scoped(PartyOrg, i, actor) for i in (data.org_a_id, data.org_b_id)]
        body = _common_body([config_cache.place(o.jurisdiction_id).path for o in orgs])
        a = PairingAgreement(
            state=PAIRING_AGREEMENT.initial,
            jurisdiction_id=next(p.id for p in config_cache.places().values() if p.path == body),
            **asdict(data),
        )
        a.visits_done = a.trainings_done = a.activists_done = 0
        db.session.add(a)
        db.session.flush()
        audit.record(actor, f"{WORKFLOW}.create", WORKFLOW, a.id, a.jurisdiction_id, None, snapshot(a))
        return a


def _publish(cmd: Command[PairingAgreement]) -> None:
    """The command's audit action is also its webhook event when the workflow declares it."""
    event = f"{WORKFLOW}.{cmd.action}"
    if event in PAIRING_AGREEMENT.webhook_events:
        a = cmd.row
        payload = {"id": a.id, "state": a.state, "year": a.year, "org_a_id": a.org_a_id, "org_b_id": a.org_b_id}
        webhooks.publish_at(event, payload, a.jurisdiction_id)


def sign(
    actor: Actor, agreement_id: int, signed_on: date, precondition: Precondition | None = None
) -> PairingAgreement:
    with AGREEMENTS.command(actor, agreement_id, "sign", precondition) as cmd:
        cmd.fire("sign")
        cmd.row.signed_on = signed_on
        cmd.record("signed")
        _publish(cmd)
    return cmd.row


def take_effect(actor: Actor, agreement_id: int, precondition: Precondition | None = None) -> PairingAgreement:
    with AGREEMENTS.command(actor, agreement_id, "take_effect", precondition) as cmd:
        cmd.fire("take_effect")
        cmd.row.effective_on = today()
        cmd.record("in_force")
        _publish(cmd)
    return cmd.row


def record_progress(
    actor: Actor, agreement_id: int, done: Progress, precondition: Precondition | None = None
) -> PairingAgreement:
    """Add the duties done (visits, trainings, activists) while the agreement is in force."""
    with AGREEMENTS.command(actor, agreement_id, precondition=precondition) as cmd:
        a = cmd.row
        if a.state != PairingState.IN_FORCE:
            raise Conflict("not_in_force", "协议生效后才能登记履行情况")
        a.visits_done += done.visits
        a.trainings_done += done.trainings
        a.activists_done += done.activists
        cmd.record("progress")
    return cmd.row


def review_year(
    actor: Actor, agreement_id: int, note: str | None, precondition: Precondition | None = None
) -> PairingAgreement:
    """The year's review: met when nothing lags behind the plan."""
    with AGREEMENTS.command(actor, agreement_id, "review_year", precondition) as cmd:
        a = cmd.row
        cmd.fire("review_year")
        a.reviewed_on, a.review_note = today(), note
        a.duties_met = not rules.lagging(done(a), planned(a))
        cmd.record("year_reviewed", note)
        _publish(cmd)
    return cmd.row


def terminate(
    actor: Actor, agreement_id: int, reason: str, precondition: Precondition | None = None
) -> PairingAgreement:
    with AGREEMENTS.command(actor, agreement_id, "terminate", precondition) as cmd:
        cmd.fire("terminate", reason=reason)
        cmd.row.terminated_reason = reason
        cmd.record("terminated", reason)
        _publish(cmd)
    return cmd.row


def done(a: PairingAgreement) -> rules.Duties:
    return rules.Duties(a.visits_done, a.trainings_done, a.activists_done)


def planned(a: PairingAgreement) -> rules.Duties:
    return rules.Duties(a.planned_visits, a.planned_trainings, a.planned_activists)


def lagging(a: PairingAgreement) -> list[str]:
    return rules.lagging(done(a), planned(a))


# -- escalation: what this workflow registers ------------------------------------------------------------------


def _escalation_deadline(a: PairingAgreement, _cal: WorkdayCalendar) -> date | None:
    """In force and behind the plan: the ladder runs from the day the duties fall due."""
    return a.duties_due_on if a.state == PairingState.IN_FORCE and lagging(a) else None


def _notify(a: PairingAgreement, level: str, _on: date) -> None:
    """Effect "notify": the handlers where the agreement is followed; from 预警 on, the supervisors too."""
    behind = "、".join(rules.DUTY_LABELS[d] for d in lagging(a))
    title = f"{deadlines.LEVEL_LABELS.get(level, level)}：结对共建「{a.title}」{a.year}年度任务滞后（{behind}）"
    recipients = notifications.users_of(a.jurisdiction_id, Role.handler)
    if level != "reminder":
        recipients += notifications.users_of(a.jurisdiction_id, Role.supervisor)
    notifications.notify(recipients, f"escalation.{level}", title, None, WORKFLOW, a.id, subject=a.title)
    webhooks.publish_at(
        f"escalation.{level}",
        {"item_type": WORKFLOW, "item_id": a.id, "level": level, "title": a.title, "lagging": lagging(a)},
        a.jurisdiction_id,
    )


def register() -> None:
    """Agreements behind their plan escalate (reminder → warning). Called once by service.operations.registry."""
    escalation.register(
        escalation.ItemType(
            WORKFLOW,
            PairingAgreement,
            lambda a: (WORKFLOW, a.id),
            _escalation_deadline,
            lambda a: None,
            lambda a: a.jurisdiction_id,
            {"notify": _notify},
        )
    )
