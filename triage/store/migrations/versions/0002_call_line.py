"""calls: the telephone line's own id (Twilio CallSid) and the caller's number

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("calls") as batch:
        batch.add_column(sa.Column("line_call_id", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("caller_number", sa.String(length=32), nullable=True))
        batch.create_index("ix_calls_line_call_id", ["line_call_id"])


def downgrade() -> None:
    with op.batch_alter_table("calls") as batch:
        batch.drop_index("ix_calls_line_call_id")
        batch.drop_column("caller_number")
        batch.drop_column("line_call_id")
