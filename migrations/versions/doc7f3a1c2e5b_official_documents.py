"""official documents: number counters, administrators' templates, issued documents

Revision ID: doc7f3a1c2e5b
Revises: c4e8a1f05d27
Create Date: 2026-12-02 10:00:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "doc7f3a1c2e5b"
down_revision = "console_a_01"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "document_counters",
        sa.Column("issuing_body_id", sa.Integer(), sa.ForeignKey("jurisdictions.id"), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_no", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("issuing_body_id", "kind", "year"),
    )
    op.create_table(
        "document_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("jurisdiction_id", sa.Integer(), sa.ForeignKey("jurisdictions.id"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("filename", sa.String(length=255), nullable=True),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("uploaded_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "jurisdiction_id", "version", name="uq_document_templates_version"),
    )
    op.create_index(
        "uq_document_templates_current",
        "document_templates",
        ["kind", "jurisdiction_id"],
        unique=True,
        postgresql_where=sa.text("retired_at IS NULL"),
        sqlite_where=sa.text("retired_at IS NULL"),
    )
    op.create_table(
        "issued_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("subject_type", sa.String(length=32), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("jurisdiction_id", sa.Integer(), sa.ForeignKey("jurisdictions.id"), nullable=False),
        sa.Column("issuing_body_id", sa.Integer(), sa.ForeignKey("jurisdictions.id"), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=True),
        sa.Column("doc_no", sa.String(length=64), nullable=False),
        sa.Column("template_id", sa.Integer(), sa.ForeignKey("document_templates.id"), nullable=True),
        sa.Column("context", sa.JSON(), nullable=False),
        sa.Column("issued_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "subject_type", "subject_id", name="uq_issued_documents_subject"),
        sa.UniqueConstraint("issuing_body_id", "kind", "year", "serial", name="uq_issued_documents_number"),
    )
    op.create_index("ix_issued_documents_scope", "issued_documents", ["jurisdiction_id", "kind"])


def downgrade():
    op.drop_index("ix_issued_documents_scope", table_name="issued_documents")
    op.drop_table("issued_documents")
    op.drop_index("uq_document_templates_current", table_name="document_templates")
    op.drop_table("document_templates")
    op.drop_table("document_counters")
