"""The archive: an uncompressed tar of the members and `manifest.json` (written last, once every member's hash
is known). Written to a temporary file beside the target and renamed into place, mode 0600; read back only
through the manifest: a member it does not list, a name outside the known shapes or a hash that differs
refuses the archive before anything is written."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from service.operations.backups.errors import BackupRefused

FORMAT = "dangjian-flow-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024
# The only member names an archive may hold: no path of the archive's choosing is ever written.
MEMBER = re.compile(
    r"database/(postgresql\.dump|sqlite\.db)|instance/secret_key|attachments/([0-9a-f]{2})/\2[0-9a-f]{62}"
)


@dataclass(frozen=True)
class Member:
    name: str
    source: Path


@dataclass(frozen=True)
class Entry:
    path: str
    sha256: str
    size: int


class _Hashing(io.RawIOBase):
    """A file read through, hashed and counted on the way (tarfile reads exactly the size it was told)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.digest = hashlib.sha256()
        self.size = 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        data = self.raw.read(n)
        self.digest.update(data)
        self.size += len(data)
        return data


def write(target: Path, members: list[Member], manifest: dict[str, Any]) -> list[Entry]:
    """The archive at `target`, atomically (a temporary file beside it, renamed); its manifest is `manifest`
    with the list of files added. Returns that list."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")  # mode 0600
    try:
        with os.fdopen(fd, "wb") as out:
            with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
                entries = [_add(tar, m) for m in members]
                _add_bytes(tar, MANIFEST, _manifest_bytes({**manifest, "files": [e.__dict__ for e in entries]}))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(name, 0o600)
        os.replace(name, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(name)
        raise
    return entries


def _add(tar: tarfile.TarFile, member: Member) -> Entry:
    info = tarfile.TarInfo(member.name)
    found = member.source.stat()
    info.size, info.mtime, info.mode = found.st_size, int(found.st_mtime), 0o600
    with member.source.open("rb") as raw:
        reader = _Hashing(raw)
        tar.addfile(info, reader)
    return Entry(member.name, reader.digest.hexdigest(), reader.size)


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    info.mtime = int(time.time())
    tar.addfile(info, io.BytesIO(data))


def _manifest_bytes(manifest: dict[str, Any]) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")


def open_archive(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, mode="r:")
    except FileNotFoundError as exc:
        raise BackupRefused(f"找不到备份文件 {path}。 No backup file at {path}.") from exc
    except tarfile.TarError as exc:
        raise BackupRefused(f"{path} 不是备份归档（tar）。 {path} is not a backup archive: {exc}.") from exc


def read_manifest(tar: tarfile.TarFile) -> dict[str, Any]:
    """The manifest, its format checked (not yet the members: see `verify`)."""
    try:
        raw = tar.extractfile(MANIFEST)
        manifest = json.loads(raw.read()) if raw else None
    except (KeyError, ValueError) as exc:
        raise BackupRefused("备份归档缺少有效的 manifest.json。 The archive has no valid manifest.json.") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupRefused("这不是本系统的备份归档。 This is not a Dangjian Flow backup archive.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupRefused(
            f"备份格式版本 {manifest.get('format_version')} 不受支持（本程序读取版本 {FORMAT_VERSION}）。 "
            f"Backup format version {manifest.get('format_version')} is not supported (this release reads "
            f"version {FORMAT_VERSION})."
        )
    return manifest


def entries(manifest: dict[str, Any]) -> list[Entry]:
    try:
        listed = [Entry(str(f["path"]), str(f["sha256"]), int(f["size"])) for f in manifest["files"]]
    except (KeyError, TypeError, ValueError) as exc:
        raise BackupRefused("manifest.json 的文件清单无效。 The manifest's file list is invalid.") from exc
    bad = [e.path for e in listed if not MEMBER.fullmatch(e.path)]
    if bad or len({e.path for e in listed}) != len(listed):
        raise BackupRefused(f"manifest.json 列出了无效的文件名：{bad}。 The manifest lists invalid names: {bad}.")
    return listed


def verify(tar: tarfile.TarFile, listed: list[Entry]) -> None:
    """Every member is listed, a regular file, of the listed size and hash, and every listed one is there:
    read only, nothing written."""
    expected = {e.path: e for e in listed}
    seen: set[str] = set()
    for info in tar.getmembers():
        if info.name == MANIFEST:
            continue
        entry = expected.get(info.name)
        if entry is None or not info.isfile() or info.name in seen:
            raise BackupRefused(
                f"备份归档含有清单之外的成员 {info.name!r}。 The archive holds {info.name!r}, not in its manifest."
            )
        seen.add(info.name)
        _check(entry, _digest(_chunks(tar, info)))
    missing = sorted(set(expected) - seen)
    if missing:
        raise BackupRefused(f"备份归档缺少文件：{missing}。 The archive lacks files its manifest lists: {missing}.")


def extract(tar: tarfile.TarFile, listed: list[Entry], staging: Path) -> dict[str, Path]:
    """Each listed member into `staging` under a name of ours, hashed again on the way. Returns name → path."""
    placed: dict[str, Path] = {}
    for n, entry in enumerate(listed):
        path = staging / f"member-{n}"
        digest, size = hashlib.sha256(), 0
        with path.open("wb") as out:
            for chunk in _chunks(tar, tar.getmember(entry.path)):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        _check(entry, (digest.hexdigest(), size))
        placed[entry.path] = path
    return placed


def _chunks(tar: tarfile.TarFile, info: tarfile.TarInfo) -> Iterator[bytes]:
    source = tar.extractfile(info)
    if source is None:
        raise BackupRefused(f"{info.name!r} 不是普通文件。 {info.name!r} is not a regular file.")
    while chunk := source.read(CHUNK):
        yield chunk


def _digest(chunks: Iterator[bytes]) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    for chunk in chunks:
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def _check(entry: Entry, found: tuple[str, int]) -> None:
    if found != (entry.sha256, entry.size):
        raise BackupRefused(
            f"{entry.path} 的 SHA-256 或大小与清单不符，备份已损坏或被改动，未写入任何内容。 "
            f"{entry.path} does not match its SHA-256 or size in the manifest: the archive is damaged or was "
            "changed; nothing was written."
        )
