"""Fair over time: everyone's load over the four weeks before the week being filled and the week
itself, and the order in which the fill prefers people by it.

A load is hours, night shifts, weekend shifts and public-holiday shifts (a shift's day is the
day it starts; :mod:`~roster_tui.engine.fill.day_kinds` says which days are which). Among people
equally fit for a seat (the wanted role, the same community, the same Party group) the fill
takes the one who has done least of what the seat is: fewest holiday shifts for a holiday seat,
fewest nights for a night seat, fewest weekend shifts for a weekend seat, then the fewest
weighted hours, in which an hour on a weekend day counts twice and on a public holiday three
times (the overtime pay of China's Labour Law, art. 44: what a shift on those days costs the
person is the same measure). The history is read from the roster's own expanded shifts, once per
fill: four weeks of the large sub-district expand in a few hundredths of a second.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from roster_tui.domain.model import Person, Role
from roster_tui.engine.eligibility import Eligibility, Slot, WeekContext, is_night
from roster_tui.engine.expand import InstanceKey
from roster_tui.engine.fill.day_kinds import DayKind, day_kinds
from roster_tui.engine.gc_pause import gc_paused

HISTORY_WEEKS = 4
WEIGHT = {DayKind.WORKDAY: 1.0, DayKind.WEEKEND: 2.0, DayKind.HOLIDAY: 3.0}


@dataclass(frozen=True, slots=True)
class ShiftLoad:
    """What one counted seat on a shift adds to a person's load."""

    hours: float
    night: bool
    kind: DayKind


@dataclass(slots=True)
class Load:
    """One person's shifts over the weeks looked at."""

    hours: float = 0.0
    nights: int = 0
    weekends: int = 0
    holidays: int = 0
    weighted: float = 0.0  # hours, an hour on a weekend day twice, on a holiday three times

    def add(self, shift: ShiftLoad, sign: int = 1) -> None:
        self.hours += sign * shift.hours
        self.nights += sign * shift.night
        self.weekends += sign * (shift.kind is DayKind.WEEKEND)
        self.holidays += sign * (shift.kind is DayKind.HOLIDAY)
        self.weighted += sign * shift.hours * WEIGHT[shift.kind]

    def copy(self) -> Load:
        return dataclasses.replace(self)

    def merge(self, other: Load) -> None:
        """Add another stretch of the same person's shifts."""
        self.hours += other.hours
        self.nights += other.nights
        self.weekends += other.weekends
        self.holidays += other.holidays
        self.weighted += other.weighted

    def burden(self, shift: ShiftLoad) -> tuple[float, ...]:
        """Lower is fairer to give ``shift`` to: what the shift is first, then weighted hours."""
        return (
            self.holidays if shift.kind is DayKind.HOLIDAY else 0,
            self.nights if shift.night else 0,
            self.weekends if shift.kind is DayKind.WEEKEND else 0,
            round(self.weighted, 6),
            self.nights,
        )


def _sums(shifts: list[ShiftLoad], worked: dict[str, list[int]]) -> dict[str, Load]:
    """Each person's load from the shifts they worked (indices into ``shifts``)."""
    hours = [shift.hours for shift in shifts]
    weighted = [shift.hours * WEIGHT[shift.kind] for shift in shifts]
    nights = [int(shift.night) for shift in shifts]
    weekends = [int(shift.kind is DayKind.WEEKEND) for shift in shifts]
    holidays = [int(shift.kind is DayKind.HOLIDAY) for shift in shifts]
    return {
        person: Load(
            sum(map(hours.__getitem__, ats)),
            sum(map(nights.__getitem__, ats)),
            sum(map(weekends.__getitem__, ats)),
            sum(map(holidays.__getitem__, ats)),
            sum(map(weighted.__getitem__, ats)),
        )
        for person, ats in worked.items()
    }


NO_LOAD = Load()  # of someone with no shift in the weeks looked at; never changed


