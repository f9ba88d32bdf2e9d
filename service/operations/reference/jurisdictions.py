"""Jurisdictions: the tree that scopes every user."""

from __future__ import annotations

from sqlalchemy import Select, select

from service import config_cache
from service.auth import Actor, in_scope
from service.db import transaction
from service.extensions import db
from service.inputs import JurisdictionChanges, NewJurisdiction
from service.models import Jurisdiction
from service.models.base import snapshot
from service.models.jurisdiction import KIND_LEVEL, JurisdictionKind
from service.operations.common import Precondition, check_precondition, get_scoped
from service.operations.engines import audit
from workflows.errors import Conflict, RuleViolation


def get(actor: Actor, ident: int) -> Jurisdiction:
    return get_scoped(Jurisdiction, ident, actor, "id")


def query(
    actor: Actor, kind: str | None = None, parent_id: int | None = None, q: str | None = None
) -> Select[Jurisdiction]:
    stmt = in_scope(select(Jurisdiction), Jurisdiction.id, actor)
    if kind:
        stmt = stmt.where(Jurisdiction.kind == kind)
    if parent_id is not None:
        stmt = stmt.where(Jurisdiction.parent_id == parent_id)
    if q:
        stmt = stmt.where(Jurisdiction.name.contains(q, autoescape=True) | (Jurisdiction.code == q))
    return stmt.order_by(Jurisdiction.path)


def subtree_ids(root: Jurisdiction) -> Select[int]:
    return select(Jurisdiction.id).where(Jurisdiction.path.startswith(root.path, autoescape=True))


def county_ids(body_ids: list[int]) -> dict[int, int | None]:
    """The county/district each body belongs to (itself if it is one; None at city level), from the cached tree."""
    tree = config_cache.places()
    return {i: tree[i].county_id for i in body_ids}


def county_of(j: Jurisdiction) -> int | None:
    return county_ids([j.id])[j.id]


def create(actor: Actor, new: NewJurisdiction) -> Jurisdiction:
    kind = JurisdictionKind(new.kind)
    parent_id = new.parent_id
    with transaction():
        if parent_id is None:
            # A new root widens everybody's world: only the system (CLI) may create one.
            if actor.jurisdiction_path != "/":
                raise RuleViolation("parent_required", "必须指定上级管辖单位", "parent_id")
            parent = None
        else:
            parent = get(actor, parent_id)
            if KIND_LEVEL[JurisdictionKind(parent.kind)] >= KIND_LEVEL[kind]:
                raise RuleViolation("parent_level", "上级管辖单位的层级必须高于本单位", "parent_id")
        if db.session.execute(select(Jurisdiction.id).where(Jurisdiction.code == new.code)).first():
            raise Conflict("duplicate_jurisdiction_code", "管辖单位代码已存在", "code")
        row = Jurisdiction(code=new.code, name=new.name, kind=kind.value, parent_id=parent_id, path="/", active=True)
        db.session.add(row)
        db.session.flush()
        row.path = f"{parent.path if parent else '/'}{row.id}/"
        db.session.flush()
        audit.record(actor, "jurisdiction.create", "jurisdiction", row.id, row.id, None, snapshot(row))
    return row


def update(
    actor: Actor, jurisdiction_id: int, changes: JurisdictionChanges, precondition: Precondition | None = None
) -> Jurisdiction:
    """Change a jurisdiction: locked, then the caller's If-Match checked on the locked row, then the rules."""
    with transaction():
        row = get_scoped(Jurisdiction, jurisdiction_id, actor, "id", for_update=True)
        check_precondition(row, precondition)
        before = snapshot(row)
        if (
            "code" in changes
            and changes["code"] != row.code
            and db.session.execute(select(Jurisdiction.id).where(Jurisdiction.code == changes["code"])).first()
        ):
            raise Conflict("duplicate_jurisdiction_code", "管辖单位代码已存在", "code")
        if row.id == actor.jurisdiction_id and changes.get("active") is False:
            raise RuleViolation("cannot_deactivate_own", "不能停用本人所属的管辖单位", "active")
        for key, value in changes.items():
            setattr(row, key, value)
        db.session.flush()
        old, new = audit.changed(before, snapshot(row))
        if old or new:  # a PATCH that changes nothing leaves no record
            audit.record(actor, "jurisdiction.update", "jurisdiction", row.id, row.id, old, new)
    return row
