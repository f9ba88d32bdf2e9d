"""party activities and annual inspections (五个同步 2–3)

Revision ID: party_activities
Revises: token_scopes
Create Date: 2026-12-07 17:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'party_activities'
down_revision = 'token_scopes'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'party_activities',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('unit_id', sa.Integer(), nullable=False),
        sa.Column('jurisdiction_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=24), nullable=False),
        sa.Column('held_on', sa.Date(), nullable=False),
        sa.Column('attendance', sa.Integer(), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.Column('withdrawn_reason', sa.Text(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['unit_id'], ['ledger_units.id'], name=op.f('fk_party_activities_unit_id_ledger_units')),
        sa.ForeignKeyConstraint(['jurisdiction_id'], ['jurisdictions.id'], name=op.f('fk_party_activities_jurisdiction_id_jurisdictions')),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_party_activities_recorded_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_party_activities')),
    )
    with op.batch_alter_table('party_activities', schema=None) as batch_op:
        batch_op.create_index('ix_party_activities_unit_held', ['unit_id', 'held_on'], unique=False)
        batch_op.create_index('ix_party_activities_scope_held', ['jurisdiction_id', 'held_on'], unique=False)
    op.create_table(
        'annual_inspections',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('unit_id', sa.Integer(), nullable=False),
        sa.Column('jurisdiction_id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('inspected_on', sa.Date(), nullable=False),
        sa.Column('result', sa.String(length=24), nullable=False),
        sa.Column('party_work_checked', sa.Boolean(), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['unit_id'], ['ledger_units.id'], name=op.f('fk_annual_inspections_unit_id_ledger_units')),
        sa.ForeignKeyConstraint(['jurisdiction_id'], ['jurisdictions.id'], name=op.f('fk_annual_inspections_jurisdiction_id_jurisdictions')),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_annual_inspections_recorded_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_annual_inspections')),
        sa.UniqueConstraint('unit_id', 'year', name=op.f('uq_annual_inspections_unit_id')),
    )
    with op.batch_alter_table('annual_inspections', schema=None) as batch_op:
        batch_op.create_index('ix_annual_inspections_scope_year', ['jurisdiction_id', 'year'], unique=False)


def downgrade():
    op.drop_table('annual_inspections')
    op.drop_table('party_activities')
