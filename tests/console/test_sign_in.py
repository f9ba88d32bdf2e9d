"""Sign-in through the real form: argon2id hashes, the rate limit per user and per address (a table, with the
injected clock), CSRF on every form, the session cookie's flags, and sessions ended by a password reset."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from werkzeug.middleware.proxy_fix import ProxyFix

from service import create_app, trust_proxies
from service.clock import FixedClock
from service.config import Settings
from service.extensions import db
from service.models import AuditEvent, SignInFailure, User
from tests.support.console import PASSWORD, Console
from tests.support.world import Api, World

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def _token(client: FlaskClient, path: str = "/sign-in") -> str:
    match = CSRF.search(client.get(path).get_data(as_text=True))
    assert match, "the page has no CSRF field"
    return match.group(1)


def _sign_in(client: FlaskClient, username: str, password: str, address: str = "10.0.0.1") -> object:
    token = _token(client)
    return client.post(
        "/sign-in",
        data={"username": username, "password": password, "csrf_token": token},
        environ_base={"REMOTE_ADDR": address},
    )


def test_sign_in_with_the_password_then_sign_out(app: Flask, console: Console) -> None:
    console.give_password("approver@east_t1")
    client = app.test_client()
    res = _sign_in(client, "approver.east_t1", PASSWORD)
    assert res.status_code == 302 and res.headers["Location"] == "/"
    cookie = res.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "dangjian_session=" in cookie
    assert "Secure" not in cookie  # SESSION_COOKIE_SECURE is off by default (no TLS in tests)
    assert client.get("/").headers["Location"] == "/inbox"
    page = client.get("/inbox").get_data(as_text=True)
    assert "approver@east_t1" in page and "东一镇" in page and "退出" in page
    res = client.post("/sign-out", data={"csrf_token": _token(client, "/inbox")})
    assert res.headers["Location"] == "/sign-in"
    assert client.get("/inbox").headers["Location"].startswith("/sign-in")


def test_the_hash_is_argon2id_and_never_in_the_audit(app: Flask, api: Api, world: World) -> None:
    uid = world.users["handler@east_t1"]
    res = api.call("PUT", f"/api/v1/users/{uid}/password", json={"password": "Sicheres-Wort-1"})
    assert res.status_code == 200 and "password_hash" not in res.json
    with app.app_context():
        stored = db.session.get(User, uid)
        assert stored is not None and stored.password_hash is not None
        assert stored.password_hash.startswith("$argon2id$")
        trail = db.session.execute(select(AuditEvent).where(AuditEvent.action == "user.password_set")).scalars().all()
        assert len(trail) == 1 and "argon2" not in str(trail[0].state_after)


def test_wrong_password_and_unknown_user_answer_alike(app: Flask, console: Console) -> None:
    console.give_password("approver@east_t1")
    client = app.test_client()
    wrong = _sign_in(client, "approver.east_t1", "falsch-falsch")
    unknown = _sign_in(client, "nobody.here", "falsch-falsch")
    assert wrong.status_code == unknown.status_code == 401
    assert "用户名或密码错误" in wrong.get_data(as_text=True)
    assert "用户名或密码错误" in unknown.get_data(as_text=True)
    assert client.get("/inbox").status_code == 302


def test_an_unknown_user_costs_a_verification_with_the_hashers_own_parameters() -> None:
    """The fixed hash verified for an unknown username was made with the hasher's parameters: were they to
    change (a new argon2-cffi default), a miss would cost less time than a wrong password and tell usernames
    apart."""
    from service.operations.reference import passwords

    dummy = passwords._DUMMY_HASH
    assert dummy.startswith("$argon2id$") and not passwords._hasher.check_needs_rehash(dummy)
    assert passwords._hasher.verify(dummy, "not-a-password")
    assert not passwords.verify_password(None, "not-a-password")


def test_failures_are_limited_per_user_within_the_window(app: Flask, console: Console, clock: FixedClock) -> None:
    console.give_password("approver@east_t1")
    limit = app.config["SETTINGS"].signin_max_failures_per_user
    client = app.test_client()
    for i in range(limit):
        assert _sign_in(client, "approver.east_t1", "falsch", f"10.0.1.{i}").status_code == 401
    # the right password is refused too while the user is locked, from any address
    res = _sign_in(client, "approver.east_t1", PASSWORD, "10.9.9.9")
    assert res.status_code == 429 and "登录失败次数过多" in res.get_data(as_text=True)
    clock.set(clock.now() + timedelta(seconds=app.config["SETTINGS"].signin_window_seconds + 1))
    assert _sign_in(client, "approver.east_t1", PASSWORD, "10.9.9.9").status_code == 302
    with app.app_context():  # a success clears the user's count
        left = db.session.execute(
            select(func.count()).select_from(SignInFailure).where(SignInFailure.username == "approver.east_t1")
        ).scalar_one()
    assert left == 0


def test_failures_are_limited_per_address_across_usernames(app: Flask, console: Console) -> None:
    console.give_password("handler@east_t1")
    limit = app.config["SETTINGS"].signin_max_failures_per_address
    client = app.test_client()
    for i in range(limit):
        assert _sign_in(client, f"guess{i}", "falsch", "10.0.2.1").status_code == 401
    assert _sign_in(client, "handler.east_t1", PASSWORD, "10.0.2.1").status_code == 429
    assert _sign_in(client, "handler.east_t1", PASSWORD, "10.0.2.2").status_code == 302


def test_every_form_needs_the_csrf_token(app: Flask, console: Console) -> None:
    console.give_password("approver@east_t1")
    client = app.test_client()
    res = client.post("/sign-in", data={"username": "approver.east_t1", "password": PASSWORD})
    assert res.status_code == 400 and "页面已过期" in res.get_data(as_text=True)
    signed = console.as_("approver@east_t1")
    for path in ("/sign-out", "/notifications/read-all", "/account"):
        res = signed.post(path, data={"csrf_token": "forged"})
        assert res.status_code == 400, path
    assert signed.get("/inbox").status_code == 200  # still signed in: the forged sign-out did nothing


def test_next_stays_on_this_site(app: Flask, console: Console) -> None:
    console.give_password("approver@east_t1")
    client = app.test_client()
    assert client.get("/done?unit=x").headers["Location"] == "/sign-in?next=/done?unit%3Dx"
    token = _token(client)
    for target, expected in (("/done", "/done"), ("//evil.example/x", "/"), ("https://evil.example", "/")):
        res = client.post(
            f"/sign-in?next={target}",
            data={"username": "approver.east_t1", "password": PASSWORD, "csrf_token": token},
        )
        assert res.headers["Location"] == expected, target
        client.post("/sign-out", data={"csrf_token": _token(client, "/done")})
        token = _token(client)


def test_a_reset_ends_the_users_sessions_and_a_change_keeps_mine(app: Flask, console: Console) -> None:
    approver = console.as_("approver@east_t1")
    assert approver.get("/inbox").status_code == 200
    uid = console.world.users["approver@east_t1"]
    res = console.post(
        f"/admin/users/{uid}/password",
        as_="admin@east",
        data={"password": "Neu-Passwort-1", "password_again": "Neu-Passwort-1"},
    )
    assert res.status_code == 302
    assert approver.get("/inbox").headers["Location"].startswith("/sign-in")
    client = app.test_client()
    assert _sign_in(client, "approver.east_t1", "Neu-Passwort-1").status_code == 302
    token = _token(client, "/account")
    bad = client.post(
        "/account",
        data={
            "old_password": "Neu-Passwort-1",
            "new_password": "kurz",
            "new_password_again": "kurz",
            "csrf_token": token,
        },
    )
    assert bad.status_code == 422 and "密码至少8位" in bad.get_data(as_text=True)
    ok = client.post(
        "/account",
        data={
            "old_password": "Neu-Passwort-1",
            "new_password": "Noch-neuer-2",
            "new_password_again": "Noch-neuer-2",
            "csrf_token": token,
        },
    )
    assert ok.status_code == 302
    assert client.get("/inbox").status_code == 200  # this browser stays signed in


def test_api_tokens_keep_working_and_users_change_their_password_by_api(api: Api) -> None:
    res = api.call(
        "PUT", "/api/v1/users/me/password", as_="handler@east", json={"old_password": "", "new_password": "x"}
    )
    assert res.status_code == 422
    assert api.get("/api/v1/users/me", as_="handler@east").status_code == 200


def test_behind_a_trusted_proxy_the_limit_counts_the_forwarded_address(app: Flask, console: Console) -> None:
    """TRUSTED_PROXIES=1 (nginx in front): every client arrives from the proxy's address, so the limit per
    address must count X-Forwarded-For's; with no trusted proxy the header is ignored (a client cannot forge
    a fresh address per attempt)."""
    console.give_password("handler@east_t1")
    limit = app.config["SETTINGS"].signin_max_failures_per_address
    client = app.test_client()

    def attempt(username: str, password: str, forwarded: str) -> int:
        token = _token(client)
        res = client.post(
            "/sign-in",
            data={"username": username, "password": password, "csrf_token": token},
            environ_base={"REMOTE_ADDR": "10.0.9.1"},  # the proxy
            headers={"X-Forwarded-For": forwarded},
        )
        return res.status_code

    # No trusted proxy: forged headers do not help, every attempt counts against the proxy's address.
    for i in range(limit):
        assert attempt(f"guess{i}", "falsch", f"192.0.2.{i}") == 401
    assert attempt("handler.east_t1", PASSWORD, "192.0.2.200") == 429
    with app.app_context():
        assert set(db.session.execute(select(SignInFailure.address)).scalars()) == {"10.0.9.1"}

    wsgi = app.wsgi_app
    try:
        trust_proxies(app, 1)
        for i in range(limit):
            assert attempt(f"other{i}", "falsch", "198.51.100.7") == 401
        assert attempt("handler.east_t1", PASSWORD, "198.51.100.7") == 429  # that client is limited…
        assert (
            attempt("handler.east_t1", PASSWORD, "198.51.100.8") == 302
        )  # …its neighbour behind the same proxy is not
    finally:
        app.wsgi_app = wsgi  # type: ignore[method-assign]
    with app.app_context():
        counts = dict(
            db.session.execute(select(SignInFailure.address, func.count()).group_by(SignInFailure.address)).all()
        )
    assert counts == {"10.0.9.1": limit, "198.51.100.7": limit}


def test_create_app_trusts_the_configured_number_of_proxies(settings: Settings) -> None:
    assert not isinstance(create_app(replace(settings, trusted_proxies=0)).wsgi_app, ProxyFix)
    wrapped = create_app(replace(settings, trusted_proxies=2)).wsgi_app
    assert isinstance(wrapped, ProxyFix) and (wrapped.x_for, wrapped.x_proto, wrapped.x_prefix) == (2, 2, 2)
