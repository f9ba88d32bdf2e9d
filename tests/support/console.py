"""The console fixture (a plugin, tests/conftest.py): `console` signs world users in (one browser-like test
client each) and posts forms with their CSRF token.

Signing in through the sign-in form costs an argon2 hash per user; `console.as_("approver@east_t1")` instead
gives the user a password (one hash per session, reused) and writes the session as a sign-in would, so page
tests stay fast. tests/console/test_sign_in.py covers the real form."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import update

from service.console import access, csrf
from service.extensions import db
from service.models import User
from service.operations.reference import passwords
from tests.support.world import World

PASSWORD = "Console-Test-2026"
_HASH: dict[str, str] = {}


def password_hash() -> str:
    if "h" not in _HASH:
        _HASH["h"] = passwords.hash_password(PASSWORD)
    return _HASH["h"]


CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


class Console:
    """Browser-like clients for world users: console.get("/inbox", as_="approver@east_t1")."""

    def __init__(self, app: Flask, world: World) -> None:
        self.app = app
        self.world = world
        self.clients: dict[str, FlaskClient] = {}

    def give_password(self, who: str) -> int:
        user_id = self.world.users[who]
        with self.app.app_context():
            db.session.execute(update(User).where(User.id == user_id).values(password_hash=password_hash()))
            db.session.commit()
        return user_id

    def as_(self, who: str) -> FlaskClient:
        """A client signed in as a world user (created once per test and user)."""
        if who not in self.clients:
            user_id = self.give_password(who)
            client = self.app.test_client()
            with self.app.test_request_context():
                mark = passwords.password_mark(password_hash())
            with client.session_transaction() as session:
                session[access.SESSION_USER] = user_id
                session[access.SESSION_MARK] = mark
                session[csrf.SESSION_KEY] = f"csrf-{user_id}"
            self.clients[who] = client
        return self.clients[who]

    def token(self, who: str) -> str:
        self.as_(who)
        return f"csrf-{self.world.users[who]}"

    def get(self, path: str, as_: str, **kw: Any) -> Any:
        return self.as_(as_).get(path, **kw)

    def post(self, path: str, as_: str, data: dict[str, Any] | None = None, **kw: Any) -> Any:
        return self.as_(as_).post(path, data={**(data or {}), "csrf_token": self.token(as_)}, **kw)


@pytest.fixture
def console(app: Flask, world: World) -> Console:
    return Console(app, world)
