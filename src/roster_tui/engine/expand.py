"""Rotation expansion: who is on every shift instance, and who of them counts (SPEC §3).

The running position of a rotation is computed in closed form rather than by walking from the
rotation's start: every day the rotation covers the same shifts, so it advances by the same sum
each day, and only the order of that day's shifts (by start instant, which a DST change can
reorder) decides the offset within the day. Checking any date is therefore O(1), however long
ago the rotation began.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from roster_tui.domain.availability import WeeklyAvailability
from roster_tui.domain.gaps import UnavailableReason
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Override, Person, Post, Roster, Rotation, ShiftPattern
from roster_tui.engine.clock import ZoneClock

InstanceKey = tuple[str, dt.date, str]  # (post id, start date, shift name)

_ONE_DAY = dt.timedelta(days=1)

# Weekly windows, with their answers cached by (weekday, shift start, shift end).
_Availability = tuple[WeeklyAvailability, dict[tuple[int, int, int], bool]]


def dates(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """Every date from ``first`` to ``last``, inclusive."""
    day = first
    while day <= last:
        yield day
        day += _ONE_DAY


@dataclass(slots=True)
class _CompiledRotation:
    """A rotation with its covered shifts resolved against its post."""

    id: str
    members: tuple[str, ...]
    start: dt.date
    end: dt.date | None
    advance: dict[int, int]  # post shift index -> how far the position moves on it
    day_sum: int
    wall_prefix: dict[int, int]  # shift index -> offset within an ordinary day

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def _prefix_for(advance: dict[int, int], ranks: tuple[int, ...]) -> dict[int, int]:
    """Shift index -> how far into the day's share of the cycle that shift begins."""
    prefix, running = {}, 0
    for covered in sorted(advance, key=lambda i: ranks[i]):
        prefix[covered] = running
        running += advance[covered]
    return prefix


def _wall_ranks(post: Post) -> tuple[int, ...]:
    """The place of each of the post's shifts by wall-clock start (ties: post order)."""
    order = sorted(range(len(post.shifts)), key=lambda i: (post.shifts[i].start, i))
    return tuple(order.index(i) for i in range(len(order)))


def _compile(rotation: Rotation, post: Post) -> _CompiledRotation:
    wanted = None if rotation.shifts is None else set(rotation.shifts)
    advance = {
        index: rotation.per_slot or shift.need
        for index, shift in enumerate(post.shifts)
        if wanted is None or shift.name in wanted
    }
    return _CompiledRotation(
        id=rotation.id,
        members=rotation.members,
        start=rotation.start,
        end=rotation.end,
        advance=advance,
        day_sum=sum(advance.values()),
        wall_prefix=_prefix_for(advance, _wall_ranks(post)),
    )


