"""Every kind of row the roster holds, in one table: its name, class, Roster list and key.

The audit log's JSON, the store's codecs and readers, the interchange file's tables, the
roster's copy and in-place edits and the history view all look a kind up here instead of
keeping their own list, so none of them can forget one.

How to add a kind of row (say ``contact``):

1. Domain: the frozen, slotted dataclass in :mod:`roster_tui.domain.entities` (a string ``id``
   or, for rows without one, ``uid: int | None``; and ``version``, like :class:`Leave`), its
   list on :class:`~roster_tui.domain.model.Roster`, and one :class:`Kind` line in
   :data:`KINDS` below plus the class in the :data:`Entity` union. The audit log's JSON needs
   nothing more: it reads and writes fields from their types (dates, datetimes, tuples, enums,
   nested dataclasses), and ``Roster.apply`` and ``with_own_lists`` find the list here.
2. Store: the table, its :class:`~roster_tui.store.rows.RowCodec` (row values and reader) under
   the kind's name in ``store.rows.CODECS``, and the migration that creates the table.
3. Interchange: the table's keys in ``interchange.tables.ROWS`` (the file's own schema).
4. Words: ``db.entity.<name>`` and a ``history.field.<field>`` for each new field name, in both
   languages.

A kind of which a sub-district holds exactly one row (the rule settings) is ``single``: the
Roster attribute holds the row itself, not a list; it is written with the sub-district (never
added or removed on its own), edited and undone like any row, and it is not in :data:`KINDS`,
which lists the kinds held in lists (:data:`ALL_KINDS` holds both). Its codec says where it is
stored (``store.rows.CODECS``).

A row's own parts are fields of its kind, not kinds of their own: a post's dated shift
patterns (``Post.earlier``) are saved, audited and undone with the post, in its child table.

Nothing else: ``tests/store/test_store_kinds.py`` fails when a kind is missing from any of these
places. (The rules that read the new rows, the screens that show them and the exports that
print them are the feature itself, not bookkeeping.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from roster_tui.domain.entities import (
    Community,
    Compound,
    Contact,
    Duty,
    Household,
    Leave,
    Override,
    PartyGroup,
    Person,
    Post,
    Request,
    Rotation,
    Settings,
    Street,
)

Entity = (
    Settings
    | Community
    | Street
    | Compound
    | PartyGroup
    | Person
    | Post
    | Rotation
    | Override
    | Leave
    | Duty
    | Household
    | Contact
    | Request
)


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of row: ``name`` is how the audit log, the interchange file and messages say it."""

    name: str
    cls: type
    list_name: str  # the Roster attribute holding these rows
    key: Literal["id", "uid"]  # "uid": no id of its own, the store numbers the rows
    single: bool = False  # the Roster attribute holds the one row itself, not a list

    def key_of(self, entity: object) -> object:
        return getattr(entity, self.key)


# In dependency order: a kind only names rows of the kinds above it (the order rows are written).
KINDS: tuple[Kind, ...] = (
    Kind("community", Community, "communities", "id"),
    Kind("street", Street, "streets", "id"),
    Kind("compound", Compound, "compounds", "id"),
    Kind("party_group", PartyGroup, "party_groups", "id"),
    Kind("person", Person, "people", "id"),
    Kind("post", Post, "posts", "id"),
    Kind("rotation", Rotation, "rotations", "id"),
    Kind("override", Override, "overrides", "uid"),
    Kind("leave", Leave, "leaves", "uid"),
    Kind("duty", Duty, "duties", "uid"),
    Kind("household", Household, "households", "id"),
    Kind("contact", Contact, "contacts", "uid"),
    Kind("request", Request, "requests", "id"),
)

# The kinds of which there is one row, keyed by a fixed id.
SETTINGS_KIND = Kind("settings", Settings, "settings", "id", single=True)
SINGLE_KINDS: tuple[Kind, ...] = (SETTINGS_KIND,)
ALL_KINDS: tuple[Kind, ...] = (*SINGLE_KINDS, *KINDS)

KIND_OF_CLASS: dict[type, Kind] = {kind.cls: kind for kind in ALL_KINDS}
KIND_NAMED: dict[str, Kind] = {kind.name: kind for kind in ALL_KINDS}
ROW_LISTS: tuple[str, ...] = tuple(kind.list_name for kind in KINDS)


def kind_of(entity: object) -> Kind:
    """The kind of ``entity``; ``KeyError`` for anything that is not a roster row."""
    return KIND_OF_CLASS[type(entity)]
