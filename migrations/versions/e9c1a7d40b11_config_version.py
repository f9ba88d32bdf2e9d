"""config version: one counter row the per-process configuration caches compare with

Revision ID: e9c1a7d40b11
Revises: c4e8a1f05d27
Create Date: 2026-11-30 20:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e9c1a7d40b11'
down_revision = 'c4e8a1f05d27'
branch_labels = None
depends_on = None


def upgrade():
    table = op.create_table(
        'config_version',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_config_version')),
    )
    op.bulk_insert(table, [{'id': 1, 'version': 0}])


def downgrade():
    op.drop_table('config_version')
