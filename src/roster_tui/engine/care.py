"""Gaps of the household care loop: days nobody contacted a household, fevers, overdue requests.

These depend on the check's clock as well as its range: a day after today cannot have been
missed yet, and a request is overdue only once its due time has passed. ``Now`` is a moment in
the sub-district's zone; ``today`` is its local date.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from roster_tui.domain.clock import wall_clock
from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import Contact, Household, Request, Roster
from roster_tui.engine.clock import ZoneClock


def uncontacted_gaps(
    households: Iterable[Household],
    contacted: dict[str, set[int]],
    roster: Roster,
    first: dt.date,
    last: dt.date,
    today: dt.date,
) -> list[Gap]:
    """household_uncontacted: one gap per household and active day, up to today, with no contact.

    ``contacted`` holds, per household, the ordinals of the days it was contacted on; days are
    compared as ordinals so that a large sub-district's four weeks stay a few set operations.
    """
    settings = roster.settings
    first_day, last_day = first.toordinal(), min(last, today).toordinal()
    gaps: list[Gap] = []
    for household in households:
        lo = max(household.start.toordinal(), first_day)
        hi = min(household.end_date(settings).toordinal() - 1, last_day)
        if lo > hi:
            continue
        missed = set(range(lo, hi + 1))
        missed.difference_update(contacted.get(household.id, ()))
        for ordinal in sorted(missed):
            gaps.append(
                Gap(
                    GapKind.HOUSEHOLD_UNCONTACTED,
                    household=household.id,
                    compound=household.compound,
                    date=dt.date.fromordinal(ordinal),
                    person=household.carer,
                )
            )
    return gaps


def fever_gaps(
    contacts: Iterable[Contact],
    compound_of: dict[str, str],
    roster: Roster,
    first: dt.date,
    last: dt.date,
) -> list[Gap]:
    """fever: a contact in the range that recorded a reading at or above the fever line."""
    line = roster.settings.fever_temperature
    return [
        Gap(
            GapKind.FEVER,
            household=contact.household,
            compound=compound_of.get(contact.household),
            date=contact.date,
            temperature=contact.temperature,
            person=contact.by,
        )
        for contact in contacts
        if contact.temperature is not None
        and contact.temperature >= line
        and first <= contact.date <= last
    ]


def due_timestamp(request: Request, roster: Roster, clock: ZoneClock) -> float:
    """When a request should be done: ``asked`` plus request_hours of elapsed time."""
    return clock.timestamp(request.asked) + roster.settings.request_hours * 3600


def local_time(timestamp: float, clock: ZoneClock) -> dt.datetime:
    """The naive local wall-clock time of an instant (on a DST day, hours ≠ elapsed hours)."""
    return dt.datetime.fromtimestamp(timestamp, clock.zone).replace(tzinfo=None)


def overdue_gaps(
    requests: Iterable[Request],
    compound_of: dict[str, str],
    roster: Roster,
    first: dt.date,
    last: dt.date,
    now: float,
    clock: ZoneClock,
) -> list[Gap]:
    """request_overdue: an open request asked in the range whose due time is at or before now."""
    gaps: list[Gap] = []
    for request in requests:
        if request.done is not None or not first <= request.asked.date() <= last:
            continue
        due_ts = due_timestamp(request, roster, clock)
        if due_ts <= now:
            gaps.append(
                Gap(
                    GapKind.REQUEST_OVERDUE,
                    request=request.id,
                    household=request.household,
                    compound=compound_of.get(request.household),
                    request_kind=request.kind.value,
                    asked=wall_clock(request.asked),
                    due=wall_clock(local_time(due_ts, clock)),
                    person=request.handler,
                )
            )
    return gaps


def care_gaps(
    roster: Roster,
    first: dt.date,
    last: dt.date,
    now: dt.datetime,
    clock: ZoneClock,
    only: set[str] | None = None,
) -> list[Gap]:
    """Every gap of the care loop over ``[first, last]`` as seen at ``now`` (zone-aware).

    ``only`` limits the work to some households (the incremental tracker after an edit).
    """
    today = now.astimezone(clock.zone).date()
    households = roster.households
    contacts = roster.contacts
    requests = roster.requests
    if only is not None:
        households = [h for h in households if h.id in only]
        contacts = [c for c in contacts if c.household in only]
        requests = [r for r in requests if r.household in only]
    compound_of = {household.id: household.compound for household in households}
    # Only the range's days can close a gap: the roster holds every contact ever recorded.
    contacted: dict[str, set[int]] = defaultdict(set)
    for contact in contacts:
        if first <= contact.date <= last:
            contacted[contact.household].add(contact.date.toordinal())
    return [
        *uncontacted_gaps(households, contacted, roster, first, last, today),
        *fever_gaps(contacts, compound_of, roster, first, last),
        *overdue_gaps(requests, compound_of, roster, first, last, now.timestamp(), clock),
    ]
