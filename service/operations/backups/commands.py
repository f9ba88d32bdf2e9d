"""`backup` and `restore`, each a few checked steps (the CLI in service/cli.py prints what they return)."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from service.clock import now
from service.operations.backups import archive, database, files
from service.operations.backups.archive import Member
from service.operations.backups.errors import BackupRefused


@dataclass(frozen=True)
class Written:
    path: Path
    size: int
    files: int
    seconds: float
    revision: str
    attachments: dict[str, Any]
    # Attachment files whose bytes no longer hash to their name (damaged on disk): archived as they are.
    damaged: list[str]


@dataclass(frozen=True)
class Restored:
    files: int
    seconds: float
    revision: str
    at_head: bool  # False: the backup's schema is older, `db upgrade` brings it to this release's
    attachments: dict[str, Any]


def backup(output: str | None = None) -> Written:
    """The archive at `output` (a directory: a file named for the time inside it; None: the current
    directory). The database first, then the files: see the package's docstring."""
    started = time.monotonic()
    target = _target(output)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".backup-") as staging:
        kind = database.backend()
        copy, revision = database.dump(Path(staging))
        members, attachments = files.collect()
        manifest = _manifest(kind, revision, attachments)
        entries = archive.write(target, [Member(database.MEMBERS[kind], copy), *members], manifest)
    damaged = [e.path for e in entries if e.path.startswith("attachments/") and not e.path.endswith(e.sha256)]
    return Written(
        target, target.stat().st_size, len(entries), time.monotonic() - started, revision, attachments, damaged
    )


def _target(output: str | None) -> Path:
    """The archive's path: `output` itself, or a file named for the time in the folder `output` names (one
    that exists, or written with a trailing slash) or in the current folder."""
    path = Path(output) if output else Path.cwd()
    if output and not path.is_dir() and output.endswith(("/", os.sep)):
        raise BackupRefused(f"目录 {path} 不存在。 The folder {path} does not exist.")
    if path.is_dir():
        return (path / f"dangjian-backup-{now().strftime('%Y%m%dT%H%M%SZ')}.tar").resolve()
    if not path.parent.is_dir():
        raise BackupRefused(f"目录 {path.parent} 不存在。 The folder {path.parent} does not exist.")
    return path.resolve()


def _manifest(kind: str, revision: str, attachments: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": archive.FORMAT,
        "format_version": archive.FORMAT_VERSION,
        "created_at": now().isoformat(),
        "app_version": _app_version(),
        "alembic_revision": revision,
        "database": {"backend": kind, "path": database.MEMBERS[kind], "format": database.FORMATS[kind]},
        "attachments": attachments,
    }


def _app_version() -> str:
    try:
        return version("dangjian-flow")
    except PackageNotFoundError:
        return "unknown"


def restore(path: Path, *, force: bool = False) -> Restored:
    """The archive at `path` into this configuration's database and instance files. Checked before anything
    is written: the manifest, the backend, the schema revision, an empty target (unless `force`), then every
    member's size and SHA-256."""
    started = time.monotonic()
    with archive.open_archive(path) as tar:
        manifest = archive.read_manifest(tar)
        listed = archive.entries(manifest)
        kind, revision = _checked_target(manifest, force)
        at_head = database.check_revision(revision)
        archive.verify(tar, listed)
        staging = files.staging()
        try:
            placed = archive.extract(tar, listed, staging)
            database.load(placed[database.MEMBERS[kind]], replace=force)
            count = files.restore(placed)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return Restored(count, time.monotonic() - started, revision, at_head, dict(manifest.get("attachments") or {}))


def _checked_target(manifest: dict[str, Any], force: bool) -> tuple[str, str]:
    kind = str((manifest.get("database") or {}).get("backend"))
    here = database.backend()
    if kind != here:
        raise BackupRefused(
            f"这是 {kind} 数据库的备份，不能恢复到 {here} 数据库。 This is a backup of a {kind} database; the "
            f"configured database is {here}."
        )
    if database.MEMBERS[kind] not in {e.path for e in archive.entries(manifest)}:
        raise BackupRefused("备份归档中没有数据库。 The archive holds no database copy.")
    existing = database.tables()
    if existing and not force:
        raise BackupRefused(
            f"目标数据库不是空的（已有 {len(existing)} 张表），未写入任何内容：请恢复到新建的空数据库，"
            "或加 --force 用备份覆盖它。 The target database is not empty "
            f"({len(existing)} tables); nothing was written. Restore into a new, empty database, or pass "
            "--force to overwrite it with the backup."
        )
    return kind, str(manifest.get("alembic_revision"))
