"""Hypothesis strategies for valid rosters: every reference resolves, every value is in range."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from roster_tui.domain.clock import format_hhmm
from roster_tui.domain.model import (
    Community,
    Compound,
    CompoundKind,
    Duty,
    EarlierShifts,
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

# Names a sub-district really holds, and names that try to break a file or a terminal.
SAMPLE_NAMES = [
    "张伟",
    "𠮷田",
    "王芳",
    "欧阳娜娜",
    "=SUM(A1:A9)",
    "\x1b[31m红\x1b[0m",
    'quote " and back\\slash',
    "tab\there",
    "two\nlines",
    "\u202eevil",
    "\x7fdel",
    "''' \"\"\" [[person]]",
]

# No NUL: PostgreSQL cannot store it, so the format refuses it (docs/reliability.md, Bounds).
any_text = st.text(
    alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
    min_size=1,
    max_size=12,
).filter(lambda text: bool(text.strip()))
names = st.one_of(st.sampled_from(SAMPLE_NAMES), any_text)
optional_text = st.none() | names
# Mobiles and landlines with area code and extension: the phone numbers an import takes.
phones = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True) | st.from_regex(
    r"0[1-9][0-9]{1,2}-[2-9][0-9]{6,7}(-[0-9]{1,4})?", fullmatch=True
)
# Within the years the format accepts, with room for a rotation's span or a leave's length.
days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))
hours = st.integers(1, 168) | st.floats(
    min_value=0, exclude_min=True, max_value=168, allow_nan=False, allow_infinity=False
)
WINDOW_DAYS = ["daily", "mon", "sun", "mon-fri", "fri-mon", "sat,sun", "mon,wed-fri"]


def ids(max_size: int, min_size: int = 0) -> st.SearchStrategy[list[str]]:
    return st.lists(
        st.one_of(st.sampled_from(["p001", "张伟", "x 1"]), any_text),
        min_size=min_size,
        max_size=max_size,
        unique=True,
    )


@st.composite
def windows(draw: st.DrawFn) -> str:
    start = format_hhmm(draw(st.integers(0, 1439)))
    end = format_hhmm(draw(st.integers(0, 1440)))
    return f"{draw(st.sampled_from(WINDOW_DAYS))} {start}-{end}"


@st.composite
def shift_patterns(draw: st.DrawFn) -> tuple[ShiftPattern, ...]:
    shift_names = draw(st.lists(names, min_size=1, max_size=3, unique=True))
    return tuple(
        ShiftPattern(
            name=name,
            start=draw(st.integers(0, 1439)),
            end=draw(st.integers(0, 1440)),  # overnight, 24-hour and 24:00 ends included
            need=draw(st.integers(1, 5)),
            need_role=draw(st.none() | st.sampled_from(Role)),
        )
        for name in shift_names
    )


@st.composite
def rosters(draw: st.DrawFn) -> Roster:
    def pick(choices: list[str]) -> str:
        return draw(st.sampled_from(choices))

    def maybe(choices: list[str]) -> str | None:
        return draw(st.none() | st.sampled_from(choices)) if choices else None

    def some(choices: list[str], min_size: int = 0) -> tuple[str, ...]:
        return tuple(draw(st.lists(st.sampled_from(choices), min_size=min_size, max_size=4)))

    community_ids = draw(ids(3, min_size=1))
    street_ids = draw(ids(3))
    compound_ids = draw(ids(3, min_size=1))
    group_ids = draw(ids(2))
    person_ids = draw(ids(5, min_size=1))
    post_ids = draw(ids(3, min_size=1))
    posts = [
        Post(
            i,
            draw(names),
            pick(compound_ids),
            draw(shift_patterns()),
            # Earlier patterns (a change of shifts from a day on), each ending on its own day.
            earlier=tuple(
                EarlierShifts(until, draw(shift_patterns()))
                for until in sorted(draw(st.sets(days, max_size=2)))
            ),
        )
        for i in post_ids
    ]

    rotations = []
    for rotation_id in draw(ids(2)):
        post = draw(st.sampled_from(posts))
        start = draw(days)
        span = draw(st.none() | st.integers(0, 400))
        shift_names = [s.name for s in post.shifts]
        rotations.append(
            Rotation(
                id=rotation_id,
                post=post.id,
                members=some(person_ids, min_size=1),  # a member may appear twice
                start=start,
                end=None if span is None else start + dt.timedelta(days=span),
                shifts=some(shift_names, 1) if draw(st.booleans()) else None,
                per_slot=draw(st.none() | st.integers(1, 4)),
            )
        )
    overrides = []
    for _ in range(draw(st.integers(0, 3))):
        post = draw(st.sampled_from(posts))
        day = draw(days)
        overrides.append(
            Override(
                post=post.id,
                date=day,
                shift=pick([s.name for s in post.shifts_on(day)]),
                remove=some(person_ids),
                add=some(person_ids),
            )
        )
    leaves = []
    for _ in range(draw(st.integers(0, 3))):
        begin = dt.datetime.combine(
            draw(days), dt.time(draw(st.integers(0, 23)), draw(st.integers(0, 59)))
        )
        length = dt.timedelta(minutes=draw(st.integers(1, 60 * 24 * 60)))
        leaves.append(Leave(pick(person_ids), begin, begin + length, draw(optional_text)))
    duties = []
    for _ in range(draw(st.integers(0, 3))):
        on_street = bool(street_ids) and draw(st.booleans())
        duties.append(
            Duty(
                person=pick(person_ids),
                compound=None if on_street else pick(compound_ids),
                street=pick(street_ids) if on_street else None,
                role=draw(optional_text),
            )
        )
    return Roster(
        subdistrict=Subdistrict(
            draw(names),
            pick(["Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Europe/London", "UTC"]),
        ),
        settings=Settings(
            min_rest_hours=draw(st.integers(0, 48) | st.floats(0, 168, allow_nan=False)),
            max_hours_per_week=draw(hours),
            max_households_per_carer=draw(st.integers(1, 50)),
            quarantine_days=draw(st.integers(1, 60)),
        ),
        communities=[Community(i, draw(names)) for i in community_ids],
        streets=[Street(i, draw(names), pick(community_ids)) for i in street_ids],
        compounds=[
            Compound(
                id=i,
                name=draw(names),
                community=pick(community_ids),
                kind=draw(st.sampled_from(CompoundKind)),
                street=maybe(street_ids),
                households=draw(st.none() | st.integers(0, 5000)),
            )
            for i in compound_ids
        ],
        party_groups=[
            PartyGroup(i, draw(names), pick(community_ids), some(compound_ids), maybe(person_ids))
            for i in group_ids
        ],
        people=[
            Person(
                id=i,
                name=draw(names),
                phone=draw(phones),
                community=pick(community_ids),
                roles=tuple(draw(st.lists(st.sampled_from(Role), max_size=3))),
                party_group=maybe(group_ids),
                max_hours_per_week=draw(st.none() | hours),
                available=draw(
                    st.none() | st.just(()) | st.lists(windows(), min_size=1, max_size=3).map(tuple)
                ),
                active=draw(st.booleans()),
            )
            for i in person_ids
        ],
        posts=posts,
        rotations=rotations,
        overrides=overrides,
        leaves=leaves,
        duties=duties,
        households=[
            Household(
                id=i,
                compound=pick(compound_ids),
                address=draw(names),
                head=draw(names),
                phone=draw(phones),
                people=draw(st.integers(1, 12)),
                start=draw(days),
                days=draw(st.none() | st.integers(1, 60)),
                carer=maybe(person_ids),
                notes=draw(optional_text),
            )
            for i in draw(ids(3))
        ],
    )
