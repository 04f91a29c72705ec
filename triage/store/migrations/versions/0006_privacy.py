"""retention purge markers on calls, legal hold on handoffs

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("calls") as batch:
        batch.add_column(sa.Column("transcript_erased_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("details_erased_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("notes_erased_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_calls_started_at", "calls", ["started_at"])
    with op.batch_alter_table("handoffs") as batch:
        batch.add_column(sa.Column("legal_hold", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("handoffs") as batch:
        batch.drop_column("legal_hold")
    op.drop_index("ix_calls_started_at", "calls")
    with op.batch_alter_table("calls") as batch:
        batch.drop_column("notes_erased_at")
        batch.drop_column("details_erased_at")
        batch.drop_column("transcript_erased_at")
