"""Test fixtures: the real database and the real Redis.

DATABASE_URL / REDIS_URL select PostgreSQL and an external Redis; without them the suite runs on
the embedded defaults (a temporary SQLite file in WAL mode and an embedded redis-server)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import MetaData, create_engine, text
from sqlalchemy.engine import make_url

from service import create_app
from service.clock import FixedClock
from service.config import Settings, normalise_database_url
from service.extensions import db

ROOT = Path(__file__).resolve().parent.parent


def _reset_postgres(url: str) -> None:
    """Drop what a previous run left, so migrations run from scratch (and are tested)."""
    name = make_url(url).database or ""
    if "test" not in name and os.environ.get("DANGJIAN_ALLOW_TEST_RESET") != "1":
        raise pytest.UsageError(
            f"refusing to reset database {name!r}: test databases must contain 'test' in their name "
            "(or set DANGJIAN_ALLOW_TEST_RESET=1)"
        )
    engine = create_engine(url)
    with engine.begin() as conn:
        meta = MetaData()
        meta.reflect(conn)
        meta.drop_all(conn)
        conn.execute(text("DROP FUNCTION IF EXISTS audit_events_append_only() CASCADE"))
    engine.dispose()


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if os.environ.get("REDIS_URL"):
        yield os.environ["REDIS_URL"]
        return
    from service.embedded import embedded_redis

    with embedded_redis(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory, redis_url: str) -> Settings:
    raw = os.environ.get("DATABASE_URL")
    if raw:
        url = normalise_database_url(raw)
        if url.startswith("postgresql"):
            _reset_postgres(url)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    base = Settings.from_env()
    return Settings(**{**base.__dict__, "database_url": url, "redis_url": redis_url, "embedded_database": not raw})


@pytest.fixture(scope="session")
def migrated(settings: Settings) -> Settings:
    from flask_migrate import upgrade

    app = create_app(settings)
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        db.engine.dispose()
    return settings


@pytest.fixture
def clock() -> FixedClock:
    # Friday 2026-09-25, the Mid-autumn day off just before the National Day week: deadlines computed
    # from it cross both holidays and the 10-10 make-up Saturday.
    return FixedClock(datetime(2026, 9, 25, 2, 0, tzinfo=UTC))


@pytest.fixture
def app(migrated: Settings, clock: FixedClock) -> Iterator[Flask]:
    app = create_app(migrated, clock=clock)
    app.testing = True
    yield app
    with app.app_context():
        _truncate()
        db.session.remove()
        db.engine.dispose()


def _truncate() -> None:
    db.session.rollback()
    tables = [t.name for t in reversed(db.metadata.sorted_tables)]
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            db.session.execute(text(f"DELETE FROM {table}"))
        with contextlib.suppress(Exception):
            db.session.execute(text("DELETE FROM sqlite_sequence"))
    db.session.commit()


@pytest.fixture
def ctx(app: Flask) -> Iterator[None]:
    with app.app_context():
        yield


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@dataclass
class World:
    """A small city: two counties, townships, users of every role, each with a token."""

    ids: dict[str, int]
    tokens: dict[str, str]
    users: dict[str, int]


WORLD_TREE = [
    ("city", "测试市", "city", None),
    ("east", "东县", "county", "city"),
    ("west", "西区", "district", "city"),
    ("east_t1", "东一镇", "township", "east"),
    ("east_t2", "东二街道", "street", "east"),
    ("east_ic", "东县物流行业党委", "industry_committee", "east"),
    ("west_t1", "西一镇", "township", "west"),
]
ROLES = ["admin", "supervisor", "approver", "handler", "portal", "instructor"]


def build_world(app: Flask) -> World:
    """Users: <role>@<place> for every role at city, east, east_t1 and west_t1 (e.g. 'admin@east')."""
    from service.auth import system_actor
    from service.operations import jurisdictions, users

    actor = system_actor("test")
    ids: dict[str, int] = {}
    tokens: dict[str, str] = {}
    user_ids: dict[str, int] = {}
    with app.app_context():
        for code, name, kind, parent in WORLD_TREE:
            row = jurisdictions.create(
                actor, {"code": code, "name": name, "kind": kind, "parent_id": ids[parent] if parent else None}
            )
            ids[code] = row.id
        for place in ("city", "east", "east_t1", "west_t1"):
            for role in ROLES:
                name = f"{role}@{place}"
                user = users.create(
                    actor,
                    {
                        "username": name.replace("@", "."),
                        "display_name": name,
                        "role": role,
                        "jurisdiction_id": ids[place],
                    },
                )
                user_ids[name] = user.id
                tokens[name] = users.issue_token(actor, user, "test")[1]
    return World(ids, tokens, user_ids)


@pytest.fixture
def world(app: Flask) -> World:
    return build_world(app)


class Api:
    """Test client calls as a named world user: api.get("/api/v1/units", as_="admin@east")."""

    def __init__(self, client: FlaskClient, world: World) -> None:
        self.client = client
        self.world = world

    def call(
        self, method: str, path: str, as_: str | None = "admin@city", headers: dict[str, str] | None = None, **kw: Any
    ) -> Any:
        h = dict(headers or {})
        if as_:
            h["Authorization"] = f"Bearer {self.world.tokens[as_]}"
        return self.client.open(path, method=method, headers=h, **kw)

    def get(self, path: str, **kw: Any) -> Any:
        return self.call("GET", path, **kw)

    def post(self, path: str, **kw: Any) -> Any:
        return self.call("POST", path, **kw)

    def patch(self, path: str, **kw: Any) -> Any:
        return self.call("PATCH", path, **kw)

    def delete(self, path: str, **kw: Any) -> Any:
        return self.call("DELETE", path, **kw)


@pytest.fixture
def api(client: FlaskClient, world: World) -> Api:
    return Api(client, world)
