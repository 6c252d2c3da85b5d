"""The sub-district's data as one :class:`Roster` of plain values (SPEC §2).

Everything above this layer speaks in these types: the store converts its rows into them, the
engine computes over them, exports render them and the TUI shows them. The row types live in
:mod:`roster_tui.domain.entities` and the kinds of row in :mod:`roster_tui.domain.kinds`; they
are named here too, so that one import gives a roster and its rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from roster_tui.domain.changes import Change
from roster_tui.domain.entities import (
    MINUTES_PER_DAY,
    SETTINGS_ID,
    Community,
    Compound,
    CompoundKind,
    Contact,
    ContactMethod,
    Duty,
    EarlierShifts,
    Household,
    Leave,
    Override,
    PartyGroup,
    Person,
    Post,
    Request,
    RequestKind,
    Role,
    Rotation,
    Settings,
    ShiftPattern,
    Street,
    Subdistrict,
)
from roster_tui.domain.kinds import KIND_OF_CLASS, ROW_LISTS, Entity, Kind, kind_of

RowT = TypeVar("RowT")

__all__ = [
    "MINUTES_PER_DAY",
    "SETTINGS_ID",
    "Community",
    "Compound",
    "CompoundKind",
    "Contact",
    "ContactMethod",
    "Duty",
    "EarlierShifts",
    "Household",
    "Leave",
    "Override",
    "PartyGroup",
    "Person",
    "Post",
    "Request",
    "RequestKind",
    "Role",
    "Roster",
    "RosterIndex",
    "Rotation",
    "Settings",
    "ShiftPattern",
    "Street",
    "Subdistrict",
]


@dataclass(slots=True, repr=False)
class Roster:
    """A whole sub-district: what ``import`` reads and ``dump`` writes."""

    subdistrict: Subdistrict
    settings: Settings = field(default_factory=Settings)
    communities: list[Community] = field(default_factory=list)
    streets: list[Street] = field(default_factory=list)
    compounds: list[Compound] = field(default_factory=list)
    party_groups: list[PartyGroup] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    rotations: list[Rotation] = field(default_factory=list)
    overrides: list[Override] = field(default_factory=list)
    leaves: list[Leave] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)
    households: list[Household] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    # Rows by key per kind, built on first use (see RosterIndex); copies start without.
    _by_key: dict[str, tuple[list[Any], int, dict[Any, Any]]] = field(
        default_factory=dict, init=False, compare=False
    )

    @property
    def index(self) -> RosterIndex:
        """Rows by id, built once per kind and roster: ``roster.index.people["p001"]``."""
        return RosterIndex(self)

    def with_own_lists(self) -> Roster:
        """A copy whose row lists can be edited without touching this roster's (rows shared)."""
        copied = replace(self)
        for name in ROW_LISTS:
            setattr(copied, name, list(getattr(self, name)))
        return copied

    def apply(self, change: Change) -> Entity | None:
        """Edit this roster's lists in place: replace, drop or append the changed row.

        Rows with an id are found by id; id-less rows by store uid when both have one, else by
        value. Returns the row that was replaced or dropped; ``ValueError`` when ``before`` is
        not there (the roster is stale).
        """
        entity = change.before if change.before is not None else change.after
        kind = kind_of(entity)
        if kind.single:
            return self._replace_single(kind, change)
        self._by_key.pop(kind.name, None)  # a row replaced in place keeps the list's length
        rows: list[Entity] = getattr(self, kind.list_name)
        at = None
        if change.before is not None:
            at = next((i for i, row in enumerate(rows) if _same_row(row, change.before)), None)
            if at is None:
                raise ValueError(f"no such row to change: {change.before!r}")
        if at is None:
            rows.append(change.after)  # type: ignore[arg-type]  # before is None, so after is not
            return None
        old = rows[at]
        if change.after is None:
            del rows[at]
        else:
            rows[at] = change.after
        return old

    def _replace_single(self, kind: Kind, change: Change) -> Entity:
        """The one row of a single kind (the settings) is replaced, never added or dropped."""
        old: Entity = getattr(self, kind.list_name)
        if change.before is None or change.after is None:
            raise ValueError(f"the {kind.name} row is edited, never added or removed")
        if old != change.before:
            raise ValueError(f"no such row to change: {change.before!r}")
        setattr(self, kind.list_name, change.after)
        return old

    def __repr__(self) -> str:
        # A summary, not thousands of rows: Textual builds every worker's description from
        # repr() of its arguments, and a full roster took 0.2 s to print on the large data.
        counts = ", ".join(
            f"{len(getattr(self, name))} {name}"
            for name in ("people", "posts", "rotations", "overrides", "leaves", "households")
        )
        return f"Roster({self.subdistrict.name!r}: {counts})"


class RosterIndex:
    """One roster's rows by key (``id``, or the store's ``uid``), a dict per kind.

    Each dict is built when first asked for and kept on the roster, so every screen, sheet and
    check shares it; loading builds none. It is built again when its list was replaced or
    changed length since, and :meth:`Roster.apply` drops it (a row replaced in place keeps the
    length); a copy (``with_own_lists``, ``dataclasses.replace``) starts with none. Threads may
    read at once: two that build the same dict build equal ones, and the last one stays. The
    dicts are shared: read them, never change them.
    """

    __slots__ = ("_roster",)

    def __init__(self, roster: Roster) -> None:
        self._roster = roster  # this view is made per use, so the roster holds no cycle

    def of(self, cls: type[RowT]) -> Mapping[Any, RowT]:
        kind: Kind = KIND_OF_CLASS[cls]
        rows = getattr(self._roster, kind.list_name)
        built = self._roster._by_key.get(kind.name)
        if built is not None and built[0] is rows and built[1] == len(rows):
            return built[2]
        key = kind.key
        by_key = {getattr(row, key): row for row in rows}
        self._roster._by_key[kind.name] = (rows, len(rows), by_key)
        return by_key

    @property
    def communities(self) -> Mapping[str, Community]:
        return self.of(Community)

    @property
    def streets(self) -> Mapping[str, Street]:
        return self.of(Street)

    @property
    def compounds(self) -> Mapping[str, Compound]:
        return self.of(Compound)

    @property
    def party_groups(self) -> Mapping[str, PartyGroup]:
        return self.of(PartyGroup)

    @property
    def people(self) -> Mapping[str, Person]:
        return self.of(Person)

    @property
    def posts(self) -> Mapping[str, Post]:
        return self.of(Post)

    @property
    def rotations(self) -> Mapping[str, Rotation]:
        return self.of(Rotation)

    @property
    def households(self) -> Mapping[str, Household]:
        return self.of(Household)


def _same_row(row: object, wanted: object) -> bool:
    wanted_id = getattr(wanted, "id", None)
    if wanted_id is not None:
        return getattr(row, "id", None) == wanted_id
    row_uid, wanted_uid = getattr(row, "uid", None), getattr(wanted, "uid", None)
    if row_uid is not None and wanted_uid is not None:
        return bool(row_uid == wanted_uid)
    return row == wanted
