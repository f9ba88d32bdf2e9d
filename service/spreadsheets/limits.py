"""Limits on uploaded spreadsheets (settings, read from the environment; defaults shown)."""

from __future__ import annotations

import os
from dataclasses import dataclass


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw else default


@dataclass(frozen=True)
class SpreadsheetSettings:
    # The upload itself (IMPORT_MAX_BYTES): kept in the database until the import is purged (RETENTION_IMPORT_DAYS).
    max_bytes: int = 20 * 1024 * 1024
    # Sum of the declared uncompressed sizes of the zip's members (IMPORT_MAX_UNCOMPRESSED_BYTES).
    max_uncompressed_bytes: int = 300 * 1024 * 1024
    # Per member, uncompressed / compressed (IMPORT_MAX_COMPRESSION_RATIO): sheets compress ~5-30x, bombs ~1000x.
    max_compression_ratio: int = 200
    # Members of the zip (IMPORT_MAX_ZIP_MEMBERS).
    max_members: int = 200
    # Data rows and columns of the imported sheet (IMPORT_MAX_ROWS, IMPORT_MAX_COLUMNS).
    max_rows: int = 100_000
    max_columns: int = 50
    # Rows validated per transaction (progress is committed with each batch) (IMPORT_BATCH_SIZE).
    batch_size: int = 1000

    @classmethod
    def from_env(cls) -> SpreadsheetSettings:
        d = cls()
        return cls(
            max_bytes=_int("IMPORT_MAX_BYTES", d.max_bytes),
            max_uncompressed_bytes=_int("IMPORT_MAX_UNCOMPRESSED_BYTES", d.max_uncompressed_bytes),
            max_compression_ratio=_int("IMPORT_MAX_COMPRESSION_RATIO", d.max_compression_ratio),
            max_members=_int("IMPORT_MAX_ZIP_MEMBERS", d.max_members),
            max_rows=_int("IMPORT_MAX_ROWS", d.max_rows),
            max_columns=_int("IMPORT_MAX_COLUMNS", d.max_columns),
            batch_size=_int("IMPORT_BATCH_SIZE", d.batch_size),
        )
