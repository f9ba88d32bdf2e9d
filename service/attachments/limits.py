"""Attachment settings, read from the environment (defaults shown)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw else default


@dataclass(frozen=True)
class AttachmentSettings:
    # One file (ATTACHMENT_MAX_FILE_BYTES): a larger upload is refused (413) as soon as it passes the limit.
    max_file_bytes: int = 20 * MB
    # The files of one case, ticket or interview together, withdrawn ones aside (ATTACHMENT_MAX_SUBJECT_BYTES).
    max_subject_bytes: int = 200 * MB
    # Files of one subject, withdrawn ones aside (ATTACHMENT_MAX_SUBJECT_FILES): its list is answered whole.
    max_subject_files: int = 100
    # Where the bytes are kept (ATTACHMENT_DIR); None: <instance>/attachments, outside any served path. With S3
    # storage only the temporary files of uploads being checked are kept there.
    directory: Path | None = None
    # A clamd daemon that scans every upload (ATTACHMENT_CLAMD: `host:port` or a Unix socket path); None: off.
    # While set, an unreachable daemon refuses uploads (503) rather than keep files unscanned.
    clamd: str | None = None
    clamd_timeout_seconds: float = 30.0
    # "local" (the directory) or "s3" (an S3-compatible object store) (ATTACHMENT_STORAGE).
    storage: str = "local"
    # The object store (ATTACHMENT_S3_ENDPOINT, _BUCKET, _REGION, _ACCESS_KEY, _SECRET_KEY); an empty endpoint is
    # AWS's own, and empty keys are boto3's usual credential chain (environment, instance role).
    s3_endpoint: str | None = None
    s3_bucket: str = ""
    s3_region: str = "us-east-1"
    s3_access_key: str | None = None
    s3_secret_key: str | None = None

    @classmethod
    def from_env(cls) -> AttachmentSettings:
        d = cls()
        raw_dir = os.environ.get("ATTACHMENT_DIR")
        return cls(
            max_file_bytes=_int("ATTACHMENT_MAX_FILE_BYTES", d.max_file_bytes),
            max_subject_bytes=_int("ATTACHMENT_MAX_SUBJECT_BYTES", d.max_subject_bytes),
            max_subject_files=_int("ATTACHMENT_MAX_SUBJECT_FILES", d.max_subject_files),
            directory=Path(raw_dir).resolve() if raw_dir else None,
            clamd=os.environ.get("ATTACHMENT_CLAMD") or None,
            clamd_timeout_seconds=float(os.environ.get("ATTACHMENT_CLAMD_TIMEOUT_SECONDS") or d.clamd_timeout_seconds),
            storage=os.environ.get("ATTACHMENT_STORAGE") or d.storage,
            s3_endpoint=os.environ.get("ATTACHMENT_S3_ENDPOINT") or None,
            s3_bucket=os.environ.get("ATTACHMENT_S3_BUCKET") or d.s3_bucket,
            s3_region=os.environ.get("ATTACHMENT_S3_REGION") or d.s3_region,
            s3_access_key=os.environ.get("ATTACHMENT_S3_ACCESS_KEY") or None,
            s3_secret_key=os.environ.get("ATTACHMENT_S3_SECRET_KEY") or None,
        )
