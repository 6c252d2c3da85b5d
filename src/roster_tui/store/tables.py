"""The database tables as SQLModel models: one per table of the interchange file and its lists.

The interchange file is described in docs/format.md.

Design choices, and why:

- The models are the schema (``create_all`` and the migrations' ``target_metadata``), but the
  store never builds ORM objects: every read and write is a bulk Core statement over a model's
  ``__table__`` (the module-level names below), as reading through the ORM is several times
  slower. The models build no pydantic validator (``defer_build``): nothing validates with them.
- The classes end in ``Row`` so they never meet the domain's dataclasses of the same name; the
  domain knows nothing of them.
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
- Table and column names are those of the first release: a database it wrote is revision 1 of
  the migrations (``store/migrations``), and a change here needs a migration there.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, String, Table, Text
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel
from sqlmodel.main import SQLModelConfig


class StoreModel(SQLModel, registry=registry()):
    """Base of the store's tables: a MetaData of their own, no pydantic validation built."""

    model_config = SQLModelConfig(from_attributes=True, defer_build=True)


METADATA = StoreModel.metadata


def ref(
    target: str, *, owner: bool = False, primary_key: bool = False, closes_cycle: str = ""
) -> Any:
    """A foreign key checked at commit; ``owner`` marks a child row's link to the row owning it.

    Nullability follows the annotation (``str | None``). ``closes_cycle`` names a key that
    closes a loop of references: PostgreSQL adds it once both tables exist.
    """
    key = ForeignKey(
        target,
        deferrable=True,
        initially="DEFERRED",
        ondelete="CASCADE" if owner else None,
        use_alter=bool(closes_cycle),
        name=closes_cycle or None,
    )
    return Field(primary_key=primary_key, index=not primary_key, sa_column_args=[key])


def position() -> Any:
    """A child row's place in its owner's list (part of its key, never generated)."""
    return Field(primary_key=True, sa_column_kwargs={"autoincrement": False})


def json_text(*, nullable: bool = False) -> Any:
    """A JSON-encoded list of plain values, stored as text."""
    return Field(sa_type=Text, nullable=nullable)


def version() -> Any:
    """The row's edit counter (the optimistic check of ``Store.apply``)."""
    return Field(default=1)


def uid() -> Any:
    """The surrogate key of an id-less row (AUTOINCREMENT: never handed out twice)."""
    return Field(default=None, primary_key=True, sa_column_kwargs={"autoincrement": True})


def naive_datetime() -> Any:
    """A date and time without zone (SQLModel's default would store one on PostgreSQL)."""
    return Field(sa_type=DateTime)


AUTOINCREMENT = {"sqlite_autoincrement": True}


class MetaRow(StoreModel, table=True):
    """Settings of the whole database: schema version, sub-district, rule settings (JSON)."""

    __tablename__ = "meta"
    key: str = Field(primary_key=True, sa_type=String)
    value: str | None = Field(sa_type=Text)


class RevisionRow(StoreModel, table=True):
    """One row whose counter every committed write raises: cheap to poll for others' changes."""

    __tablename__ = "revision"
    id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    counter: int


class CommunityRow(StoreModel, table=True):
    __tablename__ = "community"
    id: str = Field(primary_key=True)
    seq: int
    name: str
    version: int = version()


class StreetRow(StoreModel, table=True):
    __tablename__ = "street"
    id: str = Field(primary_key=True)
    seq: int
    name: str
    community: str = ref("community.id")
    version: int = version()


class CompoundRow(StoreModel, table=True):
    __tablename__ = "compound"
    id: str = Field(primary_key=True)
    seq: int
    name: str
    community: str = ref("community.id")
    kind: str
    street: str | None = ref("street.id")
    households: int | None
    version: int = version()


class PartyGroupRow(StoreModel, table=True):
    __tablename__ = "party_group"
    id: str = Field(primary_key=True)
    seq: int
    name: str
    community: str = ref("community.id")
    leader: str | None = ref("person.id", closes_cycle="party_group_leader_fkey")
    version: int = version()


class PartyGroupCompoundRow(StoreModel, table=True):
    __tablename__ = "party_group_compound"
    party_group: str = ref("party_group.id", primary_key=True, owner=True)
    position: int = position()
    compound: str = ref("compound.id")


class PersonRow(StoreModel, table=True):
    __tablename__ = "person"
    id: str = Field(primary_key=True)
    seq: int
    name: str
    phone: str
    community: str = ref("community.id")
    roles: str = json_text()  # role values, in order
    party_group: str | None = ref("party_group.id")
    max_hours_per_week: float | None
    available: str | None = json_text(nullable=True)  # windows; NULL = always available
    active: bool
    inactive_from: dt.datetime | None = Field(default=None, sa_type=DateTime)  # local wall clock
    version: int = version()


