"""Test fixtures: the real database and the real Redis.

DATABASE_URL / REDIS_URL select PostgreSQL and an external Redis; without them the suite runs on
the embedded defaults (a temporary SQLite file in WAL mode and an embedded redis-server).

Speed: one app per session (`session_app`) and one committed `world`, built once. Each test runs inside
one connection's transaction, rolled back at the end: every `db.session` of the app joins it (the hook in
service/extensions.py), so the code's commits and rollbacks become SAVEPOINT releases and rollbacks.
Tests that need real commits — other threads or processes, a second app or connection, SKIP LOCKED
between sessions — are marked `@pytest.mark.commits`: they commit, and the database is emptied after.
A test using the database from another thread without the marker fails with a message saying so.

This is the one conftest.py with fixtures every folder uses; the others come from the plugins in
`pytest_plugins` below (tests/support/). Helpers that are not fixtures live in tests/support/ too:
tests/README.md says where each kind of test and helper goes."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Connection, Engine, MetaData, create_engine, event, text
from sqlalchemy.engine import make_url

from service import config_cache, create_app
from service.clock import FixedClock
from service.config import Settings, normalise_database_url
from service.extensions import TEST_CONNECTION, db
from tests.support import ROOT
from tests.support.world import START, Api, World, build_world

# Fixtures shared by several folders, each in its module of tests/support/ (registered here only: pytest
# takes `pytest_plugins` from the root conftest alone). A plugin another one imports comes first, so that
# pytest imports it itself (and rewrites its asserts): console before browser.
pytest_plugins = [
    "tests.support.console",  # console: world users signed in to the console
    "tests.support.browser",  # browser, live_server: Chromium through Playwright, the app on a real port
    "tests.support.colleagues",  # colleagues: more approvers per body
    "tests.support.webhooks",  # receiver: a webhook receiver on 127.0.0.1
]


def pytest_configure(config: pytest.Config) -> None:
    """Under pytest-xdist (`make test` runs `-n auto`) each worker process gets its own database and Redis
    database: DATABASE_URL's database + `_gw<N>` (created if missing), REDIS_URL's db + N. They are set in
    the environment, so whatever reads it — the workers and schedulers tests start included — uses them.
    Without DATABASE_URL / REDIS_URL each worker has its own temporary SQLite file and embedded Redis."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return
    if os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = _worker_database(os.environ["DATABASE_URL"], worker)
    if os.environ.get("REDIS_URL"):
        os.environ["REDIS_URL"] = _worker_redis(os.environ["REDIS_URL"], int(worker.removeprefix("gw")))


def _worker_database(raw: str, worker: str) -> str:
    url = make_url(normalise_database_url(raw))
    if not url.drivername.startswith("postgresql"):
        return url.set(database=f"{url.database}.{worker}").render_as_string(hide_password=False)
    name = f"{url.database}_{worker}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first() is None:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def _worker_redis(raw: str, n: int) -> str:
    parts = urlsplit(raw)
    base = int(parts.path.strip("/") or 0)
    if base + n > 15:  # Redis' default `databases 16`
        raise pytest.UsageError(f"REDIS_URL db {base} + {n} workers passes db 15: use fewer workers (-n)")
    return urlunsplit(parts._replace(path=f"/{base + n}"))


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
    # The configuration caches are forgotten before every test and at once on this process's own changes; a
    # wall-clock re-check (1 s by default) would add a statement at random to the pages tests count on a busy
    # machine. Tests of the re-check set their own interval (tests/platform/test_config_cache.py).
    return Settings(
        **{
            **base.__dict__,
            "database_url": url,
            "redis_url": redis_url,
            "embedded_database": not raw,
            "config_check_seconds": 3600.0,
            # Attachment bytes in a temporary directory, never the working copy's instance/.
            "attachments": replace(base.attachments, directory=tmp_path_factory.mktemp("attachments")),
        }
    )


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
    return FixedClock(START)


def _truncate() -> None:
    """Empty every table, committed (inside an app context)."""
    db.session.rollback()
    _empty(db.session.connection())
    db.session.commit()


def _empty(conn: Connection) -> None:
    """Delete every row and restart the ids, in the connection's transaction (PostgreSQL's TRUNCATE is
    transactional and, unlike DELETE, passes the append-only trigger on audit_events)."""
    # config_version keeps its one row (the migration's): it is the caches' counter, not data.
    tables = [t.name for t in reversed(db.metadata.sorted_tables) if t.name != "config_version"]
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            conn.execute(text(f"DELETE FROM {table}"))
        if conn.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")).first():
            conn.execute(text("DELETE FROM sqlite_sequence"))


