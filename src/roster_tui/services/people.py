"""People, as the People screen and every person picker need them.

Pure functions over a :class:`Roster`: finding a person the way a secretary types (``zw`` for
张伟, ``zhangw``, the last digits of a phone), entering leave, and one person's week. Households
and their carers are in :mod:`roster_tui.services.households`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from enum import StrEnum
from functools import lru_cache

from roster_tui.domain.gaps import Gap
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Duty, Household, Leave, Person, Roster
from roster_tui.domain.week import Week
from roster_tui.engine.check import check
from roster_tui.engine.expand import expand_instances
from roster_tui.services.overview import frozen_moment

# A character has a handful of readings at most; more than this is not worth trying.
_MAX_READINGS = 8
_LEAVE_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$")


# -- search ---------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class Readings:
    """How a name may be typed in pinyin, lower case, ``ü`` also as ``u``.

    ``initials``/``full`` hold the usual reading (``zw``, ``zhangwei``). ``other_initials``/
    ``other_full`` hold the other readings of the first character: a surname's reading is often
    not the common one (曾 zeng, 单 shan), but other characters' rare readings would only add
    noise, so they are left out.
    """

    initials: frozenset[str]
    full: frozenset[str]
    other_initials: frozenset[str]
    other_full: frozenset[str]


@lru_cache(maxsize=8192)
def name_readings(name: str) -> Readings:
    # Imported on first use (a search, in a worker): its dictionaries take ~0.3 s to load,
    # which the app's start-up does not need to pay.
    from pypinyin import Style, pinyin

    chars = "".join(c for c in name if not c.isspace())
    if not chars:
        return Readings(frozenset(), frozenset(), frozenset(), frozenset())
    first_letters = [r[0] for r in pinyin(chars, style=Style.FIRST_LETTER)]
    syllables = [r[0] for r in pinyin(chars, style=Style.NORMAL)]
    initials = _spellings(["".join(first_letters)])
    full = _spellings(["".join(syllables)])
    surname = pinyin(chars[0], style=Style.NORMAL, heteronym=True)[0]
    rest_full, rest_initials = "".join(syllables[1:]), "".join(first_letters[1:])
    other_full = _spellings(s + rest_full for s in surname[:_MAX_READINGS]) - full
    other_initials = _spellings(s[:1] + rest_initials for s in surname[:_MAX_READINGS]) - initials
    return Readings(initials, full, other_initials, other_full)


def _spellings(readings: Iterable[str]) -> frozenset[str]:
    lowered = {reading.lower() for reading in readings}
    # pypinyin spells ü as v (lv); many people type u (lu).
    return frozenset(lowered | {reading.replace("v", "u") for reading in lowered})


@dataclasses.dataclass(frozen=True, slots=True)
class _Entry:
    person: Person
    name: str
    readings: Readings
    digits: str


_index: tuple[list[Person], list[_Entry]] | None = None


def _entries(roster: Roster) -> list[_Entry]:
    """The search index of ``roster.people``, rebuilt only when that list is replaced."""
    global _index
    cached = _index
    if cached is not None and cached[0] is roster.people:
        return cached[1]
    entries = []
    for person in roster.people:
        digits = "".join(c for c in person.phone if c.isdigit())
        entries.append(_Entry(person, person.name.lower(), name_readings(person.name), digits))
    _index = (roster.people, entries)
    return entries


def name_rank(name: str, readings: Readings, query: str, compact: str) -> int | None:
    """How well a lower-cased name matches what was typed (``query``, and ``compact`` without
    blanks): 0 the name itself … 6 another reading of its first character; None: no match.
    People and places are found by the same rule."""
    if name == query:
        return 0
    if name.startswith(query):
        return 1
    if query in name:
        return 2
    # Letters, and digits as written in a name (``nkl12`` for 农科路12号院); digits alone are a
    # phone tail, not a reading.
    if compact.isascii() and compact.isalnum() and not compact.isdigit():
        if compact in readings.initials:
            return 3
        if _starts(readings.initials, compact):
            return 4
        if _starts(readings.full, compact):
            return 5
        if _starts(readings.other_initials, compact) or _starts(readings.other_full, compact):
            return 6
    return None


def _rank(entry: _Entry, query: str, compact: str) -> int | None:
    """How well one person matches: lower is better, ``None`` is no match."""
    by_name = name_rank(entry.name, entry.readings, query, compact)
    if by_name is not None:
        return by_name
    if compact.isdigit() and entry.digits.endswith(compact):
        return 7
    if entry.person.id.lower() == query:
        return 8
    return None


def _starts(readings: frozenset[str], prefix: str) -> bool:
    return any(reading.startswith(prefix) for reading in readings)


def search_people(roster: Roster, query: str) -> list[Person]:
    """People matching ``query``: best matches first, then in roster order.

    Matches a name (exact, start, anywhere), pinyin initials (``zw`` → 张伟), a full pinyin
    prefix (``zhangw``), the tail of a phone number (``0001``) or an exact id.
    """
    query = query.strip().lower()
    entries = _entries(roster)
    if not query:
        return [entry.person for entry in entries]
    compact = "".join(query.split())
    ranked = []
    for position, entry in enumerate(entries):
        rank = _rank(entry, query, compact)
        if rank is not None:
            ranked.append((rank, position, entry.person))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return [person for _, _, person in ranked]


def person_matches(roster: Roster, query: str) -> set[str]:
    """The ids of the people ``query`` finds, for filtering lists that hold people already."""
    return {person.id for person in search_people(roster, query)}


def next_id(existing: Iterable[str], prefix: str, width: int) -> str:
    """The next free id like ``p0042``: one past the highest ``prefix``+number in use."""
    highest = 0
    for ident in existing:
        tail = ident[len(prefix) :]
        if ident.startswith(prefix) and tail.isdigit():
            highest = max(highest, int(tail))
    return f"{prefix}{highest + 1:0{width}d}"


# -- leave ----------------------------------------------------------------------------------


class LeaveProblem(StrEnum):
    """Why a leave entry was refused; the TUI words each one in the user's language."""

    FROM_FORMAT = "from_format"
    TO_FORMAT = "to_format"
    ORDER = "order"


