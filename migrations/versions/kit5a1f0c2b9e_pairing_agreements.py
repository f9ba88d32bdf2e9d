"""pairing agreements (结对共建)

Revision ID: kit5a1f0c2b9e
Revises: c4e8a1f05d27
Create Date: 2026-12-02 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'kit5a1f0c2b9e'
down_revision = 'exc1a7f3d9b2'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'pairing_agreements',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('jurisdiction_id', sa.Integer(), nullable=False),
        sa.Column('org_a_id', sa.Integer(), nullable=False),
        sa.Column('org_b_id', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('duties_due_on', sa.Date(), nullable=False),
        sa.Column('planned_visits', sa.Integer(), nullable=False),
        sa.Column('planned_trainings', sa.Integer(), nullable=False),
        sa.Column('planned_activists', sa.Integer(), nullable=False),
        sa.Column('visits_done', sa.Integer(), nullable=False),
        sa.Column('trainings_done', sa.Integer(), nullable=False),
        sa.Column('activists_done', sa.Integer(), nullable=False),
        sa.Column('signed_on', sa.Date(), nullable=True),
        sa.Column('effective_on', sa.Date(), nullable=True),
        sa.Column('reviewed_on', sa.Date(), nullable=True),
        sa.Column('duties_met', sa.Boolean(), nullable=True),
        sa.Column('review_note', sa.Text(), nullable=True),
        sa.Column('terminated_reason', sa.Text(), nullable=True),
        sa.Column('escalation_deadline', sa.Date(), nullable=True),
        sa.Column('escalation_level', sa.String(length=24), nullable=True),
        sa.Column('escalation_reached_on', sa.Date(), nullable=True),
        sa.Column('next_escalation_level', sa.String(length=24), nullable=True),
        sa.Column('next_escalation_at', sa.Date(), nullable=True),
        sa.Column('escalation_leased_until', sa.DateTime(timezone=True), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint('org_a_id <> org_b_id', name=op.f('ck_pairing_agreements_two_orgs')),
        sa.ForeignKeyConstraint(['jurisdiction_id'], ['jurisdictions.id'], name=op.f('fk_pairing_agreements_jurisdiction_id_jurisdictions')),
        sa.ForeignKeyConstraint(['org_a_id'], ['party_orgs.id'], name=op.f('fk_pairing_agreements_org_a_id_party_orgs')),
        sa.ForeignKeyConstraint(['org_b_id'], ['party_orgs.id'], name=op.f('fk_pairing_agreements_org_b_id_party_orgs')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_pairing_agreements')),
    )
    with op.batch_alter_table('pairing_agreements', schema=None) as batch_op:
        batch_op.create_index('ix_pairing_agreements_org_a_id', ['org_a_id'], unique=False)
        batch_op.create_index('ix_pairing_agreements_org_b_id', ['org_b_id'], unique=False)
        batch_op.create_index('ix_pairing_agreements_scope_state', ['jurisdiction_id', 'state'], unique=False)
        batch_op.create_index(
            'ix_pairing_agreements_escalation_due', ['next_escalation_at'], unique=False,
            postgresql_where=sa.text('next_escalation_at IS NOT NULL'),
            sqlite_where=sa.text('next_escalation_at IS NOT NULL'),
        )


def downgrade():
    op.drop_table('pairing_agreements')
