"""Content-addressed storage of attachment bytes, `<sha256[:2]>/<sha256>`: in a local directory, or as objects
of an S3-compatible bucket (boto3).

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
from typing import IO, Any, cast

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

    @staticmethod
    def key(sha256: str) -> str:
        if not SHA256.fullmatch(sha256):
            raise ValueError(f"not a SHA-256: {sha256!r}")
        return f"{sha256[:2]}/{sha256}"

    def _path(self, sha256: str) -> Path:
        return self.root / self.key(sha256)

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


class S3Storage(LocalStorage):
    """Objects `<sha256[:2]>/<sha256>` in a bucket; uploads are spooled and checked in the local directory first
    (`root`), and only a file that passed every check is put. Nothing rewrites an object (equal content is the
    same key, not put again)."""

    def __init__(self, root: Path, client: Any, bucket: str) -> None:
        super().__init__(root)
        self.client = client
        self.bucket = bucket

    def keep(self, spooled: Spooled) -> None:
        key = self.key(spooled.sha256)
        if self.exists(spooled.sha256):
            return
        self.client.upload_file(str(spooled.path), self.bucket, key)

    def open(self, sha256: str) -> IO[bytes]:
        body = self.client.get_object(Bucket=self.bucket, Key=self.key(sha256))["Body"]
        return cast(IO[bytes], body)

    def exists(self, sha256: str) -> bool:
        from botocore.exceptions import ClientError

        try:
            self.client.head_object(Bucket=self.bucket, Key=self.key(sha256))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return True

    def files(self) -> list[Path]:
        """Every object (as `<bucket>/<key>`) and every local temporary file."""
        listed = self.client.list_objects_v2(Bucket=self.bucket).get("Contents", [])
        return sorted([Path(self.bucket) / o["Key"] for o in listed] + super().files())


def s3_client(endpoint: str | None, region: str, access_key: str | None, secret_key: str | None) -> Any:
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=region,
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
    )