class LeaveInputError(ValueError):
    def __init__(self, problem: LeaveProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def parse_local_minute(text: str) -> dt.datetime:
    """``"2026-12-02 08:00"`` → a naive local datetime. Raises ``ValueError``."""
    match = _LEAVE_TIME.match(text.strip())
    if not match:
        raise ValueError(text)
    year, month, day, hour, minute = (int(part) for part in match.groups())
    return dt.datetime(year, month, day, hour, minute)


def make_leave(person: str, start: str, end: str, reason: str = "") -> Leave:
    """A leave from the form's text, or :class:`LeaveInputError` naming what is wrong."""
    try:
        first = parse_local_minute(start)
    except ValueError:
        raise LeaveInputError(LeaveProblem.FROM_FORMAT) from None
    try:
        last = parse_local_minute(end)
    except ValueError:
        raise LeaveInputError(LeaveProblem.TO_FORMAT) from None
    if last <= first:
        raise LeaveInputError(LeaveProblem.ORDER)
    return Leave(person, first, last, reason.strip() or None)


def leaves_of(roster: Roster, person: str) -> list[Leave]:
    """A person's leaves, earliest first."""
    return sorted((lv for lv in roster.leaves if lv.person == person), key=lambda lv: lv.start)


# -- one person's week ----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class PersonWeek:
    person: Person
    week: Week
    shifts: list[ShiftInstance]  # assigned, by start; those not counted are named by ``gaps``
    hours: float  # counted hours
    gaps: list[Gap]  # the gaps naming this person
    households: list[Household]  # cared for, not yet released
    duties: list[Duty]
    leaves: list[Leave]


def person_roster(roster: Roster, person: str) -> Roster:
    """The part of ``roster`` that decides one person's shifts and gaps.

    Only the posts they could stand on (their rotations' posts and those where an override adds
    them), the people sharing those posts, and the households they care for: every gap naming
    this person comes out the same, at a fraction of the cost of a whole sub-district. The
    care loop's rows come along where they can name the person: contacts of their households
    or made by them, and requests they handle.
    """
    posts = {r.post for r in roster.rotations if person in r.members}
    posts |= {o.post for o in roster.overrides if person in o.add}
    rotations = [r for r in roster.rotations if r.post in posts]
    overrides = [o for o in roster.overrides if o.post in posts]
    who = {person}
    who.update(member for r in rotations for member in r.members)
    who.update(added for o in overrides for added in o.add)
    requests = [q for q in roster.requests if q.handler == person]
    households = {h.id for h in roster.households if h.carer == person}
    households |= {c.household for c in roster.contacts if c.by == person}
    households |= {q.household for q in requests}
    return dataclasses.replace(
        roster,
        posts=[p for p in roster.posts if p.id in posts],
        rotations=rotations,
        overrides=overrides,
        people=[p for p in roster.people if p.id in who],
        leaves=[lv for lv in roster.leaves if lv.person in who],
        households=[h for h in roster.households if h.id in households],
        duties=[],
        contacts=[c for c in roster.contacts if c.household in households],
        requests=requests,
    )


def person_week(roster: Roster, person: Person, week: Week, today: dt.date) -> PersonWeek:
    """One person's ``week``: shifts, counted hours, gaps, care and duties."""
    monday, sunday = week.monday, week.sunday
    own = person_roster(roster, person.id)
    shifts = [i for i in expand_instances(own, monday, sunday) if person.id in i.assigned]
    shifts.sort(key=lambda i: i.start)
    now = frozen_moment(today, roster.subdistrict.timezone)
    gaps = [g for g in check(own, monday, sunday, now=now) if g.person == person.id]
    households = [
        h for h in roster.households if h.carer == person.id and h.end_date(roster.settings) > today
    ]
    households.sort(key=lambda h: h.end_date(roster.settings))
    return PersonWeek(
        person=person,
        week=week,
        shifts=shifts,
        hours=sum(i.hours for i in shifts if person.id in i.counted),
        gaps=gaps,
        households=households,
        duties=[d for d in roster.duties if d.person == person.id],
        leaves=leaves_of(roster, person.id),
    )