class Loads:
    """Everyone's load over the four weeks before ``context``'s week and the week as the roster
    has it, before the fill; and what each of the week's seats adds to it.

    ``earlier``: the loads of the same week on a roster that differs only within the week (an
    edit of its shifts): the four weeks before are taken from it instead of read again.
    """

    def __init__(self, context: WeekContext, earlier: Loads | None = None) -> None:
        with gc_paused():  # tens of thousands of instances, no cycle among them
            self._read(
                context, earlier if earlier is not None and earlier.week == context.week else None
            )

    def _read(self, context: WeekContext, earlier: Loads | None) -> None:
        self.week = context.week
        monday = context.week.monday
        first = monday - dt.timedelta(weeks=HISTORY_WEEKS)
        # Who counted on which shifts (an index into ``shifts``), summed per person at the end:
        # tens of thousands of seats, so the loops only append.
        shifts: list[ShiftLoad] = []
        index: dict[tuple[float, float], int] = {}
        self.kinds: dict[dt.date, DayKind]
        self._shifts: dict[tuple[dt.date, float, float, bool], ShiftLoad]
        self.past: dict[str, Load]  # the four weeks before
        if earlier is not None:
            self.kinds, self._shifts, self.past = earlier.kinds, earlier._shifts, earlier.past
        else:
            self.kinds = day_kinds(first, context.week.sunday)
            self._shifts = {}
            worked: dict[str, list[int]] = defaultdict(list)
            history = context.expander.timed_instances(first, monday - dt.timedelta(days=1))
            for start_ts, end_ts, _, _, _, instance in history:
                if instance.counted:
                    at = index.get((start_ts, end_ts))
                    if at is None:
                        night = is_night(instance.shift)
                        at = index[(start_ts, end_ts)] = len(shifts)
                        shifts.append(self._shift(instance.date, start_ts, end_ts, night))
                    for person in instance.counted:
                        worked[person].append(at)
            self.past = _sums(shifts, worked)
        self.seats: dict[InstanceKey, ShiftLoad] = {}  # the week's instances
        shifts, index = [], {}
        in_week: dict[str, list[int]] = defaultdict(list)
        rules = context.eligibility
        for instance in context.instances:
            slot = rules.slot_of(instance)
            shift = self.seats[instance.key] = self.of_slot(slot)
            if instance.counted:
                at = index.get((slot.start_ts, slot.end_ts))
                if at is None:
                    at = index[(slot.start_ts, slot.end_ts)] = len(shifts)
                    shifts.append(shift)
                for person in instance.counted:
                    in_week[person].append(at)
        self.before: dict[str, Load] = {p: load.copy() for p, load in self.past.items()}
        for person, load in _sums(shifts, in_week).items():
            if person in self.before:
                self.before[person].merge(load)
            else:
                self.before[person] = load

    def _shift(self, day: dt.date, start_ts: float, end_ts: float, night: bool) -> ShiftLoad:
        key = (day, start_ts, end_ts, night)
        shift = self._shifts.get(key)
        if shift is None:
            hours = (end_ts - start_ts) / 3600
            shift = self._shifts[key] = ShiftLoad(hours, night, self.kinds[day])
        return shift

    def of_slot(self, slot: Slot) -> ShiftLoad:
        return self._shift(slot.day, slot.start_ts, slot.end_ts, slot.night)

    def of(self, person: str) -> Load:
        """The person's load before the fill (a copy to change)."""
        load = self.before.get(person)
        return Load() if load is None else load.copy()

    def current(self, person: str) -> Load:
        """The person's load before the fill, to read and not to change."""
        return self.before.get(person) or NO_LOAD

    def after(self, added: Iterable[tuple[InstanceKey, str]]) -> dict[str, Load]:
        """The loads of the people ``added`` (instance, person) with those seats added."""
        loads: dict[str, Load] = {}
        for key, person in added:
            if person not in loads:
                loads[person] = self.of(person)
            loads[person].add(self.seats[key])
        return loads


def fair_rank(
    rules: Eligibility,
    person: Person,
    compound: str,
    load: Load,
    shift: ShiftLoad,
    wanted_role: Role | None = None,
) -> tuple[object, ...]:
    """Lower is better: holds the wanted role, same community, same Party group, then the load
    over the weeks looked at (:meth:`Load.burden`), then the id."""
    group = rules.group_of.get(compound)
    return (
        wanted_role is not None and wanted_role not in person.roles,
        person.community != rules.community_of.get(compound),
        group is None or person.party_group != group,
        *load.burden(shift),
        person.id,
    )


# -- how the load is spread ------------------------------------------------------------------

Stat = tuple[float, float, float]  # min, max, population standard deviation


@dataclass(frozen=True, slots=True)
class Spread:
    hours: Stat
    nights: Stat
    weekends: Stat
    holidays: Stat


@dataclass(frozen=True, slots=True)
class LoadSpread:
    """How the load over the four weeks and the week is spread among the people who serve in
    them (before or after the fill), before and after it."""

    people: int
    before: Spread
    after: Spread


def _stat(values: list[float]) -> Stat:
    return (min(values), max(values), statistics.pstdev(values))


def _spread(loads: list[Load]) -> Spread:
    return Spread(
        _stat([load.hours for load in loads]),
        _stat([float(load.nights) for load in loads]),
        _stat([float(load.weekends) for load in loads]),
        _stat([float(load.holidays) for load in loads]),
    )


def load_spread(loads: Loads, added: Iterable[tuple[InstanceKey, str]]) -> LoadSpread | None:
    """The spread before and after adding the seats ``added``; ``None`` when nobody serves."""
    after = loads.after(added)
    serving = [p for p, load in loads.before.items() if load.hours > 0]
    serving += [p for p in after if p not in loads.before or loads.before[p].hours == 0]
    if not serving:
        return None
    return LoadSpread(
        len(serving),
        _spread([loads.of(p) for p in serving]),
        _spread([after[p] if p in after else loads.of(p) for p in serving]),
    )
