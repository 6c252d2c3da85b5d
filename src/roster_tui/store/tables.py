"""The database tables (SQLModel), one per SPEC §2 entity plus the lists they own.

Design choices, and why:

- Lists of references (party-group compounds, rotation members, override add/remove) are child
  tables with a ``position`` column, so the database itself refuses a dangling reference and
  keeps the order. Lists of plain values (roles, availability windows, a rotation's shift names)
  are JSON text: nothing refers to them and they load in one column.
- A post's shifts are a child table too: they are structured rows, and order matters (it breaks
  ties in rotation expansion).
- Rows with an ``id`` also carry ``seq``, their place in the sub-district's lists, so a load
  returns them in the order they were imported (a dump then reads like the file it came from).
  Id-less rows (override, leave, duty) are ordered by their surrogate ``uid``.
- Every foreign key is ``DEFERRABLE INITIALLY DEFERRED``: a person's party group and that
  group's leader refer to each other, and one transaction may insert both in any order.
- ``version`` on every editable row backs the optimistic check of ``Store.apply``.
- Dates are DATE; leave bounds are naive local wall-clock DATETIME (the sub-district's zone);
  audit times are naive UTC DATETIME (converted to aware UTC on the way out).
"""

from __future__ import annotations

import datetime as dt
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
    String,
    Table,
    Text,
)
from sqlmodel import Field, SQLModel


def _ref(
    target: str,
    *,
    type_: Any = String,
    nullable: bool = False,
    primary_key: bool = False,
    owner: bool = False,
) -> Any:
    """A foreign-key column; ``owner`` marks a child row's link to the row that owns it."""
    key = ForeignKey(
        target,
        deferrable=True,
        initially="DEFERRED",
        ondelete="CASCADE" if owner else None,
    )
    return Field(
        sa_column=Column(
            type_, key, nullable=nullable, primary_key=primary_key, index=not primary_key
        )
    )


def _json(*, nullable: bool = False) -> Any:
    return Field(sa_column=Column(Text, nullable=nullable))


def _version() -> Any:
    return Field(default=1, sa_column=Column(Integer, nullable=False, default=1))


class MetaRow(SQLModel, table=True):
    """Settings of the whole database: schema version, sub-district, rule settings (JSON)."""

    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str = _json()


class RevisionRow(SQLModel, table=True):
    """One row whose counter every committed write raises: cheap to poll for changes."""

    __tablename__ = "revision"
    id: int = Field(default=1, primary_key=True)
    counter: int = Field(default=0)


class CommunityRow(SQLModel, table=True):
    __tablename__ = "community"
    id: str = Field(primary_key=True)
    seq: int
    name: str
    version: int = _version()


class StreetRow(SQLModel, table=True):
    __tablename__ = "street"
    id: str = Field(primary_key=True)
    seq: int
    name: str
    community: str = _ref("community.id")
    version: int = _version()


class CompoundRow(SQLModel, table=True):
    __tablename__ = "compound"
    id: str = Field(primary_key=True)
    seq: int
    name: str
    community: str = _ref("community.id")
    kind: str
    street: str | None = _ref("street.id", nullable=True)
    households: int | None = None
    version: int = _version()


class PartyGroupRow(SQLModel, table=True):
    __tablename__ = "party_group"
    id: str = Field(primary_key=True)
    seq: int
    name: str
    community: str = _ref("community.id")
    leader: str | None = _ref("person.id", nullable=True)
    version: int = _version()


class PartyGroupCompoundRow(SQLModel, table=True):
    __tablename__ = "party_group_compound"
    party_group: str = _ref("party_group.id", primary_key=True, owner=True)
    position: int = Field(primary_key=True)
    compound: str = _ref("compound.id")


class PersonRow(SQLModel, table=True):
    __tablename__ = "person"
    id: str = Field(primary_key=True)
    seq: int
    name: str
    phone: str
    community: str = _ref("community.id")
    roles: str = _json()  # JSON list of role values, in order
    party_group: str | None = _ref("party_group.id", nullable=True)
    max_hours_per_week: float | None = Field(default=None, sa_column=Column(Float))
    available: str | None = _json(nullable=True)  # JSON list; NULL = always available
    active: bool = Field(default=True, sa_column=Column(Boolean, nullable=False))
    version: int = _version()


class PostRow(SQLModel, table=True):
    __tablename__ = "post"
    id: str = Field(primary_key=True)
    seq: int
    name: str
    compound: str = _ref("compound.id")
    version: int = _version()


class PostShiftRow(SQLModel, table=True):
    __tablename__ = "post_shift"
    post: str = _ref("post.id", primary_key=True, owner=True)
    position: int = Field(primary_key=True)
    name: str
    start: int  # minutes after midnight
    end: int  # minutes after midnight, up to 1440
    need: int
    need_role: str | None = None


