"""The sub-district's data as plain, immutable values (docs/format.md).

Everything above this layer speaks in these types: the store converts its rows into them, the
engine computes over them, exports render them and the TUI shows them. Times of day are minutes
after midnight (``0`` … ``1440``; ``1440`` is ``24:00``); dates of duty are local dates; leave
bounds are naive local wall-clock datetimes in the sub-district's zone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterable
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
class EarlierShifts:
    """A post's daily pattern as it was before a change: it held until ``until`` (exclusive)."""

    until: dt.date
    shifts: tuple[ShiftPattern, ...]


@dataclass(frozen=True, slots=True)
class Post:
    """A post and its daily shifts. ``shifts`` is the pattern from ``shifts_from`` on; the dates
    before that keep the patterns they had (``earlier``, oldest first, each ending where the
    next one begins), so a change of times, names or needs never rewrites a day gone by. A post
    set up after the roster began has an empty first pattern: no shifts before its first day."""

    id: str
    name: str
    compound: str
    shifts: tuple[ShiftPattern, ...]
    version: int = field(default=0, compare=False, repr=False)  # optimistic check
    earlier: tuple[EarlierShifts, ...] = ()  # after version: rows built by position stay right

    @property
    def shifts_from(self) -> dt.date | None:
        """The first day of the current pattern; None: it has always held."""
        return self.earlier[-1].until if self.earlier else None

    def shifts_on(self, day: dt.date) -> tuple[ShiftPattern, ...]:
        """The daily pattern that holds on ``day``."""
        for era in self.earlier:
            if day < era.until:
                return era.shifts
        return self.shifts

    def patterns(self) -> list[tuple[dt.date | None, tuple[ShiftPattern, ...]]]:
        """Every pattern with the day it begins (None: the first), oldest first."""
        starts = [None, *(era.until for era in self.earlier)]
        return list(zip(starts, [*(era.shifts for era in self.earlier), self.shifts], strict=True))

    def shifts_between(
        self, first: dt.date, last: dt.date, *, by_name: bool = False
    ) -> tuple[ShiftPattern, ...]:
        """Every shift holding on some day of ``[first, last]``, oldest pattern first; a shift
        whose times or need changed comes right after its earlier form (a printed grid's rows).
        ``by_name``: one per name, in its latest form (a grid whose rows go by shift name)."""
        if not self.earlier:
            return self.shifts
        found: list[ShiftPattern] = []
        for since, shifts in self.patterns():
            ends = [era.until for era in self.earlier if since is None or era.until > since]
            if (since is not None and since > last) or (ends and ends[0] <= first):
                continue  # begins after the range, or ended before it
            for shift in shifts:
                if shift in found:
                    continue
                same = [i for i, s in enumerate(found) if s.name == shift.name]
                if by_name and same:
                    found[same[-1]] = shift
                else:
                    found.insert(same[-1] + 1 if same else len(found), shift)
        return tuple(found)

    def with_shifts_from(self, day: dt.date, shifts: tuple[ShiftPattern, ...]) -> Post:
        """The post with ``shifts`` from ``day`` on: earlier days keep their patterns, and any
        pattern planned to begin on or after ``day`` gives way to this one."""
        kept = [(since, old) for since, old in self.patterns() if since is None or since < day]
        if kept[-1][1] != shifts:
            kept.append((day, shifts))
        earlier = tuple(
            EarlierShifts(until, old)
            for (_, old), (until, _) in itertools.pairwise(kept)
            if until is not None
        )
        return dataclasses.replace(self, shifts=kept[-1][1], earlier=earlier)

    def shift(self, name: str, day: dt.date | None = None) -> ShiftPattern | None:
        """The shift called ``name`` on ``day`` (None: in the current pattern)."""
        shifts = self.shifts if day is None else self.shifts_on(day)
        return next((s for s in shifts if s.name == name), None)


def dated_shifts(
    rows: Iterable[tuple[dt.date | None, ShiftPattern]],
) -> tuple[tuple[ShiftPattern, ...], tuple[EarlierShifts, ...]]:
    """A post's ``shifts`` and ``earlier`` from its shift rows, each with the day its pattern
    begins (None: the first pattern), in pattern order: consecutive rows of one day are one
    pattern (how the store and the interchange file hold them). Rows whose first one has a day
    are a post that has no shifts before that day: its first pattern is empty."""
    groups: list[tuple[dt.date | None, list[ShiftPattern]]] = []
    for since, shift in rows:
        if not groups and since is not None:  # a post set up later: no shifts before its day
            groups.append((None, []))
        if not groups or groups[-1][0] != since:
            groups.append((since, []))
        groups[-1][1].append(shift)
    earlier = tuple(
        EarlierShifts(until, tuple(shifts))
        for (_, shifts), (until, _) in itertools.pairwise(groups)
        if until is not None
    )
    return (tuple(groups[-1][1]) if groups else ()), earlier


def shift_rows(post: Post) -> list[tuple[dt.date | None, ShiftPattern]]:
    """The post's shifts as rows with the day their pattern begins: :func:`dated_shifts` undone."""
    return [(since, shift) for since, shifts in post.patterns() for shift in shifts]


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
