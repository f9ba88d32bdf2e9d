"""notifications: subject in words, the task they ask to act on, settled when done

Revision ID: notify1a2b3c4d
Revises: cov5e1a7c2b90
Create Date: 2026-12-07 01:40:00.000000

Existing rows: the subject is filled from what they are about (a ticket's or an agreement's title, a case's
proposed name, an interview's ticket or person); an assignment whose case has no pending approval step any
more is settled now. Task ids of old rows are not known (they link to the case page).
"""
from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'notify1a2b3c4d'
down_revision = "superv_urges"
branch_labels = None
depends_on = None

SUBJECTS = {
    'supervision_ticket': "SELECT SUBSTR(t.title, 1, 200) FROM supervision_tickets t WHERE t.id = notifications.subject_id",
    'pairing_agreement': "SELECT SUBSTR(a.title, 1, 200) FROM pairing_agreements a WHERE a.id = notifications.subject_id",
    'establishment': (
        "SELECT SUBSTR(c.proposed_name, 1, 200) FROM establishment_cases c WHERE c.id = notifications.subject_id"
    ),
    'interview': (
        "SELECT SUBSTR(COALESCE(t.title, i.responsible_person), 1, 200) FROM interviews i "
        "LEFT JOIN supervision_tickets t ON t.id = i.ticket_id WHERE i.id = notifications.subject_id"
    ),
}


def upgrade():
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subject', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('task_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('settled_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(
            'ix_notifications_task',
            ['task_id'],
            unique=False,
            postgresql_where=sa.text('task_id IS NOT NULL'),
            sqlite_where=sa.text('task_id IS NOT NULL'),
        )
        batch_op.create_index('ix_notifications_subject', ['subject_type', 'subject_id'], unique=False)

    for subject_type, query in SUBJECTS.items():
        op.execute(
            sa.text(f"UPDATE notifications SET subject = ({query}) WHERE subject_type = :t").bindparams(t=subject_type)
        )
    stamp = datetime.now(UTC)
    if op.get_bind().dialect.name == 'sqlite':
        stamp = stamp.replace(tzinfo=None)  # stored naive, read back as UTC (service.models.base.UtcDateTime)
    op.execute(
        sa.text(
            "UPDATE notifications SET settled_at = :now "
            "WHERE kind = 'task.assigned' AND subject_type = 'establishment' AND settled_at IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM approval_steps s WHERE s.workflow = 'establishment' "
            "AND s.subject_id = notifications.subject_id AND s.status = 'pending')"
        ).bindparams(sa.bindparam('now', stamp, type_=sa.DateTime(timezone=True)))
    )


def downgrade():
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_index('ix_notifications_subject')
        batch_op.drop_index('ix_notifications_task')
        batch_op.drop_column('settled_at')
        batch_op.drop_column('task_id')
        batch_op.drop_column('subject')
