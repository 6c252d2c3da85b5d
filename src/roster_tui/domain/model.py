"""The sub-district's data as plain, immutable values (docs/format.md).

Everything above this layer speaks in these types: the store converts its rows into them, the
engine computes over them, exports render them and the TUI shows them. Times of day are minutes
after midnight (``0`` … ``1440``; ``1440`` is ``24:00``); dates of duty are local dates; leave
bounds are naive local wall-clock datetimes in the sub-district's zone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from roster_tui.domain.changes import Change
    from roster_tui.domain.kinds import Entity

MINUTES_PER_DAY = 1440


class CompoundKind(StrEnum):
    MANAGED = "managed"
    UNMANAGED = "unmanaged"
    RENTAL = "rental"


class Role(StrEnum):
    PARTY_MEMBER = "party_member"
    CADRE = "cadre"
    VOLUNTEER = "volunteer"
    BUILDING_CAPTAIN = "building_captain"
    GRID_WORKER = "grid_worker"
    DOCTOR = "doctor"
    POLICE = "police"


@dataclass(frozen=True, slots=True)
class Subdistrict:
    name: str
    timezone: str = "Asia/Shanghai"


@dataclass(frozen=True, slots=True)
class Settings:
    min_rest_hours: float = 8
    max_hours_per_week: float = 56
    max_households_per_carer: int = 8
    quarantine_days: int = 14


@dataclass(frozen=True, slots=True)
class Community:
    id: str
    name: str
    version: int = field(default=0, compare=False, repr=False)  # optimistic check


@dataclass(frozen=True, slots=True)
class Street:
    id: str
    name: str
    community: str
    version: int = field(default=0, compare=False, repr=False)  # optimistic check


@dataclass(frozen=True, slots=True)
class Compound:
    id: str
    name: str
    community: str
    kind: CompoundKind
    street: str | None = None
    households: int | None = None
    version: int = field(default=0, compare=False, repr=False)  # optimistic check


@dataclass(frozen=True, slots=True)
class PartyGroup:
    id: str
    name: str
    community: str
    compounds: tuple[str, ...] = ()
    leader: str | None = None
    version: int = field(default=0, compare=False, repr=False)  # optimistic check


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    phone: str
    community: str
    roles: tuple[Role, ...] = ()
    party_group: str | None = None
    max_hours_per_week: float | None = None
    # None: always available. An empty tuple: never available (docs/format.md).
    available: tuple[str, ...] | None = None
    active: bool = True
    version: int = field(default=0, compare=False, repr=False)  # optimistic check


@dataclass(frozen=True, slots=True)
class ShiftPattern:
    """One shift of a post's daily pattern. ``end <= start`` means it ends the next day."""

    name: str
    start: int  # minutes after midnight, 0..1439
    end: int  # minutes after midnight, 0..1440
    need: int
    need_role: Role | None = None

    @property
    def duration_minutes(self) -> int:
        """Nominal length in wall-clock minutes (elapsed time may differ on a DST day)."""
        span = self.end - self.start
        return span if span > 0 else span + MINUTES_PER_DAY

    @property
    def overnight(self) -> bool:
        return self.end <= self.start


@dataclass(frozen=True, slots=True)
class Post:
    id: str
    name: str
    compound: str
    shifts: tuple[ShiftPattern, ...]
    version: int = field(default=0, compare=False, repr=False)  # optimistic check

    def shift(self, name: str) -> ShiftPattern | None:
        return next((s for s in self.shifts if s.name == name), None)


@dataclass(frozen=True, slots=True)
class Rotation:
    id: str
    post: str
    members: tuple[str, ...]
    start: dt.date
    end: dt.date | None = None  # inclusive
    shifts: tuple[str, ...] | None = None  # None: all shifts of the post
    per_slot: int | None = None  # None: the shift's need
    version: int = field(default=0, compare=False, repr=False)  # optimistic check


@dataclass(frozen=True, slots=True)
class Override:
    """A swap or extra hand on one shift instance (换班/顶班)."""

    post: str
    date: dt.date
    shift: str
    remove: tuple[str, ...] = ()
    add: tuple[str, ...] = ()
    uid: int | None = field(default=None, compare=False, repr=False)  # store row id
    version: int = field(default=0, compare=False, repr=False)  # optimistic check


@dataclass(frozen=True, slots=True)
class Leave:
    """An absence over ``[start, end)``, naive local wall-clock times."""

    person: str
    start: dt.datetime
    end: dt.datetime
    reason: str | None = None
    uid: int | None = field(default=None, compare=False, repr=False)  # store row id
    version: int = field(default=0, compare=False, repr=False)  # optimistic check


@dataclass(frozen=True, slots=True)
class Duty:
    """Standing responsibility (包街包院): exactly one of ``compound`` and ``street``."""

    person: str
    compound: str | None = None
    street: str | None = None
    role: str | None = None
    uid: int | None = field(default=None, compare=False, repr=False)  # store row id
    version: int = field(default=0, compare=False, repr=False)  # optimistic check


@dataclass(frozen=True, slots=True)
class Household:
    id: str
    compound: str
    address: str
    head: str
    phone: str
    people: int
    start: dt.date
    days: int | None = None  # None: settings.quarantine_days
    carer: str | None = None
    notes: str | None = None
    version: int = field(default=0, compare=False, repr=False)  # optimistic check

    def quarantine_days(self, settings: Settings) -> int:
        return self.days if self.days is not None else settings.quarantine_days

    def end_date(self, settings: Settings) -> dt.date:
        """The first day the household is no longer in quarantine (exclusive end)."""
        return self.start + dt.timedelta(days=self.quarantine_days(settings))

    def active_on(self, day: dt.date, settings: Settings) -> bool:
        return self.start <= day < self.end_date(settings)


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

    def with_own_lists(self) -> Roster:
        """A copy whose row lists can be edited without touching this roster's (rows shared)."""
        from roster_tui.domain.kinds import ROW_LISTS  # the registry imports this module

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
        from roster_tui.domain.kinds import kind_of  # the registry imports this module

        entity = change.before if change.before is not None else change.after
        rows: list[Entity] = getattr(self, kind_of(entity).list_name)
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

    def __repr__(self) -> str:
        # A summary, not thousands of rows: Textual builds every worker's description from
        # repr() of its arguments, and a full roster took 0.2 s to print on the large data.
        counts = ", ".join(
            f"{len(getattr(self, name))} {name}"
            for name in ("people", "posts", "rotations", "overrides", "leaves", "households")
        )
        return f"Roster({self.subdistrict.name!r}: {counts})"


def _same_row(row: object, wanted: object) -> bool:
    wanted_id = getattr(wanted, "id", None)
    if wanted_id is not None:
        return getattr(row, "id", None) == wanted_id
    row_uid, wanted_uid = getattr(row, "uid", None), getattr(wanted, "uid", None)
    if row_uid is not None and wanted_uid is not None:
        return bool(row_uid == wanted_uid)
    return row == wanted
