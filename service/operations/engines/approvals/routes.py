"""Approval routes: how a body decides one level (the mode, named approvers or the body's approvers), read when a
step opens."""

from __future__ import annotations

from flask import current_app
from sqlalchemy import Select, select

from service import config_cache
from service.auth import Actor, in_scope
from service.db import transaction
from service.extensions import db
from service.models import (
    ApprovalRoute,
    Jurisdiction,
    Role,
)
from service.operations.engines import audit
from service.operations.engines.approvals import handlers
from workflows.approval import ApprovalMode, RouteSpec
from workflows.errors import RuleViolation

# -- opening steps -------------------------------------------------------------------------------------------


def body_approvers(body_id: int) -> list[int]:
    return config_cache.staff(body_id, Role.approver.value)


def route_for(
    workflow: str, level_name: str, body: Jurisdiction | config_cache.Place
) -> tuple[ApprovalMode, list[int] | None]:
    """The mode and the named approvers (None: offered to the body's approvers as a group)."""
    route = config_cache.route(body.id, workflow, level_name)
    default = current_app.config["SETTINGS"].approval_modes.get(level_name, ApprovalMode.ANY_ONE.value)
    mode = ApprovalMode(route.mode if route else default)
    active = body_approvers(body.id)
    named = [i for i in (route.approver_ids or []) if i in active] if route and route.approver_ids else None
    if named is None and mode not in handlers.GROUP_MODES:
        named = active
    if (named is not None and not named) or (named is None and not active):
        raise RuleViolation("no_approvers", f"「{body.name}」没有可用的审批人，请先配置审批人员")
    return mode, named


# -- routes ----------------------------------------------------------------------------------------------------


def routes_query(actor: Actor, body_id: int | None, workflow: str | None) -> Select[ApprovalRoute]:
    stmt = in_scope(select(ApprovalRoute), ApprovalRoute.body_id, actor)
    if body_id is not None:
        stmt = stmt.where(ApprovalRoute.body_id == body_id)
    if workflow:
        stmt = stmt.where(ApprovalRoute.workflow == workflow)
    return stmt.order_by(ApprovalRoute.body_id, ApprovalRoute.workflow, ApprovalRoute.level_name)


def list_routes(actor: Actor, body_id: int | None, workflow: str | None) -> list[ApprovalRoute]:
    return list(db.session.execute(routes_query(actor, body_id, workflow)).scalars())


def put_route(actor: Actor, spec: RouteSpec) -> ApprovalRoute:
    """Create or replace how a body decides one level. Steps already open keep their approvers."""
    from service.operations.reference import jurisdictions

    with transaction():
        body = jurisdictions.get(actor, spec.body_id)
        named = spec.approver_ids or None
        if named:
            if len(set(named)) != len(named):
                raise RuleViolation("duplicate_approvers", "审批人重复", "approver_ids")
            active = set(body_approvers(body.id))
            if not set(named) <= active:
                raise RuleViolation("approver_not_in_body", "审批人须为该审批机构的在岗审批人", "approver_ids")
        route = db.session.execute(
            select(ApprovalRoute)
            .where(
                ApprovalRoute.body_id == body.id,
                ApprovalRoute.workflow == spec.workflow,
                ApprovalRoute.level_name == spec.level_name,
            )
            .with_for_update()
        ).scalar_one_or_none()
        before = None
        if route is None:
            route = ApprovalRoute(
                body_id=body.id,
                workflow=spec.workflow,
                level_name=spec.level_name,
                mode=spec.mode,
                approver_ids=named,
            )
            db.session.add(route)
        else:
            before = {"mode": route.mode, "approver_ids": route.approver_ids}
            route.mode, route.approver_ids = spec.mode, named
        db.session.flush()
        audit.record(
            actor,
            "approval_route.put",
            "approval_route",
            route.id,
            body.id,
            before,
            {
                "mode": route.mode,
                "approver_ids": route.approver_ids,
                "level_name": route.level_name,
                "workflow": route.workflow,
            },
        )
    return route
