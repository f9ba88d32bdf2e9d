"""Users and API tokens."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from sqlalchemy import Select, select

from service.auth import Actor, hash_token, in_scope, new_token
from service.clock import now
from service.db import transaction
from service.errors import NotFound
from service.extensions import db
from service.inputs import NewUser, UserChanges
from service.models import ApiToken, Role, User
from service.models.base import snapshot
from service.models.user import ROLE_LABELS
from service.operations.common import Precondition, check_precondition, get_scoped
from service.operations.engines import audit
from service.operations.reference import jurisdictions
from service.scopes import role_scopes, stored
from workflows.errors import Conflict, RuleViolation

# Never copied into the audit trail.
SECRET_COLUMNS = ("password_hash",)


def get(actor: Actor, ident: int) -> User:
    return get_scoped(User, ident, actor)


def query(
    actor: Actor, role: str | None = None, jurisdiction_id: int | None = None, active: bool | None = None
) -> Select[User]:
    stmt = in_scope(select(User), User.jurisdiction_id, actor)
    if role:
        stmt = stmt.where(User.role == role)
    if jurisdiction_id is not None:
        stmt = stmt.where(User.jurisdiction_id == jurisdiction_id)
    if active is not None:
        stmt = stmt.where(User.active.is_(active))
    return stmt.order_by(User.username, User.id)


def display_names(user_ids: Iterable[int | None]) -> dict[int, str]:
    """People as pages and documents show them (their display name, never the username), by id: one statement
    per 500 people, and one for none (a page's statement count stays fixed). Not scoped: the caller already
    holds records in scope naming these people (history, tasks, circulars)."""
    ids = sorted({i for i in user_ids if i is not None})
    out: dict[int, str] = {}
    for start in range(0, max(len(ids), 1), 500):
        rows = db.session.execute(select(User.id, User.display_name).where(User.id.in_(ids[start : start + 500])))
        out.update({r.id: r.display_name for r in rows})
    return out


def display_name_of(username: str) -> str | None:
    """The display name of the user a record names by username (older records kept the username)."""
    name = db.session.execute(select(User.display_name).where(User.username == username)).scalar_one_or_none()
    return str(name) if name is not None else None


def create(actor: Actor, new: NewUser) -> User:
    with transaction():
        place = jurisdictions.get(actor, new.jurisdiction_id)
        if db.session.execute(select(User.id).where(User.username == new.username)).first():
            raise Conflict("duplicate_username", "用户名已存在", "username")
        user = User(
            username=new.username,
            display_name=new.display_name,
            role=Role(new.role).value,
            jurisdiction_id=place.id,
            active=True,
        )
        db.session.add(user)
        db.session.flush()
        audit.record(actor, "user.create", "user", user.id, user.jurisdiction_id, None, snapshot(user, SECRET_COLUMNS))
    return user


def update(actor: Actor, user_id: int, changes: UserChanges, precondition: Precondition | None = None) -> User:
    """Change a user: locked, then the caller's If-Match checked on the locked row, then the rules."""
    with transaction():
        user = get_scoped(User, user_id, actor, for_update=True)
        check_precondition(user, precondition)
        if user.id == actor.user_id and (changes.get("active") is False or changes.get("role", "admin") != "admin"):
            raise RuleViolation("cannot_demote_self", "不能停用自己或修改自己的角色", "role")
        if "jurisdiction_id" in changes:
            jurisdictions.get(actor, changes["jurisdiction_id"])
        before = snapshot(user, SECRET_COLUMNS)
        for key, value in changes.items():
            setattr(user, key, value)
        db.session.flush()
        old, new = audit.changed(before, snapshot(user, SECRET_COLUMNS))
        if old or new:  # a PATCH that changes nothing leaves no record
            audit.record(actor, "user.update", "user", user.id, user.jurisdiction_id, old, new)
    return user


def issue_token(actor: Actor, user: User, name: str, scopes: Collection[str] | None = None) -> tuple[ApiToken, str]:
    """Create a token; the plaintext is returned once and never stored. `scopes` defaults to the user's role's
    full set; a scope the role can never use is refused."""
    if not user.active:
        raise Conflict("user_inactive", "用户已停用，不能签发令牌", "user_id")
    granted = token_scopes(user, scopes)
    plain = new_token()
    with transaction():
        token = ApiToken(
            user_id=user.id,
            name=name,
            token_hash=hash_token(plain),
            prefix=plain[:10],
            created_at=now(),
            scopes=granted,
        )
        db.session.add(token)
        db.session.flush()
        audit.record(
            actor,
            "token.issue",
            "user",
            user.id,
            user.jurisdiction_id,
            None,
            {"token_id": token.id, "name": name, "prefix": token.prefix, "scopes": granted},
        )
    return token, plain


def token_scopes(user: User, wanted: Collection[str] | None) -> str:
    """The scopes a new token of `user` gets, as stored: the role's full set unless some are asked for."""
    full = role_scopes(user.role)
    if wanted is None:
        return stored(full)
    if not wanted:
        raise RuleViolation("scopes_empty", "请至少选择一项权限范围", "scopes")
    beyond = [s for s in wanted if s not in full]
    if beyond:
        role = ROLE_LABELS.get(Role(user.role), user.role)
        raise RuleViolation(
            "scope_beyond_role",
            f"角色「{role}」不能持有权限范围「{'、'.join(beyond)}」",
            "scopes",
            detail={"allowed": [s.value for s in full]},
        )
    return stored(wanted)


def tokens(user: User) -> list[ApiToken]:
    return list(db.session.execute(select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id)).scalars())


def revoke_token(actor: Actor, user: User, token_id: int) -> ApiToken:
    with transaction():
        token = db.session.execute(
            select(ApiToken).where(ApiToken.id == token_id, ApiToken.user_id == user.id).with_for_update()
        ).scalar_one_or_none()
        if token is None:
            raise NotFound()
        if token.revoked_at is None:
            token.revoked_at = now()
            audit.record(
                actor,
                "token.revoke",
                "user",
                user.id,
                user.jurisdiction_id,
                {"token_id": token.id, "revoked_at": None},
                {"token_id": token.id, "revoked_at": token.revoked_at.isoformat()},
            )
    return token
