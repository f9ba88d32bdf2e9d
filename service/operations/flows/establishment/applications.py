"""Establishment cases, the applicant's side (the console's 申请 pages): which units an application may be
prepared for, the applicant's list, and who acted on a case by display name. The commands stay in
service.operations.establishment; this module only reads."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, select

from service.auth import Actor, in_scope
from service.errors import NotFound
from service.extensions import db
from service.models import EstablishmentCase, EstablishmentCaseUnit, Unit
from service.operations.engines import audit
from service.operations.flows.establishment import cases
from service.operations.reference import units, users
from workflows.establishment import ESTABLISHMENT
from workflows.ledger import OperatingStatus

WORKFLOW = ESTABLISHMENT.name  # the read side of this workflow (not an engine)

# The prepare page lists at most this many matching units: the applicant narrows by name or credit code.
CANDIDATE_LIMIT = 30
MAX_UNITS = 10  # as the API's create schema (CaseCreateSchema.unit_ids)


def candidate_units(actor: Actor, q: str | None, exclude: Iterable[int] = ()) -> list[Unit]:
    """Units in the actor's scope an application may be prepared for: operating, without a party
    organisation, not in another open case; by name (contains) or credit code (starts with)."""
    in_open_case = select(EstablishmentCaseUnit.unit_id).where(
        EstablishmentCaseUnit.unit_id == Unit.id,
        EstablishmentCaseUnit.open,  # ix_establishment_case_units_unit_open
    )
    stmt = units.filtered(select(Unit), actor, {"has_party_org": False, "q": q}).where(
        Unit.operating_status != OperatingStatus.deregistered, ~in_open_case.exists()
    )
    skip = list(exclude)
    if skip:
        stmt = stmt.where(Unit.id.not_in(skip))
    return list(db.session.execute(stmt.order_by(Unit.name, Unit.id).limit(CANDIDATE_LIMIT)).scalars())


def chosen_units(actor: Actor, unit_ids: list[int]) -> list[Unit]:
    """The units an applicant picked, in the order picked; one outside the actor's scope is 404."""
    if not unit_ids:
        return []
    stmt = in_scope(select(Unit).where(Unit.id.in_(unit_ids[:MAX_UNITS])), Unit.jurisdiction_id, actor)
    found = {u.id: u for u in db.session.execute(stmt).scalars()}
    if any(i not in found for i in unit_ids[:MAX_UNITS]):
        raise NotFound()
    return [found[i] for i in dict.fromkeys(unit_ids[:MAX_UNITS])]


def query(actor: Actor, state: str | None, mine: bool) -> Select[EstablishmentCase]:
    """The applications in the actor's scope (newest first), of one state, or only those the actor filed."""
    stmt = cases.query(actor, {"state": state})
    if mine:
        stmt = stmt.where(EstablishmentCase.applicant_id == actor.user_id)
    return stmt


def history(case_id: int) -> list[dict[str, Any]]:
    """A case's audit records, oldest first, each with the display name of who acted (the recorded label
    for the system and for users since removed)."""
    events = audit.history(WORKFLOW, case_id)
    names = users.display_names(e.actor_id for e in events)
    return [
        {
            "at": e.occurred_at,
            "actor": names.get(e.actor_id, e.actor_label) if e.actor_id is not None else e.actor_label,
            "action": e.action,
            "comment": e.comment,
            "state_before": (e.state_before or {}).get("state"),
            "state_after": (e.state_after or {}).get("state"),
        }
        for e in events
    ]
