"""Ledger units: create, update (soft state changes only), scoped queries, rescope."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import asdict
from typing import Any

from flask import current_app
from sqlalchemy import Select, case, or_, select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import aliased

from service.auth import Actor, in_scope
from service.clock import now
from service.db import transaction
from service.extensions import db
from service.models import Jurisdiction, PartyOrg, Role, Unit, User
from service.models.base import snapshot
from service.operations.common import (
    Precondition,
    check_precondition,
    get_scoped,
    order_by_keys,
    rowcount,
    streamed,
)
from service.operations.engines import audit
from service.operations.reference import jurisdictions, ledger_events
from service.operations.reference.ledger_events import UnitChange
from service.vocab import UNIT_SORT_KEYS as SORT_KEYS
from workflows import credit_code
from workflows.errors import Conflict, RuleViolation
from workflows.ledger import (
    MemberCounts,
    NewUnit,
    OperatingStatus,
    ScopeThresholds,
    UnitChanges,
    check_member_counts,
    is_in_scope,
    missing_clears,
)

COUNT_FIELDS = ("employees", "formal_members", "probationary_members", "mobile_members")


def thresholds() -> ScopeThresholds:
    s = current_app.config["SETTINGS"]
    return ScopeThresholds(s.enterprise_scope_min_employees, s.social_org_scope_min_staff)


def get(actor: Actor, ident: int) -> Unit:
    return get_scoped(Unit, ident, actor)


def query(actor: Actor, f: dict[str, Any]) -> Select[Unit]:
    return order_by_keys(filtered(select(Unit), actor, f), Unit, f.get("sort"), SORT_KEYS, "name")


def filtered(stmt: Select[Any], actor: Actor, f: dict[str, Any]) -> Select[Any]:
    """The list's scope and filters on any statement over units (the list, the .xlsx export)."""
    stmt = in_scope(stmt, Unit.jurisdiction_id, actor)
    if f.get("jurisdiction_id") is not None:
        root = jurisdictions.get(actor, f["jurisdiction_id"])
        stmt = stmt.where(Unit.jurisdiction_id.in_(jurisdictions.subtree_ids(root)))
    for key in ("kind", "in_scope", "operating_status", "industry"):
        if f.get(key) is not None:
            stmt = stmt.where(getattr(Unit, key) == f[key])
    if f.get("has_party_org") is not None:
        stmt = stmt.where(Unit.party_org_id.is_not(None) if f["has_party_org"] else Unit.party_org_id.is_(None))
    if f.get("has_instructor") is not None:
        stmt = stmt.where(Unit.instructor_id.is_not(None) if f["has_instructor"] else Unit.instructor_id.is_(None))
    if f.get("q"):
        q = f["q"].strip()
        stmt = stmt.where(
            or_(Unit.name.icontains(q, autoescape=True), Unit.credit_code.startswith(q.upper(), autoescape=True))
        )
    return stmt


def ledger_rows(actor: Actor, filters: dict[str, Any]) -> Iterator[Mapping[str, Any]]:
    """The unit list's rows (same scope, filters and order) with the names the ledger shows and what each unit
    still has to clear, in one streamed query (the .xlsx export). The statement is built before the first row
    is asked for, so a bad filter fails before streaming."""
    instructor = aliased(User)
    stmt = (
        select(
            *(getattr(Unit, c.name) for c in Unit.__table__.columns),
            Jurisdiction.code.label("jurisdiction_code"),
            Jurisdiction.name.label("jurisdiction_name"),
            instructor.username.label("instructor_username"),
            instructor.display_name.label("instructor_name"),
            PartyOrg.name.label("party_org_name"),
        )
        .select_from(Unit)
        .join(Jurisdiction, Jurisdiction.id == Unit.jurisdiction_id)
        .outerjoin(instructor, instructor.id == Unit.instructor_id)
        .outerjoin(PartyOrg, PartyOrg.id == Unit.party_org_id)
    )
    return _ledger_stream(order_by_keys(filtered(stmt, actor, filters), Unit, filters.get("sort"), SORT_KEYS, "name"))


def _ledger_stream(stmt: Select[Any]) -> Iterator[Mapping[str, Any]]:
    for row in streamed(stmt):
        data = dict(row._mapping)
        data["missing_clears"] = missing_clears(
            operating_status=data["operating_status"],
            employees=data["employees"],
            formal_members=data["formal_members"],
            investor_or_head=data["investor_or_head"],
            has_party_org=data["party_org_id"] is not None,
            no_org_reason=data["no_org_reason"],
        )
        yield data


def check_counts(values: dict[str, Any], party_members_total: int | None) -> None:
    check_member_counts(MemberCounts(**{k: values[k] for k in COUNT_FIELDS}, party_members_total=party_members_total))


def _check_instructor(actor: Actor, instructor_id: int | None, unit_jurisdiction: Jurisdiction) -> None:
    if instructor_id is None:
        return
    check_instructor(db.session.get(User, instructor_id), unit_jurisdiction.path)


