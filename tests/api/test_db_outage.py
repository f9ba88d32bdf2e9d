"""A database that is away or busy answers 503 with a code, a Chinese message and Retry-After — never the
500 a bug gives — and nothing is half-applied.

The module runs a PostgreSQL cluster of its own (initdb + pg_ctl, as the `postgres` OS user when run as
root) on a spare port, so it can stop and restart it without touching the shared server. Deadlocks are
real: two connections locking two rows in opposite order."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import sqlite3
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, jsonify
from psycopg import connect as psycopg_connect
from sqlalchemy import exc as sa_exc
from sqlalchemy import text

from service import create_app
from service.clock import FixedClock
from service.config import Settings, normalise_database_url
from service.db import ATTEMPTS, transaction
from service.db_failures import DATABASE_BUSY, DATABASE_UNAVAILABLE, classify
from service.extensions import db
from tests.support import ROOT
from tests.support.factories import unit_payload
from tests.support.ports import free_port
from tests.support.world import Api, World, build_world

INITDB = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
PORTS = range(18410, 18500)


def _free_port() -> int:
    port = free_port(PORTS)
    if port is None:
        pytest.skip(f"no free port in {PORTS}")
    return port


class Cluster:
    """A throw-away PostgreSQL cluster: trust authentication, fsync off, one port."""

    def __init__(self, bindir: Path, base: Path, port: int, as_user: list[str]) -> None:
        self.bindir, self.base, self.port, self.as_user = bindir, base, port, as_user
        self.data = base / "data"

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--locale=C", "--no-sync")  # fmt: skip

    def start(self) -> None:
        options = f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.base / "log"), "-w", "-o", options,
                  "start")  # fmt: skip

    def stop(self) -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    if not INITDB:
        pytest.skip("PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb, pg_ctl) are not installed")
    as_user: list[str] = []
    base = Path(tempfile.mkdtemp(prefix="dj-pg-"))
    if os.geteuid() == 0:  # initdb refuses root
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(base, "postgres", "postgres")
    c = Cluster(Path(INITDB[-1]).parent, base, _free_port(), as_user)
    try:
        c.init()
        c.start()
        yield c
    finally:
        with contextlib.suppress(Exception):
            c.stop()
        shutil.rmtree(base, ignore_errors=True)


@dataclass
class Probe:
    """Calls of the deadlock probe view, per mode."""

    calls: int = 0


@pytest.fixture(scope="module")
def pg_app(cluster: Cluster, redis_url: str) -> Iterator[tuple[Flask, Probe]]:
    from flask_migrate import upgrade

    base = Settings.from_env()
    settings = Settings(
        **{
            **base.__dict__,
            "database_url": normalise_database_url(cluster.url),
            "redis_url": redis_url,
            "embedded_database": False,
        }
    )
    app = create_app(settings, clock=FixedClock(datetime(2026, 9, 25, 2, 0, tzinfo=UTC)))
    app.testing = True
    probe = Probe()
    app.add_url_rule("/test/deadlock/<mode>", view_func=_deadlock_view(probe), methods=["POST"])
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
    yield app, probe
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    if app.extensions.get("redis") is not None:
        app.extensions["redis"].close()


@pytest.fixture(scope="module")
def pg_world(pg_app: tuple[Flask, Probe]) -> World:
    return build_world(pg_app[0])


@pytest.fixture
def pg_api(pg_app: tuple[Flask, Probe], pg_world: World) -> Api:
    return Api(pg_app[0].test_client(), pg_world)


# -- the outage --------------------------------------------------------------------------------------------


def _assert_unavailable(res: Any) -> None:
    assert res.status_code == 503, res.get_data(as_text=True)
    body = res.get_json()
    assert body["status"] == 503
    assert body["code"] == DATABASE_UNAVAILABLE
    assert body["message"] == "数据库暂时无法连接，请稍后重试"
    assert body["request_id"] == res.headers["X-Request-ID"]
    assert int(res.headers["Retry-After"]) > 0


def test_database_away_answers_503_and_the_same_requests_work_once_it_is_back(
    cluster: Cluster, pg_api: Api, pg_world: World
) -> None:
    east_t1 = pg_world.ids["east_t1"]
    made = pg_api.post("/api/v1/units", json=unit_payload(east_t1), as_="admin@east")
    assert made.status_code == 201
    unit = made.get_json()
    etag = pg_api.get(f"/api/v1/units/{unit['id']}", as_="admin@east").headers["ETag"]
    before = pg_api.get("/api/v1/units", as_="admin@east").get_json()
    audit_before = pg_api.get("/api/v1/audit?subject_type=unit", as_="admin@city").get_json()

    new_unit = unit_payload(east_t1)
    requests = [
        ("GET", "/api/v1/units", {}),
        ("POST", "/api/v1/units", {"json": new_unit}),
        ("PATCH", f"/api/v1/units/{unit['id']}", {"json": {"employees": 77}, "headers": {"If-Match": etag}}),
    ]
    cluster.stop()
    try:
        for method, path, kw in requests:
            _assert_unavailable(pg_api.call(method, path, as_="admin@east", **kw))
        ready = pg_api.client.get("/readyz")
        assert ready.status_code == 503 and ready.get_json()["checks"]["database"].startswith("unreachable")
        assert ready.headers["Retry-After"]
    finally:
        cluster.start()

    # Nothing of the refused requests was applied ...
    assert pg_api.get("/api/v1/units", as_="admin@east").get_json() == before
    assert pg_api.get("/api/v1/audit?subject_type=unit", as_="admin@city").get_json() == audit_before
    assert pg_api.get(f"/api/v1/units/{unit['id']}", as_="admin@east").get_json()["employees"] == unit["employees"]
    # ... and the very same requests succeed now.
    got = [pg_api.call(method, path, as_="admin@east", **kw) for method, path, kw in requests]
    assert [r.status_code for r in got] == [200, 201, 200], [r.get_data(as_text=True) for r in got]
    assert got[2].get_json()["employees"] == 77
    assert len(pg_api.get("/api/v1/units", as_="admin@east").get_json()) == len(before) + 1
    assert pg_api.client.get("/readyz").status_code == 200


def test_a_connection_lost_while_pooled_is_replaced_and_the_request_runs_once(
    cluster: Cluster, pg_app: tuple[Flask, Probe], pg_api: Api, pg_world: World
) -> None:
    """No `SELECT 1` at check-out: a pooled connection the server dropped fails at the request's first
    statement, and the request runs again, once, on a new connection."""
    app, _ = pg_app
    with app.app_context():
        assert db.engine.pool._pre_ping is False  # type: ignore[attr-defined]
    before = len(pg_api.get("/api/v1/units", as_="admin@east").get_json())  # leaves a connection in the pool
    killer = psycopg_connect(cluster.url)
    try:
        killed = killer.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE pid <> pg_backend_pid() AND datname = current_database() AND backend_type = 'client backend'"
        ).fetchone()
        assert killed is not None and killed[0] >= 1
    finally:
        killer.close()
    made = pg_api.post("/api/v1/units", json=unit_payload(pg_world.ids["east_t1"]), as_="admin@east")
    assert made.status_code == 201, made.get_data(as_text=True)
    assert len(pg_api.get("/api/v1/units", as_="admin@east").get_json()) == before + 1
    audit = pg_api.get(f"/api/v1/audit?subject_type=unit&subject_id={made.get_json()['id']}", as_="admin@city")
    assert [e["action"] for e in audit.get_json()] == ["unit.create"]


def test_a_connection_lost_during_commit_is_not_run_again(pg_app: tuple[Flask, Probe]) -> None:
    """Lost during COMMIT, the server may have committed: the request answers 503 rather than risk applying twice."""
    from flask import g
    from psycopg import OperationalError as PgOperationalError

    from service.db import run_unit_of_work

    app, _ = pg_app
    calls: list[int] = []

    def work() -> None:
        calls.append(1)
        g.db_committing = True  # what Session's before_commit event notes
        raise sa_exc.OperationalError("COMMIT", {}, PgOperationalError("server closed the connection unexpectedly"),
                                      connection_invalidated=True)  # fmt: skip

    with app.test_request_context(), pytest.raises(sa_exc.OperationalError):
        run_unit_of_work(work)
    assert calls == [1]


def test_workers_ping_their_pooled_connections_and_the_web_does_not() -> None:
    settings = Settings.from_env()
    assert settings.flask_config()["SQLALCHEMY_ENGINE_OPTIONS"]["pool_pre_ping"] is False  # type: ignore[index]
    options = settings.for_workers().flask_config()["SQLALCHEMY_ENGINE_OPTIONS"]
    assert options["pool_pre_ping"] is True  # type: ignore[index]
    assert (options["pool_size"], options["max_overflow"]) == (5, 5)  # type: ignore[index]


# -- deadlocks and serialization failures ---------------------------------------------------------------------


def _deadlock_view(probe: Probe) -> Any:
    """POST /test/deadlock/<once|always>: appends '+' to jurisdiction A's name, then deadlocks against a
    second connection (which holds B and waits for A) — on every call, or only on the first one."""

    def view(mode: str) -> Any:
        probe.calls += 1
        a, b = db.session.execute(text("SELECT id FROM jurisdictions ORDER BY id LIMIT 2")).scalars().all()
        db.session.rollback()
        if mode == "once" and probe.calls > 1:
            with transaction():
                db.session.execute(text("UPDATE jurisdictions SET name = name || '+' WHERE id = :a"), {"a": a})
            return jsonify(calls=probe.calls)
        other = db.engine.connect()
        other_tx = other.begin()
        # The request's connection must be the victim: it checks for deadlocks after 50 ms, the other after 60 s.
        other.exec_driver_sql("SET LOCAL deadlock_timeout = '60s'")
        other.execute(text("UPDATE jurisdictions SET name = name WHERE id = :b"), {"b": b})
        other_pid = other.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
        waiter = threading.Thread(
            target=lambda: other.execute(text("UPDATE jurisdictions SET name = name WHERE id = :a"), {"a": a})
        )
        try:
            with transaction():
                db.session.execute(text("SET LOCAL deadlock_timeout = '50ms'"))
                db.session.execute(text("UPDATE jurisdictions SET name = name || '+' WHERE id = :a"), {"a": a})
                waiter.start()
                _wait_until_blocked(other_pid)
                db.session.execute(text("UPDATE jurisdictions SET name = name WHERE id = :b"), {"b": b})
        finally:
            if waiter.is_alive() or waiter.ident is not None:
                waiter.join(timeout=30)
            other_tx.rollback()
            other.close()
        raise AssertionError("no deadlock")

    return view


def _wait_until_blocked(pid: int) -> None:
    """Until the other connection waits for our row lock (polls pg_stat_activity; no fixed sleep)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        state = db.session.execute(
            text("SELECT wait_event_type FROM pg_stat_activity WHERE pid = :pid"), {"pid": pid}
        ).scalar_one_or_none()
        if state == "Lock":
            return
        time.sleep(0.01)
    raise AssertionError("the other connection never waited for the lock")


