"""Who could take a seat on one shift instance, best first, and why the others cannot.

The rules and the order are the fill's, so the assign picker never offers first someone whose
assignment would open a gap, and it orders people exactly as 自动补位 does
(:func:`~roster_tui.engine.fill.fairness.fair_rank`): holds the missing role, same community,
same Party group, then the lightest load over the four weeks before and the week, in what the
seat is (holiday, night or weekend shifts first, then hours weighted by the kind of day).
:func:`load_note` says that load in the picker's words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Override, Person, Roster
from roster_tui.domain.week import Week
from roster_tui.engine.eligibility import Blocker, WeekContext
from roster_tui.engine.fill.day_kinds import DayKind, day_kinds
from roster_tui.engine.fill.fairness import HISTORY_WEEKS, Load, Loads, ShiftLoad, fair_rank
from roster_tui.i18n import t

__all__ = ["Blocker", "Candidate", "CandidateRanker", "load_note", "prepare_ranking"]


@dataclass(frozen=True, slots=True)
class Candidate:
    person: Person
    blockers: tuple[Blocker, ...]
    hours_this_week: float
    nights_this_week: int
    same_community: bool
    has_needed_role: bool  # holds the role the instance is missing
    load: Load  # over the four weeks before and the week, as the fill weighs it
    seat: ShiftLoad  # what the seat would add: its hours, whether a night, its kind of day

    @property
    def eligible(self) -> bool:
        return not self.blockers


class CandidateRanker:
    """Everyone's bookings around one week, ready to rank people for any of its instances.

    The loads of the four weeks before are read on the first :meth:`rank` (in the picker's
    worker), once per roster and week; ``earlier``, a ranker of the same week before an edit,
    gives them when the edit changed nothing before the week (an assign, remove, replace or
    swap in it).
    """

    def __init__(self, context: WeekContext, earlier: CandidateRanker | None = None) -> None:
        self.context = context
        self._loads: Loads | None = None
        self._earlier = earlier

    @classmethod
    def for_week(
        cls,
        roster: Roster,
        week: Week,
        instances: list[ShiftInstance] | None = None,
        earlier: CandidateRanker | None = None,
    ) -> CandidateRanker:
        """``instances``: the week's own, when the caller has expanded them already."""
        return cls(WeekContext.build(roster, week, instances), earlier)

    @property
    def loads(self) -> Loads:
        if self._loads is None:
            earlier, self._earlier = self._earlier, None  # kept no longer than needed
            past = earlier._loads if earlier is not None else None
            if past is not None and earlier is not None:
                roster, week = self.context.roster, self.context.week
                if not same_weeks_before(earlier.context.roster, roster, week):
                    past = None
            self._loads = Loads(self.context, past)
        return self._loads

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
        ledger, loads = self.context.ledger, self.loads
        seat = loads.seats.get(target.key) or loads.of_slot(slot)
        ranked: list[tuple[tuple[object, ...], Candidate]] = []
        for person in self.context.roster.people:
            blockers = rules.blockers(person, slot, assigned=target.assigned, ignore=target.key)
            load = loads.current(person.id)
            candidate = Candidate(
                person=person,
                blockers=blockers,
                hours_this_week=ledger.seconds(person.id, slot.week) / 3600,
                nights_this_week=ledger.nights(person.id, slot.week),
                same_community=person.community == community,
                has_needed_role=role is not None and role in person.roles,
                load=load,
                seat=seat,
            )
            order = (
                bool(blockers),
                len(blockers),
                *fair_rank(rules, person, compound, load, seat, role),
            )
            ranked.append((order, candidate))
        ranked.sort(key=lambda pair: pair[0])
        return [candidate for _, candidate in ranked]


def same_weeks_before(old: Roster, new: Roster, week: Week) -> bool:
    """Whether the shifts of the four weeks before ``week`` are the same on both rosters: the
    same people, places, rotations, leaves and settings, and the same overrides dated then."""
    if old is new:
        return True
    first = week.monday - dt.timedelta(weeks=HISTORY_WEEKS)

    def before(roster: Roster) -> list[Override]:
        return [o for o in roster.overrides if first <= o.date < week.monday]

    return (
        old.subdistrict == new.subdistrict
        and old.settings == new.settings
        and old.posts == new.posts
        and old.rotations == new.rotations
        and old.leaves == new.leaves
        and old.people == new.people
        and before(old) == before(new)
    )


def load_note(candidate: Candidate) -> str:
    """What the order weighed, in the picker's words: this week's hours, then over the four
    weeks before and the week the shifts of the seat's kind (holiday, night, weekend), or else
    the hours weighted by the kind of day."""
    load, seat = candidate.load, candidate.seat
    this_week = t("tui.picker.hours", hours=f"{candidate.hours_this_week:g}")
    if seat.kind is DayKind.HOLIDAY:
        measure = t("tui.picker.load_holidays", count=load.holidays)
    elif seat.night:
        measure = t("tui.picker.load_nights", count=load.nights)
    elif seat.kind is DayKind.WEEKEND:
        measure = t("tui.picker.load_weekends", count=load.weekends)
    else:
        measure = t("tui.picker.load_hours", hours=f"{round(load.weighted, 1):g}")
    return f"{this_week} {measure}"


def prepare_ranking(today: dt.date) -> None:
    """Load ahead what ranking this week's seats first needs: the kinds of its days and of the
    four weeks before, from the holiday calendar (importing it takes about 0.15 s, which the
    first opening of the picker would otherwise wait for)."""
    week = Week.of(today)
    day_kinds(week.monday - dt.timedelta(weeks=HISTORY_WEEKS), week.sunday)
