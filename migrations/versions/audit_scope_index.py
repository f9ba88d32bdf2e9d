"""audit trail: the body index carries the id, so a body's list, newest first, reads only its own records

Revision ID: audit_scope_index
Revises: retention_indexes
Create Date: 2026-12-07 17:40:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "audit_scope_index"
down_revision = "retention_indexes"
branch_labels = None
depends_on = None


def _postgres() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade():
    # CONCURRENTLY on PostgreSQL: the audit trail is the largest table and takes every write's record; a plain
    # CREATE INDEX would hold those writes for the whole build.
    if _postgres():
        with op.get_context().autocommit_block():
            op.create_index(
                "ix_audit_events_jurisdiction_id_id",
                "audit_events",
                ["jurisdiction_id", "id"],
                postgresql_concurrently=True,
                if_not_exists=True,
            )
            op.drop_index(
                "ix_audit_events_jurisdiction_id",
                table_name="audit_events",
                postgresql_concurrently=True,
                if_exists=True,
            )
    else:
        op.create_index("ix_audit_events_jurisdiction_id_id", "audit_events", ["jurisdiction_id", "id"])
        op.drop_index("ix_audit_events_jurisdiction_id", table_name="audit_events")


def downgrade():
    op.create_index("ix_audit_events_jurisdiction_id", "audit_events", ["jurisdiction_id"])
    op.drop_index("ix_audit_events_jurisdiction_id_id", table_name="audit_events")
