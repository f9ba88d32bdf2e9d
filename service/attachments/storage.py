"""Local, content-addressed storage of attachment bytes: `<dir>/<sha256[:2]>/<sha256>`.

An upload is streamed into a temporary file beside the store (hashed and counted as it arrives, never held
whole in memory), checked, and only then moved into place with an atomic rename; a refused upload leaves
nothing behind. Equal content is kept once (the rename replaces a file with the same bytes)."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

CHUNK = 64 * 1024
SHA256 = re.compile(r"[0-9a-f]{64}")


class TooLarge(Exception):
    """The stream passed the limit; reading stopped there."""


@dataclass
class Spooled:
    path: Path
    size: int
    sha256: str


class LocalStorage:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, sha256: str) -> Path:
        if not SHA256.fullmatch(sha256):
            raise ValueError(f"not a SHA-256: {sha256!r}")
        return self.root / sha256[:2] / sha256

    @contextmanager
    def spool(self, stream: IO[bytes], limit: int) -> Iterator[Spooled]:
        """The stream in a temporary file (removed when the block ends unless `keep` moved it)."""
        tmp_dir = self.root / "tmp"
        tmp_dir.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=tmp_dir, prefix="upload-")
        path = Path(name)
        try:
            digest = hashlib.sha256()
            size = 0
            with os.fdopen(fd, "wb") as out:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise TooLarge()
                    digest.update(chunk)
                    out.write(chunk)
            yield Spooled(path, size, digest.hexdigest())
        finally:
            path.unlink(missing_ok=True)

    def keep(self, spooled: Spooled) -> None:
        """Move the spooled file into place (atomic; equal content is the same file)."""
        target = self._path(spooled.sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            return
        os.chmod(spooled.path, 0o640)
        os.replace(spooled.path, target)

    def open(self, sha256: str) -> IO[bytes]:
        return self._path(sha256).open("rb")

    def exists(self, sha256: str) -> bool:
        return self._path(sha256).exists()

    def files(self) -> list[Path]:
        """Every stored file (temporary ones included): what a test checks a refusal left untouched."""
        if not self.root.exists():
            return []
        return sorted(p for p in self.root.rglob("*") if p.is_file())
