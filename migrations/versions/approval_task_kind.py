"""approval tasks: kind (approval | consult, 委派)

Revision ID: approval_task_kind
Revises: attach1a2b3c4d
Create Date: 2026-12-07 05:00:00.000000

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = 'approval_task_kind'
down_revision = "attach1a2b3c4d"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('approval_tasks') as batch:
        batch.add_column(sa.Column('kind', sa.String(length=16), server_default='approval', nullable=False))


def downgrade():
    with op.batch_alter_table('approval_tasks') as batch:
        batch.drop_column('kind')
