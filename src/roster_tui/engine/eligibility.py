"""Who may take a seat on a shift instance without opening a gap, and who fits it best.

The rules are the gap check's (docs/format.md) seen from the other side: a person added to an
instance must count there (active, no leave, available), must not overlap or come too close to
another instance they count on (double_booked, short_rest), and must stay within their weekly hours
(overtime). Both the fill and the week screen's assign picker ask here. The picker ranks by
:meth:`Eligibility.preference` (the load of the week itself); the fill ranks in the same order but
weighs the four weeks before as well (:mod:`roster_tui.engine.fill.fairness`), so the two agree
when nobody's earlier weeks tell them apart.

Instances are looked at through their *slot* (date, start, end): every rule above depends on
the slot only, never on the post, so people's eligibility is worked out once per slot.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from roster_tui.domain.gaps import UnavailableReason
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import MINUTES_PER_DAY, Person, Role, Roster, ShiftPattern
from roster_tui.domain.week import Week
from roster_tui.engine.expand import Expander, InstanceKey

NIGHT_END_MINUTE = 5 * 60  # a night shift works some of 00:00-05:00
_ONE_DAY = dt.timedelta(days=1)


class Blocker(StrEnum):
    """Why a person cannot take a seat, in the order an explanation names the first one."""

    ALREADY = "already"
    INACTIVE = "inactive"
    LEAVE = "leave"
    AVAILABILITY = "availability"
    DOUBLE_BOOKED = "double_booked"
    SHORT_REST = "short_rest"
    OVERTIME = "overtime"
    LACKS_ROLE = "lacks_role"
    AT_CAP = "at_cap"  # carers: already caring for the most households allowed


_STATIC = {
    UnavailableReason.INACTIVE: Blocker.INACTIVE,
    UnavailableReason.LEAVE: Blocker.LEAVE,
    UnavailableReason.AVAILABILITY: Blocker.AVAILABILITY,
}


def is_night(shift: ShiftPattern) -> bool:
    """Works some of 00:00-05:00: a 20:00-08:00 or a 00:00-08:00 shift, not a 16:00-24:00 one."""
    return shift.start < NIGHT_END_MINUTE or shift.start + shift.duration_minutes > MINUTES_PER_DAY


@dataclass(frozen=True, slots=True)
class Slot:
    """Where an instance sits in time; every seat rule depends on this and nothing else."""

    day: dt.date
    shift: ShiftPattern  # the first pattern seen with these times (availability reads them)
    start_ts: float
    end_ts: float
    week: Week  # of the start date
    night: bool

    @property
    def seconds(self) -> float:
        return self.end_ts - self.start_ts


SlotKey = tuple[dt.date, int, int]  # (date, start minute, end minute)


def slot_key(day: dt.date, shift: ShiftPattern) -> SlotKey:
    return (day, shift.start, shift.end)


class Ledger:
    """Every person's counted bookings near one week, and their hours and nights per ISO week."""

    def __init__(self, roster: Roster) -> None:
        self.min_rest = roster.settings.min_rest_hours * 3600
        self.default_max = roster.settings.max_hours_per_week
        # Per person: (start, end, instance) sorted by start.
        self._bookings: dict[str, list[tuple[float, float, InstanceKey]]] = {}
        self._seconds: dict[tuple[str, Week], float] = {}
        self._nights: dict[tuple[str, Week], int] = {}
        self._longest = 0.0  # the longest booking so far, in seconds

    def book(self, person: str, slot: Slot, key: InstanceKey) -> None:
        self._longest = max(self._longest, slot.seconds)
        bisect.insort(self._bookings.setdefault(person, []), (slot.start_ts, slot.end_ts, key))
        week = (person, slot.week)
        self._seconds[week] = self._seconds.get(week, 0.0) + slot.seconds
        self._nights[week] = self._nights.get(week, 0) + slot.night

    def book_instances(self, rows: Iterable[tuple[Slot, InstanceKey, Iterable[str]]]) -> None:
        """Book each (slot, instance, people counted there): the ledger :meth:`book` would give
        booking them in turn, with each person's bookings sorted once at the end."""
        bookings, seconds_of, nights_of = self._bookings, self._seconds, self._nights
        touched: set[str] = set()
        for slot, key, people in rows:
            seconds, night, week = slot.seconds, slot.night, slot.week
            self._longest = max(self._longest, seconds)
            booking = (slot.start_ts, slot.end_ts, key)
            for person in people:
                theirs = bookings.get(person)
                if theirs is None:
                    bookings[person] = theirs = []
                theirs.append(booking)
                touched.add(person)
                at = (person, week)
                seconds_of[at] = seconds_of.get(at, 0.0) + seconds
                nights_of[at] = nights_of.get(at, 0) + night
        for person in touched:
            bookings[person].sort()

    def unbook(self, person: str, slot: Slot, key: InstanceKey) -> None:
        self._bookings[person].remove((slot.start_ts, slot.end_ts, key))
        week = (person, slot.week)
        self._seconds[week] -= slot.seconds
        self._nights[week] -= slot.night

    def copy(self) -> Ledger:
        """A ledger that books and unbooks apart from this one."""
        twin = Ledger.__new__(Ledger)
        twin.min_rest, twin.default_max, twin._longest = (
            self.min_rest,
            self.default_max,
            self._longest,
        )
        twin._bookings = {person: list(rows) for person, rows in self._bookings.items()}
        twin._seconds = dict(self._seconds)
        twin._nights = dict(self._nights)
        return twin

    def seconds(self, person: str, week: Week) -> float:
        return self._seconds.get((person, week), 0.0)

    def nights(self, person: str, week: Week) -> int:
        return self._nights.get((person, week), 0)

    def bookings(self, person: str) -> list[tuple[float, float, InstanceKey]]:
        return self._bookings.get(person, [])

    def clash(self, person: str, slot: Slot, ignore: InstanceKey | None = None) -> Blocker | None:
        """DOUBLE_BOOKED or SHORT_REST against their bookings (``ignore``: the seat's own)."""
        bookings = self._bookings.get(person)
        if not bookings:
            return None
        start, end, rest = slot.start_ts, slot.end_ts, self.min_rest
        found: Blocker | None = None
        # Bookings that start before this one minus the longest booking and a rest end too early.
        first = bisect.bisect_left(bookings, (start - self._longest - rest,))
        for other_start, other_end, key in bookings[first:]:
            if other_start >= end + rest:
                break  # sorted by start: nothing later can come close
            if key == ignore:
                continue
            if other_start < end and start < other_end:
                return Blocker.DOUBLE_BOOKED
            gap = start - other_end if other_end <= start else other_start - end
            if gap < rest:
                found = Blocker.SHORT_REST  # keep looking: an overlap further on says more
        return found

    def clashing(self, person: str, slot: Slot) -> list[InstanceKey]:
        """The person's bookings that overlap ``slot`` or leave less than the rest around it."""
        bookings = self._bookings.get(person, [])
        start, end, rest = slot.start_ts, slot.end_ts, self.min_rest
        first = bisect.bisect_left(bookings, (start - self._longest - rest,))
        found = []
        for other_start, other_end, key in bookings[first:]:
            if other_start >= end + rest:
                break
            if other_start < end + rest and start < other_end + rest:
                found.append(key)
        return found

    def over_limit(self, person: Person, slot: Slot, ignore: InstanceKey | None = None) -> bool:
        limit = person.max_hours_per_week
        if limit is None:
            limit = self.default_max
        seconds = self.seconds(person.id, slot.week) + slot.seconds
        if seconds / 3600 <= limit:
            return False  # within it even counting the seat twice: no need to look for it
        if ignore is not None and any(key == ignore for _, _, key in self.bookings(person.id)):
            seconds -= slot.seconds
        return seconds / 3600 > limit


