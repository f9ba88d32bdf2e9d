"""A request's last transaction ends with COMMIT when it only read, with ROLLBACK otherwise (service/db.py): the
same for the data, but psycopg forgets its prepared statements at every ROLLBACK, so that its statements reach
the threshold at which psycopg prepares them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import event, func, select, text

from service import create_app
from service.config import Settings
from service.db import transaction
from service.extensions import db
from service.models import Jurisdiction

pytestmark = pytest.mark.commits  # an app of its own, committing for real


@pytest.fixture
def tail_app(migrated: Settings) -> Iterator[tuple[Flask, list[str]]]:
    app = create_app(migrated)
    app.testing = True
    ends: list[str] = []

    def jurisdiction(code: str) -> Jurisdiction:
        return Jurisdiction(code=code, name="县", kind="county", parent_id=None, path=f"/{code}/")

    @app.get("/t/read")
    def read() -> Any:
        with transaction():
            db.session.add(jurisdiction("t-committed"))  # the view's own work, committed
        count = db.session.scalar(select(func.count()).select_from(Jurisdiction))
        prepared = 0
        if db.engine.dialect.name == "postgresql":
            prepared = db.session.scalar(text("SELECT count(*) FROM pg_prepared_statements"))
        return {"count": count, "prepared": prepared}

    @app.get("/t/flushed")
    def flushed() -> Any:
        db.session.add(jurisdiction("t-flushed"))
        db.session.flush()  # written, not committed: the ROLLBACK drops it
        return {}

    @app.get("/t/pending")
    def pending_object() -> Any:
        db.session.execute(select(1))
        db.session.add(jurisdiction("t-pending"))  # never flushed: a COMMIT would write it
        return {}

    @app.get("/t/failed")
    def failed() -> Any:
        db.session.add(jurisdiction("t-failed"))
        db.session.flush()
        raise RuntimeError("the view failed after writing")

    with app.app_context():
        engine = db.engine
    event.listen(engine, "commit", lambda _conn: ends.append("COMMIT"))
    event.listen(engine, "rollback", lambda _conn: ends.append("ROLLBACK"))
    try:
        yield app, ends
    finally:
        with app.app_context():
            with transaction():
                db.session.execute(Jurisdiction.__table__.delete().where(Jurisdiction.code.like("t-%")))
            db.engine.dispose()
        redis = app.extensions.get("redis")
        if redis is not None:
            redis.close()


def _codes(app: Flask) -> list[str]:
    with app.app_context():
        found = db.session.scalars(select(Jurisdiction.code).where(Jurisdiction.code.like("t-%"))).all()
        db.session.rollback()
        return sorted(found)


def test_a_tail_that_only_read_is_committed_and_the_connection_keeps_its_prepared_statements(
    tail_app: tuple[Flask, list[str]],
) -> None:
    app, ends = tail_app
    client = app.test_client()
    answers = []
    for _ in range(7):
        with app.app_context(), transaction():  # the view's committed row goes: every request commits one again
            db.session.execute(Jurisdiction.__table__.delete().where(Jurisdiction.code == "t-committed"))
        ends.clear()
        answers.append(client.get("/t/read").json)
        assert ends == ["COMMIT", "COMMIT"]  # the view's transaction, then its read-only tail: no ROLLBACK
    with app.app_context():
        dialect = db.engine.dialect.name
    if dialect == "postgresql":
        assert answers[0]["prepared"] == 0 and answers[-1]["prepared"] > 0
    assert _codes(app) == ["t-committed"]


@pytest.mark.parametrize("path", ["/t/flushed", "/t/pending", "/t/failed"])
def test_a_tail_that_wrote_or_failed_is_rolled_back(tail_app: tuple[Flask, list[str]], path: str) -> None:
    app, ends = tail_app
    ends.clear()
    answer = app.test_client().get(path)
    assert answer.status_code == (500 if path == "/t/failed" else 200)
    assert ends == ["ROLLBACK"]
    assert _codes(app) == []
