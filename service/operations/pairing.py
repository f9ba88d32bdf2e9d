"""Pairing agreements (结对共建): the service side of workflows.pairing.

Each command: one transaction; the row locked within the caller's scope (`get_scoped(..., for_update=True)`,
OF the agreement only); the caller's If-Match checked on the locked row; the rule checked; the shared machine
fired; the escalation plan refreshed and the audit record written in the same transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import Select, select

from service.auth import Actor, in_scope
from service.clock import today
from service.config import rule_settings
from service.db import transaction
from service.extensions import db
from service.models import Jurisdiction, PartyOrg, Role
from service.models.base import snapshot
from service.models.pairing import PairingAgreement
from service.operations import audit, escalation, notifications, webhooks
from service.operations.common import Precondition, check_precondition, get_scoped
from workflows import deadlines
from workflows import pairing as rules
from workflows.errors import Conflict
from workflows.pairing import PAIRING_AGREEMENT, PairingState
from workflows.workdays import WorkdayCalendar

WORKFLOW = PAIRING_AGREEMENT.name


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


def org_names(rows: list[PairingAgreement]) -> dict[int, str]:
    """Names of the organisations of a page of agreements: one query."""
    ids = {i for a in rows for i in (a.org_a_id, a.org_b_id)}
    if not ids:
        return {}
    found = db.session.execute(select(PartyOrg.id, PartyOrg.name).where(PartyOrg.id.in_(ids)))
    return {ident: name for ident, name in found}


# -- commands --------------------------------------------------------------------------------------------------


def _plan(data: dict[str, Any]) -> rules.Duties:
    return rules.Duties(data["planned_visits"], data["planned_trainings"], data["planned_activists"])


def _common_body(paths: list[str]) -> str:
    """The lowest jurisdiction path above every given path ("/1/4/" and "/1/4/12/" → "/1/4/")."""
    parts = [p.strip("/").split("/") for p in paths]
    common = []
    for segments in zip(*parts, strict=False):
        if len(set(segments)) != 1:
            break
        common.append(segments[0])
    return "/" + "".join(f"{s}/" for s in common)


def create(actor: Actor, data: dict[str, Any]) -> PairingAgreement:
    """Draft an agreement between two organisations the actor can see (out of scope: 404)."""
    rules.check_parties(data["org_a_id"], data["org_b_id"])
    rules.check_plan(_plan(data), settings())
    rules.check_due_on(data["year"], data["duties_due_on"])
    with transaction():
        orgs = [get_scoped(PartyOrg, data[k], actor) for k in ("org_a_id", "org_b_id")]
        paths = db.session.execute(
            select(Jurisdiction.path).where(Jurisdiction.id.in_({o.jurisdiction_id for o in orgs}))
        ).scalars()
        body = db.session.execute(select(Jurisdiction.id).where(Jurisdiction.path == _common_body(list(paths))))
        a = PairingAgreement(state=PAIRING_AGREEMENT.initial, jurisdiction_id=body.scalar_one(), **data)
        a.visits_done = a.trainings_done = a.activists_done = 0
        db.session.add(a)
        db.session.flush()
        audit.record(actor, f"{WORKFLOW}.create", WORKFLOW, a.id, a.jurisdiction_id, None, snapshot(a))
        return a


def _command(
    actor: Actor,
    agreement_id: int,
    action: str,
    precondition: Precondition | None,
    change: Callable[[PairingAgreement], None],
    comment: str | None = None,
) -> PairingAgreement:
    """Lock, If-Match, change (rules and the machine), replan, audit: the sequence every command shares."""
    with transaction():
        a = get_scoped(PairingAgreement, agreement_id, actor, for_update=True)
        check_precondition(a, precondition)
        before = snapshot(a)
        change(a)
        with db.session.no_autoflush:  # one UPDATE (one version step) for the whole change
            escalation.replan(WORKFLOW, a)
        db.session.flush()
        old, new = audit.changed(before, snapshot(a))
        audit.record(actor, f"{WORKFLOW}.{action}", WORKFLOW, a.id, a.jurisdiction_id, old, new, comment)
        if f"{WORKFLOW}.{action}" in PAIRING_AGREEMENT.webhook_events:
            webhooks.publish_at(f"{WORKFLOW}.{action}", _payload(a), a.jurisdiction_id)
        return a


def _payload(a: PairingAgreement) -> dict[str, Any]:
    return {"id": a.id, "state": a.state, "year": a.year, "org_a_id": a.org_a_id, "org_b_id": a.org_b_id}


def sign(
    actor: Actor, agreement_id: int, signed_on: date, precondition: Precondition | None = None
) -> PairingAgreement:
    def change(a: PairingAgreement) -> None:
        PAIRING_AGREEMENT.fire(a, "sign")
        a.signed_on = signed_on

    return _command(actor, agreement_id, "signed", precondition, change)


def take_effect(actor: Actor, agreement_id: int, precondition: Precondition | None = None) -> PairingAgreement:
    def change(a: PairingAgreement) -> None:
        PAIRING_AGREEMENT.fire(a, "take_effect")
        a.effective_on = today()

    return _command(actor, agreement_id, "in_force", precondition, change)


def record_progress(
    actor: Actor, agreement_id: int, done: dict[str, int], precondition: Precondition | None = None
) -> PairingAgreement:
    """Add the duties done (visits, trainings, activists) while the agreement is in force."""

    def change(a: PairingAgreement) -> None:
        if a.state != PairingState.IN_FORCE:
            raise Conflict("not_in_force", "协议生效后才能登记履行情况")
        a.visits_done += done.get("visits", 0)
        a.trainings_done += done.get("trainings", 0)
        a.activists_done += done.get("activists", 0)

    return _command(actor, agreement_id, "progress", precondition, change)


def review_year(
    actor: Actor, agreement_id: int, note: str | None, precondition: Precondition | None = None
) -> PairingAgreement:
    """The year's review: met when nothing lags behind the plan."""

    def change(a: PairingAgreement) -> None:
        PAIRING_AGREEMENT.fire(a, "review_year")
        a.reviewed_on, a.review_note = today(), note
        a.duties_met = not rules.lagging(done(a), planned(a))

    return _command(actor, agreement_id, "year_reviewed", precondition, change, note)


def terminate(
    actor: Actor, agreement_id: int, reason: str, precondition: Precondition | None = None
) -> PairingAgreement:
    def change(a: PairingAgreement) -> None:
        PAIRING_AGREEMENT.fire(a, "terminate", reason=reason)
        a.terminated_reason = reason

    return _command(actor, agreement_id, "terminated", precondition, change, reason)


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
    notifications.notify(recipients, f"escalation.{level}", title, None, WORKFLOW, a.id)
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
