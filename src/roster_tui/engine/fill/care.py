"""Auto-fill beyond shifts: carers for uncared households and people for unheld streets and
compounds (点对点包干, 定人包街包院).

A new carer must be active, away on none of the household's quarantine days (the whole
quarantine, so no week shows the household uncared because of them) and under
``max_households_per_carer`` on every one of those days once the household is theirs. The
household's own community comes first, then the lightest load. A street or compound gets an
active person of its community, cadres and grid workers first for streets, cadres and building
captains first for compounds, then whoever holds the fewest duties.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from dataclasses import dataclass

from roster_tui.domain.gaps import Gap, GapKind, UncaredReason
from roster_tui.domain.model import Duty, Household, Person, Role, Roster
from roster_tui.engine.clock import ZoneClock
from roster_tui.engine.coverage import coverage_gaps
from roster_tui.engine.eligibility import Blocker

_ONE_DAY = dt.timedelta(days=1)
_STREET_ROLES = (Role.CADRE, Role.GRID_WORKER, Role.PARTY_MEMBER, Role.BUILDING_CAPTAIN)
_COMPOUND_ROLES = (Role.CADRE, Role.BUILDING_CAPTAIN, Role.GRID_WORKER, Role.PARTY_MEMBER)


@dataclass(frozen=True, slots=True)
class CarerProposal:
    """``person`` takes the household on; ``reason`` says why it changes hands: an
    :class:`UncaredReason` value (no carer, the carer inactive or away) or ``overloaded`` (its
    carer has more households than allowed)."""

    household: Household  # as it is now (it carries the version the edit is checked against)
    person: str
    reason: str = UncaredReason.MISSING.value


@dataclass(frozen=True, slots=True)
class DutyProposal:
    """``person`` answers for the street or the compound (exactly one is set), in place of
    the ``replaces`` rows of inactive people, which go."""

    person: str
    street: str | None = None
    compound: str | None = None
    replaces: tuple[Duty, ...] = ()


@dataclass(frozen=True, slots=True)
class CareShortfall:
    """A household nobody can take on, with every person's first reason."""

    household: Household
    reasons: tuple[tuple[str, Blocker], ...]

    def summary(self) -> list[tuple[Blocker, int]]:
        counts = Counter(blocker for _, blocker in self.reasons)
        return [(b, counts[b]) for b in Blocker if b in counts]


@dataclass(frozen=True, slots=True)
class CareFill:
    carers: tuple[CarerProposal, ...]
    duties: tuple[DutyProposal, ...]
    shortfalls: tuple[CareShortfall, ...]  # households; a street or compound always finds someone
    overloaded: tuple[str, ...]  # carers still over the limit: nobody had room for theirs
    unheld: tuple[DutyProposal, ...]  # streets and compounds with no active person at all


@functools.cache
def _span(first: dt.date, count: int) -> tuple[dt.date, ...]:
    return tuple(first + dt.timedelta(days=i) for i in range(count))


def _days(household: Household, roster: Roster) -> tuple[dt.date, ...]:
    """Every day of the household's quarantine."""
    return _span(household.start, household.quarantine_days(roster.settings))


class _CarerLoads:
    """Per person and day, how many quarantined households they care for."""

    def __init__(self, roster: Roster) -> None:
        self.by_day: dict[str, Counter[dt.date]] = defaultdict(Counter)
        for household in roster.households:
            if household.carer is not None:
                self.by_day[household.carer].update(_days(household, roster))

    def peak(self, person: str, days: tuple[dt.date, ...]) -> int:
        loads = self.by_day.get(person)
        return max(map(loads.__getitem__, days), default=0) if loads else 0

    def move(self, days: tuple[dt.date, ...], old: str | None, new: str) -> None:
        if old is not None:
            self.by_day[old].subtract(days)
        self.by_day[new].update(days)


OVERLOADED = "overloaded"


def propose_carers(
    roster: Roster, gaps: list[Gap], clock: ZoneClock, first: dt.date, last: dt.date
) -> tuple[list[CarerProposal], list[CareShortfall], list[str]]:
    """A carer for every household that ``gaps`` (the check's) finds uncared, and households
    handed from carers over the limit (``first``..``last``: the days the check looks at) to
    carers with room.

    A household handed on frees its old carer's days, so one passed over for lack of room may
    fit someone now: what is still waiting is tried again until a round changes nothing (else
    a second fill would find carers the first left out). Returns the proposals, the households
    nobody can take, and the carers still over the limit.
    """
    households = roster.index.households
    reason_of = {
        g.household or "": g.reason or UncaredReason.MISSING.value
        for g in gaps
        if g.kind == GapKind.HOUSEHOLD_UNCARED
    }
    waiting = [households[h] for h in reason_of]
    heavy = [g.person or "" for g in gaps if g.kind == GapKind.CARER_OVERLOADED]
    week = _span(first, (last - first).days + 1)
    chooser = _CarerChooser(roster, clock)
    proposals: list[CarerProposal] = []
    moved: set[str] = set(reason_of)  # households already changing hands (or uncared)
    while True:
        shortfalls: list[CareShortfall] = []
        for household in waiting:
            found = chooser.choose(household)
            if isinstance(found, CareShortfall):
                shortfalls.append(found)
            else:
                proposals.append(CarerProposal(household, found, reason_of[household.id]))
        relieved = _relieve(roster, heavy, week, chooser, moved)
        proposals.extend(relieved)
        heavy = [c for c in heavy if chooser.loads.peak(c, week) > chooser.cap]
        if len(shortfalls) == len(waiting) and not relieved:
            return proposals, shortfalls, heavy
        waiting = [s.household for s in shortfalls]


