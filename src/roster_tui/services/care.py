"""The household care loop as the screens need it: today's round, open requests, handlers.

Pure functions over a :class:`Roster`. A household "needs attention" when it has a fever that no
later normal reading has cleared, an overdue request, or no contact yet today; the round lists
those first. The writes (a contact, a request, a handler, done) are :class:`Workspace` methods.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from enum import IntEnum

from roster_tui.domain.model import (
    Contact,
    ContactMethod,
    Household,
    Person,
    Request,
    RequestKind,
    Role,
    Roster,
)
from roster_tui.engine.care import due_timestamp, local_time
from roster_tui.engine.clock import ZoneClock

MEDICAL_WORDS = ("就医", "产检", "透析", "复诊", "医院")


@dataclasses.dataclass(frozen=True, slots=True)
class RoundRow:
    """One household on today's round."""

    household: Household
    contacted_today: bool
    last_temperature: float | None  # the latest reading on record, any day up to today
    fever: bool  # the latest reading is at or above the fever line
    open_requests: int
    overdue_requests: int

    @property
    def attention(self) -> tuple[int, ...]:
        """Sort key: fevers, overdue requests, not yet contacted, open requests, then by id."""
        return (
            not self.fever,
            not self.overdue_requests,
            self.contacted_today,
            not self.open_requests,
        )


def latest_readings(roster: Roster, today: dt.date) -> dict[str, float]:
    """Each household's latest temperature on record up to ``today`` (a later day wins)."""
    latest: dict[str, tuple[dt.date, float]] = {}
    for contact in roster.contacts:
        if contact.temperature is None or contact.date > today:
            continue
        known = latest.get(contact.household)
        if known is None or contact.date >= known[0]:
            latest[contact.household] = (contact.date, contact.temperature)
    return {household: reading for household, (_, reading) in latest.items()}


def fever_households(roster: Roster, today: dt.date) -> set[str]:
    """Households whose latest reading up to today is a fever (a later normal one clears it)."""
    line = roster.settings.fever_temperature
    return {h for h, reading in latest_readings(roster, today).items() if reading >= line}


def is_overdue(request: Request, roster: Roster, now: dt.datetime, clock: ZoneClock) -> bool:
    return request.done is None and due_timestamp(request, roster, clock) <= now.timestamp()


def due_of(request: Request, roster: Roster, clock: ZoneClock) -> dt.datetime:
    """A request's due time as local wall-clock time."""
    return local_time(due_timestamp(request, roster, clock), clock)


def todays_round(
    roster: Roster, now: dt.datetime, households: Iterable[Household] | None = None
) -> list[RoundRow]:
    """The households in quarantine today (of ``households``, default all), neediest first.

    ``now`` is zone-aware; today is its date in the sub-district's zone.
    """
    clock = ZoneClock(roster.subdistrict.timezone)
    today = now.astimezone(clock.zone).date()
    settings = roster.settings
    contacted = {c.household for c in roster.contacts if c.date == today}
    readings = latest_readings(roster, today)
    open_: Counter[str] = Counter()
    overdue: Counter[str] = Counter()
    for request in roster.requests:
        if request.done is None:
            open_[request.household] += 1
            if is_overdue(request, roster, now, clock):
                overdue[request.household] += 1
    line = settings.fever_temperature
    rows = []
    for household in roster.households if households is None else households:
        if not household.active_on(today, settings):
            continue
        temperature = readings.get(household.id)
        rows.append(
            RoundRow(
                household,
                household.id in contacted,
                temperature,
                temperature is not None and temperature >= line,
                open_[household.id],
                overdue[household.id],
            )
        )
    rows.sort(key=lambda row: (*row.attention, row.household.id))
    return rows


def open_requests(roster: Roster, now: dt.datetime) -> list[Request]:
    """Requests not done yet, by due time (the overdue ones come first by nature)."""
    clock = ZoneClock(roster.subdistrict.timezone)
    pending = [r for r in roster.requests if r.done is None]
    pending.sort(key=lambda r: (due_timestamp(r, roster, clock), r.id))
    return pending


def contacts_of(roster: Roster, household: str) -> list[Contact]:
    """A household's contact history, latest first."""
    return sorted(
        (c for c in roster.contacts if c.household == household), key=lambda c: c.date, reverse=True
    )


def requests_of(roster: Roster, household: str) -> list[Request]:
    """A household's requests, latest asked first."""
    return sorted(
        (r for r in roster.requests if r.household == household),
        key=lambda r: r.asked,
        reverse=True,
    )


def common_contact(household: Household, by: str, today: dt.date) -> Contact:
    """The everyday contact: a phone call today, nothing to note."""
    return Contact(household.id, today, by, ContactMethod.PHONE)


def next_request_id(roster: Roster) -> str:
    """An id no request has: ``q`` and the next number after the highest numbered one."""
    taken = {r.id for r in roster.requests}
    numbers = [int(r.id[1:]) for r in roster.requests if r.id[:1] == "q" and r.id[1:].isdigit()]
    number = max(numbers, default=0) + 1
    while f"q{number:05d}" in taken:
        number += 1
    return f"q{number:05d}"


def request_from_need(roster: Roster, contact: Contact, asked: dt.datetime) -> Request:
    """The request a need typed in a contact becomes (a hospital visit is a medical outing)."""
    assert contact.needs, "a contact without needs makes no request"
    medical = any(word in contact.needs for word in MEDICAL_WORDS)
    kind = RequestKind.MEDICAL_OUTING if medical else RequestKind.SUPPLIES
    return Request(next_request_id(roster), contact.household, kind, asked, contact.needs)


class HandlerKind(IntEnum):
    """Why a person is offered to take a request, in the order they are offered."""

    VOLUNTEER = 0  # the community's volunteers (代购员、快递员)
    CARER = 1  # someone caring for households today
    OTHER = 2


@dataclasses.dataclass(frozen=True, slots=True)
class HandlerChoice:
    person: Person
    open_requests: int  # requests they hold that are not done
    carer_load: int  # households they care for today
    same_community: bool
    kind: HandlerKind


def rank_handlers(roster: Roster, request: Request, today: dt.date) -> list[HandlerChoice]:
    """Who can take ``request``: the household's community's volunteers and carers first,
    then the lightest load (open requests, then households cared for); inactive people never.
    """
    compound_of = {h.id: h.compound for h in roster.households}
    community_of = {c.id: c.community for c in roster.compounds}
    community = community_of.get(compound_of.get(request.household, ""))
    settings = roster.settings
    carers = Counter(h.carer for h in roster.households if h.carer and h.active_on(today, settings))
    holding = Counter(r.handler for r in roster.requests if r.handler and r.done is None)
    choices = []
    for person in roster.people:
        if not person.active:
            continue
        kind = HandlerKind.OTHER
        if Role.VOLUNTEER in person.roles:
            kind = HandlerKind.VOLUNTEER
        elif carers[person.id]:
            kind = HandlerKind.CARER
        same = person.community == community
        choices.append(HandlerChoice(person, holding[person.id], carers[person.id], same, kind))
    choices.sort(
        key=lambda c: (not c.same_community, c.kind, c.open_requests, c.carer_load, c.person.id)
    )
    return choices