class RotationRow(SQLModel, table=True):
    __tablename__ = "rotation"
    id: str = Field(primary_key=True)
    seq: int
    post: str = _ref("post.id")
    start: dt.date = Field(sa_column=Column(Date, nullable=False))
    end: dt.date | None = Field(default=None, sa_column=Column(Date))
    shifts: str | None = _json(nullable=True)  # JSON list of shift names; NULL = all
    per_slot: int | None = None
    version: int = _version()


class RotationMemberRow(SQLModel, table=True):
    __tablename__ = "rotation_member"
    rotation: str = _ref("rotation.id", primary_key=True, owner=True)
    position: int = Field(primary_key=True)
    person: str = _ref("person.id")


class OverrideRow(SQLModel, table=True):
    __tablename__ = "shift_override"
    __table_args__ = {"sqlite_autoincrement": True}  # a deleted uid is never handed out again
    uid: int | None = Field(default=None, primary_key=True)
    post: str = _ref("post.id")
    date: dt.date = Field(sa_column=Column(Date, nullable=False))
    shift: str
    version: int = _version()


class OverridePersonRow(SQLModel, table=True):
    """One name on an override's ``add`` or ``remove`` list (``change``), in order."""

    __tablename__ = "override_person"
    override: int = _ref("shift_override.uid", type_=Integer, primary_key=True, owner=True)
    change: str = Field(primary_key=True)  # "add" | "remove"
    position: int = Field(primary_key=True)
    person: str = _ref("person.id")


class LeaveRow(SQLModel, table=True):
    __tablename__ = "leave"
    __table_args__ = {"sqlite_autoincrement": True}
    uid: int | None = Field(default=None, primary_key=True)
    person: str = _ref("person.id")
    start: dt.datetime = Field(sa_column=Column(DateTime, nullable=False))  # local wall clock
    end: dt.datetime = Field(sa_column=Column(DateTime, nullable=False))  # exclusive
    reason: str | None = None
    version: int = _version()


class DutyRow(SQLModel, table=True):
    __tablename__ = "duty"
    __table_args__ = (
        CheckConstraint("(compound IS NULL) <> (street IS NULL)", name="duty_names_one_place"),
        {"sqlite_autoincrement": True},
    )
    uid: int | None = Field(default=None, primary_key=True)
    person: str = _ref("person.id")
    compound: str | None = _ref("compound.id", nullable=True)
    street: str | None = _ref("street.id", nullable=True)
    role: str | None = None
    version: int = _version()


class HouseholdRow(SQLModel, table=True):
    __tablename__ = "household"
    id: str = Field(primary_key=True)
    seq: int
    compound: str = _ref("compound.id")
    address: str
    head: str
    phone: str
    people: int
    start: dt.date = Field(sa_column=Column(Date, nullable=False))
    days: int | None = None
    carer: str | None = _ref("person.id", nullable=True)
    notes: str | None = None
    version: int = _version()


class AuditRow(SQLModel, table=True):
    __tablename__ = "audit"
    __table_args__ = {"sqlite_autoincrement": True}
    id: int | None = Field(default=None, primary_key=True)
    user_name: str
    at: dt.datetime = Field(sa_column=Column(DateTime, nullable=False))  # naive UTC
    action: str = Field(index=True)
    summary: str = _json()
    changes: str = _json()  # JSON list of {"type", "before", "after"}
    undone_by: int | None = _ref("audit.id", type_=Integer, nullable=True)
    undoes: int | None = Field(default=None)  # for an undo entry: the entry it reversed


def _table(model: type[SQLModel]) -> Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


META = _table(MetaRow)
REVISION = _table(RevisionRow)
COMMUNITY = _table(CommunityRow)
STREET = _table(StreetRow)
COMPOUND = _table(CompoundRow)
PARTY_GROUP = _table(PartyGroupRow)
PARTY_GROUP_COMPOUND = _table(PartyGroupCompoundRow)
PERSON = _table(PersonRow)
POST = _table(PostRow)
POST_SHIFT = _table(PostShiftRow)
ROTATION = _table(RotationRow)
ROTATION_MEMBER = _table(RotationMemberRow)
OVERRIDE = _table(OverrideRow)
OVERRIDE_PERSON = _table(OverridePersonRow)
LEAVE = _table(LeaveRow)
DUTY = _table(DutyRow)
HOUSEHOLD = _table(HouseholdRow)
AUDIT = _table(AuditRow)

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

# What an import replaces: everything except the schema's own bookkeeping.
DATA_TABLES: tuple[Table, ...] = tuple(
    table for table in ALL_TABLES if table not in (META, REVISION, AUDIT)
)
