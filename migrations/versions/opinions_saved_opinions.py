"""常用意见: saved opinions per user

Revision ID: saved_opinions
Revises: copies_to_read
Create Date: 2026-12-07 05:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "saved_opinions"
down_revision = "copies_to_read"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "saved_opinions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "text", name="uq_saved_opinions_user_text"),
    )
    op.create_index("ix_saved_opinions_user_id", "saved_opinions", ["user_id"])


def downgrade():
    op.drop_index("ix_saved_opinions_user_id", table_name="saved_opinions")
    op.drop_table("saved_opinions")
