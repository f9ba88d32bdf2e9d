"""re-elections (换届): requests and term watches

Revision ID: re_elections
Revises: party_activities
Create Date: 2026-12-07 17:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 're_elections'
down_revision = 'party_activities'
branch_labels = None
depends_on = None


def _common():
    return [
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade():
    op.create_table(
        're_elections',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('party_org_id', sa.Integer(), nullable=False),
        sa.Column('jurisdiction_id', sa.Integer(), nullable=False),
        sa.Column('county_id', sa.Integer(), nullable=True),
        sa.Column('applicant_id', sa.Integer(), nullable=True),
        sa.Column('form', sa.String(length=32), nullable=False),
        sa.Column('formal_members', sa.Integer(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=True),
        sa.Column('request_text', sa.Text(), nullable=True),
        sa.Column('committee_size', sa.Integer(), nullable=True),
        sa.Column('secretary', sa.String(length=50), nullable=True),
        sa.Column('candidates', sa.JSON(), nullable=True),
        sa.Column('oversize_reason', sa.Text(), nullable=True),
        sa.Column('current_due_on', sa.Date(), nullable=True),
        sa.Column('new_due_on', sa.Date(), nullable=True),
        sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('return_reason', sa.Text(), nullable=True),
        sa.Column('approval_doc_no', sa.String(length=64), nullable=True),
        sa.Column('approved_on', sa.Date(), nullable=True),
        sa.Column('approval_meeting_on', sa.Date(), nullable=True),
        sa.Column('approving_body', sa.String(length=100), nullable=True),
        sa.Column('decision_reason', sa.Text(), nullable=True),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('general_meeting', sa.JSON(), nullable=True),
        sa.Column('held_on', sa.Date(), nullable=True),
        sa.Column('term_start', sa.Date(), nullable=True),
        sa.Column('term_years', sa.Integer(), nullable=True),
        sa.Column('term_due_on', sa.Date(), nullable=True),
        sa.Column('closed_reason', sa.Text(), nullable=True),
        *_common(),
        sa.ForeignKeyConstraint(['party_org_id'], ['party_orgs.id'], name=op.f('fk_re_elections_party_org_id_party_orgs')),
        sa.ForeignKeyConstraint(['jurisdiction_id'], ['jurisdictions.id'], name=op.f('fk_re_elections_jurisdiction_id_jurisdictions')),
        sa.ForeignKeyConstraint(['county_id'], ['jurisdictions.id'], name=op.f('fk_re_elections_county_id_jurisdictions')),
        sa.ForeignKeyConstraint(['applicant_id'], ['users.id'], name=op.f('fk_re_elections_applicant_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_re_elections')),
    )
    with op.batch_alter_table('re_elections', schema=None) as batch_op:
        batch_op.create_index('ix_re_elections_party_org_id', ['party_org_id'], unique=False)
        batch_op.create_index('ix_re_elections_scope_state', ['jurisdiction_id', 'state'], unique=False)

    op.create_table(
        'term_watches',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('party_org_id', sa.Integer(), nullable=False),
        sa.Column('jurisdiction_id', sa.Integer(), nullable=False),
        sa.Column('term_due_on', sa.Date(), nullable=True),
        sa.Column('reminder_key', sa.String(length=32), nullable=True),
        sa.Column('checked_on', sa.Date(), nullable=True),
        sa.Column('escalation_deadline', sa.Date(), nullable=True),
        sa.Column('escalation_level', sa.String(length=24), nullable=True),
        sa.Column('escalation_reached_on', sa.Date(), nullable=True),
        sa.Column('next_escalation_level', sa.String(length=24), nullable=True),
        sa.Column('next_escalation_at', sa.Date(), nullable=True),
        sa.Column('escalation_leased_until', sa.DateTime(timezone=True), nullable=True),
        *_common(),
        sa.ForeignKeyConstraint(['party_org_id'], ['party_orgs.id'], name=op.f('fk_term_watches_party_org_id_party_orgs')),
        sa.ForeignKeyConstraint(['jurisdiction_id'], ['jurisdictions.id'], name=op.f('fk_term_watches_jurisdiction_id_jurisdictions')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_term_watches')),
        sa.UniqueConstraint('party_org_id', name=op.f('uq_term_watches_party_org_id')),
    )
    with op.batch_alter_table('term_watches', schema=None) as batch_op:
        batch_op.create_index('ix_term_watches_jurisdiction_id', ['jurisdiction_id'], unique=False)
        batch_op.create_index(
            'ix_term_watches_escalation_due', ['next_escalation_at'], unique=False,
            postgresql_where=sa.text('next_escalation_at IS NOT NULL'),
            sqlite_where=sa.text('next_escalation_at IS NOT NULL'),
        )


def downgrade():
    op.drop_table('term_watches')
    op.drop_table('re_elections')
