"""Deterministic benchmark sub-districts: ``small``, ``medium`` and ``large``.

The large one has 15 communities, 300 compounds with one checkpoint each (three 8-hour shifts
needing 2), 2,000 people, rotations over 4 weeks from a given Monday, 500 overrides, 300 leaves
and 5,000 home-quarantined households, with duties and Party groups. It looks like a working
district: every post has its own team of six (each on the same shift every day, 56 hours a week,
16 hours' rest), swaps and extra hands go to reserves who are free at the time, and only a few
percent of the shift instances end in a gap (mostly leaves nobody covered).

    python bench/generate.py --size large --seed 1 --start 2026-11-30 -o large.toml
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from generate_names import (
    GATES,
    NOTES,
    REASONS,
    STAFF,
    SURNAMES,
    Crowd,
    make_address,
    make_party_groups,
    make_places,
)

from roster_tui.domain.availability import WeeklyAvailability
from roster_tui.domain.model import (
    Compound,
    Duty,
    Household,
    Leave,
    Override,
    PartyGroup,
    Post,
    Role,
    Roster,
    Rotation,
    Settings,
    ShiftPattern,
    Subdistrict,
)
from roster_tui.services.care_story import care_rows


@dataclass(frozen=True, slots=True)
class Size:
    communities: int
    compounds: int  # one checkpoint post each
    people: int
    households: int
    overrides: int
    leaves: int
    weeks: int = 4


SIZES = {
    "small": Size(communities=3, compounds=20, people=150, households=300, overrides=30, leaves=20),
    "medium": Size(
        communities=6, compounds=100, people=700, households=1700, overrides=170, leaves=100
    ),
    "large": Size(
        communities=15, compounds=300, people=2000, households=5000, overrides=500, leaves=300
    ),
}
DEFAULT_START = dt.date(2026, 11, 30)
SHIFTS = (
    ShiftPattern("早班", 8 * 60, 16 * 60, 2),
    ShiftPattern("中班", 16 * 60, 24 * 60, 2),
    ShiftPattern("夜班", 0, 8 * 60, 2),
)
# One post in five wants a Party member on the day shift.
PARTY_SHIFTS = (ShiftPattern("早班", 8 * 60, 16 * 60, 2, Role.PARTY_MEMBER), *SHIFTS[1:])
DAY_ORDER = {0: 1, 1: 2, 2: 0}  # shift index -> its place in the day, by start time
CARER_CAP = 6  # households at once the generator gives a carer (the rule's default is 8)
REST_HOURS = 8
WEEK_HOURS = 56


class _Schedule:
    """The rotations, and the bookings of everyone the generator adds on top of them.

    Hours count from the start Monday 00:00 in local wall-clock time; instance (d, s) is shift s
    of a post on day d. Team places 0-1 take the day's first shift by start time (夜班), places
    2-3 the second (早班), places 4-5 the third (中班), every day.
    """

    def __init__(self, rng: random.Random, crowd: Crowd, compounds: list[Compound],
                 start: dt.date, weeks: int) -> None:  # fmt: skip
        self.rng, self.crowd, self.compounds, self.start = rng, crowd, compounds, start
        self.days = weeks * 7
        self.posts = [
            Post(f"x{i + 1:03d}", f"{c.name}{rng.choice(GATES)}", c.id,
                 PARTY_SHIFTS if rng.random() < 0.2 else SHIFTS)
            for i, c in enumerate(compounds)
        ]  # fmt: skip
        self.neighbours: dict[str, list[int]] = defaultdict(list)
        for index, compound in enumerate(compounds):
            self.neighbours[compound.community].append(index)
        self.teams = [crowd.team(c) for c in compounds]
        self.rotations = [
            Rotation(f"r{i + 1:03d}", p.id, team, start, start + dt.timedelta(days=self.days - 1))
            for i, (p, team) in enumerate(zip(self.posts, self.teams, strict=True))
        ]
        self.windows: dict[str, WeeklyAvailability] = {}
        self.booked: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.week_hours: dict[tuple[str, int], int] = defaultdict(int)
        self.away: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.touched: set[tuple[int, int, int]] = set()
        self.overrides: list[Override] = []

    def picks(self, post: int, day: int, shift: int) -> tuple[str, str]:
        place = 2 * DAY_ORDER[shift]
        team = self.teams[post]
        return team[place], team[place + 1]

    @staticmethod
    def hours(day: int, shift: int) -> tuple[int, int]:
        begin = day * 24 + SHIFTS[shift].start // 60
        return begin, begin + 8

    def _free(self, pid: str, begin: int, end: int) -> bool:
        person = self.crowd.people[int(pid[1:]) - 1]
        limit = person.max_hours_per_week or WEEK_HOURS
        if self.week_hours[pid, begin // 168] + (end - begin) > limit:
            return False
        if any(a < end and begin < b for a, b in self.away[pid]):
            return False
        if any(not (b + REST_HOURS <= begin or end + REST_HOURS <= a) for a, b in self.booked[pid]):
            return False
        if person.available is None:
            return True
        if pid not in self.windows:
            self.windows[pid] = WeeklyAvailability.parse(person.available)
        moment = dt.datetime.combine(self.start, dt.time()) + dt.timedelta(hours=begin)
        return self.windows[pid].holds(moment, moment + dt.timedelta(hours=end - begin))

    def reserve_for(self, community: str, day: int, shift: int) -> str | None:
        """A free reserve, from the post's own community when one is free, and book them."""
        begin, end = self.hours(day, shift)
        own = self.crowd.reserves[community]
        others = [p for c, ps in sorted(self.crowd.reserves.items()) if c != community for p in ps]
        for pid in self.rng.sample(own, len(own)) + self.rng.sample(others, min(40, len(others))):
            if self._free(pid, begin, end):
                self.booked[pid].append((begin, end))
                self.week_hours[pid, begin // 168] += end - begin
                return pid
        return None

    def override(self, post: int, day: int, shift: int, kind: str, person: str) -> bool:
        """``swap`` (person out, a reserve in), ``extra`` hand, ``remove`` without cover, or
        ``borrow`` a neighbouring post's member on top of their own shifts (a rule break)."""
        key = (post, day, shift)
        if key in self.touched:
            return False
        add: tuple[str, ...] = ()
        if kind == "borrow":
            lender = self.rng.choice(self.neighbours[self.compounds[post].community])
            if lender == post:
                return False
            add = (self.rng.choice(self.teams[lender]),)
        elif kind != "remove":
            reserve = self.reserve_for(self.compounds[post].community, day, shift)
            if reserve is None:
                return False
            add = (reserve,)
        remove = (person,) if kind in ("swap", "remove") else ()
        date = self.start + dt.timedelta(days=day)
        self.overrides.append(Override(self.posts[post].id, date, SHIFTS[shift].name, remove, add))
        self.touched.add(key)
        return True

    def leaves(self, count: int, cover_budget: int) -> list[Leave]:
        """Absences: a sixth of them of reserves, the rest of rostered people, a little over half
        of whom get a reserve in their place on each of their shifts."""
        leaves: list[Leave] = []
        on_leave: set[str] = set()
        base = dt.datetime.combine(self.start, dt.time())
        off_rota = [p for _, ps in sorted(self.crowd.reserves.items()) for p in ps]
        carers = {p for ps in self.crowd.carers.values() for p in ps}
        while len(leaves) < count:
            days = self.rng.choice((1, 1, 2, 2, 3))
            first = self.rng.randrange(self.days)
            if len(leaves) < count // 6:
                pid, post, shift = self.rng.choice(off_rota), -1, -1
            else:
                post, shift = self.rng.randrange(len(self.posts)), self.rng.randrange(3)
                pid = self.rng.choice(self.picks(post, first, shift))
            if pid in on_leave or pid in carers:  # carers stay, or households go uncared
                continue
            on_leave.add(pid)
            self.away[pid].append((first * 24, (first + days) * 24))
            begin, end = base + dt.timedelta(days=first), base + dt.timedelta(days=first + days)
            leaves.append(Leave(pid, begin, end, self.rng.choice(REASONS)))
            if post >= 0 and self.rng.random() < 0.55:
                last = min(first + days, self.days, first + cover_budget - len(self.overrides))
                for day in range(first, last):
                    self.override(post, day, shift, "swap", pid)
        return leaves

    def more_overrides(self, count: int) -> None:
        target = len(self.overrides) + count
        while len(self.overrides) < target:
            post, day = self.rng.randrange(len(self.posts)), self.rng.randrange(self.days)
            shift = self.rng.randrange(3)
            kind = self.rng.choices(("swap", "extra", "remove", "borrow"), (58, 30, 10, 2))[0]
            self.override(post, day, shift, kind, self.rng.choice(self.picks(post, day, shift)))


def _duties(rng: random.Random, roster: Roster, crowd: Crowd) -> list[Duty]:
    """A 包街干部 for every street, a 包保责任人 for every compound; a few left unassigned."""
    streets = [s.id for s in roster.streets]
    compounds = [c.id for c in roster.compounds]
    no_street = set(rng.sample(streets, max(1, len(streets) // 50)))
    no_keeper = set(rng.sample(compounds, max(1, len(compounds) // 100)))
    duties = [
        Duty(rng.choice(crowd.staff[s.community]), street=s.id, role="包街干部")
        for s in roster.streets
        if s.id not in no_street
    ]
    for c in roster.compounds:
        if c.id not in no_keeper:
            keeper = rng.choice(crowd.staff[c.community] + crowd.captains[c.community])
            duties.append(Duty(keeper, compound=c.id, role="包保责任人"))
    return duties


def _households(rng: random.Random, count: int, roster: Roster, crowd: Crowd,
                start: dt.date, days: int) -> list[Household]:  # fmt: skip
    """Quarantines starting from 13 days before ``start`` to the last day.

    Carers come from the compound's community (staff, building captains, Party members), with
    at most CARER_CAP households at once, except one carer given nine at once on purpose; one
    household in two hundred has no carer yet.
    """
    compounds = roster.compounds
    weights = list(itertools.accumulate(c.households or 1 for c in compounds))
    pools = crowd.carers
    turn = {c: itertools.cycle(range(len(pool))) for c, pool in pools.items()}
    load: dict[tuple[str, int], int] = defaultdict(int)
    overloaded = pools[compounds[0].community][0]
    uncared = set(rng.sample(range(count), max(1, count // 200)))
    rows = []
    for n in range(count):
        clustered = n >= count - 9  # the last nine: one carer, one compound, one start
        compound = compounds[0] if clustered else rng.choices(compounds, cum_weights=weights)[0]
        offset = 0 if clustered else rng.randint(-13, days - 1)
        length = 14 if clustered else rng.choices((14, 7, 21), (8, 1, 1))[0]
        carer: str | None = overloaded if clustered else None
        pool = pools[compound.community]
        for _ in range(len(pool) if not clustered and n not in uncared else 0):
            candidate = pool[next(turn[compound.community])]
            if candidate != overloaded and all(
                load[candidate, d] < CARER_CAP for d in range(offset, offset + length)
            ):
                carer = candidate
                break
        for d in range(offset, offset + length):
            load[carer or "", d] += 1
        rows.append(
            Household(
                id=f"h{n + 1:05d}",
                compound=compound.id,
                address=make_address(rng),
                head=rng.choice(SURNAMES) + "某",
                phone=f"139{n + 1:08d}",
                people=rng.randint(1, 5),
                start=start + dt.timedelta(days=offset),
                days=None if length == 14 else length,
                carer=carer,
                notes=rng.choice(NOTES) if rng.random() < 0.25 else None,
            )
        )
    return rows


def generate(size: str, seed: int = 1, start: dt.date = DEFAULT_START) -> Roster:
    """A whole sub-district of the named size; the same arguments give the same roster."""
    if start.weekday() != 0:
        raise ValueError(f"{start} is not a Monday")
    spec = SIZES[size]
    rng = random.Random(seed)
    communities, streets, compounds = make_places(rng, spec.communities, spec.compounds)
    groups = make_party_groups(rng, compounds)
    crowd = Crowd(rng, groups)
    schedule = _Schedule(rng, crowd, compounds, start, spec.weeks)
    staff = 2 * STAFF * spec.communities
    crowd.staff_and_reserves(communities, spec.people - len(crowd.people) - staff)
    leaves = schedule.leaves(spec.leaves, spec.overrides)
    schedule.more_overrides(spec.overrides - len(schedule.overrides))
    roster = Roster(
        subdistrict=Subdistrict("文化路街道", "Asia/Shanghai"),
        settings=Settings(),
        communities=communities,
        streets=streets,
        compounds=compounds,
        party_groups=[
            PartyGroup(g.id, g.name, g.community, g.compounds, crowd.leaders.get(g.id))
            for g in groups
        ],
        people=crowd.people,
        posts=schedule.posts,
        rotations=schedule.rotations,
        overrides=schedule.overrides,
        leaves=leaves,
    )
    roster.duties = _duties(rng, roster, crowd)
    roster.households = _households(rng, spec.households, roster, crowd, start, schedule.days)
    roster.contacts, roster.requests = care_rows(roster, care_now(start, spec.weeks), seed)
    return roster


def care_now(start: dt.date, weeks: int = 4) -> dt.datetime:
    """The moment the care loop is told up to: the evening of the generated span's last day.

    Check the span with ``--now`` at this moment (local time) to see its care gaps as made.
    """
    return dt.datetime.combine(start + dt.timedelta(weeks=weeks, days=-1), dt.time(20, 0))


def generate_large(seed: int = 1, start: dt.date = DEFAULT_START) -> Roster:
    """The large sub-district the performance targets are measured on."""
    return generate("large", seed, start)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a generated sub-district as TOML.")
    parser.add_argument("--size", choices=sorted(SIZES), default="large")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=dt.date.fromisoformat, default=DEFAULT_START)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    from roster_tui.interchange import dumps_roster

    roster = generate(args.size, args.seed, args.start)
    args.output.write_text(dumps_roster(roster), encoding="utf-8")


if __name__ == "__main__":
    main()
