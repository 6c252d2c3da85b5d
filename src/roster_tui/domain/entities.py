"""The sub-district's data as plain, immutable values (docs/format.md).

Everything above this layer speaks in these types: the store converts its rows into them, the
engine computes over them, exports render them and the TUI shows them. Times of day are minutes
after midnight (``0`` … ``1440``; ``1440`` is ``24:00``); dates of duty are local dates; leave
bounds are naive local wall-clock datetimes in the sub-district's zone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

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


SETTINGS_ID = "settings"  # the one settings row's key: a sub-district has one set of rules


@dataclass(frozen=True, slots=True)
class Settings:
    """The sub-district's rule settings: one row, edited and undone like any other."""

    min_rest_hours: float = 8
    max_hours_per_week: float = 56
    max_households_per_carer: int = 8
    quarantine_days: int = 14
    request_hours: float = 24  # a household's request should be done within this many hours
    fever_temperature: float = 37.3  # a reading at or above this is a fever (°C)
    id: str = SETTINGS_ID
    version: int = field(default=0, compare=False, repr=False)  # optimistic check


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
    # When an inactive person stopped (local wall clock): shifts that had started by then keep
    # them. None: inactive throughout (the interchange file has no such field). Database only.
    inactive_from: dt.datetime | None = None
    version: int = field(default=0, compare=False, repr=False)  # optimistic check

    def active_until(self, moment: dt.datetime) -> bool:
        """Whether the person was active all the time before ``moment`` (local wall clock)."""
        return self.active or (self.inactive_from is not None and self.inactive_from >= moment)

    def as_at(self, moment: dt.datetime) -> Person:
        """The person as they stood just before ``moment``: active if they were still then."""
        if self.active or not self.active_until(moment):
            return self
        return dataclasses.replace(self, active=True, inactive_from=None)


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


# Readings a thermometer at home can give, in °C (a contact's temperature, the fever line).
TEMPERATURE_MIN, TEMPERATURE_MAX = 34.0, 43.0


class ContactMethod(StrEnum):
    PHONE = "phone"
    WECHAT = "wechat"
    VISIT = "visit"


class RequestKind(StrEnum):
    SUPPLIES = "supplies"  # 代购
    MEDICAL_OUTING = "medical_outing"  # 就医报备
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Contact:
    """One day's contact with a quarantined household (每日问访)."""

    household: str
    date: dt.date
    by: str  # the person who made it, usually the carer
    how: ContactMethod
    temperature: float | None = None  # the household's highest reading that day, °C
    needs: str | None = None  # what the household asked for
    uid: int | None = field(default=None, compare=False, repr=False)  # store row id
    version: int = field(default=0, compare=False, repr=False)  # optimistic check


@dataclass(frozen=True, slots=True)
class Request:
    """Something a household needs done (代购/就医报备/其他); ``asked``/``done`` are local times."""

    id: str
    household: str
    kind: RequestKind
    asked: dt.datetime
    what: str
    handler: str | None = None
    done: dt.datetime | None = None
    version: int = field(default=0, compare=False, repr=False)  # optimistic check
