"""The instance files a backup carries besides the database: the attachment bytes when they are kept locally
(`<sha256[:2]>/<sha256>` under the attachment directory; uploads being checked, in its `tmp/`, are not kept
files) and the console's session key (`secret_key`, when SECRET_KEY is unset). Document templates and uploaded
import files are rows of the database; the SQLite file goes through the backup API; the embedded Redis holds
only jobs (docs/operating.md#what-holds-state). With S3 storage the bytes stay in the bucket, which needs its
own versioning: the manifest says so."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import Any

from service.attachments.storage import SHA256, LocalStorage, S3Storage, Spooled
from service.config import default_instance_dir
from service.operations.backups.archive import Member
from service.operations.engines import attachments

SECRET_KEY = "instance/secret_key"
IN_BUCKET = (
    "attachment bytes are kept in the S3 bucket and are not in this archive: "
    "back the bucket up with its own versioning or replication"
)


def collect() -> tuple[list[Member], dict[str, Any]]:
    """The members to archive and what the manifest says about the attachments."""
    store = attachments.storage()
    members = _secret_key()
    if isinstance(store, S3Storage):
        return members, {"storage": "s3", "in_archive": False, "bucket": store.bucket, "note": IN_BUCKET}
    return members + _blobs(store.root), {"storage": "local", "in_archive": True}


def _secret_key() -> list[Member]:
    path = default_instance_dir() / "secret_key"
    return [Member(SECRET_KEY, path)] if path.is_file() else []


def _blobs(root: Path) -> list[Member]:
    if not root.is_dir():
        return []
    return [
        Member(f"attachments/{folder.name}/{blob.name}", blob)
        for folder in sorted(root.iterdir())
        if folder.is_dir() and len(folder.name) == 2
        for blob in sorted(folder.iterdir())
        if blob.is_file() and SHA256.fullmatch(blob.name) and blob.name.startswith(folder.name)
    ]


def staging() -> Path:
    """A temporary folder beside the attachment store (moving a blob into place is then a rename)."""
    tmp = attachments.storage().root / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(dir=tmp, prefix="restore-"))


def restore(placed: dict[str, Path]) -> int:
    """The staged files into place: blobs into the configured store (a bucket too: put there), the session key
    into the instance directory. Returns how many files."""
    store = attachments.storage()
    count = 0
    for name, path in placed.items():
        if name.startswith("attachments/"):
            _keep(store, path, name.rsplit("/", 1)[1])
        elif name == SECRET_KEY:
            _place(path, default_instance_dir() / "secret_key")
        else:
            continue
        count += 1
    return count


def _keep(store: LocalStorage, path: Path, sha256: str) -> None:
    store.keep(Spooled(path, path.stat().st_size, sha256))


def _place(source: Path, target: Path) -> None:
    """`source` copied to `target` atomically (a temporary file beside it, renamed), mode 0600."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            shutil.copyfileobj(src, out)
        os.replace(name, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(name)
        raise
