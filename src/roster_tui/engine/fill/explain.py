"""Why a gap stays open after the fill.

For every person, the first rule (in :class:`~roster_tui.engine.eligibility.Blocker` order) that
stops them taking a seat on the instance as things stand after the fill; summed up, that reads
"3 人请假，5 人休息不足，2 人已到每周工时上限，其余不是党员".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Role
from roster_tui.engine.eligibility import Blocker, Slot, SlotKey, WeekContext, slot_key


@dataclass(frozen=True, slots=True)
class Shortfall:
    """An instance still short after the fill, and for every person the first rule that stops
    them taking a seat on it (roster order)."""

    instance: ShiftInstance
    seats: int  # seats still open
    role: Role | None  # the role still missing
    reasons: tuple[tuple[str, Blocker], ...]

    def summary(self) -> list[tuple[Blocker, int]]:
        """How many people each rule stopped, in :class:`Blocker` order."""
        counts: dict[Blocker, int] = {}
        for _, blocker in self.reasons:
            counts[blocker] = counts.get(blocker, 0) + 1
        return [(b, counts[b]) for b in Blocker if b in counts]


_Seen = tuple[list[Blocker | None], list[tuple[str, Blocker]], dict[str, int]]


class Explainer:
    """Explains many shortfalls of one week; people's blockers are worked out once per slot and
    role, since between the instances of one slot only who is already on them differs."""

    def __init__(self, context: WeekContext) -> None:
        self.context = context
        # Per slot and role: everyone's first blocker, and who is stopped (with where in it).
        self._seen: dict[tuple[SlotKey, Role | None], _Seen] = {}

    def __call__(
        self,
        instance: ShiftInstance,
        slot: Slot,
        seats: int,
        role: Role | None,
        added: Iterable[str] = (),
    ) -> Shortfall:
        people = self.context.roster.people
        key = (slot_key(slot.day, slot.shift), role)
        seen = self._seen.get(key)
        if seen is None:
            rules = self.context.eligibility
            firsts: list[Blocker | None] = []
            for person in people:
                found = rules.blockers(person, slot, role=role)
                firsts.append(found[0] if found else None)  # None: free, so the fill used them
            stopped = [(p.id, b) for p, b in zip(people, firsts, strict=True) if b is not None]
            seen = self._seen[key] = (
                firsts,
                stopped,
                {pid: at for at, (pid, _) in enumerate(stopped)},
            )
        firsts, stopped, where = seen
        on_it = {*instance.counted, *added}  # who does not count there is taken off
        if all(pid in where for pid in on_it):  # as always: whoever is on it is booked then
            reasons = list(stopped)
            for pid in on_it:
                reasons[where[pid]] = (pid, Blocker.ALREADY)
            return Shortfall(instance, seats, role, tuple(reasons))
        reasons = []
        for person, first in zip(people, firsts, strict=True):
            if person.id in on_it:
                reasons.append((person.id, Blocker.ALREADY))
            elif first is not None:
                reasons.append((person.id, first))
        return Shortfall(instance, seats, role, tuple(reasons))
