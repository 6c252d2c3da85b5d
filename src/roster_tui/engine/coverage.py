"""Gaps that shifts and overrides do not touch: 包街包院, party groups and quarantine care.

Streets, compounds and party groups are structural and ignore the date range (but for a duty
holder made inactive only after it); households and carers look at the days of the range on
which each household is in quarantine.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from roster_tui.domain.gaps import Gap, GapKind, UncaredReason
from roster_tui.domain.model import CompoundKind, Household, Roster
from roster_tui.engine.clock import ZoneClock

_ONE_DAY = dt.timedelta(days=1)


def structural_gaps(roster: Roster, until: dt.datetime | None = None) -> list[Gap]:
    """street_unassigned, compound_unassigned and no_party_group.

    A duty counts when its holder is active; with ``until`` (local wall clock, the end of a
    checked range), also when they were made inactive only at or after it, so that a range
    that ended before a deactivation is judged as it stood then.
    """
    if until is None:
        active = {person.id for person in roster.people if person.active}
    else:
        active = {person.id for person in roster.people if person.active_until(until)}
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


Span = tuple[Household, dt.date, dt.date]  # a household and its first and last day in range


def quarantine_spans(roster: Roster, first: dt.date, last: dt.date) -> list[Span]:
    """Each household in quarantine on some day of the range, with those days' bounds."""
    default = roster.settings.quarantine_days
    spans: list[Span] = []
    for household in roster.households:
        days = household.days if household.days is not None else default
        lo = household.start if household.start > first else first
        hi = min(household.start + dt.timedelta(days=days - 1), last)
        if lo <= hi:
            spans.append((household, lo, hi))
    return spans


def household_gaps(roster: Roster, spans: list[Span], clock: ZoneClock) -> list[Gap]:
    """household_uncared: no carer, an inactive carer, or a carer away on one of its days."""
    people = roster.index.people
    leaves: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for leave in roster.leaves:
        leaves[leave.person].append((clock.timestamp(leave.start), clock.timestamp(leave.end)))
    gaps: list[Gap] = []
    for household, lo, hi in spans:
        carer = people.get(household.carer) if household.carer is not None else None
        if carer is None:
            reason = UncaredReason.MISSING
        elif not carer.active_until(dt.datetime.combine(hi + _ONE_DAY, dt.time())):
            reason = UncaredReason.INACTIVE
        elif carer.id in leaves:
            from_ts = clock.instant(lo, 0)[1]
            to_ts = clock.instant(hi + _ONE_DAY, 0)[1]
            if not any(start < to_ts and from_ts < end for start, end in leaves[carer.id]):
                continue
            reason = UncaredReason.LEAVE
        else:
            continue
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


def carer_gaps(roster: Roster, spans: list[Span], first: dt.date) -> list[Gap]:
    """carer_overloaded: the peak number of households one carer has on a day of the range."""
    limit = roster.settings.max_households_per_carer
    # Per carer, how the count changes at each day: +1 when a household starts, -1 after it.
    changes: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    totals: dict[str, int] = defaultdict(int)
    for household, lo, hi in spans:
        if household.carer is not None:
            steps = changes[household.carer]
            steps[lo] += 1
            steps[hi + _ONE_DAY] -= 1
            totals[household.carer] += 1
    gaps: list[Gap] = []
    for carer, steps in changes.items():
        if totals[carer] <= limit:
            continue  # not even all their households together pass the limit
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
    spans = quarantine_spans(roster, first, last)
    return [
        *structural_gaps(roster, dt.datetime.combine(last + _ONE_DAY, dt.time())),
        *household_gaps(roster, spans, clock),
        *carer_gaps(roster, spans, first),
    ]
