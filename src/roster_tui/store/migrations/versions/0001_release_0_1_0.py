"""Revision 1: the schema of the first release (0.1.0), as that release declared and created it.

A database the first release wrote has no ``alembic_version`` table; opening it marks it as this
revision. Run from nothing, this creates the same tables the way that release did
(``create_all``, which also sorts out the foreign keys that run both ways between ``person`` and
``party_group``). The definitions are frozen here: later revisions change the schema, never this
file.
"""

from __future__ import annotations

from typing import Any

from alembic import op
from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

METADATA = MetaData()


def _ref(
    name: str,
    target: str,
    *,
    type_: Any = String,
    nullable: bool = False,
    primary_key: bool = False,
    owner: bool = False,
) -> Column[Any]:
    """A foreign-key column; ``owner`` marks a child row's link to the row that owns it."""
    key = ForeignKey(
        target, deferrable=True, initially="DEFERRED", ondelete="CASCADE" if owner else None
    )
    return Column(
        name, type_, key, nullable=nullable, primary_key=primary_key, index=not primary_key
    )


def _id() -> tuple[Column[Any], Column[Any]]:
    return Column("id", String, primary_key=True), Column("seq", Integer, nullable=False)


def _uid() -> Column[Any]:
    return Column("uid", Integer, primary_key=True, autoincrement=True)


def _version() -> Column[Any]:
    return Column("version", Integer, nullable=False, default=1)


def _text(name: str, *, nullable: bool = False) -> Column[Any]:
    return Column(name, String, nullable=nullable)


# Settings of the whole database: schema version, sub-district, rule settings (JSON values).
META = Table("meta", METADATA, Column("key", String, primary_key=True), Column("value", Text))

# One row whose counter every committed write raises: cheap to poll for others' changes.
REVISION = Table(
    "revision",
    METADATA,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("counter", Integer, nullable=False),
)

COMMUNITY = Table("community", METADATA, *_id(), _text("name"), _version())

STREET = Table(
    "street", METADATA, *_id(), _text("name"), _ref("community", "community.id"), _version()
)

COMPOUND = Table(
    "compound",
    METADATA,
    *_id(),
    _text("name"),
    _ref("community", "community.id"),
    _text("kind"),
    _ref("street", "street.id", nullable=True),
    Column("households", Integer),
    _version(),
)

PARTY_GROUP = Table(
    "party_group",
    METADATA,
    *_id(),
    _text("name"),
    _ref("community", "community.id"),
    _ref("leader", "person.id", nullable=True),
    _version(),
)

PARTY_GROUP_COMPOUND = Table(
    "party_group_compound",
    METADATA,
    _ref("party_group", "party_group.id", primary_key=True, owner=True),
    Column("position", Integer, primary_key=True, autoincrement=False),
    _ref("compound", "compound.id"),
)

PERSON = Table(
    "person",
    METADATA,
    *_id(),
    _text("name"),
    _text("phone"),
    _ref("community", "community.id"),
    Column("roles", Text, nullable=False),  # JSON list of role values, in order
    _ref("party_group", "party_group.id", nullable=True),
    Column("max_hours_per_week", Float),
    Column("available", Text),  # JSON list of windows; NULL = always available
    Column("active", Boolean, nullable=False),
    _version(),
)

POST = Table("post", METADATA, *_id(), _text("name"), _ref("compound", "compound.id"), _version())

POST_SHIFT = Table(
    "post_shift",
    METADATA,
    _ref("post", "post.id", primary_key=True, owner=True),
    Column("position", Integer, primary_key=True, autoincrement=False),
    _text("name"),
    Column("start", Integer, nullable=False),  # minutes after midnight
    Column("end", Integer, nullable=False),  # minutes after midnight, up to 1440
    Column("need", Integer, nullable=False),
    _text("need_role", nullable=True),
)

ROTATION = Table(
    "rotation",
    METADATA,
    *_id(),
    _ref("post", "post.id"),
    Column("start", Date, nullable=False),
    Column("end", Date),  # inclusive
    Column("shifts", Text),  # JSON list of shift names; NULL = all the post's shifts
    Column("per_slot", Integer),
    _version(),
)

ROTATION_MEMBER = Table(
    "rotation_member",
    METADATA,
    _ref("rotation", "rotation.id", primary_key=True, owner=True),
    Column("position", Integer, primary_key=True, autoincrement=False),
    _ref("person", "person.id"),
)

OVERRIDE = Table(
    "shift_override",
    METADATA,
    _uid(),
    _ref("post", "post.id"),
    Column("date", Date, nullable=False),
    _text("shift"),
    _version(),
    sqlite_autoincrement=True,
)

# One name on an override's ``add`` or ``remove`` list (``change``), in order.
OVERRIDE_PERSON = Table(
    "override_person",
    METADATA,
    _ref("override", "shift_override.uid", type_=Integer, primary_key=True, owner=True),
    Column("change", String, primary_key=True),  # "add" | "remove"
    Column("position", Integer, primary_key=True, autoincrement=False),
    _ref("person", "person.id"),
)

LEAVE = Table(
    "leave",
    METADATA,
    _uid(),
    _ref("person", "person.id"),
    Column("start", DateTime, nullable=False),  # local wall clock
    Column("end", DateTime, nullable=False),  # exclusive
    _text("reason", nullable=True),
    _version(),
    sqlite_autoincrement=True,
)

DUTY = Table(
    "duty",
    METADATA,
    _uid(),
    _ref("person", "person.id"),
    _ref("compound", "compound.id", nullable=True),
    _ref("street", "street.id", nullable=True),
    _text("role", nullable=True),
    _version(),
    CheckConstraint("(compound IS NULL) <> (street IS NULL)", name="duty_names_one_place"),
    sqlite_autoincrement=True,
)

HOUSEHOLD = Table(
    "household",
    METADATA,
    *_id(),
    _ref("compound", "compound.id"),
    _text("address"),
    _text("head"),
    _text("phone"),
    Column("people", Integer, nullable=False),
    Column("start", Date, nullable=False),
    Column("days", Integer),
    _ref("carer", "person.id", nullable=True),
    _text("notes", nullable=True),
    _version(),
)

AUDIT = Table(
    "audit",
    METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _text("user_name"),
    Column("at", DateTime, nullable=False),  # naive UTC
    Column("action", String, nullable=False, index=True),
    Column("summary", Text, nullable=False),
    Column("changes", Text, nullable=False),  # JSON list of {"type", "before", "after"}
    _ref("undone_by", "audit.id", type_=Integer, nullable=True),
    Column("undoes", Integer),  # for an undo entry: the entry it reversed
    sqlite_autoincrement=True,
)


def upgrade() -> None:
    METADATA.create_all(op.get_bind())
    op.execute(REVISION.insert().values(id=1, counter=0))


def downgrade() -> None:
    METADATA.drop_all(op.get_bind())