class Eligibility:
    """The seat rules over one expander (static facts) and one ledger (who works when)."""

    def __init__(self, roster: Roster, expander: Expander, ledger: Ledger) -> None:
        self.roster = roster
        self.expander = expander
        self.ledger = ledger
        self.people = expander.people
        self.community_of = {c.id: c.community for c in roster.compounds}
        self.group_of: dict[str, str] = {}
        for group in sorted(roster.party_groups, key=lambda g: g.id):
            for compound in group.compounds:
                self.group_of.setdefault(compound, group.id)
        self._slots: dict[SlotKey, Slot] = {}

    def slot(self, day: dt.date, shift: ShiftPattern) -> Slot:
        key = slot_key(day, shift)
        found = self._slots.get(key)
        if found is None:
            _, _, start_ts, end_ts = self.expander.clock.bounds(day, shift)
            found = Slot(day, shift, start_ts, end_ts, Week.of(day), is_night(shift))
            self._slots[key] = found
        return found

    def slot_of(self, instance: ShiftInstance) -> Slot:
        return self.slot(instance.date, instance.shift)

    def static_blocker(self, person: str, slot: Slot) -> Blocker | None:
        """INACTIVE, LEAVE or AVAILABILITY: what no other assignment can change."""
        reason = self.expander.unavailable_reason(
            person, slot.day, slot.shift, slot.start_ts, slot.end_ts
        )
        return None if reason is None else _STATIC[reason]

    def fits(self, person: Person, slot: Slot) -> bool:
        """Free to take a seat in the slot: no static blocker, no clash, within the week."""
        return (
            self.static_blocker(person.id, slot) is None
            and self.ledger.clash(person.id, slot) is None
            and not self.ledger.over_limit(person, slot)
        )

    def blockers(
        self,
        person: Person,
        slot: Slot,
        *,
        assigned: Iterable[str] = (),
        role: Role | None = None,
        ignore: InstanceKey | None = None,
    ) -> tuple[Blocker, ...]:
        """Every rule that stops ``person`` taking a seat, in :class:`Blocker` order.

        ``assigned``: who is on the instance already; ``role``: a role the seat needs;
        ``ignore``: the instance itself, whose own booking is no clash.
        """
        found: list[Blocker] = []
        if person.id in assigned:
            found.append(Blocker.ALREADY)
        static = self.static_blocker(person.id, slot)
        if static is not None:
            found.append(static)
        clash = self.ledger.clash(person.id, slot, ignore)
        if clash is not None:
            found.append(clash)
        if self.ledger.over_limit(person, slot, ignore):
            found.append(Blocker.OVERTIME)
        if role is not None and role not in person.roles:
            found.append(Blocker.LACKS_ROLE)
        return tuple(found)