def check_instructor(instructor: User | None, unit_path: str) -> None:
    """The instructor rules on a loaded user (the import loads a batch of them in one query)."""
    if instructor is None or instructor.role != Role.instructor or not instructor.active:
        raise RuleViolation("instructor_invalid", "指定的党建指导员不存在或不是指导员", "instructor_id")
    # An instructor serves units inside the body they belong to.
    if not unit_path.startswith(instructor.jurisdiction.path):
        raise RuleViolation("instructor_out_of_area", "党建指导员不属于该单位所在的管辖范围", "instructor_id")


def check_creatable(status: str) -> None:
    if status == OperatingStatus.deregistered:
        raise RuleViolation("create_deregistered", "不能新建已注销的单位", "operating_status")


def _duplicate_code(code: str) -> None:
    if db.session.execute(select(Unit.id).where(Unit.credit_code == code)).first():
        raise Conflict("duplicate_credit_code", "统一社会信用代码已存在", "credit_code")


def create(actor: Actor, new: NewUnit) -> Unit:
    data = asdict(new)
    total = data.pop("party_members_total")
    data["credit_code"] = credit_code.validate(data["credit_code"])
    check_counts(data, total)
    with transaction():
        place = jurisdictions.get(actor, data["jurisdiction_id"])
        _check_instructor(actor, data.get("instructor_id"), place)
        _duplicate_code(data["credit_code"])
        status = data["operating_status"]
        check_creatable(status)
        unit = Unit(**data, in_scope=is_in_scope(data["kind"], data["employees"], status, thresholds()))
        db.session.add(unit)
        db.session.flush()
        after = snapshot(unit)
        audit.record(actor, "unit.create", "unit", unit.id, unit.jurisdiction_id, None, after)
        ledger_events.changed(actor, [UnitChange(unit.id, None, after)])
    return unit


def update(actor: Actor, unit_id: int, patch: UnitChanges, precondition: Precondition | None = None) -> Unit:
    """Change a unit: locked, then the caller's If-Match checked on the locked row, then the rules."""
    changes = dict(patch.items())
    total = changes.pop("party_members_total", None)
    if "credit_code" in changes:
        changes["credit_code"] = credit_code.validate(changes["credit_code"])
    with transaction():
        unit = get_scoped(Unit, unit_id, actor, for_update=True)
        check_precondition(unit, precondition)
        if unit.operating_status == OperatingStatus.deregistered:
            raise Conflict("unit_deregistered", "该单位已注销，台账记录只读", "operating_status")
        merged = {k: changes.get(k, getattr(unit, k)) for k in COUNT_FIELDS}
        check_counts(merged, total)
        before = snapshot(unit)
        place = unit.jurisdiction
        if "jurisdiction_id" in changes and changes["jurisdiction_id"] != unit.jurisdiction_id:
            place = jurisdictions.get(actor, changes["jurisdiction_id"])
        if "instructor_id" in changes or place.id != unit.jurisdiction_id:
            _check_instructor(actor, changes.get("instructor_id", unit.instructor_id), place)
        if changes.get("credit_code", unit.credit_code) != unit.credit_code:
            _duplicate_code(changes["credit_code"])
        for key, value in changes.items():
            setattr(unit, key, value)
        if unit.operating_status == OperatingStatus.deregistered:
            unit.deregistered_at = now()
        unit.in_scope = is_in_scope(unit.kind, unit.employees, unit.operating_status, thresholds())
        db.session.flush()
        after = snapshot(unit)
        old, new = audit.changed(before, after)
        action = "unit.deregister" if unit.deregistered_at and not before["deregistered_at"] else "unit.update"
        if old or new:  # a PATCH that changes nothing leaves no record and calls for nothing
            audit.record(actor, action, "unit", unit.id, unit.jurisdiction_id, old, new)
            ledger_events.changed(actor, [UnitChange(unit.id, before, after)])
    return unit


def rescope(actor: Actor) -> int:
    """Recompute `in_scope` for the whole ledger in one UPDATE after the thresholds change."""
    t = thresholds()
    target = case(
        (Unit.operating_status == OperatingStatus.deregistered.value, False),
        (Unit.kind == "enterprise", Unit.employees >= t.enterprise_min_employees),
        else_=Unit.employees >= t.social_org_min_staff,
    )
    with transaction():
        result = db.session.execute(
            sql_update(Unit)
            .where(Unit.in_scope != target)
            .values(in_scope=target, version=Unit.version + 1)
            .execution_options(synchronize_session=False)
        )
        count = rowcount(result)
        audit.record(
            actor,
            "ledger.rescope",
            "ledger",
            0,
            None,
            None,
            {
                "changed": count,
                "enterprise_min_employees": t.enterprise_min_employees,
                "social_org_min_staff": t.social_org_min_staff,
            },
        )
    return count