def _name_of_first(app: Flask) -> str:
    with app.app_context():
        name = db.session.execute(text("SELECT name FROM jurisdictions ORDER BY id LIMIT 1")).scalar_one()
        db.session.remove()
        return name


def test_a_deadlock_that_survives_the_retry_answers_503_database_busy(
    pg_app: tuple[Flask, Probe], pg_world: World
) -> None:
    app, probe = pg_app
    name = _name_of_first(app)
    probe.calls = 0
    res = app.test_client().post("/test/deadlock/always")
    assert res.status_code == 503, res.get_data(as_text=True)
    body = res.get_json()
    assert body["code"] == DATABASE_BUSY and body["message"] == "数据库繁忙，请稍后重试"
    assert res.headers["Retry-After"] == "1"
    assert probe.calls == ATTEMPTS  # retried, but bounded
    assert _name_of_first(app) == name  # every attempt was rolled back whole


def test_a_deadlock_is_retried_and_the_retry_applies_the_work_once(
    pg_app: tuple[Flask, Probe], pg_world: World
) -> None:
    app, probe = pg_app
    name = _name_of_first(app)
    probe.calls = 0
    res = app.test_client().post("/test/deadlock/once")
    assert res.status_code == 200, res.get_data(as_text=True)
    assert res.get_json()["calls"] == 2
    assert _name_of_first(app) == name + "+"  # the first attempt's '+' was rolled back


