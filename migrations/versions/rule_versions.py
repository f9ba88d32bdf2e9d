"""rule versions: each case, ticket and agreement records the version of the rules it started under

Revision ID: rule_versions
Revises: adjustments
Create Date: 2026-12-07 20:30:00.000000

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = 'rule_versions'
down_revision = 'adjustments'
branch_labels = None
depends_on = None

# Rows created before this revision keep NULL: the rules they started under were not recorded (decision 0065).
SUBJECTS = ('establishment_cases', 'supervision_tickets', 'pairing_agreements', 're_elections', 'adjustment_cases')


def upgrade():
    op.create_table(
        'rule_versions',
        sa.Column('hash', sa.String(length=16), nullable=False),
        sa.Column('code_version', sa.String(length=64), nullable=False),
        sa.Column('settings', sa.JSON(), nullable=False),
        sa.Column('first_seen', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('hash', name=op.f('pk_rule_versions')),
    )
    for table in SUBJECTS:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column('rules_version', sa.String(length=16), nullable=True))


def downgrade():
    for table in SUBJECTS:
        with op.batch_alter_table(table) as batch:
            batch.drop_column('rules_version')
    op.drop_table('rule_versions')