class SessionApp:
    """One app for the whole session and the committed state the tests start from.

    Every test runs in a transaction rolled back at the end (see `app`), so the committed state is either
    empty or the shared world, built once. Tests marked `commits` (threads, processes, several
    connections) commit for real; the database is emptied after them and the world rebuilt on demand."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.world: World | None = None  # the committed world, if built
        self.dirty = False  # committed rows other than the world (a `commits` test ran or is running)

    def ensure_empty(self) -> None:
        if self.world is not None or self.dirty:
            with self.app.app_context():
                _truncate()
                db.session.remove()
            self.world, self.dirty = None, False

    def ensure_world(self) -> World:
        if self.world is None or self.dirty:
            self.ensure_empty()
            saved = self.app.extensions.get("clock")
            self.app.extensions["clock"] = FixedClock(START)  # built at the tests' default instant
            try:
                self.world = build_world(self.app)
            finally:
                self.app.extensions["clock"] = saved
        return self.world


@pytest.fixture(scope="session")
def session_app(migrated: Settings) -> Iterator[SessionApp]:
    # create_app costs ~0.1 s (OpenAPI, blueprints): once per session, not per test.
    app = create_app(migrated, clock=FixedClock(START))
    app.testing = True
    shared = SessionApp(app)
    yield shared
    shared.ensure_empty()
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _commits(request: pytest.FixtureRequest) -> Iterator[None]:
    """`@pytest.mark.commits`: the test commits for real; empty the database (all but the world, if the
    test uses it) before and after."""
    if request.node.get_closest_marker("commits") is None:
        yield
        return
    shared: SessionApp = request.getfixturevalue("session_app")
    if "world" in request.fixturenames:
        shared.ensure_world()
    else:
        shared.ensure_empty()
    shared.dirty = True
    try:
        yield
    finally:
        shared.ensure_empty()


WORLD_HIDDEN = "tests.world_hidden"  # the test did not ask for the world: its transaction emptied the tables


def _one_thread_only(conn: Connection, test: str) -> None:
    """A connection is not thread-safe, and a test's other threads or processes would not see its
    uncommitted rows anyway: say so instead of failing obscurely."""
    owner = threading.get_ident()

    @event.listens_for(conn, "before_cursor_execute")
    def _check(*_: Any) -> None:
        if threading.get_ident() != owner:
            raise RuntimeError(f"{test} uses the database from several threads: mark it @pytest.mark.commits")


def _no_second_connection(url: str, test: str) -> Any:
    """Another engine (a second app) or a fresh connection to the test database would not see the test's
    uncommitted rows, and on SQLite it would wait for the test's write lock: say so instead of a 503.
    Returns the listener, to be removed after the test."""

    def _check(conn: Connection) -> None:
        if conn.engine.url.render_as_string(hide_password=False) == url:
            raise RuntimeError(f"{test} opens a second database connection: mark it @pytest.mark.commits")

    event.listen(Engine, "engine_connect", _check)
    return _check


@pytest.fixture
def app(request: pytest.FixtureRequest, session_app: SessionApp, clock: FixedClock) -> Iterator[Flask]:
    """The session's app with this test's clock, and (unless the test is marked `commits`) every database
    session joined to one connection whose transaction is rolled back after the test. Without `world`
    the test sees an empty database (emptied inside that transaction). Config and extensions changed by
    the test are restored."""
    app = session_app.app
    commits = request.node.get_closest_marker("commits") is not None
    wants_world = "world" in request.fixturenames
    if wants_world and not commits:
        session_app.ensure_world()
    config, extensions = dict(app.config), dict(app.extensions)
    app.extensions["clock"] = clock
    # The configuration caches may hold what an earlier test's rolled-back transaction wrote.
    config_cache.invalidate()
    conn: Connection | None = None
    if not commits:
        with app.app_context():
            conn = db.engine.connect()
        outer = conn.begin()
        if not wants_world and (session_app.world is not None or session_app.dirty):
            _empty(conn)
            app.extensions[WORLD_HIDDEN] = True
        _one_thread_only(conn, request.node.nodeid)
        app.extensions[TEST_CONNECTION] = conn
        guard = _no_second_connection(conn.engine.url.render_as_string(hide_password=False), request.node.nodeid)
    try:
        yield app
    finally:
        if conn is not None:
            event.remove(Engine, "engine_connect", guard)
        app.config.clear()
        app.config.update(config)
        app.extensions.clear()
        app.extensions.update(extensions)
        if conn is not None:
            outer.rollback()
            conn.close()
        config_cache.invalidate()


@pytest.fixture
def ctx(app: Flask) -> Iterator[None]:
    with app.app_context():
        yield


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def world(app: Flask, session_app: SessionApp) -> World:
    """The shared world (committed once); a copy, so a test may add users and tokens to it."""
    base = session_app.world
    assert base is not None and not app.extensions.get(WORLD_HIDDEN), "request `world` as a test argument"
    return World(dict(base.ids), dict(base.tokens), dict(base.users))


@pytest.fixture
def api(client: FlaskClient, world: World) -> Api:
    return Api(client, world)
