"""Gaps that shifts and overrides do not touch: 包街包院, party groups and quarantine care.

Streets, compounds and party groups are structural and ignore the date range; households and
carers look at the days of the range on which each household is in quarantine.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from roster_tui.domain.gaps import Gap, GapKind, UncaredReason
from roster_tui.domain.model import CompoundKind, Household, Roster
from roster_tui.engine.clock import ZoneClock

_ONE_DAY = dt.timedelta(days=1)


def structural_gaps(roster: Roster) -> list[Gap]:
    """street_unassigned, compound_unassigned and no_party_group."""
    active = {person.id for person in roster.people if person.active}
    streets_held = {d.street for d in roster.duties if d.street is not None and d.person in active}
    compounds_held = {
        d.compound for d in roster.duties if d.compound is not None and d.person in active
    }
    grouped = {compound for group in roster.party_groups for compound in group.compounds}
    gaps = [
        Gap(GapKind.STREET_UNASSIGNED, street=street.id)
        for street in roster.streets
        if street.id not in streets_held
    ]
    for compound in roster.compounds:
        if compound.id not in compounds_held:
            gaps.append(Gap(GapKind.COMPOUND_UNASSIGNED, compound=compound.id))
        if compound.kind == CompoundKind.UNMANAGED and compound.id not in grouped:
            gaps.append(Gap(GapKind.NO_PARTY_GROUP, compound=compound.id))
    return gaps


def _days_in_range(
    household: Household, roster: Roster, first: dt.date, last: dt.date
) -> tuple[dt.date, dt.date] | None:
    """The first and last day in the range on which the household is in quarantine."""
    lo = max(household.start, first)
    hi = min(household.end_date(roster.settings) - _ONE_DAY, last)
    return (lo, hi) if lo <= hi else None


def household_gaps(roster: Roster, first: dt.date, last: dt.date, clock: ZoneClock) -> list[Gap]:
    """household_uncared: no carer, an inactive carer, or a carer away on one of its days."""
    people = {person.id: person for person in roster.people}
    leaves: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for leave in roster.leaves:
        leaves[leave.person].append((clock.timestamp(leave.start), clock.timestamp(leave.end)))
    gaps: list[Gap] = []
    for household in roster.households:
        days = _days_in_range(household, roster, first, last)
        if days is None:
            continue
        carer = people.get(household.carer) if household.carer is not None else None
        if carer is None:
            reason = UncaredReason.MISSING
        elif not carer.active:
            reason = UncaredReason.INACTIVE
        else:
            from_ts = clock.instant(days[0], 0)[1]
            to_ts = clock.instant(days[1] + _ONE_DAY, 0)[1]
            if not any(lo < to_ts and from_ts < hi for lo, hi in leaves.get(carer.id, ())):
                continue
            reason = UncaredReason.LEAVE
        gaps.append(
            Gap(
                GapKind.HOUSEHOLD_UNCARED,
                household=household.id,
                compound=household.compound,
                reason=reason.value,
                person=household.carer,
            )
        )
    return gaps


def carer_gaps(roster: Roster, first: dt.date, last: dt.date) -> list[Gap]:
    """carer_overloaded: the peak number of households one carer has on a day of the range."""
    limit = roster.settings.max_households_per_carer
    # Per carer, how the count changes at each day: +1 when a household starts, -1 after it.
    changes: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    for household in roster.households:
        if household.carer is None:
            continue
        days = _days_in_range(household, roster, first, last)
        if days is not None:
            changes[household.carer][days[0]] += 1
            changes[household.carer][days[1] + _ONE_DAY] -= 1
    gaps: list[Gap] = []
    for carer, steps in changes.items():
        running, peak, peak_day = 0, 0, first
        for day in sorted(steps):
            running += steps[day]
            if running > peak:
                peak, peak_day = running, day
        if peak > limit:
            gaps.append(
                Gap(GapKind.CARER_OVERLOADED, person=carer, date=peak_day, count=peak, max=limit)
            )
    return gaps


def coverage_gaps(roster: Roster, first: dt.date, last: dt.date, clock: ZoneClock) -> list[Gap]:
    return [
        *structural_gaps(roster),
        *household_gaps(roster, first, last, clock),
        *carer_gaps(roster, first, last),
    ]
