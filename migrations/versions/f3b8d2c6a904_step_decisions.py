"""approval steps carry their decisions: a decision reads them from the row it locks

Revision ID: f3b8d2c6a904
Revises: e9c1a7d40b11
Create Date: 2026-11-30 20:30:00.000000

"""
import json

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f3b8d2c6a904'
down_revision = 'e9c1a7d40b11'
branch_labels = None
depends_on = None

# The engine's actions (workflows.approval.Action); claim and release are only in the log.
ENGINE_ACTIONS = ('approve', 'reject', 'return', 'delegate', 'comment')


def upgrade():
    with op.batch_alter_table('approval_steps', schema=None) as batch_op:
        batch_op.add_column(sa.Column('decisions', sa.JSON(), server_default='[]', nullable=False))
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            'SELECT step_id, actor_id, action, comment, delegate_to_id, tally FROM approval_actions '
            'WHERE action IN :actions ORDER BY step_id, id'
        ).bindparams(sa.bindparam('actions', expanding=True)),
        {'actions': list(ENGINE_ACTIONS)},
    ).all()
    by_step: dict[int, list[dict]] = {}
    for r in rows:
        tally = json.loads(r.tally) if isinstance(r.tally, str) else r.tally
        by_step.setdefault(r.step_id, []).append(
            {'actor_id': r.actor_id, 'action': r.action, 'comment': r.comment, 'delegate_to': r.delegate_to_id,
             'tally': tally}
        )
    steps = sa.table('approval_steps', sa.column('id', sa.Integer), sa.column('decisions', sa.JSON))
    for step_id, decisions in by_step.items():
        conn.execute(sa.update(steps).where(steps.c.id == step_id).values(decisions=decisions))


def downgrade():
    with op.batch_alter_table('approval_steps', schema=None) as batch_op:
        batch_op.drop_column('decisions')
