"""Bearer-token authentication, roles and jurisdiction scope."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

from flask import current_app, g, request
from sqlalchemy import Select, select
from sqlalchemy.orm import InstrumentedAttribute

from service import rate_limits, scopes
from service.errors import ApiError, Forbidden
from service.extensions import db
from service.models import ApiToken, Jurisdiction, Role, User

TOKEN_PREFIX = "dj_"


@dataclass(frozen=True)
class Actor:
    """Who is acting: a user through the API, or the system (workers, CLI)."""

    user_id: int | None
    username: str
    role: str
    jurisdiction_id: int | None
    jurisdiction_path: str
    request_id: str | None = None
    # The API token the request came with (idempotency keys are kept per token); None for the console and system.
    token_id: int | None = None
    # That token's scopes (service/scopes.py); None: not a token, nothing to restrict.
    scopes: frozenset[str] | None = None

    @property
    def label(self) -> str:
        return self.username

    def in_scope(self, path: str) -> bool:
        return path.startswith(self.jurisdiction_path)


SelectT = TypeVar("SelectT", bound=Select)  # any row shape


def system_actor(name: str = "system", request_id: str | None = None) -> Actor:
    """The system sees everything (path "/" is every path's prefix)."""
    return Actor(None, name, Role.admin, None, "/", request_id)


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def actor_for_token(token: str, request_id: str | None) -> Actor | None:
    row = db.session.execute(
        select(
            User.id,
            User.username,
            User.role,
            User.jurisdiction_id,
            Jurisdiction.path,
            ApiToken.id.label("token_id"),
            ApiToken.scopes,
        )
        .join(ApiToken, ApiToken.user_id == User.id)
        .join(Jurisdiction, Jurisdiction.id == User.jurisdiction_id)
        .where(ApiToken.token_hash == hash_token(token), ApiToken.revoked_at.is_(None), User.active.is_(True))
    ).one_or_none()
    if row is None:
        return None
    held = scopes.parse(row.scopes)
    return Actor(row.id, row.username, row.role, row.jurisdiction_id, row.path, request_id, row.token_id, held)


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": 'Bearer realm="dangjian"'})


def authenticate() -> None:
    """before_request for the API: every /api/v1 call needs a valid token, within the rate limits (per client
    address before the token is looked up, per token after), with the scope its endpoint requires."""
    rate_limits.check_address()
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized("缺少 Bearer 令牌")
    actor = actor_for_token(token.strip(), g.get("request_id"))
    if actor is None:
        raise _unauthorized("令牌无效或已吊销")
    g.actor = actor
    rate_limits.check_token(actor)
    require_scope(actor)


def require_scope(actor: Actor) -> None:
    """403 `insufficient_scope` when the token lacks the scope the endpoint requires (service/scopes.py), before
    the view and its role check: it names the scope, which reveals nothing of the resource."""
    if actor.scopes is None or request.url_rule is None:
        return  # not a token; or no route matched (the 404 / 405 follows)
    needed = scopes.scope_for(current_app, request.url_rule, request.method)
    if needed.value in actor.scopes:
        return
    if needed not in scopes.role_scopes(actor.role):
        raise Forbidden()  # no token of this role could hold it: the role's own refusal, not a scope to ask for
    label = scopes.SCOPE_LABELS[needed]
    raise ApiError(
        403,
        "insufficient_scope",
        f"令牌缺少权限范围「{needed.value}」（{label}），请使用含此范围的令牌",
        headers={"WWW-Authenticate": f'Bearer realm="dangjian", error="insufficient_scope", scope="{needed.value}"'},
        extra={"required_scope": needed.value},
    )


def current_actor() -> Actor:
    return g.actor


F = TypeVar("F", bound=Callable[..., Any])


def require_roles(*roles: Role) -> Callable[[F], F]:
    """403 for a role the endpoint is not meant for, before any lookup (so nothing leaks)."""
    allowed = {r.value for r in roles}

    def decorator(fn: F) -> F:
        @wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if current_actor().role not in allowed:
                raise Forbidden()
            return fn(*args, **kwargs)

        # What the endpoint's token scope is derived from (service/scopes.py).
        setattr(wrapper, scopes.ROLES_ATTRIBUTE, frozenset(allowed))
        return wrapper  # type: ignore[return-value]

    return decorator


def scope_ids(actor: Actor) -> Select[int]:
    """Ids of the jurisdictions in the actor's subtree, as a subquery."""
    return select(Jurisdiction.id).where(Jurisdiction.path.startswith(actor.jurisdiction_path, autoescape=True))


def in_scope(stmt: SelectT, column: InstrumentedAttribute[Any], actor: Actor) -> SelectT:
    """Restrict a query to rows whose jurisdiction column lies in the actor's subtree."""
    if actor.jurisdiction_path == "/":
        return stmt
    return stmt.where(column.in_(scope_ids(actor)))
