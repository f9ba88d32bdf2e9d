"""adjustment cases (组织调整, 五个同步 5)

Revision ID: adjustments
Revises: instructors
Create Date: 2026-12-07 17:00:00.000000

"""
from alembic import op
import sqlalchemy as sa



# revision identifiers, used by Alembic.
revision = 'adjustments'
down_revision = 'instructors'
branch_labels = None
depends_on = None

_OPEN = "state IN ('proposed', 'submitted', 'returned')"


def upgrade():
    op.create_table(
        'adjustment_cases',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('party_org_id', sa.Integer(), nullable=False),
        sa.Column('jurisdiction_id', sa.Integer(), nullable=False),
        sa.Column('unit_id', sa.Integer(), nullable=True),
        sa.Column('trigger', sa.String(length=32), nullable=False),
        sa.Column('action', sa.String(length=16), nullable=False),
        sa.Column('proposed_form', sa.String(length=32), nullable=True),
        sa.Column('target_jurisdiction_id', sa.Integer(), nullable=True),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('triggers', sa.JSON(), nullable=False),
        sa.Column('opened_on', sa.Date(), nullable=False),
        sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('approving_body', sa.String(length=100), nullable=True),
        sa.Column('approval_doc_no', sa.String(length=64), nullable=True),
        sa.Column('approved_on', sa.Date(), nullable=True),
        sa.Column('decision_reason', sa.Text(), nullable=True),
        sa.Column('return_reason', sa.Text(), nullable=True),
        sa.Column('closed_reason', sa.Text(), nullable=True),
        sa.Column('escalation_deadline', sa.Date(), nullable=True),
        sa.Column('escalation_level', sa.String(length=24), nullable=True),
        sa.Column('escalation_reached_on', sa.Date(), nullable=True),
        sa.Column('next_escalation_level', sa.String(length=24), nullable=True),
        sa.Column('next_escalation_at', sa.Date(), nullable=True),
        sa.Column('escalation_leased_until', sa.DateTime(timezone=True), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['jurisdiction_id'], ['jurisdictions.id'], name=op.f('fk_adjustment_cases_jurisdiction_id_jurisdictions')),
        sa.ForeignKeyConstraint(['party_org_id'], ['party_orgs.id'], name=op.f('fk_adjustment_cases_party_org_id_party_orgs')),
        sa.ForeignKeyConstraint(['target_jurisdiction_id'], ['jurisdictions.id'], name=op.f('fk_adjustment_cases_target_jurisdiction_id_jurisdictions')),
        sa.ForeignKeyConstraint(['unit_id'], ['ledger_units.id'], name=op.f('fk_adjustment_cases_unit_id_ledger_units')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_adjustment_cases')),
    )
    with op.batch_alter_table('adjustment_cases', schema=None) as batch_op:
        batch_op.create_index('ix_adjustment_cases_party_org_id', ['party_org_id'], unique=False)
        batch_op.create_index('ix_adjustment_cases_unit_id', ['unit_id'], unique=False)
        batch_op.create_index('ix_adjustment_cases_scope_state', ['jurisdiction_id', 'state'], unique=False)
        batch_op.create_index(
            'ux_adjustment_cases_open_org', ['party_org_id'], unique=True,
            postgresql_where=sa.text(_OPEN), sqlite_where=sa.text(_OPEN),
        )
        batch_op.create_index(
            'ix_adjustment_cases_escalation_due', ['next_escalation_at'], unique=False,
            postgresql_where=sa.text('next_escalation_at IS NOT NULL'),
            sqlite_where=sa.text('next_escalation_at IS NOT NULL'),
        )


def downgrade():
    op.drop_table('adjustment_cases')
