"""The closed-form rotation expansion agrees with docs/format.md's rotation rule read literally.

The reference below walks every instance a rotation covers from its own start, sorted by start
instant (ties in the post's shift order), with a running position, exactly as the rule is
written; the engine must pick the same people for every instance of the checked range,
including across DST changes that skip or repeat the start times.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pendulum
from builders import post, roster, rotation
from hypothesis import given
from hypothesis import strategies as st

from roster_tui.domain.clock import format_hhmm
from roster_tui.domain.model import Roster, ShiftPattern
from roster_tui.engine.expand import Expander, InstanceKey, dates

ZONE = "Europe/Berlin"
SPRING = dt.date(2026, 3, 29)  # 02:00-03:00 does not exist
AUTUMN = dt.date(2026, 10, 25)  # 02:00-03:00 happens twice


def reference_picks(r: Roster, first: dt.date, last: dt.date) -> dict[InstanceKey, tuple]:
    zone = pendulum.timezone(r.subdistrict.timezone)
    posts = {p.id: p for p in r.posts}
    picks: dict[InstanceKey, list[str]] = defaultdict(list)
    for rot in sorted(r.rotations, key=lambda x: x.id):
        post_ = posts[rot.post]
        covered = [
            (i, s) for i, s in enumerate(post_.shifts) if rot.shifts is None or s.name in rot.shifts
        ]
        walk = []
        end = min(rot.end, last) if rot.end else last
        for day in dates(rot.start, end):
            for i, s in covered:
                start = pendulum.datetime(
                    day.year, day.month, day.day, s.start // 60, s.start % 60, tz=zone
                )
                walk.append((start.timestamp(), i, day, s))
        walk.sort(key=lambda item: item[:2])
        position = 0
        for _, _, day, s in walk:
            take = rot.per_slot or s.need
            chosen = picks[(post_.id, day, s.name)]
            for j in range(take):
                member = rot.members[(position + j) % len(rot.members)]
                if member not in chosen:
                    chosen.append(member)
            position += take
    return {key: tuple(found) for key, found in picks.items() if first <= key[1] <= last}


starts = st.sampled_from([0, 90, 150, 165, 180, 480, 1200, 1410])
shift_patterns = st.lists(
    st.tuples(starts, st.integers(1, 3)), min_size=1, max_size=4, unique_by=lambda t: t[0]
).map(
    lambda items: [
        ShiftPattern(f"班{i}", start, (start + 480) % 1440, need)
        for i, (start, need) in enumerate(items)
    ]
)


@given(
    shifts=shift_patterns,
    rotations=st.lists(
        st.tuples(
            st.lists(st.sampled_from("abcdefg"), min_size=1, max_size=6),
            st.integers(-40, 3),
            st.none() | st.integers(1, 3),
            st.none() | st.integers(0, 6),
            st.booleans(),
        ),
        min_size=1,
        max_size=3,
    ),
    around=st.sampled_from([SPRING, AUTUMN, dt.date(2026, 7, 1)]),
)
def test_engine_picks_equal_the_literal_running_position(
    shifts: list[ShiftPattern], rotations: list[tuple], around: dt.date
) -> None:
    first, last = around - dt.timedelta(days=2), around + dt.timedelta(days=2)
    rots = []
    for n, (members, offset, per_slot, length, some_shifts) in enumerate(rotations):
        start = around + dt.timedelta(days=offset)
        end = start + dt.timedelta(days=length) if length is not None else None
        names = [s.name for s in shifts[::2]] if some_shifts else None
        rots.append(
            rotation(
                f"r{n}", "x1", members, start.isoformat(), end and end.isoformat(), names, per_slot
            )
        )
    r = roster(posts=[post("x1", *shifts)], rotations=rots, timezone=ZONE)
    expected = reference_picks(r, first, last)
    expander = Expander(r)
    for day in dates(first, last):
        for s in shifts:
            assert expander.picks("x1", day, s.name) == expected.get(("x1", day, s.name), ()), (
                day,
                s.name,
                format_hhmm(s.start),
            )
