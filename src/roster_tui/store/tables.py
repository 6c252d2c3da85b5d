"""The database tables, one per table of the interchange file (docs/format.md) and its lists.

Design choices, and why:

- Plain SQLAlchemy Core tables rather than SQLModel classes: every read and write here is a
  bulk Core statement and no ORM object is ever built, while defining eighteen SQLModel classes
  costs about 0.4 s of CPU at every process start (pydantic model building), which the
  ``check`` command and the TUI's start-up budgets cannot spare.
- Lists of references (party-group compounds, rotation members, override add/remove) are child
  tables with a ``position`` column, so the database itself refuses a dangling reference and
  keeps the order. Lists of plain values (roles, availability windows, a rotation's shift names)
  are JSON text: nothing refers to them and they load in one column.
- A post's shifts are a child table too: they are structured rows, and order matters (it breaks
  ties in rotation expansion).
- Rows with an ``id`` also carry ``seq``, their place in the sub-district's lists, so a load
  returns them in the order they were imported (a dump then reads like the file it came from).
  Id-less rows (override, leave, duty) are ordered by their surrogate ``uid``, which SQLite
  never hands out twice (AUTOINCREMENT) so an undo can put a row back under its old uid.
- Every foreign key is ``DEFERRABLE INITIALLY DEFERRED``: a person's party group and that
  group's leader refer to each other, and one transaction may insert both in any order.
- ``version`` on every editable row backs the optimistic check of ``Store.apply``.
- Dates are DATE; leave bounds are naive local wall-clock DATETIME (the sub-district's zone);
  audit times are naive UTC DATETIME (made aware UTC on the way out).
"""

from __future__ import annotations

from typing import Any

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

# Parents before children: the order to create in (and, reversed, to empty in).
ALL_TABLES: tuple[Table, ...] = (
    META,
    REVISION,
    COMMUNITY,
    STREET,
    COMPOUND,
    PARTY_GROUP,
    PERSON,
    PARTY_GROUP_COMPOUND,
    POST,
    POST_SHIFT,
    ROTATION,
    ROTATION_MEMBER,
    OVERRIDE,
    OVERRIDE_PERSON,
    LEAVE,
    DUTY,
    HOUSEHOLD,
    AUDIT,
)

# What an import replaces: everything except the database's own bookkeeping.
DATA_TABLES: tuple[Table, ...] = tuple(
    table for table in ALL_TABLES if table not in (META, REVISION, AUDIT)
)
