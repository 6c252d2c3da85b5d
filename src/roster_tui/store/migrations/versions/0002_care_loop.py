"""Revision 2: the household care loop, each day's contacts and the households' requests.

Two new tables; nothing existing changes, so a database from revision 1 keeps every row as it
was and simply has no contacts or requests yet. Settings gain ``request_hours`` and
``fever_temperature``, which live in ``meta`` as JSON and take their defaults when absent.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _deferred(column: str, target: str) -> sa.ForeignKeyConstraint:
    """Checked at commit, like every foreign key of the store."""
    return sa.ForeignKeyConstraint([column], [target], deferrable=True, initially="DEFERRED")


def upgrade() -> None:
    op.create_table(
        "contact",
        sa.Column("uid", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("household", sa.String(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("made_by", sa.String(), nullable=False),
        sa.Column("how", sa.String(), nullable=False),
        sa.Column("temperature", sa.Float(), nullable=True),
        sa.Column("needs", sa.String(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _deferred("household", "household.id"),
        _deferred("made_by", "person.id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_contact_household", "contact", ["household"])
    op.create_index("ix_contact_date", "contact", ["date"])
    op.create_index("ix_contact_made_by", "contact", ["made_by"])
    op.create_table(
        "care_request",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("household", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("asked", sa.DateTime(), nullable=False),
        sa.Column("what", sa.String(), nullable=False),
        sa.Column("handler", sa.String(), nullable=True),
        sa.Column("done", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _deferred("household", "household.id"),
        _deferred("handler", "person.id"),
    )
    op.create_index("ix_care_request_household", "care_request", ["household"])
    op.create_index("ix_care_request_handler", "care_request", ["handler"])


def downgrade() -> None:
    op.drop_table("care_request")
    op.drop_table("contact")
