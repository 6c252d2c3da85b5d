"""Who could take a seat on one shift instance, best first, and why the others cannot.

The rules and the order are the fill's (:mod:`roster_tui.engine.eligibility`), so the assign
picker never offers first someone whose assignment would open a gap, and it orders people as
自动补位 does: holds the missing role, same community, same Party group, then the lightest load
this week (the fill also weighs the four weeks before, which the picker leaves out).
"""

from __future__ import annotations

from dataclasses import dataclass

from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Person, Roster
from roster_tui.domain.week import Week
from roster_tui.engine.eligibility import Blocker, WeekContext

__all__ = ["Blocker", "Candidate", "CandidateRanker"]


@dataclass(frozen=True, slots=True)
class Candidate:
    person: Person
    blockers: tuple[Blocker, ...]
    hours_this_week: float
    nights_this_week: int
    same_community: bool
    has_needed_role: bool  # holds the role the instance is missing

    @property
    def eligible(self) -> bool:
        return not self.blockers


class CandidateRanker:
    """Everyone's bookings around one week, ready to rank people for any of its instances."""

    def __init__(self, context: WeekContext) -> None:
        self.context = context

    @classmethod
    def for_week(
        cls, roster: Roster, week: Week, instances: list[ShiftInstance] | None = None
    ) -> CandidateRanker:
        """``instances``: the week's own, when the caller has expanded them already."""
        return cls(WeekContext.build(roster, week, instances))

    def rank(self, target: ShiftInstance) -> list[Candidate]:
        """Every person: the eligible first, in the fill's order of preference."""
        rules = self.context.eligibility
        slot = rules.slot_of(target)
        role = target.shift.need_role
        if role is not None and any(
            role in rules.people[p].roles for p in target.counted if p in rules.people
        ):
            role = None  # the role is there already: no one is wanted for it
        compound = target.post.compound
        community = rules.community_of.get(compound)
        ledger = self.context.ledger
        ranked: list[tuple[tuple[object, ...], Candidate]] = []
        for person in self.context.roster.people:
            blockers = rules.blockers(person, slot, assigned=target.assigned, ignore=target.key)
            candidate = Candidate(
                person=person,
                blockers=blockers,
                hours_this_week=ledger.seconds(person.id, slot.week) / 3600,
                nights_this_week=ledger.nights(person.id, slot.week),
                same_community=person.community == community,
                has_needed_role=role is not None and role in person.roles,
            )
            order = (bool(blockers), len(blockers), *rules.preference(person, compound, slot, role))
            ranked.append((order, candidate))
        ranked.sort(key=lambda pair: pair[0])
        return [candidate for _, candidate in ranked]