def test_a_request_that_committed_is_not_run_again(pg_app: tuple[Flask, Probe], pg_world: World) -> None:
    """A deadlock after a commit in the same request is not retried (the committed part would repeat)."""
    app, _ = pg_app
    calls: list[int] = []
    from service.db import run_unit_of_work

    def work() -> None:
        calls.append(1)
        with transaction():
            db.session.execute(text("SELECT 1"))
        raise _deadlock_error()

    with app.test_request_context(), pytest.raises(sa_exc.OperationalError):
        run_unit_of_work(work)
    assert calls == [1]


def _deadlock_error() -> sa_exc.OperationalError:
    from psycopg import errors

    return sa_exc.OperationalError("UPDATE …", {}, errors.DeadlockDetected("deadlock detected"))


# -- classification -------------------------------------------------------------------------------------------


def test_sqlite_database_is_locked_is_busy(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:
            other.execute("BEGIN IMMEDIATE")
    finally:
        holder.rollback()
        holder.close()
        other.close()
    assert classify(sa_exc.OperationalError("BEGIN IMMEDIATE", {}, caught.value)) == DATABASE_BUSY


def test_classification_by_sqlstate() -> None:
    from psycopg import OperationalError, errors

    def wrap(orig: Exception) -> sa_exc.OperationalError:
        return sa_exc.OperationalError("SELECT 1", {}, orig)

    assert classify(wrap(errors.SerializationFailure("x"))) == DATABASE_BUSY
    assert classify(wrap(errors.DeadlockDetected("x"))) == DATABASE_BUSY
    assert classify(wrap(errors.AdminShutdown("x"))) == DATABASE_UNAVAILABLE
    assert classify(wrap(errors.CannotConnectNow("x"))) == DATABASE_UNAVAILABLE
    assert classify(wrap(OperationalError("connection failed: Connection refused"))) == DATABASE_UNAVAILABLE
    assert classify(sa_exc.IntegrityError("INSERT", {}, errors.UniqueViolation("x"))) is None
    assert classify(ValueError("not a database error")) is None
