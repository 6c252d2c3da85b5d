"""Gaps of the household care loop: days nobody contacted a household, fevers, overdue requests.

These depend on the check's clock as well as its range: a day after today cannot have been
missed yet, and a request is overdue only once its due time has passed. ``Now`` is a moment in
the sub-district's zone; ``today`` is its local date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from roster_tui.domain.clock import wall_clock
from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import Contact, Household, Request, Roster
from roster_tui.engine.clock import ZoneClock

_ONE_DAY = dt.timedelta(days=1)


def uncontacted_gaps(
    households: Iterable[Household],
    contacted: set[tuple[str, dt.date]],
    roster: Roster,
    first: dt.date,
    last: dt.date,
    today: dt.date,
) -> list[Gap]:
    """household_uncontacted: one gap per household and active day, up to today, with no contact."""
    settings = roster.settings
    last = min(last, today)
    gaps: list[Gap] = []
    for household in households:
        day = max(household.start, first)
        end = min(household.end_date(settings) - _ONE_DAY, last)
        while day <= end:
            if (household.id, day) not in contacted:
                gaps.append(
                    Gap(
                        GapKind.HOUSEHOLD_UNCONTACTED,
                        household=household.id,
                        compound=household.compound,
                        date=day,
                        person=household.carer,
                    )
                )
            day += _ONE_DAY
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


def due_time(request: Request, roster: Roster, clock: ZoneClock) -> tuple[dt.datetime, float]:
    """When a request should be done: ``asked`` plus request_hours of elapsed time.

    Returns the local wall-clock time (naive) and its timestamp; on a DST day the wall clock
    moves by more or less than request_hours.
    """
    due_ts = clock.timestamp(request.asked) + roster.settings.request_hours * 3600
    local = dt.datetime.fromtimestamp(due_ts, clock.zone).replace(tzinfo=None)
    return local, due_ts


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
        due, due_ts = due_time(request, roster, clock)
        if due_ts <= now:
            gaps.append(
                Gap(
                    GapKind.REQUEST_OVERDUE,
                    request=request.id,
                    household=request.household,
                    compound=compound_of.get(request.household),
                    request_kind=request.kind.value,
                    asked=wall_clock(request.asked),
                    due=wall_clock(due),
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
    contacted = {(contact.household, contact.date) for contact in contacts}
    return [
        *uncontacted_gaps(households, contacted, roster, first, last, today),
        *fever_gaps(contacts, compound_of, roster, first, last),
        *overdue_gaps(requests, compound_of, roster, first, last, now.timestamp(), clock),
    ]
