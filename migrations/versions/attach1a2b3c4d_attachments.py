"""attachments (附件) of cases, tickets and interviews

Revision ID: attach1a2b3c4d
Revises: saved_opinions
Create Date: 2026-12-07 05:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'attach1a2b3c4d'
down_revision = 'saved_opinions'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'attachments',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('subject_type', sa.String(length=32), nullable=False),
        sa.Column('subject_id', sa.Integer(), nullable=False),
        sa.Column('jurisdiction_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.Column('filename', sa.String(length=255), nullable=False),
        sa.Column('content_type', sa.String(length=128), nullable=False),
        sa.Column('size', sa.BigInteger(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('uploaded_by', sa.Integer(), nullable=True),
        sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('supersedes_id', sa.Integer(), nullable=True),
        sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('withdrawn_by', sa.Integer(), nullable=True),
        sa.Column('withdrawal_reason', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['jurisdiction_id'], ['jurisdictions.id'], name=op.f('fk_attachments_jurisdiction_id_jurisdictions')),
        sa.ForeignKeyConstraint(['uploaded_by'], ['users.id'], name=op.f('fk_attachments_uploaded_by_users')),
        sa.ForeignKeyConstraint(['withdrawn_by'], ['users.id'], name=op.f('fk_attachments_withdrawn_by_users')),
        sa.ForeignKeyConstraint(['supersedes_id'], ['attachments.id'], name=op.f('fk_attachments_supersedes_id_attachments')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_attachments')),
    )
    op.create_index('ix_attachments_subject', 'attachments', ['subject_type', 'subject_id', 'id'], unique=False)


def downgrade():
    op.drop_index('ix_attachments_subject', table_name='attachments')
    op.drop_table('attachments')
