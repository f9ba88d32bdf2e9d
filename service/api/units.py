"""Ledger units (台账单位)."""

from __future__ import annotations

from typing import Any

from flask import Response

from schemas.units import UnitCreateSchema, UnitQuerySchema, UnitSchema, UnitUpdateSchema
from service.api.docs import errors
from service.api.etag import IF_MATCH_DOC, headers_for, not_modified, require_if_match
from service.api.pagination import Blueprint
from service.auth import current_actor, require_roles
from service.operations.common import paginate
from service.operations.reference import units
from service.roles import UNIT_WRITERS
from workflows.ledger import NewUnit, UnitChanges

blp = Blueprint("units", __name__, url_prefix="/api/v1/units", description="Ledger units (台账单位)")


@blp.route("")
@blp.arguments(UnitQuerySchema, location="query")
@blp.response(200, UnitSchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 404, 422)
def list_units(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    """List units in my jurisdiction: filters, text search, sorting; totals in `X-Pagination`."""
    stmt = units.query(current_actor(), filters)
    items, total = paginate(stmt, pagination_parameters.page, pagination_parameters.page_size)
    pagination_parameters.item_count = total
    return items


@blp.route("", methods=["POST"])
@blp.arguments(UnitCreateSchema)
@blp.response(201, UnitSchema)
@errors(blp, 400, 403, 404, 409, 413, 422)
@require_roles(*UNIT_WRITERS)
def create_unit(data: NewUnit) -> Any:
    """Add a unit to the ledger. `in_scope` is derived from the thresholds."""
    unit = units.create(current_actor(), data)
    return unit, 201, headers_for(unit)


@blp.route("/<int:unit_id>")
@blp.response(200, UnitSchema)
@blp.alt_response(304, description="Not modified (If-None-Match)")
@errors(blp, 404)
def get_unit(unit_id: int) -> Any:
    unit = units.get(current_actor(), unit_id)
    if not_modified(unit):
        # A bare Response: flask-smorest would otherwise dump "" through UnitSchema (a 500).
        return Response(status=304, headers=headers_for(unit))
    return unit, 200, headers_for(unit)


@blp.route("/<int:unit_id>", methods=["PATCH"])
@blp.arguments(UnitUpdateSchema)
@blp.response(200, UnitSchema)
@blp.doc(**IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 413, 422, 428)
@require_roles(*UNIT_WRITERS)
def update_unit(changes: UnitChanges, unit_id: int) -> Any:
    """Change a unit. Deregistering (operating_status=deregistered) is final; the row keeps its history."""
    unit = units.update(current_actor(), unit_id, changes, require_if_match)
    return unit, 200, headers_for(unit)
