"""Properties over random rosters: row order never matters; incremental equals a full check."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

from builders import household, leave, person, post, roster, rotation, shift
from hypothesis import given
from hypothesis import strategies as st

from roster_tui.domain.changes import Change
from roster_tui.domain.model import (
    Compound,
    CompoundKind,
    Duty,
    Override,
    PartyGroup,
    Role,
    Roster,
    Settings,
    Street,
)
from roster_tui.engine.check import check
from roster_tui.engine.incremental import GapTracker

FIRST = dt.date(2026, 12, 4)  # a Friday: the range crosses an ISO week
LAST = dt.date(2026, 12, 8)
PEOPLE = ["a", "b", "c", "d", "e"]
SHIFTS = [
    shift("早", "00:00", "08:00", need=1),
    shift("白", "08:00", "20:00", need=2, role=Role.PARTY_MEMBER),
    shift("夜", "20:00", "08:00", need=1),
    shift("全", "09:00", "09:00", need=3),
    shift("晚", "16:00", "24:00", need=2),
]
DAYS = [FIRST + dt.timedelta(days=i) for i in range(-3, 7)]
WINDOWS = ["daily 08:00-20:00", "sat,sun 00:00-24:00", "fri-mon 20:00-08:00", "mon-fri 00:00-24:00"]

some_people = st.lists(st.sampled_from(PEOPLE), max_size=3, unique=True).map(tuple)


@st.composite
def rosters(draw: st.DrawFn) -> Roster:
    people = [
        person(
            pid,
            *draw(st.lists(st.sampled_from(list(Role)), max_size=2, unique=True)),
            active=draw(st.booleans() | st.just(True)),
            available=draw(st.none() | st.lists(st.sampled_from(WINDOWS), max_size=2)),
            max_hours=draw(st.none() | st.sampled_from([16, 30])),
        )
        for pid in PEOPLE
    ]
    posts = [
        post(pid, *draw(st.lists(st.sampled_from(SHIFTS), min_size=1, max_size=3, unique=True)))
        for pid in ("x1", "x2", "x3")
    ]
    rotations = [
        rotation(
            f"r{i}",
            draw(st.sampled_from(["x1", "x2", "x3"])),
            draw(st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=4)),
            draw(st.sampled_from(DAYS)).isoformat(),
            per_slot=draw(st.none() | st.integers(1, 2)),
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    r = roster(
        people=people,
        posts=posts,
        rotations=rotations,
        overrides=draw(st.lists(overrides(posts), max_size=8)),
        leaves=[
            leave(
                pid,
                f"{d.isoformat()}T{h:02d}:00",
                f"{(d + dt.timedelta(days=1)).isoformat()}T00:00",
            )
            for pid, d, h in draw(
                st.lists(
                    st.tuples(st.sampled_from(PEOPLE), st.sampled_from(DAYS), st.integers(0, 23)),
                    max_size=3,
                )
            )
        ],
        households=[
            household(f"h{i}", d.isoformat(), carer=carer, days=days)
            for i, (d, carer, days) in enumerate(
                draw(
                    st.lists(
                        st.tuples(
                            st.sampled_from(DAYS),
                            st.none() | st.sampled_from(PEOPLE),
                            st.integers(1, 5),
                        ),
                        max_size=5,
                    )
                )
            )
        ],
        settings=Settings(
            max_households_per_carer=1, min_rest_hours=draw(st.sampled_from([0, 8, 12]))
        ),
    )
    r.streets.append(Street("s2", "桐柏路", "c1"))
    r.compounds.append(Compound("k2", "无名院", "c1", CompoundKind.UNMANAGED, street="s2"))
    r.party_groups = [
        PartyGroup(
            "g1", "党小组", "c1", compounds=tuple(draw(st.lists(st.sampled_from(["k1", "k2"]))))
        )
    ]
    r.duties.extend(
        Duty(p, street="s2") for p in draw(st.lists(st.sampled_from(PEOPLE), max_size=2))
    )
    return r


def overrides(posts: list) -> st.SearchStrategy[Override]:
    return st.sampled_from(posts).flatmap(
        lambda p: st.builds(
            Override,
            st.just(p.id),
            # Mostly two days, so that overrides often meet on one instance.
            st.sampled_from(DAYS[3:5]) | st.sampled_from(DAYS),
            st.sampled_from([s.name for s in p.shifts]),
            remove=some_people,
            add=some_people,
        )
    )


def shuffled(r: Roster, data: st.DataObject) -> Roster:
    lists = {
        f.name: data.draw(st.permutations(getattr(r, f.name)))
        for f in dataclasses.fields(r)
        if isinstance(getattr(r, f.name), list)
    }
    return dataclasses.replace(r, **lists)


@given(rosters(), st.data())
def test_gaps_never_depend_on_the_order_of_rows(r: Roster, data: st.DataObject) -> None:
    assert check(shuffled(r, data), FIRST, LAST) == check(r, FIRST, LAST)


@given(rosters(), st.data())
def test_the_tracker_equals_a_full_check_after_random_override_edits(
    r: Roster, data: st.DataObject
) -> None:
    tracker = GapTracker(r, FIRST, LAST)
    for _ in range(data.draw(st.integers(1, 6))):
        current = tracker.roster.overrides
        action = data.draw(st.sampled_from(["add", "edit", "delete", "batch"]))
        if action == "add" or not current:
            changes = [Change(None, data.draw(overrides(tracker.roster.posts)))]
        elif action == "edit":
            old = data.draw(st.sampled_from(current))
            new = dataclasses.replace(
                old, add=data.draw(some_people), remove=data.draw(some_people)
            )
            changes = [Change(old, new)]
        elif action == "delete":
            changes = [Change(data.draw(st.sampled_from(current)), None)]
        else:
            changes = [
                Change(data.draw(st.sampled_from(current)), None),
                Change(None, data.draw(overrides(tracker.roster.posts))),
            ]
        before = Counter(tracker.gaps)
        delta = tracker.apply(changes)
        after = tracker.gaps
        assert after == check(tracker.roster, FIRST, LAST)
        before.subtract(delta.removed)
        before.update(delta.added)
        assert +before == Counter(after)
        assert tracker.total == len(after)
