"""Small rosters for engine tests, written the way the interchange file reads.

``roster()`` gives a sub-district with one community, one street and one managed compound whose
duty holders are in place, so a test sees only the gaps it sets up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from roster_tui.domain.clock import parse_hhmm
from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import (
    Community,
    Compound,
    CompoundKind,
    Contact,
    ContactMethod,
    Duty,
    Household,
    Leave,
    Override,
    Person,
    Post,
    Request,
    RequestKind,
    Role,
    Roster,
    Rotation,
    Settings,
    ShiftPattern,
    Street,
    Subdistrict,
)

DUTY_HOLDER = "p-duty"


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def shift(name: str, start: str, end: str, need: int = 1, role: Role | None = None) -> ShiftPattern:
    return ShiftPattern(name, parse_hhmm(start, allow_24=False), parse_hhmm(end), need, role)


def post(id_: str, *shifts: ShiftPattern, compound: str = "k1", name: str | None = None) -> Post:
    return Post(id_, name or f"卡点{id_}", compound, shifts)


def person(
    id_: str,
    *roles: Role,
    name: str | None = None,
    available: Iterable[str] | None = None,
    active: bool = True,
    max_hours: float | None = None,
) -> Person:
    return Person(
        id_,
        name or f"人{id_}",
        "13800000000",
        "c1",
        roles=roles,
        max_hours_per_week=max_hours,
        available=None if available is None else tuple(available),
        active=active,
    )


def rotation(
    id_: str,
    post_id: str,
    members: Iterable[str],
    start: str,
    end: str | None = None,
    shifts: Iterable[str] | None = None,
    per_slot: int | None = None,
) -> Rotation:
    return Rotation(
        id_,
        post_id,
        tuple(members),
        day(start),
        day(end) if end else None,
        tuple(shifts) if shifts is not None else None,
        per_slot,
    )


def override(
    post_id: str, date: str, shift_name: str, add: Iterable[str] = (), remove: Iterable[str] = ()
) -> Override:
    return Override(post_id, day(date), shift_name, remove=tuple(remove), add=tuple(add))


def leave(person_id: str, start: str, end: str) -> Leave:
    return Leave(person_id, dt.datetime.fromisoformat(start), dt.datetime.fromisoformat(end))


def household(
    id_: str, start: str, carer: str | None = None, days: int | None = None, compound: str = "k1"
) -> Household:
    return Household(
        id_, compound, f"{id_}号", "李某", "13900000000", 2, day(start), days=days, carer=carer
    )


def contact(
    household_id: str,
    date: str,
    by: str = DUTY_HOLDER,
    how: ContactMethod = ContactMethod.PHONE,
    temperature: float | None = None,
) -> Contact:
    return Contact(household_id, day(date), by, how, temperature=temperature)


def request(
    id_: str,
    household_id: str,
    asked: str,
    handler: str | None = None,
    done: str | None = None,
    kind: RequestKind = RequestKind.SUPPLIES,
) -> Request:
    return Request(
        id_,
        household_id,
        kind,
        dt.datetime.fromisoformat(asked),
        "大米10斤",
        handler=handler,
        done=dt.datetime.fromisoformat(done) if done else None,
    )


def roster(
    *,
    people: Iterable[Person] = (),
    posts: Iterable[Post] = (),
    rotations: Iterable[Rotation] = (),
    overrides: Iterable[Override] = (),
    leaves: Iterable[Leave] = (),
    households: Iterable[Household] = (),
    contacts: Iterable[Contact] = (),
    requests: Iterable[Request] = (),
    settings: Settings | None = None,
    timezone: str = "Asia/Shanghai",
) -> Roster:
    return Roster(
        subdistrict=Subdistrict("文化路街道", timezone),
        settings=settings or Settings(),
        communities=[Community("c1", "东风社区")],
        streets=[Street("s1", "文化路", "c1")],
        compounds=[Compound("k1", "农科路12号院", "c1", CompoundKind.MANAGED, street="s1")],
        people=[person(DUTY_HOLDER, Role.CADRE, name="王主任"), *people],
        posts=list(posts),
        rotations=list(rotations),
        overrides=list(overrides),
        leaves=list(leaves),
        duties=[Duty(DUTY_HOLDER, street="s1"), Duty(DUTY_HOLDER, compound="k1")],
        households=list(households),
        contacts=list(contacts),
        requests=list(requests),
    )


def of_kind(gaps: Iterable[Gap], kind: GapKind) -> list[Gap]:
    return [gap for gap in gaps if gap.kind == kind]
