"""Revision 4: a post's shifts are dated patterns, so a change of times keeps the days before it.

One nullable column on ``post_shift``: the day the row's pattern begins. Every row written
before this revision keeps NULL, the post's first (and so far only) pattern.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("post_shift") as batch:
        batch.add_column(sa.Column("since", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("post_shift") as batch:
        batch.drop_column("since")
