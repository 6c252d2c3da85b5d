"""Revision 3: when a person was made inactive, so that shifts that had started keep them.

One nullable column; a person deactivated before this revision keeps NULL, which means what it
always meant (inactive throughout).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("inactive_from", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.drop_column("inactive_from")