@dataclass(slots=True)
class WeekContext:
    """One ISO week ready for seat questions: its instances, and everyone's bookings around it."""

    roster: Roster
    week: Week
    expander: Expander
    instances: list[ShiftInstance]  # the week's own, by date, post, then shift order
    eligibility: Eligibility

    @property
    def ledger(self) -> Ledger:
        return self.eligibility.ledger

    @classmethod
    def build(
        cls, roster: Roster, week: Week, own: list[ShiftInstance] | None = None
    ) -> WeekContext:
        """``own``: the week's instances when the caller has them already (as :meth:`Expander.
        instances` gives them for ``roster``), so that only the days around are expanded."""
        expander = Expander(roster)
        # Rest and overlap look across the week's edges, as far as a shift and a rest reach.
        longest = max(
            (s.duration_minutes for p in roster.posts for _, ss in p.patterns() for s in ss),
            default=0,
        )
        reach = longest / 60 + roster.settings.min_rest_hours
        margin = dt.timedelta(days=1 + math.ceil(reach / 24))
        monday, sunday = week.monday, week.sunday
        if own is None:
            around = expander.instances(monday - margin, sunday + margin)
            own = [i for i in around if monday <= i.date <= sunday]
        else:
            before = expander.instances(monday - margin, monday - _ONE_DAY)
            after = expander.instances(sunday + _ONE_DAY, sunday + margin)
            around = [*before, *own, *after]
        ledger = Ledger(roster)
        eligibility = Eligibility(roster, expander, ledger)
        ledger.book_instances(
            (eligibility.slot_of(i), i.key, i.counted) for i in around if i.counted
        )
        return cls(roster, week, expander, own, eligibility)

    def copy(self) -> WeekContext:
        """The same week with a ledger of its own, to try a fill on."""
        rules = self.eligibility
        twin = Eligibility(self.roster, self.expander, rules.ledger.copy())
        return WeekContext(self.roster, self.week, self.expander, self.instances, twin)

    def active_people(self) -> list[Person]:
        return [p for p in self.roster.people if p.active]
