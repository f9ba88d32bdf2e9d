"""CSRF protection for every console form: a per-session random token, sent back in a hidden field
(`csrf_token`) or the X-CSRF-Token header, compared in constant time. The API under /api/ authenticates
with bearer tokens (never the cookie) and is not concerned."""

from __future__ import annotations

import hmac
import secrets

from flask import g, request, session

from service.errors import ApiError

SESSION_KEY = "csrf"
FIELD = "csrf_token"
HEADER = "X-CSRF-Token"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


class CsrfFailed(ApiError):
    def __init__(self) -> None:
        super().__init__(400, "csrf_failed", "页面已过期或表单来源无效，请刷新页面后重试")


def token() -> str:
    """This session's token (created on first use); templates call it as csrf_token()."""
    value = session.get(SESSION_KEY)
    if not isinstance(value, str):
        value = secrets.token_urlsafe(32)
        session[SESSION_KEY] = value
    return value


def protect() -> None:
    """before_request of the console blueprint (after the session is read). A signed-out POST elsewhere than
    the sign-in form carries no session to forge: the page sends it to the sign-in page, changing nothing."""
    if request.method not in UNSAFE:
        return
    if g.get("actor") is None and request.endpoint != "console.sign_in":
        return
    expected = session.get(SESSION_KEY)
    sent = request.form.get(FIELD) or request.headers.get(HEADER) or ""
    if not isinstance(expected, str) or not hmac.compare_digest(expected.encode(), sent.encode()):
        raise CsrfFailed()
