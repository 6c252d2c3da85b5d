"""Daily contacts and requests that look like a working care loop, for the demo and benchmarks.

A carer calls most of their households every day (a few days are missed), usually by phone;
readings are normal but for a rare fever; a few calls turn up a need (rice, medicine, a
hospital visit) that becomes a request, handled by a volunteer of the community within hours.
Everything is drawn from a seeded ``random.Random``: the same roster, moment and seed give the
same rows. Only what has happened by ``now`` is made: no contact after today, no request asked
or done after ``now``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections import defaultdict

from roster_tui.domain.model import (
    Contact,
    ContactMethod,
    Household,
    Request,
    RequestKind,
    Role,
    Roster,
)

_ONE_DAY = dt.timedelta(days=1)
_METHODS = (ContactMethod.PHONE, ContactMethod.WECHAT, ContactMethod.VISIT)
_SUPPLIES = (
    "大米10斤、食用油",
    "蔬菜一份、鸡蛋两斤",
    "婴儿奶粉两罐",
    "卫生纸、洗衣液",
    "面条、馒头",
)
_MEDICINE = ("降压药", "胰岛素", "感冒药、退烧贴")
_OUTINGS = ("就医：产检报备", "就医：血液透析", "就医：复诊开药")


@dataclasses.dataclass(frozen=True, slots=True)
class CareRates:
    """How often things happen; the defaults give a realistic sub-district."""

    missed: float = 0.03  # a past active day with no contact
    contacted_today: float = 0.6  # households already called today, at the moment of ``now``
    fever: float = 0.004  # a contact with a reading at or above the fever line
    need: float = 0.08  # a contact that turns up a need (and a request)
    left_open: float = 0.02  # a request nobody has finished yet (overdue once due)


def _handlers(roster: Roster) -> dict[str, list[str]]:
    """Who takes requests, by community: volunteers first, else anyone active there."""
    volunteers: dict[str, list[str]] = defaultdict(list)
    everyone: dict[str, list[str]] = defaultdict(list)
    for person in roster.people:
        if person.active:
            everyone[person.community].append(person.id)
            if Role.VOLUNTEER in person.roles:
                volunteers[person.community].append(person.id)
    return {c: volunteers.get(c) or ids for c, ids in everyone.items()}


def _request(
    rng: random.Random, number: int, household: Household, day: dt.date, need: str
) -> Request:
    kind = RequestKind.MEDICAL_OUTING if need.startswith("就医") else RequestKind.SUPPLIES
    asked = dt.datetime.combine(day, dt.time(rng.randint(8, 19), rng.choice((0, 15, 30, 45))))
    return Request(f"q{number:05d}", household.id, kind, asked, need)


def care_rows(
    roster: Roster, now: dt.datetime, seed: int = 1, rates: CareRates | None = None
) -> tuple[list[Contact], list[Request]]:
    """Contacts and requests of every household up to ``now`` (naive local wall-clock time)."""
    rates = rates or CareRates()
    rng = random.Random(seed)
    today = now.date()
    community_of = {c.id: c.community for c in roster.compounds}
    handlers = _handlers(roster)
    line = roster.settings.fever_temperature
    contacts: list[Contact] = []
    requests: list[Request] = []
    for household in roster.households:
        day, end = household.start, min(household.end_date(roster.settings) - _ONE_DAY, today)
        caller = household.carer
        pool = handlers.get(community_of.get(household.compound, ""), [])
        while day <= end and (caller is not None or pool):
            chance = rates.contacted_today if day == today else 1 - rates.missed
            if rng.random() < chance:
                by = caller if caller is not None else rng.choice(pool)
                fever = rng.random() < rates.fever
                reading = round(
                    rng.uniform(line + 0.1, 39.2) if fever else rng.uniform(36.0, line - 0.2), 1
                )
                need = None
                if rng.random() < rates.need:
                    need = rng.choice(rng.choice((_SUPPLIES, _MEDICINE, _OUTINGS)))
                how = rng.choices(_METHODS, (7, 2, 1))[0]
                contacts.append(Contact(household.id, day, by, how, reading, need))
                if need is not None and pool:
                    request = _request(rng, len(requests) + 1, household, day, need)
                    if request.asked <= now:
                        done = request.asked + dt.timedelta(minutes=rng.randint(40, 8 * 60))
                        open_ = rng.random() < rates.left_open or done > now
                        requests.append(
                            dataclasses.replace(
                                request, handler=rng.choice(pool), done=None if open_ else done
                            )
                        )
            day += _ONE_DAY
    return contacts, requests


def demo_story(roster: Roster, now: dt.datetime) -> tuple[list[Contact], list[Request]]:
    """The demo's morning: most households called, exactly one fever today, two open requests.

    Of the two open requests, one was asked 26 hours ago, so it is overdue under the default
    24 hours; the other was asked an hour ago.
    """
    contacts, made = care_rows(roster, now, rates=CareRates(fever=0.0, left_open=0.0))
    requests = [r for r in made if r.asked < now - dt.timedelta(hours=2)]
    today = now.date()
    line = roster.settings.fever_temperature
    feverish = next((i for i, c in enumerate(contacts) if c.date == today), None)
    if feverish is not None:
        contacts[feverish] = dataclasses.replace(
            contacts[feverish], temperature=round(line + 1.2, 1)
        )
    active = [h for h in roster.households if h.carer and h.active_on(today, roster.settings)]
    handlers = _handlers(roster)
    community_of = {c.id: c.community for c in roster.compounds}
    stories = (
        (RequestKind.SUPPLIES, now - dt.timedelta(hours=26), "大米10斤、降压药"),
        (RequestKind.MEDICAL_OUTING, now - dt.timedelta(hours=1), "就医：产检报备"),
    )
    for number, (household, (kind, asked, need)) in enumerate(
        zip(active, stories, strict=False), start=len(made) + 1
    ):
        pool = handlers.get(community_of[household.compound]) or [household.carer or ""]
        asked = asked.replace(second=0, microsecond=0)
        requests.append(Request(f"q{number:05d}", household.id, kind, asked, need, handler=pool[0]))
    return contacts, requests
