"""常用意见: my saved opinions (any role: each user lists, adds and deletes only their own)."""

from __future__ import annotations

from typing import Any

from schemas.opinions import SavedOpinionCreateSchema, SavedOpinionSchema
from service.api.docs import errors
from service.api.pagination import Blueprint
from service.auth import current_actor
from service.operations.reference import opinions

blp = Blueprint("opinions", __name__, url_prefix="/api/v1/me/opinions", description="常用意见: my saved opinions")


@blp.route("")
@blp.response(200, SavedOpinionSchema(many=True))
@errors(blp)
def list_mine() -> Any:
    """My saved opinions, in my order."""
    return opinions.mine(current_actor())


@blp.route("", methods=["POST"])
@blp.arguments(SavedOpinionCreateSchema)
@blp.response(201, SavedOpinionSchema)
@errors(blp, 400, 409, 422)
def add(data: dict[str, Any]) -> Any:
    """Save an opinion at the end of my list: 422 when blank, too long, already saved, or over the limit
    (SAVED_OPINIONS_MAX)."""
    return opinions.add(current_actor(), data["text"])


@blp.route("/<int:opinion_id>", methods=["DELETE"])
@blp.response(200, SavedOpinionSchema)
@errors(blp, 404, 409)
def delete(opinion_id: int) -> Any:
    """Delete one of my saved opinions (someone else's: 404); answers the opinion as it was."""
    return opinions.delete(current_actor(), opinion_id)
