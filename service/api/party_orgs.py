"""Party organisations (read; the establishment workflow creates them)."""

from __future__ import annotations

from typing import Any

from schemas.party_orgs import PartyOrgQuerySchema, PartyOrgSchema
from service.api.docs import errors
from service.api.etag import headers_for
from service.api.pagination import Blueprint
from service.auth import current_actor
from service.operations.common import paginate
from service.operations.reference import party_orgs

blp = Blueprint("party_orgs", __name__, url_prefix="/api/v1/party-orgs", description="Party organisations")


def _with_units(orgs: list[Any]) -> list[dict[str, Any]]:
    ids = [o.id for o in orgs]
    covered = party_orgs.covered_units(ids)
    totals = party_orgs.member_totals(ids)
    out = []
    for org in orgs:
        data = {c.key: getattr(org, c.key) for c in org.__table__.columns}
        data.update(units=covered.get(org.id, []), formal_members=totals.get(org.id, 0))
        out.append(data)
    return out


@blp.route("")
@blp.arguments(PartyOrgQuerySchema, location="query")
@blp.response(200, PartyOrgSchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 404, 422)
def list_party_orgs(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    stmt = party_orgs.query(current_actor(), filters)
    items, total = paginate(stmt, pagination_parameters.page, pagination_parameters.page_size)
    pagination_parameters.item_count = total
    return _with_units(items)


@blp.route("/<int:org_id>")
@blp.response(200, PartyOrgSchema)
@errors(blp, 404)
def get_party_org(org_id: int) -> Any:
    org = party_orgs.get(current_actor(), org_id)
    return _with_units([org])[0], 200, headers_for(org)
