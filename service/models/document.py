"""Official documents: number counters, administrators' templates and the documents issued."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import Base
from service.models.base import UtcDateTime


class DocumentCounter(Base):
    """The last number given per issuing body, kind and year. Incremented by one upsert inside the issuing
    transaction: its row lock orders concurrent issuers, and a rolled-back issue rolls the number back."""

    __tablename__ = "document_counters"

    issuing_body_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last_no: Mapped[int]


class DocumentTemplate(Base):
    """An administrator's template of one kind for one body (and its subtree), versioned. The current one is
    the row not yet retired; `content` NULL means "back to the inherited/default template"."""

    __tablename__ = "document_templates"
    __table_args__ = (
        UniqueConstraint("kind", "jurisdiction_id", "version", name="uq_document_templates_version"),
        Index(
            "uq_document_templates_current",
            "kind",
            "jurisdiction_id",
            unique=True,
            postgresql_where=text("retired_at IS NULL"),
            sqlite_where=text("retired_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    version: Mapped[int]
    content: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    filename: Mapped[str | None] = mapped_column(String(255))
    size: Mapped[int | None]
    sha256: Mapped[str | None] = mapped_column(String(64))
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    retired_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class IssuedDocument(Base):
    """A document as issued: its number, the template and the filled-in values, so every later download is
    the same document with the same number."""

    __tablename__ = "issued_documents"
    __table_args__ = (
        # One document of a kind per subject (a ticket has one 督办单).
        UniqueConstraint("kind", "subject_type", "subject_id", name="uq_issued_documents_subject"),
        # The sequence can never give one number twice (NULL serials: numbers from outside, e.g. 批复文号).
        UniqueConstraint("issuing_body_id", "kind", "year", "serial", name="uq_issued_documents_number"),
        Index("ix_issued_documents_scope", "jurisdiction_id", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    subject_type: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[int]
    # The subject's jurisdiction (scope and audit) and the body whose number it carries.
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    issuing_body_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    year: Mapped[int]
    serial: Mapped[int | None]
    doc_no: Mapped[str] = mapped_column(String(64))
    # NULL: the repository's default template of the kind.
    template_id: Mapped[int | None] = mapped_column(ForeignKey("document_templates.id"))
    context: Mapped[dict[str, Any]] = mapped_column(JSON)
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
