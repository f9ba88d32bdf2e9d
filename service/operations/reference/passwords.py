"""Console passwords: argon2id hashes, signing in with a rate limit, setting and changing passwords.

API tokens are unaffected: a user without a password still works through the API."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from sqlalchemy import delete, func, insert, select

from service.auth import Actor
from service.clock import now
from service.db import transaction
from service.errors import ApiError, Forbidden
from service.extensions import db
from service.models import Jurisdiction, SignInFailure, User
from service.operations.common import Precondition, check_precondition, get_scoped
from service.operations.engines import audit
from service.roles import ADMINS
from workflows.errors import RuleViolation

# argon2-cffi's defaults are RFC 9106's low-memory profile (argon2id, t=3, m=64 MiB, p=4).
_hasher = PasswordHasher()
# Verified when the username is unknown, so a miss costs the same time as a wrong password. A hash of
# "not-a-password" made once with the hasher's parameters (a test checks they still match): hashing it at
# import cost half a second of every start-up.
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$ROHzbmAfgrTReZ7ijSRUqg$azlvsXoowMBBiE9pGebd0aOO9NNsBITFUPPvAzjI+2M"
MAX_PASSWORD_LENGTH = 128


def hash_password(plain: str) -> str:
    return _hasher.hash(plain)


def verify_password(stored: str | None, plain: str) -> bool:
    try:
        return _hasher.verify(stored or _DUMMY_HASH, plain) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def _settings() -> Any:
    return current_app.config["SETTINGS"]


def check_strength(plain: str, username: str, field: str = "new_password") -> None:
    """The password policy: long enough, not the username."""
    minimum = _settings().password_min_length
    if len(plain) < minimum:
        raise RuleViolation("password_too_short", f"密码至少{minimum}位", field)
    if len(plain) > MAX_PASSWORD_LENGTH:
        raise RuleViolation("password_too_long", f"密码不能超过{MAX_PASSWORD_LENGTH}位", field)
    if plain.strip().lower() == username.lower():
        raise RuleViolation("password_is_username", "密码不能与用户名相同", field)


class TooManyAttempts(ApiError):
    def __init__(self, minutes: int) -> None:
        super().__init__(429, "too_many_attempts", f"登录失败次数过多，请{minutes}分钟后再试")


class SignInFailed(ApiError):
    def __init__(self) -> None:
        super().__init__(401, "sign_in_failed", "用户名或密码错误")


@dataclass(frozen=True)
class SignedIn:
    user_id: int
    # Changes whenever the password does: a session remembers it, so a reset ends every older session.
    password_mark: str


def password_mark(password_hash: str | None) -> str:
    """A short keyed fingerprint of the stored hash for the (signed, readable) session cookie: it changes with
    the password and reveals nothing of the hash."""
    key = str(current_app.secret_key or "").encode()
    return hmac.new(key, (password_hash or "").encode(), hashlib.sha256).hexdigest()[:16]


def sign_in(username: str, password: str, address: str) -> SignedIn:
    """Check a username and password. Failed attempts are counted per username and per address within the
    window (settings); past either limit every attempt is refused (429) before the password is checked."""
    s = _settings()
    name = username.strip().lower()[:64]
    address = address[:64]
    since = now() - timedelta(seconds=s.signin_window_seconds)
    minutes = max(1, s.signin_window_seconds // 60)
    user_failures, address_failures = db.session.execute(
        select(
            select(func.count())
            .select_from(SignInFailure)
            .where(SignInFailure.username == name, SignInFailure.at >= since)
            .scalar_subquery(),
            select(func.count())
            .select_from(SignInFailure)
            .where(SignInFailure.address == address, SignInFailure.at >= since)
            .scalar_subquery(),
        )
    ).one()
    if user_failures >= s.signin_max_failures_per_user or address_failures >= s.signin_max_failures_per_address:
        db.session.rollback()
        raise TooManyAttempts(minutes)
    user = db.session.execute(
        select(User).where(func.lower(User.username) == name, User.active.is_(True))
    ).scalar_one_or_none()
    ok = verify_password(user.password_hash if user else None, password)
    with transaction():
        if not ok or user is None:
            db.session.execute(insert(SignInFailure).values(username=name, address=address, at=now()))
        else:
            # A success clears the user's count; the address keeps its own (guessing across usernames).
            db.session.execute(delete(SignInFailure).where(SignInFailure.username == name))
            if _hasher.check_needs_rehash(user.password_hash or ""):
                user.password_hash = hash_password(password)
    if not ok or user is None:
        raise SignInFailed()
    return SignedIn(user.id, password_mark(user.password_hash))


@dataclass(frozen=True)
class SessionUser:
    actor: Actor
    display_name: str
    jurisdiction_name: str


def session_user(user_id: int, mark: str, request_id: str | None) -> SessionUser | None:
    """Who a console session belongs to (one query), or None when the user is gone, inactive or changed password."""
    row = db.session.execute(
        select(
            User.id,
            User.username,
            User.display_name,
            User.role,
            User.jurisdiction_id,
            User.password_hash,
            Jurisdiction.path,
            Jurisdiction.name,
        )
        .join(Jurisdiction, Jurisdiction.id == User.jurisdiction_id)
        .where(User.id == user_id, User.active.is_(True))
    ).one_or_none()
    if row is None or row.password_hash is None or not hmac.compare_digest(password_mark(row.password_hash), mark):
        return None
    actor = Actor(row.id, row.username, row.role, row.jurisdiction_id, row.path, request_id)
    return SessionUser(actor, row.display_name, row.name)


def _store(actor: Actor, user: User, plain: str, action: str) -> None:
    had = user.password_hash is not None
    user.password_hash = hash_password(plain)
    user.password_changed_at = now()
    db.session.flush()
    audit.record(
        actor,
        action,
        "user",
        user.id,
        user.jurisdiction_id,
        {"has_password": had},
        {"has_password": True, "password_changed_at": user.password_changed_at.isoformat()},
    )


def set_password(actor: Actor, user_id: int, plain: str, precondition: Precondition | None = None) -> User:
    """An admin sets or resets a user's password (in the admin's scope). The user's sessions end."""
    if actor.role not in ADMINS:
        raise Forbidden()
    with transaction():
        user = get_scoped(User, user_id, actor, for_update=True)
        check_precondition(user, precondition)
        check_strength(plain, user.username, "password")
        _store(actor, user, plain, "user.password_set")
    return user


def change_own_password(actor: Actor, old: str, new: str) -> User:
    """A signed-in user changes their own password; the old one must be given."""
    if actor.user_id is None:
        raise Forbidden()
    with transaction():
        user = get_scoped(User, actor.user_id, actor, for_update=True)
        if not verify_password(user.password_hash, old):
            raise RuleViolation("old_password_wrong", "原密码不正确", "old_password")
        check_strength(new, user.username)
        if verify_password(user.password_hash, new):
            raise RuleViolation("password_unchanged", "新密码不能与原密码相同", "new_password")
        _store(actor, user, new, "user.password_change")
    return user


def has_password(user: User) -> bool:
    return user.password_hash is not None
