"""Shift instances with who is on them and who of them counts (docs/format.md, "Shift instances").

This is the hot path of every check: tens of thousands of instances over four weeks. Zone
arithmetic is cached in :class:`~roster_tui.engine.clock.ZoneClock`, rotation picks in
:class:`~roster_tui.engine.rotations.CompiledRotation`, availability answers per distinct set of
windows, and people with neither leave nor windows count without any test.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Mapping

from roster_tui.domain.availability import WeeklyAvailability
from roster_tui.domain.gaps import UnavailableReason
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Override, Person, Post, Roster, ShiftPattern
from roster_tui.domain.week import Week
from roster_tui.engine.clock import Bounds, ZoneClock
from roster_tui.engine.gc_pause import gc_paused
from roster_tui.engine.rotations import CompiledRotation, Picks, prefix_for, ranks_of

InstanceKey = tuple[str, dt.date, str]  # (post id, start date, shift name)

# An instance as the pair and week rules see it: start and end timestamps, post id, place in
# the post's shifts, ISO week label, the instance. Of two instances the later one (docs/format.md,
# "Pairs": later start, then later end, greater post id, later shift) compares greater; the first
# four fields never tie between two instances, so comparing rows never reaches the instance.
Timed = tuple[float, float, str, int, Week, ShiftInstance]

# Weekly windows, with their answers cached by (weekday, shift start, shift end).
_Availability = tuple[WeeklyAvailability, dict[tuple[int, int, int], bool]]

_ONE_DAY = dt.timedelta(days=1)


def dates(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """Every date from ``first`` to ``last``, inclusive."""
    day = first
    while day <= last:
        yield day
        day += _ONE_DAY


class Expander:
    """A roster indexed for expansion: build once, then ask for instances, picks and reasons.

    The override index can be edited in place (:meth:`add_override`, :meth:`remove_override`)
    so that an incremental checker reuses everything else.
    """

    def __init__(self, roster: Roster) -> None:
        self.roster = roster
        self.clock = ZoneClock(roster.subdistrict.timezone)
        self.posts: Mapping[str, Post] = roster.index.posts
        self.people: Mapping[str, Person] = roster.index.people
        self.shift_index: dict[str, dict[str, int]] = {
            post.id: {shift.name: i for i, shift in enumerate(post.shifts)} for post in roster.posts
        }
        # A rotation over a post whose pattern changed is one part per pattern (no two cover
        # the same day), each going on from where the one before left the cycle.
        self._rotations: dict[str, list[CompiledRotation]] = {}
        for rotation in sorted(roster.rotations, key=lambda r: r.id):
            post = self.posts.get(rotation.post)
            if post is not None and rotation.members:
                parts = CompiledRotation.compile_dated(rotation, post)
                self._rotations.setdefault(post.id, []).extend(parts)
        self.overrides: dict[InstanceKey, list[Override]] = {}
        for override in roster.overrides:
            self.add_override(override)
        self._leaves: dict[str, list[tuple[float, float]]] = {}
        for leave in roster.leaves:
            span = (self.clock.timestamp(leave.start), self.clock.timestamp(leave.end))
            self._leaves.setdefault(leave.person, []).append(span)
        # Per person: their windows and the answers so far, shared by all with the same text.
        parsed: dict[tuple[str, ...], _Availability] = {}
        self._availability: dict[str, _Availability] = {}
        for person in roster.people:
            if person.available is not None:
                if person.available not in parsed:
                    parsed[person.available] = (WeeklyAvailability.parse(person.available), {})
                self._availability[person.id] = parsed[person.available]
        # People made inactive at a known moment still count on shifts that had started by then.
        self._inactive_from: dict[str, float] = {
            person.id: self.clock.timestamp(person.inactive_from)
            for person in roster.people
            if not person.active and person.inactive_from is not None
        }
        active = {person.id for person in roster.people if person.active}
        self._active = active | self._inactive_from.keys()  # who may count on some instance
        # Active people with no leave and no windows count wherever they are assigned.
        self._free = active - self._leaves.keys() - self._availability.keys()
        self._regular_days: dict[dt.date, bool] = {}
        self._nobody: dict[int, Picks] = {}

    # -- overrides --------------------------------------------------------------------------

    def add_override(self, override: Override) -> None:
        key = (override.post, override.date, override.shift)
        self.overrides.setdefault(key, []).append(override)

    def remove_override(self, override: Override) -> None:
        """Forget one override equal to ``override``; ``ValueError`` if there is none."""
        key = (override.post, override.date, override.shift)
        group = self.overrides.get(key, [])
        group.remove(override)
        if not group:
            self.overrides.pop(key, None)

    # -- rotation picks ---------------------------------------------------------------------

    def _regular(self, day: dt.date) -> bool:
        """Whether the day is 24 hours long: then starts keep their wall-clock order.

        Only a day that DST shortens can skip wall-clock times, which moves a skipped start past
        later ones (02:30 becomes 03:30, after a 03:00 start).
        """
        regular = self._regular_days.get(day)
        if regular is None:
            length = self.clock.instant(day + _ONE_DAY, 0)[1] - self.clock.instant(day, 0)[1]
            regular = self._regular_days[day] = length == 86400
        return regular

    def shift_order(self, post_id: str, day: dt.date, shift_name: str) -> int | None:
        """The place of the shift among its post's shifts on ``day``; None: it has none such."""
        post = self.posts.get(post_id)
        if post is None:
            return None
        if not post.earlier:
            return self.shift_index[post_id].get(shift_name)
        shifts = post.shifts_on(day)
        return next((i for i, shift in enumerate(shifts) if shift.name == shift_name), None)

    def _rotation_picks(self, rotation: CompiledRotation, post: Post, day: dt.date) -> Picks:
        if self._regular(day):
            return rotation.picks(day)
        starts = [self.clock.instant(day, shift.start)[1] for shift in post.shifts_on(day)]
        order = sorted(range(len(starts)), key=lambda i: (starts[i], i))
        return rotation.picks(day, prefix_for(rotation.advance, ranks_of(order)))

    def day_picks(self, post: Post, day: dt.date) -> Picks:
        """Per shift of the post (by index), who the rotations alone put on it that day.

        Rotations are taken in id order; a person picked by two of them is listed once.
        """
        covering = [r for r in self._rotations.get(post.id, ()) if r.covers(day)]
        if len(covering) == 1:
            return self._rotation_picks(covering[0], post, day)
        if not covering:
            count = len(post.shifts_on(day))
            if count not in self._nobody:
                self._nobody[count] = ((),) * count
            return self._nobody[count]
        each = [self._rotation_picks(rotation, post, day) for rotation in covering]
        return tuple(
            tuple(dict.fromkeys(p for picks in each for p in picks[index]))
            for index in range(len(post.shifts_on(day)))
        )

    def picks(self, post_id: str, day: dt.date, shift_name: str) -> tuple[str, ...]:
        """Who the rotations alone put on the instance; ``()`` for no such post or shift."""
        index = self.shift_order(post_id, day, shift_name)
        if index is None:
            return ()
        return self.day_picks(self.posts[post_id], day)[index]

    # -- who counts -------------------------------------------------------------------------

    def unavailable_reason(
        self, person_id: str, day: dt.date, shift: ShiftPattern, start_ts: float, end_ts: float
    ) -> UnavailableReason | None:
        """Why an assigned person does not count on the instance, or ``None`` if they do."""
        person = self.people.get(person_id)
        if person is None or (not person.active and self._inactive_at(person_id, start_ts)):
            return UnavailableReason.INACTIVE
        for leave_start, leave_end in self._leaves.get(person_id, ()):
            if leave_start < end_ts and start_ts < leave_end:
                return UnavailableReason.LEAVE
        availability = self._availability.get(person_id)
        if availability is not None and not self._available(availability, day, shift):
            return UnavailableReason.AVAILABILITY
        return None

    def _inactive_at(self, person_id: str, start_ts: float) -> bool:
        """Whether an inactive person no longer counts on an instance starting at ``start_ts``:
        always, unless it had started by the moment they were made inactive."""
        since = self._inactive_from.get(person_id)
        return since is None or start_ts > since

    @staticmethod
    def _available(availability: _Availability, day: dt.date, shift: ShiftPattern) -> bool:
        windows, answers = availability
        key = (day.weekday(), shift.start, shift.end)
        held = answers.get(key)
        if held is None:
            # Only the weekday, the time of day and the wall-clock length matter to the answer.
            start = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=shift.start)
            end = start + dt.timedelta(minutes=shift.duration_minutes)
            held = answers[key] = windows.holds(start, end)
        return held

    # -- instances --------------------------------------------------------------------------

    def _assigned(self, key: InstanceKey, picks: tuple[str, ...]) -> tuple[str, ...]:
        """Rotation picks plus every override's adds, less every override's removes."""
        group = self.overrides.get(key)
        if not group:
            return picks
        removed = {person for override in group for person in override.remove}
        added = [person for override in group for person in override.add]
        return tuple(p for p in dict.fromkeys((*picks, *added)) if p not in removed)

    def _counted(
        self,
        assigned: tuple[str, ...],
        day: dt.date,
        shift: ShiftPattern,
        start_ts: float,
        end_ts: float,
    ) -> tuple[str, ...]:
        """Those of ``assigned`` who count: :meth:`unavailable_reason` inlined, as it is hot."""
        if self._free.issuperset(assigned):
            return assigned
        counted: list[str] = []
        for person in assigned:
            if person in self._free:
                counted.append(person)
                continue
            if person not in self._active:
                continue
            since = self._inactive_from.get(person)
            if since is not None and start_ts > since:
                continue
            leaves = self._leaves.get(person)
            if leaves and any(lo < end_ts and start_ts < hi for lo, hi in leaves):
                continue
            availability = self._availability.get(person)
            if availability is None or self._available(availability, day, shift):
                counted.append(person)
        return tuple(counted)

    def build_timed(self, post: Post, day: dt.date, index: int) -> Timed:
        """One instance, under the current overrides, with its timestamps and week."""
        shift = post.shifts_on(day)[index]
        start, end, start_ts, end_ts = self.clock.bounds(day, shift)
        assigned = self._assigned((post.id, day, shift.name), self.day_picks(post, day)[index])
        counted = self._counted(assigned, day, shift, start_ts, end_ts)
        instance = ShiftInstance(post, shift, day, start, end, assigned, counted)
        return (start_ts, end_ts, post.id, index, Week.of(day), instance)

    def build(self, post: Post, day: dt.date, index: int) -> ShiftInstance:
        return self.build_timed(post, day, index)[5]

    def instance(self, post_id: str, day: dt.date, shift_name: str) -> ShiftInstance | None:
        index = self.shift_order(post_id, day, shift_name)
        if index is None:
            return None
        return self.build(self.posts[post_id], day, index)

    def timed_instances(self, first: dt.date, last: dt.date) -> list[Timed]:
        """Every instance starting from ``first`` to ``last``: by date, post, then shift order.

        :meth:`build_timed` for each, unrolled: this loop is where a check spends its time, so
        what is the same for all shifts of a post on a day is looked up once for them all.
        """
        clock, assign, count, free = self.clock, self._assigned, self._counted, self._free
        # Posts whose shifts start and end alike share their instants on each day.
        patterns = {
            post.id: tuple((s.start, s.end) for s in post.shifts) for post in self.roster.posts
        }
        dated = [post for post in self.roster.posts if post.earlier]
        edited = {(post_id, day) for post_id, day, _ in self.overrides}
        found: list[Timed] = []
        append = found.append
        for day in dates(first, last):
            week = Week.of(day)
            day_bounds: dict[tuple[tuple[int, int], ...], list[Bounds]] = {}
            for post in dated:
                patterns[post.id] = tuple((s.start, s.end) for s in post.shifts_on(day))
            for post in self.roster.posts:
                post_id = post.id
                shifts = post.shifts_on(day) if post.earlier else post.shifts
                pattern = patterns[post_id]
                post_bounds = day_bounds.get(pattern)
                if post_bounds is None:
                    post_bounds = day_bounds[pattern] = [clock.bounds(day, s) for s in shifts]
                has_overrides = (post_id, day) in edited
                for index, picks in enumerate(self.day_picks(post, day)):
                    shift = shifts[index]
                    start, end, start_ts, end_ts = post_bounds[index]
                    assigned = assign((post_id, day, shift.name), picks) if has_overrides else picks
                    counted = (
                        assigned
                        if free.issuperset(assigned)
                        else count(assigned, day, shift, start_ts, end_ts)
                    )
                    instance = ShiftInstance(post, shift, day, start, end, assigned, counted)
                    append((start_ts, end_ts, post_id, index, week, instance))
        return found

    def instances(self, first: dt.date, last: dt.date) -> list[ShiftInstance]:
        return [row[5] for row in self.timed_instances(first, last)]


def expand_instances(roster: Roster, first: dt.date, last: dt.date) -> list[ShiftInstance]:
    """Every shift instance whose start date is in ``[first, last]``, covered or not."""
    with gc_paused():
        return Expander(roster).instances(first, last)


def rotation_picks(roster: Roster, key: InstanceKey) -> tuple[str, ...]:
    """Who the rotations alone put on one instance (overrides aside); ``()`` for none.

    Only the post and its own rotations are indexed (a few milliseconds on the large
    sub-district, not the whole roster); to ask about many instances of one roster, build an
    :class:`Expander` once and call :meth:`Expander.picks`.
    """
    post_id, day, shift_name = key
    narrowed = dataclasses.replace(
        roster,
        posts=[p for p in roster.posts if p.id == post_id],
        rotations=[r for r in roster.rotations if r.post == post_id],
        overrides=[],
    )
    return Expander(narrowed).picks(post_id, day, shift_name)
