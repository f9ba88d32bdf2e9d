"""Users and API tokens (admins, within their jurisdiction)."""

from __future__ import annotations

from typing import Any

from schemas.users import (
    IssuedTokenSchema,
    TokenCreateSchema,
    TokenSchema,
    UserCreateSchema,
    UserQuerySchema,
    UserSchema,
    UserUpdateSchema,
)
from service.api.docs import errors
from service.api.etag import IF_MATCH_DOC, headers_for, require_if_match
from service.api.pagination import Blueprint
from service.auth import current_actor, require_roles
from service.errors import NotFound
from service.inputs import NewUser, UserChanges
from service.operations.common import paginate
from service.operations.reference import users
from service.roles import ADMINS

blp = Blueprint("users", __name__, url_prefix="/api/v1/users", description="Users and API tokens")


@blp.route("/me")
@blp.response(200, UserSchema)
@errors(blp)
def me() -> Any:
    """The calling user (any role)."""
    actor = current_actor()
    if actor.user_id is None:
        raise NotFound()
    return users.get(actor, actor.user_id)


@blp.route("")
@blp.arguments(UserQuerySchema, location="query")
@blp.response(200, UserSchema(many=True))
@blp.paginate(page_size=50, max_page_size=200)
@errors(blp, 403, 422)
@require_roles(*ADMINS)
def list_users(filters: dict[str, Any], pagination_parameters: Any) -> Any:
    items, total = paginate(
        users.query(current_actor(), **filters), pagination_parameters.page, pagination_parameters.page_size
    )
    pagination_parameters.item_count = total
    return items


@blp.route("", methods=["POST"])
@blp.arguments(UserCreateSchema)
@blp.response(201, UserSchema)
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*ADMINS)
def create_user(data: NewUser) -> Any:
    user = users.create(current_actor(), data)
    return user, 201, headers_for(user)


@blp.route("/<int:user_id>")
@blp.response(200, UserSchema)
@errors(blp, 403, 404)
@require_roles(*ADMINS)
def get_user(user_id: int) -> Any:
    user = users.get(current_actor(), user_id)
    return user, 200, headers_for(user)


@blp.route("/<int:user_id>", methods=["PATCH"])
@blp.arguments(UserUpdateSchema)
@blp.response(200, UserSchema)
@blp.doc(**IF_MATCH_DOC)
@errors(blp, 400, 403, 404, 409, 412, 422, 428)
@require_roles(*ADMINS)
def update_user(changes: UserChanges, user_id: int) -> Any:
    user = users.update(current_actor(), user_id, changes, require_if_match)
    return user, 200, headers_for(user)


@blp.route("/<int:user_id>/tokens")
@blp.response(200, TokenSchema(many=True))
@errors(blp, 403, 404)
@require_roles(*ADMINS)
def list_tokens(user_id: int) -> Any:
    return users.tokens(users.get(current_actor(), user_id))


@blp.route("/<int:user_id>/tokens", methods=["POST"])
@blp.arguments(TokenCreateSchema, required=False)  # the body is optional: the token's name defaults to "api"
@blp.response(201, IssuedTokenSchema)
@errors(blp, 400, 403, 404, 409, 422)
@require_roles(*ADMINS)
def issue_token(data: dict[str, Any], user_id: int) -> Any:
    """Issue a token with some scopes (by default its user's role's full set). The response holds the token
    itself, once; only its hash is stored."""
    actor = current_actor()
    token, plain = users.issue_token(actor, users.get(actor, user_id), data["name"], data.get("scopes"))
    return {**{c.key: getattr(token, c.key) for c in token.__table__.columns}, "token": plain}, 201


@blp.route("/<int:user_id>/tokens/<int:token_id>", methods=["DELETE"])
@blp.response(200, TokenSchema)
@errors(blp, 403, 404)
@require_roles(*ADMINS)
def revoke_token(user_id: int, token_id: int) -> Any:
    """Revoke a token (idempotent). The record stays, with its revocation time."""
    actor = current_actor()
    return users.revoke_token(actor, users.get(actor, user_id), token_id)
