"""What the engine benchmarks share: the environment they print, the PostgreSQL database each creates for
itself, and the Redis they use. Not a benchmark itself (`make bench` runs bench/bench_*.py only).

Figures on a shared 2-core machine are noisy: every benchmark prints the load next to its figures, and the
ones with a reference (the peer, pgbench, a one-UPDATE endpoint) measure it in the same run."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/"


def server_url() -> str:
    """The PostgreSQL server the benchmarks create their databases on (BENCH_PG_URL, any database name)."""
    return os.environ.get("BENCH_PG_URL", DEFAULT_SERVER)


def postgres_available() -> bool:
    try:
        engine = create_engine(make_url(server_url()).set(drivername="postgresql+psycopg", database="postgres"))
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:
        return False


def fresh_database(name: str) -> str:
    """Drop and create database `name` (+ BENCH_DB_SUFFIX, so two runs on one server keep apart) on the benchmark
    server; returns its SQLAlchemy URL."""
    name += os.environ.get("BENCH_DB_SUFFIX", "")
    url = make_url(server_url()).set(drivername="postgresql+psycopg")
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def plain_dsn(url: str) -> str:
    """A libpq DSN (psql, pgbench, the peer's psycopg) for a SQLAlchemy URL."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def redis_url() -> str:
    """The Redis the benchmarks queue jobs on (BENCH_REDIS_URL; default DB 6 on the local server)."""
    return os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")


def _version(cmd: list[str]) -> str:
    if not shutil.which(cmd[0]):
        return "absent"
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=10).stdout.strip().splitlines()[0]
    except Exception as exc:  # a benchmark must still run when a version cannot be read
        return f"unknown ({type(exc).__name__})"


def describe(database_url: str | None = None) -> None:
    """Print CPU count, load, the versions involved and the git commit."""
    commit = _version(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"], capture_output=True
    )
    pg = "n/a"
    if database_url:
        engine = create_engine(database_url)
        with engine.connect() as conn:
            pg = str(conn.execute(text("SHOW server_version")).scalar_one())
        engine.dispose()
    redis_version = "n/a"
    try:
        from redis import Redis

        redis_version = str(Redis.from_url(redis_url(), socket_connect_timeout=2).info("server")["redis_version"])
    except Exception:
        redis_version = "unreachable"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"# {platform.node()} · {os.cpu_count()} CPUs · load {load} · Python {platform.python_version()} · "
        f"PostgreSQL {pg} · Redis {redis_version} · commit {commit}{' (modified)' if dirty.stdout else ''}"
    )
    sys.stdout.flush()


def load() -> str:
    return f"{os.getloadavg()[0]:.2f}"
