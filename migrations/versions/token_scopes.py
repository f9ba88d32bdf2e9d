"""api_tokens: scopes (read, ledger:write, workflow:act, admin); existing tokens get their role's full set

Revision ID: token_scopes
Revises: audit_scope_index
Create Date: 2026-12-07 17:10:00.000000

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = 'token_scopes'
down_revision = 'audit_scope_index'
branch_labels = None
depends_on = None

# Each role's full set when this revision was written (service/scopes.py `role_scopes`): a token issued before
# scopes existed could do everything its role may, and keeps exactly that.
FULL_SETS = {
    'admin': 'read ledger:write workflow:act admin',
    'supervisor': 'read ledger:write workflow:act',
    'handler': 'read ledger:write workflow:act',
    'portal': 'read ledger:write workflow:act',
    'approver': 'read workflow:act',
    'instructor': 'read workflow:act',
}


def upgrade():
    with op.batch_alter_table('api_tokens') as batch:
        batch.add_column(sa.Column('scopes', sa.String(length=100), nullable=True))
    cases = ' '.join(f"WHEN '{role}' THEN '{scopes}'" for role, scopes in FULL_SETS.items())
    op.execute(
        f"UPDATE api_tokens SET scopes = (SELECT CASE users.role {cases} ELSE 'read' END "
        "FROM users WHERE users.id = api_tokens.user_id)"
    )
    # The server default is for the previous release, which keeps issuing tokens while this runs and names no
    # scopes: its tokens get the least, 'read' (expand/contract, docs/operating.md#upgrades).
    with op.batch_alter_table('api_tokens') as batch:
        batch.alter_column(
            'scopes', existing_type=sa.String(length=100), nullable=False, server_default='read'
        )


def downgrade():
    with op.batch_alter_table('api_tokens') as batch:
        batch.drop_column('scopes')
