"""Who could take a seat on one shift instance, best first, and why the others cannot.

The same rules the gap check enforces decide eligibility (active, no leave, available, no
double booking, enough rest, under the weekly maximum), so the picker never offers someone whose
assignment would open a new gap. Among the eligible, fitness is: holds the missing role, same
community as the post, fewest hours this week, fewest night shifts.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from roster_tui.domain.clock import iso_week_label
from roster_tui.domain.gaps import UnavailableReason
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Person, Roster
from roster_tui.engine.expand import Expander


class Blocker(StrEnum):
    ALREADY = "already"
    INACTIVE = "inactive"
    LEAVE = "leave"
    AVAILABILITY = "availability"
    DOUBLE_BOOKED = "double_booked"
    SHORT_REST = "short_rest"
    OVERTIME = "overtime"


@dataclass(frozen=True, slots=True)
class Candidate:
    person: Person
    blockers: tuple[Blocker, ...]
    hours_this_week: float
    nights_this_week: int
    same_community: bool
    has_needed_role: bool

    @property
    def eligible(self) -> bool:
        return not self.blockers


def _is_night(instance: ShiftInstance) -> bool:
    """A shift that runs through midnight or starts in the evening counts as a night shift."""
    return instance.shift.overnight or instance.shift.start >= 20 * 60


class CandidateRanker:
    """Indexes who works when around one week, then ranks people for any of its instances."""

    def __init__(self, roster: Roster, instances: list[ShiftInstance], expander: Expander) -> None:
        self.roster = roster
        self.expander = expander
        self._compound_community = {c.id: c.community for c in roster.compounds}
        self._by_person: dict[str, list[ShiftInstance]] = defaultdict(list)
        for instance in instances:
            for person in instance.counted:
                self._by_person[person].append(instance)

    @classmethod
    def for_week(cls, roster: Roster, monday: dt.date) -> CandidateRanker:
        expander = Expander(roster)
        # A day either side: rest and overlap rules look across the week's edges.
        around = expander.instances(monday - dt.timedelta(days=1), monday + dt.timedelta(days=7))
        return cls(roster, around, expander)

    def rank(self, target: ShiftInstance) -> list[Candidate]:
        community = self._compound_community.get(target.post.compound)
        role = target.shift.need_role
        role_missing = role is not None and not any(
            role in self.expander.people[p].roles
            for p in target.counted
            if p in self.expander.people
        )
        candidates = [self._judge(p, target, community, role_missing) for p in self.roster.people]
        return sorted(candidates, key=_fitness)

    def _judge(
        self, person: Person, target: ShiftInstance, community: str | None, role_missing: bool
    ) -> Candidate:
        blockers: list[Blocker] = []
        if person.id in target.assigned:
            blockers.append(Blocker.ALREADY)
        start_ts, end_ts = target.start.timestamp(), target.end.timestamp()
        reason = self.expander.unavailable_reason(
            person.id, target.date, target.shift, start_ts, end_ts
        )
        if reason is not None:
            blockers.append(
                {
                    UnavailableReason.INACTIVE: Blocker.INACTIVE,
                    UnavailableReason.LEAVE: Blocker.LEAVE,
                    UnavailableReason.AVAILABILITY: Blocker.AVAILABILITY,
                }[reason]
            )
        week = iso_week_label(target.date)
        hours = 0.0
        nights = 0
        min_rest = self.roster.settings.min_rest_hours * 3600
        for other in self._by_person.get(person.id, ()):
            if other.key == target.key:
                continue
            o_start, o_end = other.start.timestamp(), other.end.timestamp()
            if iso_week_label(other.date) == week:
                hours += other.hours
                nights += _is_night(other)
            if o_start < end_ts and start_ts < o_end:
                if Blocker.DOUBLE_BOOKED not in blockers:
                    blockers.append(Blocker.DOUBLE_BOOKED)
            elif Blocker.SHORT_REST not in blockers and (
                0 <= start_ts - o_end < min_rest or 0 <= o_start - end_ts < min_rest
            ):
                blockers.append(Blocker.SHORT_REST)
        limit = person.max_hours_per_week
        if limit is None:
            limit = self.roster.settings.max_hours_per_week
        if hours + target.hours > limit:
            blockers.append(Blocker.OVERTIME)
        has_role = target.shift.need_role is not None and target.shift.need_role in person.roles
        return Candidate(
            person=person,
            blockers=tuple(blockers),
            hours_this_week=hours,
            nights_this_week=nights,
            same_community=person.community == community,
            has_needed_role=has_role and role_missing,
        )


def _fitness(c: Candidate) -> tuple[object, ...]:
    return (
        not c.eligible,
        len(c.blockers),
        not c.has_needed_role,
        not c.same_community,
        c.hours_this_week,
        c.nights_this_week,
        c.person.id,
    )
