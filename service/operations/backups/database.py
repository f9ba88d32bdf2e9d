"""The database's copy in and out of an archive: PostgreSQL through its own client tools (`pg_dump --format=custom`,
`pg_restore`), the embedded SQLite file through SQLite's online backup API (a consistent copy while the service
writes, WAL mode letting them go on meanwhile). Also what a restore checks first: the backend, an empty target,
and a schema revision this release knows."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import URL, make_url

from service.extensions import db
from service.operations.backups.errors import BackupRefused

MIGRATIONS = Path(__file__).resolve().parents[3] / "migrations"
MEMBERS = {"postgresql": "database/postgresql.dump", "sqlite": "database/sqlite.db"}
FORMATS = {"postgresql": "pg_dump custom format", "sqlite": "SQLite database file"}


def backend() -> str:
    name = db.engine.dialect.name
    if name not in MEMBERS:
        raise BackupRefused(f"不支持备份 {name} 数据库。 Backups support PostgreSQL and SQLite, not {name}.")
    return name


def revision() -> str:
    """The schema's one Alembic revision (a database never migrated, or at two heads, is refused)."""
    with db.engine.connect() as conn:
        heads = MigrationContext.configure(conn).get_current_heads()
    return _one_revision(list(heads))


def _one_revision(heads: list[str]) -> str:
    if len(heads) != 1:
        raise BackupRefused(
            f"数据库的迁移版本应有且只有一个（现为 {list(heads)}），请先运行 flask --app service db upgrade。 "
            f"The database should be at one Alembic revision (it is at {list(heads)}): run `db upgrade` first."
        )
    return heads[0]


def check_revision(backed_up: str) -> bool:
    """Refuses a revision this release does not know (a backup of a newer release's schema). True when the
    backup is at this release's head, False when it is older (the operator runs `db upgrade` after)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    known = {s.revision for s in script.walk_revisions()}
    if backed_up not in known:
        raise BackupRefused(
            f"备份的数据库版本 {backed_up} 比本程序更新（本程序不认识这个迁移），请用相同或更新版本的程序恢复。 "
            f"The backup's schema revision {backed_up} is newer than this release knows: restore it with the "
            "release that wrote it, or a later one."
        )
    return backed_up in set(script.get_heads())


def tables() -> list[str]:
    """The target's tables: a restore goes into a database that has none."""
    db.session.remove()
    return sorted(inspect(db.engine).get_table_names())


def dump(folder: Path) -> tuple[Path, str]:
    """The database copied into `folder` (consistent as of one instant): the file and its schema revision.
    Nothing here waits for the service's writers: pg_dump's snapshot takes no lock they hold, and SQLite's copy
    is read in WAL mode (the revision is read from the copy, not through the service's BEGIN IMMEDIATE)."""
    target = folder / Path(MEMBERS[backend()]).name
    if backend() == "postgresql":
        current = revision()
        _run("pg_dump", ["--format=custom", "--no-password", f"--file={target}", f"--dbname={_libpq(_url())}"])
        return target, current
    if not Path(_sqlite_path()).is_file():
        raise BackupRefused(f"找不到数据库文件 {_sqlite_path()}。 No database file at {_sqlite_path()}.")
    with closing(sqlite3.connect(_sqlite_path())) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
        # One self-contained file in the archive, not a file waiting for its write-ahead log.
        copy.execute("PRAGMA journal_mode=DELETE")
        return target, _one_revision([row[0] for row in _versions(copy)])


def _versions(conn: sqlite3.Connection) -> list[tuple[str]]:
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.OperationalError:  # never migrated: no such table
        return []


def load(source: Path, *, replace: bool) -> None:
    """The copy `source` into the target database, in one transaction (PostgreSQL) or one backup step
    (SQLite). `replace`: drop what the copy holds first (PostgreSQL); SQLite's copy replaces the file's
    whole content either way."""
    db.session.remove()
    db.engine.dispose()
    if backend() == "postgresql":
        options = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--no-password"]
        options += ["--clean", "--if-exists"] if replace else []
        _run("pg_restore", [*options, f"--dbname={_libpq(_url())}", str(source)])
    else:
        with closing(sqlite3.connect(source)) as copy, closing(sqlite3.connect(_sqlite_path())) as target:
            copy.backup(target)
    db.engine.dispose()


def _url() -> URL:
    return make_url(db.engine.url)


def _sqlite_path() -> str:
    return _url().database or ""


def _libpq(url: URL) -> str:
    """The URL as libpq reads it, without the password (passed in PGPASSWORD, not on a command line)."""
    return url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)


def _run(tool: str, args: list[str]) -> None:
    path = shutil.which(tool)
    if path is None:
        raise BackupRefused(
            f"找不到 {tool}（PostgreSQL 客户端工具）：请安装与服务器同版本或更新的 postgresql-client，"
            f"并确认它在 PATH 上。 {tool} was not found: install postgresql-client (the server's major version "
            "or later) and put it on PATH."
        )
    env = dict(os.environ)
    password = _url().password
    if password is not None:
        env["PGPASSWORD"] = str(password)
    done = subprocess.run([path, *args], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupRefused(f"{tool} 失败（退出码 {done.returncode}）。 {tool} failed:\n{done.stderr.strip()}")