def _relieve(
    roster: Roster,
    carers: list[str],
    week: tuple[dt.date, ...],
    chooser: _CarerChooser,
    moved: set[str],
) -> list[CarerProposal]:
    """Each carer's households handed on, the latest to start first, until no day of ``week``
    has more than the limit: each to the best carer with room over its whole quarantine."""
    proposals: list[CarerProposal] = []
    for carer in carers:
        theirs = sorted(
            (h for h in roster.households if h.carer == carer and h.id not in moved),
            key=lambda h: (h.start, h.id),
            reverse=True,
        )
        for household in theirs:
            loads = chooser.loads.by_day[carer]
            days = _days(household, roster)
            if chooser.loads.peak(carer, week) <= chooser.cap:
                break
            if not any(loads[d] > chooser.cap for d in days if d in week):
                continue  # handing this one on would not lower the peak
            found = chooser.choose(household, exclude=carer)
            if not isinstance(found, CareShortfall):
                moved.add(household.id)
                proposals.append(CarerProposal(household, found, OVERLOADED))
    return proposals


class _CarerChooser:
    """The best carer for a household as loads stand, booking them when found."""

    def __init__(self, roster: Roster, clock: ZoneClock) -> None:
        self.roster, self.clock = roster, clock
        self.cap = roster.settings.max_households_per_carer
        self.community_of = {c.id: c.community for c in roster.compounds}
        self.away: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for leave in roster.leaves:
            self.away[leave.person].append(
                (clock.timestamp(leave.start), clock.timestamp(leave.end))
            )
        self.loads = _CarerLoads(roster)

    def choose(self, household: Household, exclude: str | None = None) -> str | CareShortfall:
        """The best carer but ``exclude`` for the household, booked; or why there is none."""
        days = _days(household, self.roster)
        clock = self.clock
        span = (clock.instant(days[0], 0)[1], clock.instant(days[-1] + _ONE_DAY, 0)[1])
        community = self.community_of.get(household.compound)
        best: tuple[tuple[object, ...], str] | None = None
        reasons: list[tuple[str, Blocker]] = []
        for person in self.roster.people:
            if person.id == exclude:
                continue
            load = self.loads.peak(person.id, days)
            blocker = _carer_blocker(person, load, span, self.away, self.cap)
            if blocker is not None:
                reasons.append((person.id, blocker))
                continue
            rank = (person.community != community, load, person.id)
            if best is None or rank < best[0]:
                best = (rank, person.id)
        if best is None:
            return CareShortfall(household, tuple(reasons))
        self.loads.move(days, household.carer, best[1])
        return best[1]


def _carer_blocker(
    person: Person,
    load: int,
    span: tuple[float, float],
    away: dict[str, list[tuple[float, float]]],
    cap: int,
) -> Blocker | None:
    """Why ``person`` cannot take on a household over ``span`` with ``load`` households at its
    busiest day so far."""
    # The current carer is inactive or away (the household is uncared), so needs no case here.
    if not person.active:
        return Blocker.INACTIVE
    if any(lo < span[1] and span[0] < hi for lo, hi in away.get(person.id, ())):
        return Blocker.LEAVE
    if load + 1 > cap:
        return Blocker.AT_CAP
    return None


def propose_duties(
    roster: Roster, gaps: list[Gap]
) -> tuple[list[DutyProposal], list[DutyProposal]]:
    """Someone to answer for every street and compound that ``gaps`` finds without one.

    Returns the proposals, and the places nobody active can take (no active person at all).
    """
    active = [p for p in roster.people if p.active]
    active_ids = {p.id for p in active}
    held: Counter[str] = Counter(d.person for d in roster.duties)
    streets = roster.index.streets
    compounds = roster.index.compounds
    group_of: dict[str, str] = {}
    for party_group in sorted(roster.party_groups, key=lambda g: g.id):
        for listed in party_group.compounds:
            group_of.setdefault(listed, party_group.id)
    proposals: list[DutyProposal] = []
    unheld: list[DutyProposal] = []
    for gap in gaps:
        if gap.kind == GapKind.STREET_UNASSIGNED:
            community, order, group = streets[gap.street or ""].community, _STREET_ROLES, None
        elif gap.kind == GapKind.COMPOUND_UNASSIGNED:
            compound = compounds[gap.compound or ""]
            community, order = compound.community, _COMPOUND_ROLES
            group = group_of.get(compound.id)
        else:
            continue
        if not active:
            unheld.append(DutyProposal("", street=gap.street, compound=gap.compound))
            continue
        replaces = tuple(
            d
            for d in roster.duties
            if d.person not in active_ids and (d.street, d.compound) == (gap.street, gap.compound)
        )
        chosen = min(
            active,
            key=lambda p: (
                p.community != community,
                min((order.index(r) for r in p.roles if r in order), default=len(order)),
                group is None or p.party_group != group,
                held[p.id],
                p.id,
            ),
        )
        held[chosen.id] += 1
        proposals.append(DutyProposal(chosen.id, gap.street, gap.compound, replaces))
    return proposals, unheld


def fill_care(roster: Roster, first: dt.date, last: dt.date, clock: ZoneClock) -> CareFill:
    gaps = coverage_gaps(roster, first, last, clock)
    carers, shortfalls, overloaded = propose_carers(roster, gaps, clock, first, last)
    duties, unheld = propose_duties(roster, gaps)
    return CareFill(
        tuple(carers), tuple(duties), tuple(shortfalls), tuple(overloaded), tuple(unheld)
    )
