"""Jurisdictions (管辖): admins write, everyone reads within scope."""

from __future__ import annotations

from typing import Any

from schemas.jurisdictions import (
    JurisdictionCreateSchema,
    JurisdictionQuerySchema,
    JurisdictionSchema,
    JurisdictionUpdateSchema,
)
from service.api.docs import errors
from service.api.etag import IF_MATCH_DOC, headers_for, require_if_match
from service.api.pagination import Blueprint
from service.auth import current_actor, require_roles
from service.inputs import JurisdictionChanges, NewJurisdiction
from service.operations.common import paginate
from service.operations.reference import jurisdictions
from service.roles import ADMINS

blp = Blueprint(
    "jurisdictions", __name__, url_prefix="/api/v1/jurisdictions", description="The tree of supervising bodies (管辖)"
)


@blp.route("")
@blp.arguments(JurisdictionQuerySchema, location="query")
@blp.response(200, JurisdictionSchema(many=True))
@blp.paginate(page_size=100, max_page_size=500)
@errors(blp, 422)
def list_jurisdictions(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    """My jurisdiction and everything below it, in tree order."""
    stmt = jurisdictions.query(current_actor(), **filters)
    items, total = paginate(stmt, pagination_parameters.page, pagination_parameters.page_size)
    pagination_parameters.item_count = total
    return items


@blp.route("", methods=["POST"])
@blp.arguments(JurisdictionCreateSchema)
@blp.response(201, JurisdictionSchema)
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*ADMINS)
def create_jurisdiction(data: NewJurisdiction) -> Any:
    row = jurisdictions.create(current_actor(), data)
    return row, 201, headers_for(row)


@blp.route("/<int:jurisdiction_id>")
@blp.response(200, JurisdictionSchema)
@errors(blp, 404)
def get_jurisdiction(jurisdiction_id: int) -> Any:
    row = jurisdictions.get(current_actor(), jurisdiction_id)
    return row, 200, headers_for(row)


@blp.route("/<int:jurisdiction_id>", methods=["PATCH"])
@blp.arguments(JurisdictionUpdateSchema)
@blp.response(200, JurisdictionSchema)
@blp.doc(**IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422, 428)
@require_roles(*ADMINS)
def update_jurisdiction(changes: JurisdictionChanges, jurisdiction_id: int) -> Any:
    row = jurisdictions.update(current_actor(), jurisdiction_id, changes, require_if_match)
    return row, 200, headers_for(row)
