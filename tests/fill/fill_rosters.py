"""Small sub-districts for the fill tests, and a Hypothesis strategy for random ones.

``district()`` has two communities (东风 c1, 红旗 c2), one compound each with a checkpoint, a
Party group over the first compound and duty holders in place, so a test sees only what it
sets up. Times are as people write them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from hypothesis import strategies as st

from roster_tui.domain.clock import parse_hhmm
from roster_tui.domain.model import (
    Community,
    Compound,
    CompoundKind,
    Duty,
    Household,
    Leave,
    Override,
    PartyGroup,
    Person,
    Post,
    Role,
    Roster,
    Rotation,
    Settings,
    ShiftPattern,
    Street,
    Subdistrict,
)
from roster_tui.domain.week import Week

MONDAY = dt.date(2026, 11, 30)  # ISO week 2026-W49
SUNDAY = MONDAY + dt.timedelta(days=6)
WEEK = Week(MONDAY)
KEEPER = "keeper"  # holds every street and compound duty, never available for shifts


def shift(name: str, start: str, end: str, need: int = 1, role: Role | None = None) -> ShiftPattern:
    return ShiftPattern(name, parse_hhmm(start, allow_24=False), parse_hhmm(end), need, role)


def person(
    id_: str,
    *roles: Role,
    community: str = "c1",
    group: str | None = None,
    available: Iterable[str] | None = None,
    active: bool = True,
    max_hours: float | None = None,
) -> Person:
    return Person(
        id_,
        f"人{id_}",
        "13800000000",
        community,
        roles=roles,
        party_group=group,
        max_hours_per_week=max_hours,
        available=None if available is None else tuple(available),
        active=active,
    )


def leave(person_id: str, start: str, end: str) -> Leave:
    return Leave(person_id, dt.datetime.fromisoformat(start), dt.datetime.fromisoformat(end))


def district(
    *,
    people: Iterable[Person] = (),
    shifts: Iterable[ShiftPattern] = (),
    rotations: Iterable[Rotation] = (),
    overrides: Iterable[Override] = (),
    leaves: Iterable[Leave] = (),
    households: Iterable[Household] = (),
    settings: Settings | None = None,
) -> Roster:
    """Post ``x1`` at compound k1 (community c1) has ``shifts``; nothing else needs staff."""
    return Roster(
        subdistrict=Subdistrict("文化路街道", "Asia/Shanghai"),
        settings=settings or Settings(),
        communities=[Community("c1", "东风社区"), Community("c2", "红旗社区")],
        streets=[Street("s1", "文化路", "c1"), Street("s2", "红旗路", "c2")],
        compounds=[
            Compound("k1", "农科路12号院", "c1", CompoundKind.UNMANAGED, street="s1"),
            Compound("k2", "红旗小区", "c2", CompoundKind.MANAGED, street="s2"),
        ],
        party_groups=[PartyGroup("g1", "农科路党小组", "c1", compounds=("k1",))],
        people=[person(KEEPER, Role.CADRE, available=()), *people],  # never on a shift
        posts=[Post("x1", "农科路12号院东门", "k1", tuple(shifts))] if shifts else [],
        rotations=list(rotations),
        overrides=list(overrides),
        leaves=list(leaves),
        duties=[
            Duty(KEEPER, street="s1"),
            Duty(KEEPER, street="s2"),
            Duty(KEEPER, compound="k1"),
            Duty(KEEPER, compound="k2"),
        ],
        households=list(households),
    )


def applied(roster: Roster, changes: Iterable[object]) -> Roster:
    """``roster`` with the changes laid over a copy of its lists."""
    copy = roster.with_own_lists()
    for change in changes:
        copy.apply(change)  # type: ignore[arg-type]
    return copy


# -- random sub-districts ------------------------------------------------------------------------

PEOPLE = [f"p{i}" for i in range(1, 9)]
SHIFTS = [
    shift("早", "00:00", "08:00", need=1),
    shift("白", "08:00", "20:00", need=2, role=Role.PARTY_MEMBER),
    shift("夜", "20:00", "08:00", need=1),
    shift("全", "09:00", "09:00", need=1),
    shift("晚", "16:00", "24:00", need=2),
]
DAYS = [MONDAY + dt.timedelta(days=i) for i in range(-3, 10)]
WINDOWS = ["daily 08:00-20:00", "sat,sun 00:00-24:00", "fri-mon 20:00-08:00", "mon-fri 00:00-24:00"]


@st.composite
def rosters(draw: st.DrawFn) -> Roster:
    """Up to eight people over two communities, three posts, rotations, overrides, leaves and
    households; tight limits, so that rest, overlap and weekly hours bite."""
    people = [
        person(
            pid,
            *draw(st.lists(st.sampled_from(list(Role)), max_size=2, unique=True)),
            community=draw(st.sampled_from(["c1", "c2"])),
            group=draw(st.none() | st.just("g1")),
            active=draw(st.booleans() | st.just(True)),
            available=draw(st.none() | st.lists(st.sampled_from(WINDOWS), max_size=2)),
            max_hours=draw(st.none() | st.sampled_from([16, 30, 40])),
        )
        for pid in PEOPLE[: draw(st.integers(2, len(PEOPLE)))]
    ]
    ids = [p.id for p in people]
    posts = [
        Post(
            pid,
            f"卡点{pid}",
            compound,
            tuple(draw(st.lists(st.sampled_from(SHIFTS), min_size=1, max_size=3, unique=True))),
        )
        for pid, compound in (("x1", "k1"), ("x2", "k2"), ("x3", "k1"))
    ]
    rotations = [
        Rotation(
            f"r{i}",
            draw(st.sampled_from(["x1", "x2", "x3"])),
            tuple(draw(st.lists(st.sampled_from(ids), min_size=1, max_size=4))),
            draw(st.sampled_from(DAYS)),
            per_slot=draw(st.none() | st.integers(1, 2)),
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    overrides = [
        Override(
            post.id,
            draw(st.sampled_from(DAYS)),
            draw(st.sampled_from([s.name for s in post.shifts])),
            remove=tuple(draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))),
            add=tuple(draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))),
        )
        for post in draw(st.lists(st.sampled_from(posts), max_size=5))
    ]
    leaves = [
        leave(pid, f"{d.isoformat()}T{h:02d}:00", f"{(d + dt.timedelta(days=n)).isoformat()}T00:00")
        for pid, d, h, n in draw(
            st.lists(
                st.tuples(
                    st.sampled_from(ids),
                    st.sampled_from(DAYS),
                    st.integers(0, 23),
                    st.integers(1, 3),
                ),
                max_size=4,
            )
        )
    ]
    households = [
        Household(
            f"h{i}", compound, f"{i}号楼", "李某", "13900000000", 2, start, days=days, carer=carer
        )
        for i, (compound, start, carer, days) in enumerate(
            draw(
                st.lists(
                    st.tuples(
                        st.sampled_from(["k1", "k2"]),
                        st.sampled_from(DAYS),
                        st.none() | st.sampled_from(ids),
                        st.integers(1, 10),
                    ),
                    max_size=6,
                )
            )
        )
    ]
    roster = district(
        people=people,
        rotations=rotations,
        overrides=overrides,
        leaves=leaves,
        households=households,
        settings=Settings(
            min_rest_hours=draw(st.sampled_from([0, 8, 12])),
            max_hours_per_week=draw(st.sampled_from([24, 40, 56])),
            max_households_per_carer=draw(st.integers(1, 3)),
        ),
    )
    roster.posts = posts
    if draw(st.booleans()):  # a street and a compound nobody answers for
        roster.duties = [d for d in roster.duties if d.street != "s2" and d.compound != "k2"]
    return roster
