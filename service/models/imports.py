"""Ledger imports from .xlsx: the job record (with the uploaded file), its validated rows and its errors."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column

from service.extensions import Base
from service.models.base import BigId, UtcDateTime


class UnitImport(Base):
    """One uploaded file and its background job. The file lives here so any worker on any machine can read it
    (bounded by IMPORT_MAX_BYTES); it is loaded only when the job or the error workbook needs it."""

    __tablename__ = "unit_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    # The uploader's body: who else may follow the import (its subtree's admins and supervisors above).
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), index=True)
    request_id: Mapped[str | None] = mapped_column(String(64))
    mode: Mapped[str] = mapped_column(String(24))
    filename: Mapped[str] = mapped_column(String(255))
    size_bytes: Mapped[int]
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    sheet_title: Mapped[str] = mapped_column(String(64))
    headers: Mapped[list[Any]] = mapped_column(JSON)
    unknown_columns: Mapped[list[Any]] = mapped_column(JSON)
    # queued → running (validating, then applying) → succeeded | failed
    status: Mapped[str] = mapped_column(String(16), index=True)
    phase: Mapped[str | None] = mapped_column(String(16))
    total_rows: Mapped[int]
    processed_rows: Mapped[int] = mapped_column(default=0)
    created_count: Mapped[int] = mapped_column(default=0)
    updated_count: Mapped[int] = mapped_column(default=0)
    unchanged_count: Mapped[int] = mapped_column(default=0)
    error_count: Mapped[int] = mapped_column(default=0)
    error_rows: Mapped[int] = mapped_column(default=0)
    message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # Set with every committed batch: a job whose heartbeat stopped (killed worker) may be taken over.
    heartbeat_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)  # retention's purge


class UnitImportRow(Base):
    """A row that passed the file-level checks, normalised, waiting for the apply step (deleted by it)."""

    __tablename__ = "unit_import_rows"

    import_id: Mapped[int] = mapped_column(ForeignKey("unit_imports.id", ondelete="CASCADE"), primary_key=True)
    row_no: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    credit_code: Mapped[str] = mapped_column(String(18))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class UnitImportError(Base):
    __tablename__ = "unit_import_errors"
    __table_args__ = (Index("ix_unit_import_errors_import_row", "import_id", "row_no"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("unit_imports.id", ondelete="CASCADE"))
    row_no: Mapped[int]
    column: Mapped[str | None] = mapped_column(String(64))
    code: Mapped[str] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text)
