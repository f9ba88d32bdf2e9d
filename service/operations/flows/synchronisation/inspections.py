"""Annual inspections (五个同步 3: at its 年检 a unit's party work is checked): the service side of
workflows.synchronisation.ANNUAL_INSPECTION.

One record per unit per year (a unique constraint: a second, or a race between two, is 409); the date within the
year and not in the future (workflows.synchronisation.check_inspection). Corrections go through the command path.
The supervisors' list: this year's inspections that did not check party work."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError

from service.auth import Actor, in_scope
from service.clock import today
from service.db import transaction
from service.extensions import db
from service.models import Jurisdiction, Unit
from service.models.base import snapshot
from service.models.synchronisation import AnnualInspection
from service.operations.common import Precondition, get_scoped
from service.operations.engines import audit, webhooks
from service.operations.engines.command import Subject
from service.operations.flows.synchronisation.units import unit_for_record
from service.operations.reference import jurisdictions
from workflows import synchronisation as rules
from workflows.errors import Conflict, member_or_refuse
from workflows.synchronisation import ANNUAL_INSPECTION, InspectionCorrection, InspectionResult, NewInspection

WORKFLOW = ANNUAL_INSPECTION.name
INSPECTIONS = Subject(AnnualInspection, ANNUAL_INSPECTION)


def get(actor: Actor, inspection_id: int) -> AnnualInspection:
    return get_scoped(AnnualInspection, inspection_id, actor)


def query(actor: Actor, f: Mapping[str, Any]) -> Select[AnnualInspection, str, str]:
    """Inspections in the actor's scope with their unit's and body's names; `party_work_checked=false` is the
    supervisors' list of units inspected without their party work checked."""
    i = AnnualInspection
    stmt = in_scope(
        select(i, Unit.name.label("unit_name"), Jurisdiction.name.label("jurisdiction_name"))
        .join(Unit, Unit.id == i.unit_id)
        .join(Jurisdiction, Jurisdiction.id == i.jurisdiction_id),
        i.jurisdiction_id,
        actor,
    )
    if f.get("year"):
        stmt = stmt.where(i.year == f["year"])
    if f.get("unit_id"):
        stmt = stmt.where(i.unit_id == f["unit_id"])
    if f.get("jurisdiction_id"):
        # A body outside the caller's scope is not found, like any resource there.
        body = jurisdictions.get(actor, f["jurisdiction_id"])
        stmt = stmt.where(i.jurisdiction_id.in_(jurisdictions.subtree_ids(body)))
    if f.get("party_work_checked") is not None:
        stmt = stmt.where(i.party_work_checked.is_(bool(f["party_work_checked"])))
    return stmt.order_by(i.inspected_on.desc(), i.id.desc())


def page(
    stmt: Select[AnnualInspection, str, str], page: int, page_size: int
) -> tuple[list[tuple[AnnualInspection, str, str]], int]:
    """One COUNT and one page of (inspection, unit name, body name)."""
    total = db.session.execute(select(func.count()).select_from(stmt.order_by(None).subquery())).scalar_one()
    rows = db.session.execute(stmt.limit(page_size).offset((page - 1) * page_size)).all()
    return [(r[0], r[1], r[2]) for r in rows], int(total)


def names(i: AnnualInspection) -> tuple[str, str]:
    """The inspected unit's name and its body's."""
    found = db.session.execute(
        select(Unit.name, Jurisdiction.name)
        .select_from(Unit)
        .join(Jurisdiction, Jurisdiction.id == i.jurisdiction_id)
        .where(Unit.id == i.unit_id)
    ).one()
    return str(found[0]), str(found[1])


def _duplicate() -> Conflict:
    return Conflict("inspection_exists", "该单位本年度的年检情况已登记，如需修改请更正", "year")


def record(actor: Actor, data: NewInspection) -> AnnualInspection:
    member_or_refuse(InspectionResult, data.result, "result", "年检结果")
    rules.check_inspection(data.year, data.inspected_on, today())
    with transaction():
        unit = unit_for_record(actor, data.unit_id)
        taken = select(AnnualInspection.id).where(
            AnnualInspection.unit_id == unit.id, AnnualInspection.year == data.year
        )
        if db.session.execute(taken).first() is not None:
            raise _duplicate()
        row = AnnualInspection(
            state=ANNUAL_INSPECTION.initial,
            unit_id=unit.id,
            jurisdiction_id=unit.jurisdiction_id,
            year=data.year,
            inspected_on=data.inspected_on,
            result=data.result,
            party_work_checked=data.party_work_checked,
            note=data.note,
            recorded_by_id=actor.user_id,
        )
        db.session.add(row)
        try:
            with db.session.begin_nested():  # a racing second record meets the unique constraint: 409
                db.session.flush()
        except IntegrityError:
            raise _duplicate() from None
        audit.record(actor, f"{WORKFLOW}.recorded", WORKFLOW, row.id, row.jurisdiction_id, None, snapshot(row))
        payload = {"id": row.id, "unit_id": row.unit_id, "year": row.year, "party_work_checked": row.party_work_checked}
        webhooks.publish_at(f"{WORKFLOW}.recorded", payload, row.jurisdiction_id)
        return row


def correct(
    actor: Actor, inspection_id: int, data: InspectionCorrection, precondition: Precondition | None = None
) -> AnnualInspection:
    """The inspection as it should read (the year stays: another year is another record)."""
    member_or_refuse(InspectionResult, data.result, "result", "年检结果")
    with INSPECTIONS.command(actor, inspection_id, "correct", precondition) as cmd:
        rules.check_inspection(cmd.row.year, data.inspected_on, today())
        cmd.fire("correct", data.reason, reason=data.reason)
        row = cmd.row
        row.inspected_on, row.result, row.party_work_checked = data.inspected_on, data.result, data.party_work_checked
        row.note = data.note
    return cmd.row


def register() -> None:
    """Nothing to register with the engines: an inspection is a record, it does not stall. Called once by
    service.operations.registry."""
