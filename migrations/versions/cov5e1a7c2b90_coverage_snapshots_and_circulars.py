"""coverage: month-end snapshots and issued circulars

Revision ID: cov5e1a7c2b90
Revises: c4e8a1f05d27
Create Date: 2026-11-30 20:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'cov5e1a7c2b90'
down_revision = 'kit5a1f0c2b9e'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'coverage_snapshots',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('jurisdiction_id', sa.Integer(), nullable=False),
        sa.Column('month_end', sa.Date(), nullable=False),
        sa.Column('units', sa.Integer(), nullable=False),
        sa.Column('own_org', sa.Integer(), nullable=False),
        sa.Column('joint_org', sa.Integer(), nullable=False),
        sa.Column('instructor_only', sa.Integer(), nullable=False),
        sa.Column('open_cases', sa.Integer(), nullable=False),
        sa.Column('oldest_case_days', sa.Integer(), nullable=True),
        sa.Column('mean_case_days', sa.Float(), nullable=True),
        sa.Column('backfilled', sa.Boolean(), nullable=False),
        sa.Column('taken_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['jurisdiction_id'], ['jurisdictions.id'], name=op.f('fk_coverage_snapshots_jurisdiction_id_jurisdictions')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_coverage_snapshots')),
        sa.UniqueConstraint('jurisdiction_id', 'month_end', name='uq_coverage_snapshots_month'),
    )
    op.create_table(
        'circulars',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('jurisdiction_id', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('period_start', sa.Date(), nullable=False),
        sa.Column('period_end', sa.Date(), nullable=False),
        sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('issued_by_id', sa.Integer(), nullable=True),
        sa.Column('issued_by_label', sa.String(length=100), nullable=False),
        sa.Column('figures', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['issued_by_id'], ['users.id'], name=op.f('fk_circulars_issued_by_id_users')),
        sa.ForeignKeyConstraint(['jurisdiction_id'], ['jurisdictions.id'], name=op.f('fk_circulars_jurisdiction_id_jurisdictions')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_circulars')),
    )
    op.create_index(op.f('ix_circulars_jurisdiction_id'), 'circulars', ['jurisdiction_id'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_circulars_jurisdiction_id'), table_name='circulars')
    op.drop_table('circulars')
    op.drop_table('coverage_snapshots')
