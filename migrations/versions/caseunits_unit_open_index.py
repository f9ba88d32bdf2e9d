"""establishment case units by unit and open: the "in an open case?" look-up per candidate unit

Revision ID: caseunit_open_ix
Revises: docs_a1_issue_numbers
Create Date: 2026-12-07 02:45:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'caseunit_open_ix'
down_revision = 'docs_a1_issue_numbers'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_establishment_case_units_unit_open', 'establishment_case_units', ['unit_id', 'open'])


def downgrade():
    op.drop_index('ix_establishment_case_units_unit_open', table_name='establishment_case_units')
