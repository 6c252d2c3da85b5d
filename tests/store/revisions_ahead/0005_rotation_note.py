"""A later revision for the tests: every rotation gets a note, the table rebuilt on SQLite.

Rebuilding ``rotation`` (whose members are deleted with it, ON DELETE CASCADE) proves an upgrade
keeps child rows when SQLite copies a table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    rebuild = "always" if op.get_bind().dialect.name == "sqlite" else "auto"
    with op.batch_alter_table("rotation", recreate=rebuild) as batch:
        batch.add_column(sa.Column("note", sa.String(), nullable=True))
    op.execute("UPDATE rotation SET note = 'from revision 4'")


def downgrade() -> None:
    with op.batch_alter_table("rotation") as batch:
        batch.drop_column("note")
