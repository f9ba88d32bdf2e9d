"""urges (催办) and the interviewer-side index of interviews (the supervisor's 待办)

Revision ID: superv_urges
Revises: cov5e1a7c2b90
Create Date: 2026-12-07 01:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'superv_urges'
down_revision = 'cov5e1a7c2b90'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'urges',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('subject_type', sa.String(length=32), nullable=False),
        sa.Column('subject_id', sa.Integer(), nullable=False),
        sa.Column('jurisdiction_id', sa.Integer(), nullable=False),
        sa.Column('actor_id', sa.Integer(), nullable=True),
        sa.Column('actor_label', sa.String(length=100), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('urged_on', sa.Date(), nullable=False),
        sa.Column('message', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_urges_actor_id_users')),
        sa.ForeignKeyConstraint(['jurisdiction_id'], ['jurisdictions.id'], name=op.f('fk_urges_jurisdiction_id_jurisdictions')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_urges')),
    )
    op.create_index('ix_urges_subject', 'urges', ['subject_type', 'subject_id', 'id'], unique=False)
    op.create_index('ix_interviews_interviewer_state', 'interviews', ['interviewer_body_id', 'state'], unique=False)


def downgrade():
    op.drop_index('ix_interviews_interviewer_state', table_name='interviews')
    op.drop_index('ix_urges_subject', table_name='urges')
    op.drop_table('urges')
