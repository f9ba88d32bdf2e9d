"""unit imports: .xlsx ledger imports run as background jobs (file, validated rows, errors)

Revision ID: exc1a7f3d9b2
Revises: c4e8a1f05d27
Create Date: 2026-12-01 12:00:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "exc1a7f3d9b2"
down_revision = "doc7f3a1c2e5b"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "unit_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("jurisdiction_id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("mode", sa.String(length=24), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("sheet_title", sa.String(length=64), nullable=False),
        sa.Column("headers", sa.JSON(), nullable=False),
        sa.Column("unknown_columns", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("phase", sa.String(length=16), nullable=True),
        sa.Column("total_rows", sa.Integer(), nullable=False),
        sa.Column("processed_rows", sa.Integer(), nullable=False),
        sa.Column("created_count", sa.Integer(), nullable=False),
        sa.Column("updated_count", sa.Integer(), nullable=False),
        sa.Column("unchanged_count", sa.Integer(), nullable=False),
        sa.Column("error_count", sa.Integer(), nullable=False),
        sa.Column("error_rows", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["jurisdiction_id"], ["jurisdictions.id"], name=op.f("fk_unit_imports_jurisdiction_id_jurisdictions")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_unit_imports_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_imports")),
    )
    with op.batch_alter_table("unit_imports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_unit_imports_jurisdiction_id"), ["jurisdiction_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_unit_imports_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_unit_imports_user_id"), ["user_id"], unique=False)

    op.create_table(
        "unit_import_errors",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("column", sa.String(length=64), nullable=True),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["unit_imports.id"],
            name=op.f("fk_unit_import_errors_import_id_unit_imports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_import_errors")),
    )
    with op.batch_alter_table("unit_import_errors", schema=None) as batch_op:
        batch_op.create_index("ix_unit_import_errors_import_row", ["import_id", "row_no"], unique=False)

    op.create_table(
        "unit_import_rows",
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("row_no", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["unit_imports.id"],
            name=op.f("fk_unit_import_rows_import_id_unit_imports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("import_id", "row_no", name=op.f("pk_unit_import_rows")),
    )


def downgrade():
    op.drop_table("unit_import_rows")
    with op.batch_alter_table("unit_import_errors", schema=None) as batch_op:
        batch_op.drop_index("ix_unit_import_errors_import_row")

    op.drop_table("unit_import_errors")
    with op.batch_alter_table("unit_imports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unit_imports_user_id"))
        batch_op.drop_index(batch_op.f("ix_unit_imports_status"))
        batch_op.drop_index(batch_op.f("ix_unit_imports_jurisdiction_id"))

    op.drop_table("unit_imports")
