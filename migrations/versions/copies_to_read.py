"""copies (抄送 / 待阅): a subject copied to a user to read

Revision ID: copies_to_read
Revises: caseunit_open_ix
Create Date: 2026-12-07 05:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'copies_to_read'
down_revision = 'caseunit_open_ix'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'copies',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('subject_type', sa.String(length=32), nullable=False),
        sa.Column('subject_id', sa.Integer(), nullable=False),
        sa.Column('jurisdiction_id', sa.Integer(), nullable=False),
        sa.Column('recipient_id', sa.Integer(), nullable=False),
        sa.Column('sender_id', sa.Integer(), nullable=True),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['jurisdiction_id'], ['jurisdictions.id'], name=op.f('fk_copies_jurisdiction_id_jurisdictions')),
        sa.ForeignKeyConstraint(['recipient_id'], ['users.id'], name=op.f('fk_copies_recipient_id_users')),
        sa.ForeignKeyConstraint(['sender_id'], ['users.id'], name=op.f('fk_copies_sender_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_copies')),
    )
    op.create_index('ix_copies_recipient_read', 'copies', ['recipient_id', 'read_at', 'id'], unique=False)
    op.create_index(
        'uq_copies_unread',
        'copies',
        ['subject_type', 'subject_id', 'recipient_id'],
        unique=True,
        postgresql_where=sa.text('read_at IS NULL'),
        sqlite_where=sa.text('read_at IS NULL'),
    )


def downgrade():
    op.drop_index('uq_copies_unread', table_name='copies')
    op.drop_index('ix_copies_recipient_read', table_name='copies')
    op.drop_table('copies')
