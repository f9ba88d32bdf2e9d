"""instructors (党建指导员): profiles, assignments to units (the history), visit logs, preparation items (组建准备)

Revision ID: instructors
Revises: re_elections
Create Date: 2026-12-07 16:58:41.644455

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'instructors'
down_revision = 're_elections'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('instructor_profiles',
    sa.Column('user_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('employment', sa.String(length=16), nullable=False),
    sa.Column('home_unit', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_instructor_profiles_user_id_users')),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_instructor_profiles'))
    )
    op.create_table('instructor_assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('instructor_id', sa.Integer(), nullable=False),
    sa.Column('jurisdiction_id', sa.Integer(), nullable=False),
    sa.Column('liaison', sa.Boolean(), nullable=False),
    sa.Column('assigned_on', sa.Date(), nullable=False),
    sa.Column('assigned_by', sa.String(length=64), nullable=False),
    sa.Column('last_visit_on', sa.Date(), nullable=True),
    sa.Column('released_on', sa.Date(), nullable=True),
    sa.Column('release_reason', sa.String(length=16), nullable=True),
    sa.Column('escalation_deadline', sa.Date(), nullable=True),
    sa.Column('escalation_level', sa.String(length=24), nullable=True),
    sa.Column('escalation_reached_on', sa.Date(), nullable=True),
    sa.Column('next_escalation_level', sa.String(length=24), nullable=True),
    sa.Column('next_escalation_at', sa.Date(), nullable=True),
    sa.Column('escalation_leased_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['instructor_id'], ['users.id'], name=op.f('fk_instructor_assignments_instructor_id_users')),
    sa.ForeignKeyConstraint(['jurisdiction_id'], ['jurisdictions.id'], name=op.f('fk_instructor_assignments_jurisdiction_id_jurisdictions')),
    sa.ForeignKeyConstraint(['unit_id'], ['ledger_units.id'], name=op.f('fk_instructor_assignments_unit_id_ledger_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_instructor_assignments'))
    )
    with op.batch_alter_table('instructor_assignments', schema=None) as batch_op:
        batch_op.create_index('ix_instructor_assignments_escalation_due', ['next_escalation_at'], unique=False, postgresql_where=sa.text('next_escalation_at IS NOT NULL'), sqlite_where=sa.text('next_escalation_at IS NOT NULL'))
        batch_op.create_index('ix_instructor_assignments_instructor_state', ['instructor_id', 'state'], unique=False)
        batch_op.create_index('ix_instructor_assignments_scope_state', ['jurisdiction_id', 'state'], unique=False)
        batch_op.create_index('uq_instructor_assignments_active_unit', ['unit_id'], unique=True, postgresql_where=sa.text("state = 'active'"), sqlite_where=sa.text("state = 'active'"))

    op.create_table('preparation_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('jurisdiction_id', sa.Integer(), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('instructor_assigned_on', sa.Date(), nullable=True),
    sa.Column('first_visit_on', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('close_reason', sa.String(length=16), nullable=True),
    sa.Column('escalation_deadline', sa.Date(), nullable=True),
    sa.Column('escalation_level', sa.String(length=24), nullable=True),
    sa.Column('escalation_reached_on', sa.Date(), nullable=True),
    sa.Column('next_escalation_level', sa.String(length=24), nullable=True),
    sa.Column('next_escalation_at', sa.Date(), nullable=True),
    sa.Column('escalation_leased_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['jurisdiction_id'], ['jurisdictions.id'], name=op.f('fk_preparation_items_jurisdiction_id_jurisdictions')),
    sa.ForeignKeyConstraint(['unit_id'], ['ledger_units.id'], name=op.f('fk_preparation_items_unit_id_ledger_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_preparation_items'))
    )
    with op.batch_alter_table('preparation_items', schema=None) as batch_op:
        batch_op.create_index('ix_preparation_items_escalation_due', ['next_escalation_at'], unique=False, postgresql_where=sa.text('next_escalation_at IS NOT NULL'), sqlite_where=sa.text('next_escalation_at IS NOT NULL'))
        batch_op.create_index('ix_preparation_items_scope_state', ['jurisdiction_id', 'state'], unique=False)
        batch_op.create_index('uq_preparation_items_open_unit', ['unit_id'], unique=True, postgresql_where=sa.text("state = 'open'"), sqlite_where=sa.text("state = 'open'"))

    op.create_table('instructor_visits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('instructor_id', sa.Integer(), nullable=False),
    sa.Column('jurisdiction_id', sa.Integer(), nullable=False),
    sa.Column('visited_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('done', sa.Text(), nullable=False),
    sa.Column('next_step', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assignment_id'], ['instructor_assignments.id'], name=op.f('fk_instructor_visits_assignment_id_instructor_assignments')),
    sa.ForeignKeyConstraint(['instructor_id'], ['users.id'], name=op.f('fk_instructor_visits_instructor_id_users')),
    sa.ForeignKeyConstraint(['jurisdiction_id'], ['jurisdictions.id'], name=op.f('fk_instructor_visits_jurisdiction_id_jurisdictions')),
    sa.ForeignKeyConstraint(['unit_id'], ['ledger_units.id'], name=op.f('fk_instructor_visits_unit_id_ledger_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_instructor_visits'))
    )
    with op.batch_alter_table('instructor_visits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_instructor_visits_assignment_id'), ['assignment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_instructor_visits_instructor_id'), ['instructor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_instructor_visits_jurisdiction_id'), ['jurisdiction_id'], unique=False)
        batch_op.create_index('ix_instructor_visits_unit', ['unit_id', 'visited_on'], unique=False)



def downgrade():
    with op.batch_alter_table('instructor_visits', schema=None) as batch_op:
        batch_op.drop_index('ix_instructor_visits_unit')
        batch_op.drop_index(batch_op.f('ix_instructor_visits_jurisdiction_id'))
        batch_op.drop_index(batch_op.f('ix_instructor_visits_instructor_id'))
        batch_op.drop_index(batch_op.f('ix_instructor_visits_assignment_id'))

    op.drop_table('instructor_visits')
    with op.batch_alter_table('preparation_items', schema=None) as batch_op:
        batch_op.drop_index('uq_preparation_items_open_unit', postgresql_where=sa.text("state = 'open'"), sqlite_where=sa.text("state = 'open'"))
        batch_op.drop_index('ix_preparation_items_scope_state')
        batch_op.drop_index('ix_preparation_items_escalation_due', postgresql_where=sa.text('next_escalation_at IS NOT NULL'), sqlite_where=sa.text('next_escalation_at IS NOT NULL'))

    op.drop_table('preparation_items')
    with op.batch_alter_table('instructor_assignments', schema=None) as batch_op:
        batch_op.drop_index('uq_instructor_assignments_active_unit', postgresql_where=sa.text("state = 'active'"), sqlite_where=sa.text("state = 'active'"))
        batch_op.drop_index('ix_instructor_assignments_scope_state')
        batch_op.drop_index('ix_instructor_assignments_instructor_state')
        batch_op.drop_index('ix_instructor_assignments_escalation_due', postgresql_where=sa.text('next_escalation_at IS NOT NULL'), sqlite_where=sa.text('next_escalation_at IS NOT NULL'))

    op.drop_table('instructor_assignments')
    op.drop_table('instructor_profiles')
