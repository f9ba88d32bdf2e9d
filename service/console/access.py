"""Who is signed in, and the page decorator every console view uses.

The console never checks scope itself: views call the same service functions as the API
(service/operations), which raise NotFound (out of scope, 404) and Forbidden (403). The decorator only
adds what a page needs first — a signed-in user (else a redirect to the sign-in page) and the role gate
(403, before any lookup, like `require_roles`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import g, redirect, request, session, url_for

from service.auth import Actor
from service.errors import Forbidden
from service.models import Role
from service.operations.reference import passwords

F = TypeVar("F", bound=Callable[..., Any])

SESSION_USER = "uid"
SESSION_MARK = "pwm"


def load_actor() -> None:
    """before_request of the console: the signed-in user's actor in g.actor (as the API's token does)."""
    g.actor, g.console_user = None, None
    uid, mark = session.get(SESSION_USER), session.get(SESSION_MARK)
    if isinstance(uid, int) and isinstance(mark, str):
        user = passwords.session_user(uid, mark, g.get("request_id"))
        if user is None:  # deactivated, or the password changed since: the session ends
            session.clear()
        else:
            g.actor, g.console_user = user.actor, user


def signed_in_actor() -> Actor | None:
    return g.get("actor")


def start_session(signed: passwords.SignedIn) -> None:
    session.clear()  # a fresh session (and CSRF token) at sign-in: no fixation
    session[SESSION_USER] = signed.user_id
    session[SESSION_MARK] = signed.password_mark
    session.permanent = False


def end_session() -> None:
    session.clear()


def safe_next(target: str | None) -> str | None:
    """Only a local path: never an open redirect to another host."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


def next_url(default: str) -> str:
    return safe_next(request.values.get("next")) or default


def page(*roles: Role) -> Callable[[F], F]:
    """A console page: signed-out → the sign-in page (returning here after), a role outside `roles` → 403.
    No roles: any signed-in user."""
    allowed = {r.value for r in roles}

    def decorator(fn: F) -> F:
        @wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            actor = signed_in_actor()
            if actor is None:
                target = request.full_path if request.method == "GET" else request.path
                return redirect(url_for("console.sign_in", next=target.rstrip("?")))
            if allowed and actor.role not in allowed:
                raise Forbidden()
            return fn(*args, **kwargs)

        wrapper.console_roles = frozenset(allowed)  # type: ignore[attr-defined]  # read by the nav
        return wrapper  # type: ignore[return-value]

    return decorator
