"""webhooks: Standard Webhooks signatures, secret rotation; existing subscriptions stay on the legacy scheme

Revision ID: webhook_standard_sig
Revises: idempotency_keys
Create Date: 2026-12-07 14:30:00.000000

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = 'webhook_standard_sig'
down_revision = 'idempotency_keys'
branch_labels = None
depends_on = None


def upgrade():
    # Existing receivers verify X-Dangjian-Signature: their rows keep that scheme; new rows default to standard.
    with op.batch_alter_table('webhooks') as batch:
        batch.add_column(sa.Column('signature_scheme', sa.String(length=16), server_default='legacy', nullable=False))
        batch.add_column(sa.Column('previous_secret', sa.String(length=128), nullable=True))
        batch.add_column(sa.Column('previous_secret_until', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('webhooks') as batch:
        batch.alter_column('signature_scheme', server_default='standard')


def downgrade():
    with op.batch_alter_table('webhooks') as batch:
        batch.drop_column('previous_secret_until')
        batch.drop_column('previous_secret')
        batch.drop_column('signature_scheme')
