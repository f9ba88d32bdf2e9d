"""The suite's own isolation (tests/conftest.py): each test runs in a transaction rolled back at the end,
on one app shared by the session. Tests in this file run in order: a `_then_` test checks what the one
before it left behind."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from flask import Flask
from sqlalchemy import func, select

from service.auth import system_actor
from service.clock import FixedClock, now
from service.db import transaction
from service.extensions import db
from service.inputs import NewUser
from service.models import Jurisdiction, Unit, User
from service.operations.reference import units, users
from tests.support.factories import new_unit
from tests.support.world import START, World
from workflows.errors import Conflict


def _count(app: Flask, model: type) -> int:
    with app.app_context():
        return db.session.execute(select(func.count()).select_from(model)).scalar_one()


def test_a_test_writes_users_tokens_units_and_settings(app: Flask, world: World, clock: FixedClock) -> None:
    actor = system_actor("test")
    with app.app_context():
        units.create(actor, new_unit(world.ids["east_t1"]))
        extra = users.create(
            actor, NewUser(username="extra", display_name="extra", role="admin", jurisdiction_id=world.ids["city"])
        )
        world.tokens["extra"] = users.issue_token(actor, extra, "test")[1]
    app.config["SETTINGS"] = None
    clock.set(datetime(2027, 1, 1, tzinfo=UTC))
    with app.app_context():
        assert now() == datetime(2027, 1, 1, tzinfo=UTC)
    assert _count(app, Unit) == 1


def test_then_the_next_test_sees_none_of_it(app: Flask, world: World) -> None:
    assert _count(app, Unit) == 0
    with app.app_context():
        assert db.session.execute(select(User).where(User.username == "extra")).first() is None
        assert now() == START
    assert "extra" not in world.tokens
    assert app.config["SETTINGS"] is not None


def test_a_rollback_inside_the_code_undoes_only_its_own_work(app: Flask, world: World) -> None:
    """The code's commits are SAVEPOINT releases and its rollbacks go back to the last one, as they would
    to the last commit outside the suite."""
    actor = system_actor("test")
    payload = new_unit(world.ids["east_t1"])
    with app.app_context():
        units.create(actor, payload)
        with pytest.raises(Conflict):
            units.create(actor, replace(payload, name="重复的信用代码"))  # unique violation → rolled back
        with pytest.raises(RuntimeError), transaction():
            db.session.add(Jurisdiction(code="gone", name="半途而废", kind="township", path="/x/"))
            db.session.flush()
            raise RuntimeError("abandon this unit of work")
        assert [u.name for u in db.session.execute(select(Unit)).scalars()] == [payload.name]
    assert _count(app, Jurisdiction) == len(world.ids)


def test_without_the_world_the_database_is_empty(app: Flask) -> None:
    assert _count(app, Jurisdiction) == 0
    assert _count(app, User) == 0


@pytest.mark.commits
def test_a_commits_test_writes_from_another_thread(app: Flask, world: World) -> None:
    def write() -> None:
        with app.app_context():
            units.create(system_actor("test"), new_unit(world.ids["east_t1"]))

    thread = threading.Thread(target=write)
    thread.start()
    thread.join(timeout=30)
    assert _count(app, Unit) == 1  # committed: visible to the test's own (other) connection


def test_then_its_rows_are_gone_and_the_world_is_back(app: Flask, world: World) -> None:
    assert _count(app, Unit) == 0
    assert _count(app, Jurisdiction) == len(world.ids)
    assert _count(app, User) == len(world.users)


def test_a_thread_in_a_rolled_back_test_is_told_to_mark_it(app: Flask, world: World) -> None:
    errors: list[BaseException] = []

    def read() -> None:
        try:
            _count(app, Unit)
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=read)
    thread.start()
    thread.join(timeout=30)
    assert len(errors) == 1 and "mark it @pytest.mark.commits" in str(errors[0])
