"""Gaps kept current while a secretary edits the week, without checking everything again.

An override changes the people of one instance only, so after it only that instance's own gaps
(understaffed, missing_role, unavailable) and the pair and overtime gaps of the people who came
or went can change (see :mod:`roster_tui.engine.check`). Every other edit rebuilds the tracker.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from roster_tui.domain.changes import Change
from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.kinds import Entity
from roster_tui.domain.model import Contact, Override, Request, Roster
from roster_tui.engine.care import care_gaps
from roster_tui.engine.check import (
    gap_sort_key,
    instance_gaps,
    moment,
    person_gaps,
)
from roster_tui.engine.coverage import coverage_gaps
from roster_tui.engine.expand import Expander, InstanceKey, Timed
from roster_tui.engine.gc_pause import gc_paused

K = TypeVar("K")


@dataclass(frozen=True, slots=True)
class GapDelta:
    """What one edit did to the gaps; ``rechecked`` when it took a full check."""

    added: tuple[Gap, ...]
    removed: tuple[Gap, ...]
    rechecked: bool = False


class GapTracker:
    """The gaps of one roster over ``[first, last]``, kept current under edits.

    Holds its own copy of the roster's lists: apply every saved change here too
    (:meth:`apply`), and read :attr:`gaps`, :meth:`counts` or :meth:`instance`.
    """

    def __init__(
        self, roster: Roster, first: dt.date, last: dt.date, *, now: dt.datetime | None = None
    ) -> None:
        self._given_now = now  # None: the current time at each rebuild
        self.first, self.last = first, last
        self.roster = roster.with_own_lists()
        self._rebuild()

    def _rebuild(self) -> None:
        """Everything worked out afresh: as dear as one full check of the range, no more."""
        with gc_paused():  # tens of thousands of rows and no cycle among them: see gc_pause
            self._expander = Expander(self.roster)
            rows = self._expander.timed_instances(self.first, self.last)
            self._rows: dict[InstanceKey, Timed] = {}
            self._by_instance: dict[InstanceKey, list[Gap]] = {}
            self._counted: dict[str, dict[InstanceKey, Timed]] = {}
            for row in rows:
                instance = row[5]
                key = (row[2], instance.date, instance.shift.name)
                self._rows[key] = row
                counted, shift = instance.counted, instance.shift
                # Most instances are staffed by people who all count: no gap to look for.
                if (
                    len(counted) < shift.need
                    or shift.need_role
                    or len(counted) < len(instance.assigned)
                ):
                    found = instance_gaps(instance, self._expander)
                    if found:
                        self._by_instance[key] = found
                for person in counted:
                    theirs = self._counted.get(person)
                    if theirs is None:
                        theirs = self._counted[person] = {}
                    theirs[key] = row
            self._by_person: dict[str, list[Gap]] = {}
            for person, held in self._counted.items():
                found = person_gaps(person, list(held.values()), self._expander)
                if found:
                    self._by_person[person] = found
            clock = self._expander.clock
            self._others = coverage_gaps(self.roster, self.first, self.last, clock)
            self._now = moment(self._given_now, clock)
            self._care: dict[str, list[Gap]] = {}
            for gap in care_gaps(self.roster, self.first, self.last, self._now, clock):
                self._care.setdefault(gap.household or "", []).append(gap)
            self._counts = Counter(gap.kind for gap in self._all())

    def fork(self) -> GapTracker:
        """A tracker in the same state that goes its own way: edits to one leave the other.

        A few milliseconds where building one takes a full check: what edits change is copied
        (the roster's lists, the override index, the tables of rows and gaps); the rest (rows,
        gaps, the expander's indexes and caches) is shared, as nothing changes it in place.
        """
        twin = copy.copy(self)
        twin.roster = self.roster.with_own_lists()
        expander = twin._expander = copy.copy(self._expander)
        expander.roster = twin.roster
        expander.overrides = {key: list(group) for key, group in self._expander.overrides.items()}
        twin._rows = dict(self._rows)
        twin._by_instance = dict(self._by_instance)
        twin._counted = {person: dict(rows) for person, rows in self._counted.items()}
        twin._by_person = dict(self._by_person)
        twin._care = dict(self._care)
        twin._counts = Counter(self._counts)
        return twin

    def _all(self) -> Iterable[Gap]:
        for gaps in self._by_instance.values():
            yield from gaps
        for gaps in self._by_person.values():
            yield from gaps
        yield from self._others
        for gaps in self._care.values():
            yield from gaps

    @property
    def gaps(self) -> list[Gap]:
        """Every current gap, in the same order :func:`~roster_tui.engine.check.check` gives."""
        return sorted(self._all(), key=gap_sort_key)

    def counts(self) -> Counter[GapKind]:
        """How many gaps of each kind there are now (cheap: kept up to date)."""
        return +self._counts  # unary plus drops the kinds that went down to zero

    @property
    def now(self) -> dt.datetime:
        """The moment the care loop's gaps are judged at: when the tracker was last rebuilt,
        unless it was given one."""
        return self._now

    @property
    def total(self) -> int:
        return sum(self._counts.values())

    def instance(self, key: InstanceKey) -> ShiftInstance | None:
        """The instance as it stands now, when it is in the range."""
        row = self._rows.get(key)
        return row[5] if row is not None else None

    @property
    def instances(self) -> list[ShiftInstance]:
        """Every instance of the range as it stands now: by date, post, then shift order."""
        return [row[5] for row in self._rows.values()]

    def apply(self, changes: Change | Iterable[Change]) -> GapDelta:
        """Take saved edits into account and say which gaps came and went."""
        batch = [changes] if isinstance(changes, Change) else list(changes)
        edits = [(self.roster.apply(change), change.after) for change in batch]
        if all(isinstance(c.before or c.after, Override) for c in batch):
            return self._apply_overrides(edits)
        if all(isinstance(c.before or c.after, Contact | Request) for c in batch):
            return self._apply_care(batch)
        before = Counter(self._all())
        self._rebuild()
        after = Counter(self._all())
        return GapDelta(
            added=tuple((after - before).elements()),
            removed=tuple((before - after).elements()),
            rechecked=True,
        )

    def _apply_overrides(self, edits: list[tuple[Entity | None, Entity | None]]) -> GapDelta:
        keys: set[InstanceKey] = set()
        for dropped, put in edits:
            if isinstance(dropped, Override):
                self._expander.remove_override(dropped)
                keys.add((dropped.post, dropped.date, dropped.shift))
            if isinstance(put, Override):
                self._expander.add_override(put)
                keys.add((put.post, put.date, put.shift))
        added: list[Gap] = []
        removed: list[Gap] = []
        people: set[str] = set()
        for key in keys:
            old_row = self._rows.get(key)
            if old_row is None:
                continue  # outside the range, or no such post or shift: no gap can change
            old = old_row[5]
            row = self._expander.build_timed(old.post, old.date, old_row[3])
            new = row[5]
            self._rows[key] = row
            for person in set(old.counted) - set(new.counted):
                self._counted[person].pop(key, None)
                people.add(person)
            for person in set(new.counted) - set(old.counted):
                self._counted.setdefault(person, {})[key] = row
                people.add(person)
            for person in set(new.counted) & set(old.counted):
                self._counted[person][key] = row
            self._replace(
                self._by_instance, key, instance_gaps(new, self._expander), added, removed
            )
        for person in people:
            rows = list(self._counted.get(person, {}).values())
            found = person_gaps(person, rows, self._expander)
            self._replace(self._by_person, person, found, added, removed)
        return GapDelta(added=tuple(added), removed=tuple(removed))

    def _apply_care(self, batch: list[Change]) -> GapDelta:
        """Contacts and requests change the care gaps of their own households only."""
        households = {
            row.household  # type: ignore[union-attr]  # both kinds name their household
            for change in batch
            for row in (change.before, change.after)
            if row is not None
        }
        clock = self._expander.clock
        found = care_gaps(self.roster, self.first, self.last, self._now, clock, households)
        added: list[Gap] = []
        removed: list[Gap] = []
        for household in households:
            theirs = [gap for gap in found if gap.household == household]
            self._replace(self._care, household, theirs, added, removed)
        return GapDelta(added=tuple(added), removed=tuple(removed))

    def _replace(
        self,
        table: dict[K, list[Gap]],
        key: K,
        found: list[Gap],
        added: list[Gap],
        removed: list[Gap],
    ) -> None:
        old = table.pop(key, [])
        if found:
            table[key] = found
        gone = Counter(old) - Counter(found)
        came = Counter(found) - Counter(old)
        removed.extend(gone.elements())
        added.extend(came.elements())
        self._counts.subtract(gap.kind for gap in gone.elements())
        self._counts.update(gap.kind for gap in came.elements())
