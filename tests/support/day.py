"""What the working-day browser tests share: the demo city (`service.demo.load`, exactly what `make run` loads)
served on a real port, its users signed in through the sign-in form in Debian's Chromium.

A day test is marked like the other browser tests (`MARKS`: real commits, Chromium present) and asks for
`demo_server`; it checks results through the pages, or through the service layer only to confirm what a page
said (never to do the work). The clock is a Monday morning in December, 09:30 in Beijing: the demo's work is
dated relative to it. Screenshots go to artifacts/screenshots/day-<role>-NN-<what>.png."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select, update
from werkzeug.serving import make_server

from service import demo
from service.clock import FixedClock
from service.extensions import db
from service.models import User
from tests.support.browser import ARTIFACTS, CHROMIUM, PORTS, Person
from tests.support.console import PASSWORD, password_hash
from tests.support.ports import free_port

__all__ = ["ARTIFACTS", "CHROMIUM", "DAY", "DemoCity", "Person", "clock", "demo_server"]

# Monday 2026-12-07, 09:30 China time.
DAY = datetime(2026, 12, 7, 1, 30, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(DAY)


@dataclass
class DemoCity:
    base: str
    app: Flask

    def person(self, browser: Any, username: str, width: int = 1366, height: int = 768) -> Person:
        """A demo user (admin, supervisor, county_supervisor, approver, county_approver, handler, portal,
        instructor) in their own browser context; every dialog (confirm) is accepted and recorded in
        `person.asked`."""
        person = Person(browser, self.base, username, width=width, height=height)
        asked: list[str] = []

        def _answer(dialog: Any) -> None:
            asked.append(dialog.message)
            dialog.accept()

        person.page.on("dialog", _answer)
        person.asked = asked  # type: ignore[attr-defined]
        return person

    def user_id(self, username: str) -> int:
        with self.app.app_context():
            return int(db.session.execute(select(User.id).where(User.username == username)).scalar_one())


@pytest.fixture
def demo_server(app: Flask) -> Iterator[DemoCity]:
    """The demo city in the (empty) test database, every demo user's console password set to PASSWORD, the app
    served on a free port in a thread. The test must be marked `commits` (MARKS does): rows are emptied after."""
    with app.app_context():
        demo.load()
        db.session.execute(update(User).values(password_hash=password_hash()))
        db.session.commit()
        db.session.remove()
    port = free_port(PORTS)
    if port is None:
        pytest.skip(f"no free port in {PORTS.start}-{PORTS.stop - 1}")
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield DemoCity(f"http://127.0.0.1:{port}", app)
    finally:
        server.shutdown()
        thread.join(timeout=10)


def shot(person: Person, role: str, n: int, what: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    person.page.screenshot(path=str(ARTIFACTS / f"day-{role}-{n:02d}-{what}.png"), full_page=True)


PASSWORD_FOR_ALL = PASSWORD
