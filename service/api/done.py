"""Tasks I completed (已办): my decisions and handling steps, newest first."""

from __future__ import annotations

from typing import Any

from schemas.done import DoneQuerySchema, DoneSchema
from service.api.docs import errors
from service.api.pagination import Blueprint
from service.auth import current_actor
from service.operations.worklists import done

blp = Blueprint("done", __name__, url_prefix="/api/v1/tasks", description="Tasks I completed (已办)")


@blp.route("/done")
@blp.arguments(DoneQuerySchema, location="query")
@blp.response(200, DoneSchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 422)
def list_done(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    """What I decided or handled (approvals, submissions, founding, supervision-ticket steps), searchable by
    unit, workflow and date (Beijing dates, both ends included)."""
    rows, total = done.fetch(
        done.query(current_actor(), **filters), pagination_parameters.page, pagination_parameters.page_size
    )
    pagination_parameters.item_count = total
    return rows
