"""Quarantined households and their carers, as the Households screen needs them.

Pure functions over a :class:`Roster`: how many days a household has left, which ones the
secretary is looking for, and choosing a carer without overloading anyone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from enum import StrEnum

from roster_tui.domain.model import Household, Person, Roster, Settings


class HouseholdStatus(StrEnum):
    UPCOMING = "upcoming"
    ACTIVE = "active"
    ENDED = "ended"


def household_status(household: Household, settings: Settings, today: dt.date) -> HouseholdStatus:
    if today < household.start:
        return HouseholdStatus.UPCOMING
    if today < household.end_date(settings):
        return HouseholdStatus.ACTIVE
    return HouseholdStatus.ENDED


def days_left(household: Household, settings: Settings, today: dt.date) -> int:
    """Quarantine days left counting today: 1 on its last day, 0 or less once released."""
    return (household.end_date(settings) - today).days


def ending_soon(household: Household, settings: Settings, today: dt.date) -> bool:
    """In quarantine today and its last day is today or tomorrow."""
    return household.start <= today and days_left(household, settings, today) in (1, 2)


def released_today(household: Household, today: dt.date) -> Household:
    """The household with its quarantine ending today (it no longer counts from today).

    Raises ``ValueError`` when it started today or later: a quarantine lasts at least a day.
    """
    days = (today - household.start).days
    if days < 1:
        raise ValueError(household.id)
    return dataclasses.replace(household, days=days)


def filter_households(
    roster: Roster,
    today: dt.date,
    *,
    compound: str | None = None,
    soon: bool = False,
    no_carer: bool = False,
    text: str = "",
    community: str | None = None,
) -> list[Household]:
    """Households passing every filter given, in quarantine first, soonest release first."""
    settings = roster.settings
    needle = text.strip().lower()
    names = {c.id: c.name.lower() for c in roster.compounds} if needle else {}
    community_of = {c.id: c.community for c in roster.compounds}
    chosen = []
    for household in roster.households:
        if compound is not None and household.compound != compound:
            continue
        if community is not None and community_of.get(household.compound) != community:
            continue
        if no_carer and household.carer is not None:
            continue
        if soon and not ending_soon(household, settings, today):
            continue
        if needle and not any(
            needle in field
            for field in (
                household.address.lower(),
                household.head.lower(),
                household.id.lower(),
                names.get(household.compound, ""),
            )
        ):
            continue
        chosen.append(household)
    order = {HouseholdStatus.ACTIVE: 0, HouseholdStatus.UPCOMING: 1, HouseholdStatus.ENDED: 2}
    chosen.sort(
        key=lambda h: (
            order[household_status(h, settings, today)],
            abs(days_left(h, settings, today)),
            h.id,
        )
    )
    return chosen


def carer_loads(roster: Roster, today: dt.date) -> Counter[str]:
    """How many households each person cares for today (in quarantine today)."""
    settings = roster.settings
    return Counter(
        h.carer for h in roster.households if h.carer is not None and h.active_on(today, settings)
    )


class CarerBlock(StrEnum):
    """Why a person is not offered first as a carer."""

    AT_CAP = "at_cap"
    ON_LEAVE = "on_leave"


@dataclasses.dataclass(frozen=True, slots=True)
class CarerChoice:
    person: Person
    load: int
    same_community: bool
    block: CarerBlock | None


def rank_carers(
    roster: Roster, household: Household, today: dt.date, people: Iterable[Person] | None = None
) -> list[CarerChoice]:
    """Active people to care for ``household``, best first.

    Free people before blocked ones (at the cap, or on leave today), the household's own
    community first, then the lightest load.
    """
    loads = carer_loads(roster, today)
    cap = roster.settings.max_households_per_carer
    compound = next((c for c in roster.compounds if c.id == household.compound), None)
    community = compound.community if compound else None
    day_start = dt.datetime.combine(today, dt.time())
    day_end = day_start + dt.timedelta(days=1)
    away = {lv.person for lv in roster.leaves if lv.start < day_end and day_start < lv.end}
    choices = []
    for person in roster.people if people is None else people:
        if not person.active:
            continue
        # The current carer is already counted in their own load; they are not over it by it.
        load = loads.get(person.id, 0)
        own = household.carer == person.id and household.active_on(today, roster.settings)
        block = None
        if load - own >= cap:
            block = CarerBlock.AT_CAP
        elif person.id in away:
            block = CarerBlock.ON_LEAVE
        choices.append(CarerChoice(person, load, person.community == community, block))
    choices.sort(key=lambda c: (c.block is not None, not c.same_community, c.load))
    return choices
