"""Party organisations (read side; the establishment workflow creates them)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select

from service.auth import Actor, in_scope
from service.extensions import db
from service.models import PartyOrg, Unit
from service.operations.common import get_scoped, order_by_keys
from service.operations.reference import jurisdictions
from service.vocab import PARTY_ORG_SORT_KEYS as SORT_KEYS


def get(actor: Actor, ident: int) -> PartyOrg:
    return get_scoped(PartyOrg, ident, actor)


def query(actor: Actor, f: dict[str, Any]) -> Select[PartyOrg]:
    stmt = in_scope(select(PartyOrg), PartyOrg.jurisdiction_id, actor)
    if f.get("jurisdiction_id") is not None:
        root = jurisdictions.get(actor, f["jurisdiction_id"])
        stmt = stmt.where(PartyOrg.jurisdiction_id.in_(jurisdictions.subtree_ids(root)))
    for key in ("kind", "status"):
        if f.get(key):
            stmt = stmt.where(getattr(PartyOrg, key) == f[key])
    if f.get("term_due_before"):
        stmt = stmt.where(PartyOrg.term_due_on <= f["term_due_before"])
    if f.get("q"):
        stmt = stmt.where(PartyOrg.name.contains(f["q"], autoescape=True))
    return order_by_keys(stmt, PartyOrg, f.get("sort"), SORT_KEYS, "name")


def covered_units(org_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Covered units for a page of organisations in one query (no N+1)."""
    if not org_ids:
        return {}
    rows = db.session.execute(
        select(Unit.party_org_id, Unit.id, Unit.name, Unit.credit_code)
        .where(Unit.party_org_id.in_(org_ids))
        .order_by(Unit.party_org_id, Unit.id)
    ).all()
    out: dict[int, list[dict[str, Any]]] = {i: [] for i in org_ids}
    for org_id, unit_id, name, code in rows:
        assert org_id is not None  # IN (...) never matches NULL
        out[org_id].append({"id": unit_id, "name": name, "credit_code": code})
    return out


def member_totals(org_ids: list[int]) -> dict[int, int]:
    rows = db.session.execute(
        select(Unit.party_org_id, func.sum(Unit.formal_members))
        .where(Unit.party_org_id.in_(org_ids))
        .group_by(Unit.party_org_id)
    ).all()
    return {org_id: int(total or 0) for org_id, total in rows if org_id is not None}  # IN (...) skips NULL
