"""retention: indexes on the time columns the scheduler's purge deletes by, oldest first

Revision ID: retention_indexes
Revises: webhook_standard_sig
Create Date: 2026-12-07 17:20:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "retention_indexes"
down_revision = "webhook_standard_sig"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_notifications_created_at", "notifications", ["created_at"])
    op.create_index("ix_webhook_deliveries_created_at", "webhook_deliveries", ["created_at"])
    op.create_index("ix_unit_imports_finished_at", "unit_imports", ["finished_at"])
    op.create_index("ix_sign_in_failures_at", "sign_in_failures", ["at"])


def downgrade():
    op.drop_index("ix_sign_in_failures_at", table_name="sign_in_failures")
    op.drop_index("ix_unit_imports_finished_at", table_name="unit_imports")
    op.drop_index("ix_webhook_deliveries_created_at", table_name="webhook_deliveries")
    op.drop_index("ix_notifications_created_at", table_name="notifications")