class Expander:
    """A roster indexed for expansion: build once, then ask for instances, picks and reasons.

    The override index can be edited in place (:meth:`add_override`, :meth:`remove_override`)
    so that an incremental checker reuses everything else.
    """

    def __init__(self, roster: Roster) -> None:
        self.roster = roster
        self.clock = ZoneClock(roster.subdistrict.timezone)
        self.posts: dict[str, Post] = {post.id: post for post in roster.posts}
        self.people: dict[str, Person] = {person.id: person for person in roster.people}
        self.shift_index: dict[str, dict[str, int]] = {
            post.id: {shift.name: i for i, shift in enumerate(post.shifts)} for post in roster.posts
        }
        self._rotations: dict[str, list[_CompiledRotation]] = {}
        for rotation in sorted(roster.rotations, key=lambda r: r.id):
            post = self.posts.get(rotation.post)
            if post is not None and rotation.members:
                self._rotations.setdefault(post.id, []).append(_compile(rotation, post))
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
        self._active = {person.id for person in roster.people if person.active}
        # Active people with no leave and no windows count wherever they are assigned.
        self._free = self._active - self._leaves.keys() - self._availability.keys()
        self._regular_days: dict[dt.date, bool] = {}

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

    def _prefix(self, rotation: _CompiledRotation, post: Post, day: dt.date) -> dict[int, int]:
        if self._regular(day):
            return rotation.wall_prefix
        order = sorted(
            range(len(post.shifts)),
            key=lambda i: (self.clock.instant(day, post.shifts[i].start)[1], i),
        )
        return _prefix_for(rotation.advance, tuple(order.index(i) for i in range(len(order))))

    def picks(self, post_id: str, day: dt.date, shift_name: str) -> tuple[str, ...]:
        """Who the rotations alone put on the instance, in rotation-id order, without repeats."""
        index = self.shift_index.get(post_id, {}).get(shift_name)
        if index is None:
            return ()
        return tuple(self._day_picks(self.posts[post_id], day)[index])

    def _day_picks(self, post: Post, day: dt.date) -> list[list[str]]:
        """Per shift of the post (by index), who the rotations put on it that day."""
        picked: list[list[str]] = [[] for _ in post.shifts]
        for rotation in self._rotations.get(post.id, ()):
            if not rotation.covers(day):
                continue
            base = (day - rotation.start).days * rotation.day_sum
            members = rotation.members
            size = len(members)
            for index, offset in self._prefix(rotation, post, day).items():
                position = base + offset
                chosen = picked[index]
                for j in range(rotation.advance[index]):
                    person = members[(position + j) % size]
                    if person not in chosen:
                        chosen.append(person)
        return picked

    # -- who counts -------------------------------------------------------------------------

    def unavailable_reason(
        self,
        person_id: str,
        day: dt.date,
        shift: ShiftPattern,
        start_ts: float,
        end_ts: float,
    ) -> UnavailableReason | None:
        """Why an assigned person does not count on the instance, or ``None`` if they do."""
        person = self.people.get(person_id)
        if person is None or not person.active:
            return UnavailableReason.INACTIVE
        for leave_start, leave_end in self._leaves.get(person_id, ()):
            if leave_start < end_ts and start_ts < leave_end:
                return UnavailableReason.LEAVE
        availability = self._availability.get(person_id)
        if availability is not None and not self._available(availability, day, shift):
            return UnavailableReason.AVAILABILITY
        return None

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

    def _assemble(
        self, post: Post, day: dt.date, shift: ShiftPattern, picks: list[str]
    ) -> ShiftInstance:
        start, end, start_ts, end_ts = self.clock.bounds(day, shift)
        group = self.overrides.get((post.id, day, shift.name))
        if group:
            removed = {person for override in group for person in override.remove}
            added = [person for override in group for person in override.add]
            assigned = tuple(p for p in dict.fromkeys((*picks, *added)) if p not in removed)
        else:
            assigned = tuple(picks)
        # The test of unavailable_reason, inlined: this runs for every assigned person.
        free = self._free
        counted: list[str] = []
        for person in assigned:
            if person in free:
                counted.append(person)
                continue
            if person not in self._active:
                continue
            leaves = self._leaves.get(person)
            if leaves and any(lo < end_ts and start_ts < hi for lo, hi in leaves):
                continue
            availability = self._availability.get(person)
            if availability is None or self._available(availability, day, shift):
                counted.append(person)
        return ShiftInstance(post, shift, day, start, end, assigned, tuple(counted))

    def build(self, post: Post, day: dt.date, index: int) -> ShiftInstance:
        """One instance with its assigned and counted people under the current overrides."""
        return self._assemble(post, day, post.shifts[index], self._day_picks(post, day)[index])

    def instance(self, post_id: str, day: dt.date, shift_name: str) -> ShiftInstance | None:
        index = self.shift_index.get(post_id, {}).get(shift_name)
        if index is None:
            return None
        return self.build(self.posts[post_id], day, index)

    def instances(self, first: dt.date, last: dt.date) -> list[ShiftInstance]:
        """Every instance starting from ``first`` to ``last``: by date, post, then shift order."""
        assemble = self._assemble
        found: list[ShiftInstance] = []
        for day in dates(first, last):
            for post in self.roster.posts:
                picks = self._day_picks(post, day)
                found.extend(
                    assemble(post, day, shift, chosen)
                    for shift, chosen in zip(post.shifts, picks, strict=True)
                )
        return found


def expand_instances(roster: Roster, first: dt.date, last: dt.date) -> list[ShiftInstance]:
    """Every shift instance whose start date is in ``[first, last]``, covered or not."""
    return Expander(roster).instances(first, last)


def rotation_picks(roster: Roster, key: InstanceKey) -> tuple[str, ...]:
    """Who the rotations alone put on one instance (overrides aside); ``()`` for none."""
    post_id, day, shift_name = key
    return Expander(roster).picks(post_id, day, shift_name)


def keys_of(overrides: Iterable[Override]) -> set[InstanceKey]:
    return {(o.post, o.date, o.shift) for o in overrides}
