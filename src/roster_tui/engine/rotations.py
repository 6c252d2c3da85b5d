"""Turn-taking (轮值) in closed form: who a rotation puts on each of a post's shifts on a day.

The rule (docs/format.md, "Rotation expansion") walks the rotation's instances from its start
with a running position. Every day the rotation covers the same shifts, so the position moves on
by the same sum each day; only the order of that day's shifts (by start instant, which a DST
change can alter) decides where within the day each shift begins. So any date is O(1), however
long ago the rotation began, and since the members repeat with the position modulo their number,
a day's picks are cached by it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from roster_tui.domain.model import Post, Rotation, ShiftPattern

Picks = tuple[tuple[str, ...], ...]  # per shift of the post, by index: who is picked


def prefix_for(advance: dict[int, int], ranks: tuple[int, ...]) -> dict[int, int]:
    """Shift index -> how far into the day's share of the cycle that shift begins."""
    prefix, running = {}, 0
    for covered in sorted(advance, key=lambda i: ranks[i]):
        prefix[covered] = running
        running += advance[covered]
    return prefix


def ranks_of(order: list[int]) -> tuple[int, ...]:
    """Shift indexes in start order -> the place of each shift index in that order."""
    places = [0] * len(order)
    for place, index in enumerate(order):
        places[index] = place
    return tuple(places)


@dataclass(slots=True)
class CompiledRotation:
    """A rotation with its covered shifts resolved against its post."""

    id: str
    members: tuple[str, ...]
    start: dt.date
    end: dt.date | None
    shift_count: int  # how many shifts the post has
    advance: dict[int, int]  # covered shift index -> how far the position moves on it
    day_sum: int  # how far the position moves in a whole day
    wall_prefix: dict[int, int]  # offsets within a day whose starts keep wall-clock order
    origin: int = 0  # the position on ``start`` (a part after a change of the post's pattern)
    _cycle: dict[int, Picks] = field(default_factory=dict)  # position mod members -> picks

    @classmethod
    def compile(
        cls,
        rotation: Rotation,
        shifts: tuple[ShiftPattern, ...],
        start: dt.date | None = None,
        end: dt.date | None = None,
        origin: int = 0,
    ) -> CompiledRotation:
        """The rotation over ``shifts`` from ``start`` to ``end`` (by default its own), its
        position standing at ``origin`` on ``start``."""
        wanted = None if rotation.shifts is None else set(rotation.shifts)
        advance = {
            index: rotation.per_slot or shift.need
            for index, shift in enumerate(shifts)
            if wanted is None or shift.name in wanted
        }
        wall_order = sorted(range(len(shifts)), key=lambda i: (shifts[i].start, i))
        return cls(
            id=rotation.id,
            members=rotation.members,
            start=rotation.start if start is None else start,
            end=rotation.end if start is None else end,
            shift_count=len(shifts),
            advance=advance,
            day_sum=sum(advance.values()),
            wall_prefix=prefix_for(advance, ranks_of(wall_order)),
            origin=origin,
        )

    @classmethod
    def compile_dated(cls, rotation: Rotation, post: Post) -> list[CompiledRotation]:
        """The rotation in one part per pattern of the post it covers: the running position
        goes on across a change of pattern (docs/format.md, "Rotation expansion")."""
        if not post.earlier:
            return [cls.compile(rotation, post.shifts)]
        parts: list[CompiledRotation] = []
        origin = 0
        bounds = [*(era.until for era in post.earlier), None]
        for (since, shifts), until in zip(post.patterns(), bounds, strict=True):
            start = rotation.start if since is None else max(rotation.start, since)
            last = None if until is None else until - dt.timedelta(days=1)
            end = last if rotation.end is None else min(rotation.end, last or rotation.end)
            if end is not None and end < start:
                continue
            part = cls.compile(rotation, shifts, start, end, origin)
            parts.append(part)
            if end is not None:
                origin += ((end - start).days + 1) * part.day_sum
        return parts

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def picks(self, day: dt.date, prefix: dict[int, int] | None = None) -> Picks:
        """Who the rotation puts on each shift of ``day``, each person once per shift.

        ``prefix`` is the day's own offsets when DST reorders its starts; ``None`` for the
        usual wall-clock order, whose answers repeat and are cached.
        """
        size = len(self.members)
        base = self.origin + (day - self.start).days * self.day_sum
        if prefix is None:
            cached = self._cycle.get(base % size)
            if cached is not None:
                return cached
        members, advance = self.members, self.advance
        found: list[tuple[str, ...]] = [()] * self.shift_count
        for index, offset in (self.wall_prefix if prefix is None else prefix).items():
            position = base + offset
            chosen = (members[(position + j) % size] for j in range(advance[index]))
            found[index] = tuple(dict.fromkeys(chosen))
        picks = tuple(found)
        if prefix is None:
            self._cycle[base % size] = picks
        return picks
