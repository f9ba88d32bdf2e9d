"""escalation leases: a due row is enqueued at most once while its job is pending

Revision ID: b7d3e2a91c40
Revises: acf46d6992fa
Create Date: 2026-11-30 18:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7d3e2a91c40'
down_revision = 'acf46d6992fa'
branch_labels = None
depends_on = None

TABLES = ('supervision_tickets', 'approval_steps', 'establishment_cases')


def upgrade():
    # No index: the sweep reaches due rows through the partial index on next_escalation_at and only
    # filters those on the lease, so its cost still follows the number of due rows.
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('escalation_leased_until', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('escalation_leased_until')
