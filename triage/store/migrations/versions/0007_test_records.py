"""test calls' messages marked like their handoffs and orders (status "test")

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.add_column(sa.Column("status", sa.String(length=16), nullable=False, server_default="new"))
        batch.create_index("ix_messages_status", ["status"])


def downgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.drop_index("ix_messages_status")
        batch.drop_column("status")
