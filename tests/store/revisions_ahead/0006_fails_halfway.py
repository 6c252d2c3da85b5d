"""A later revision for the tests that fails after changing the schema: nothing may stay."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("community", sa.Column("motto", sa.String(), nullable=True))
    raise RuntimeError("revision 6 fails halfway")


def downgrade() -> None:
    op.drop_column("community", "motto")