class PostRow(StoreModel, table=True):
    __tablename__ = "post"
    id: str = Field(primary_key=True)
    seq: int
    name: str
    compound: str = ref("compound.id")
    version: int = version()


class PostShiftRow(StoreModel, table=True):
    __tablename__ = "post_shift"
    post: str = ref("post.id", primary_key=True, owner=True)
    position: int = position()
    name: str
    start: int  # minutes after midnight
    end: int  # minutes after midnight, up to 1440
    need: int
    need_role: str | None
    since: dt.date | None = None  # the day its pattern begins; NULL: the post's first pattern


class RotationRow(StoreModel, table=True):
    __tablename__ = "rotation"
    id: str = Field(primary_key=True)
    seq: int
    post: str = ref("post.id")
    start: dt.date
    end: dt.date | None  # inclusive
    shifts: str | None = json_text(nullable=True)  # shift names; NULL = all the post's shifts
    per_slot: int | None
    version: int = version()


class RotationMemberRow(StoreModel, table=True):
    __tablename__ = "rotation_member"
    rotation: str = ref("rotation.id", primary_key=True, owner=True)
    position: int = position()
    person: str = ref("person.id")


class OverrideRow(StoreModel, table=True):
    __tablename__ = "shift_override"
    __table_args__ = AUTOINCREMENT
    uid: int | None = uid()
    post: str = ref("post.id")
    date: dt.date
    shift: str
    version: int = version()


class OverridePersonRow(StoreModel, table=True):
    """One name on an override's ``add`` or ``remove`` list (``change``), in order."""

    __tablename__ = "override_person"
    override: int = ref("shift_override.uid", primary_key=True, owner=True)
    change: str = Field(primary_key=True, sa_type=String)  # "add" | "remove"
    position: int = position()
    person: str = ref("person.id")


class LeaveRow(StoreModel, table=True):
    __tablename__ = "leave"
    __table_args__ = AUTOINCREMENT
    uid: int | None = uid()
    person: str = ref("person.id")
    start: dt.datetime = naive_datetime()  # local wall clock
    end: dt.datetime = naive_datetime()  # exclusive
    reason: str | None
    version: int = version()


class DutyRow(StoreModel, table=True):
    __tablename__ = "duty"
    __table_args__ = (
        CheckConstraint("(compound IS NULL) <> (street IS NULL)", name="duty_names_one_place"),
        AUTOINCREMENT,
    )
    uid: int | None = uid()
    person: str = ref("person.id")
    compound: str | None = ref("compound.id")
    street: str | None = ref("street.id")
    role: str | None
    version: int = version()


class HouseholdRow(StoreModel, table=True):
    __tablename__ = "household"
    id: str = Field(primary_key=True)
    seq: int
    compound: str = ref("compound.id")
    address: str
    head: str
    phone: str
    people: int
    start: dt.date
    days: int | None
    carer: str | None = ref("person.id")
    notes: str | None
    version: int = version()


class ContactRow(StoreModel, table=True):
    """One day's contact with a household (revision 2)."""

    __tablename__ = "contact"
    __table_args__ = AUTOINCREMENT
    uid: int | None = uid()
    household: str = ref("household.id")
    date: dt.date = Field(index=True)
    made_by: str = ref("person.id")  # the file's ``by`` (a reserved word in SQL)
    how: str
    temperature: float | None
    needs: str | None
    version: int = version()


class RequestRow(StoreModel, table=True):
    """Something a household needs done (revision 2); ``asked``/``done`` local wall clock."""

    __tablename__ = "care_request"
    id: str = Field(primary_key=True)
    seq: int
    household: str = ref("household.id")
    kind: str
    asked: dt.datetime = naive_datetime()
    what: str
    handler: str | None = ref("person.id")
    done: dt.datetime | None = Field(default=None, sa_type=DateTime, nullable=True)
    version: int = version()


class AuditRow(StoreModel, table=True):
    __tablename__ = "audit"
    __table_args__ = AUTOINCREMENT
    id: int | None = uid()
    user_name: str
    at: dt.datetime = naive_datetime()  # UTC
    action: str = Field(index=True)
    summary: str = Field(sa_type=Text)
    changes: str = json_text()  # list of {"type", "before", "after"}
    undone_by: int | None = ref("audit.id")
    undoes: int | None  # for an undo entry: the entry it reversed


def _table(model: type[StoreModel]) -> Table:
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


# The tables, for Core statements.
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
CONTACT = _table(ContactRow)
REQUEST = _table(RequestRow)
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
    CONTACT,
    REQUEST,
    AUDIT,
)

# What an import replaces: everything except the database's own bookkeeping.
DATA_TABLES: tuple[Table, ...] = tuple(
    table for table in ALL_TABLES if table not in (META, REVISION, AUDIT)
)
