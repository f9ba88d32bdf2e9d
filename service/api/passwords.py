"""Console passwords through the API: an admin sets a user's password, a user changes their own."""

from __future__ import annotations

from typing import Any

from schemas.passwords import PasswordChangeSchema, PasswordSetSchema
from schemas.users import UserSchema
from service.api.docs import errors
from service.api.etag import OPTIONAL_IF_MATCH_DOC, headers_for, if_match_when_given
from service.api.pagination import Blueprint
from service.auth import current_actor, require_roles
from service.operations.reference import passwords
from service.roles import ADMINS

blp = Blueprint("passwords", __name__, url_prefix="/api/v1/users", description="Console passwords")


@blp.route("/<int:user_id>/password", methods=["PUT"])
@blp.arguments(PasswordSetSchema)
@blp.response(200, UserSchema)
@blp.doc(**OPTIONAL_IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 412, 422)
@require_roles(*ADMINS)
def set_password(data: dict[str, Any], user_id: int) -> Any:
    """Set or reset a user's console password; the user's console sessions end. API tokens are unaffected."""
    user = passwords.set_password(current_actor(), user_id, data["password"], if_match_when_given)
    return user, 200, headers_for(user)


@blp.route("/me/password", methods=["PUT"])
@blp.arguments(PasswordChangeSchema)
@blp.response(200, UserSchema)
@errors(blp, 400, 403, 422)
def change_password(data: dict[str, Any]) -> Any:
    """Change my own console password (the old one is required)."""
    return passwords.change_own_password(current_actor(), data["old_password"], data["new_password"])
