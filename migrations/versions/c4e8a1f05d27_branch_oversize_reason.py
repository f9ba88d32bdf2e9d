"""rename establishment_cases.branch_over_50_reason to branch_oversize_reason

The soft maximum of a branch is a setting (EstablishmentSettings.branch_soft_max), so the column name no
longer embeds its default (50).

Revision ID: c4e8a1f05d27
Revises: b7d3e2a91c40
Create Date: 2026-12-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c4e8a1f05d27'
down_revision = 'b7d3e2a91c40'
branch_labels = None
depends_on = None


def upgrade():
    # Batch mode: SQLite renames by rebuilding the table; PostgreSQL gets a plain ALTER TABLE ... RENAME COLUMN.
    with op.batch_alter_table('establishment_cases', schema=None) as batch_op:
        batch_op.alter_column(
            'branch_over_50_reason', new_column_name='branch_oversize_reason', existing_type=sa.Text(),
            existing_nullable=True,
        )


def downgrade():
    with op.batch_alter_table('establishment_cases', schema=None) as batch_op:
        batch_op.alter_column(
            'branch_oversize_reason', new_column_name='branch_over_50_reason', existing_type=sa.Text(),
            existing_nullable=True,
        )
