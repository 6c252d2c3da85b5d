"""Fair over time: the fill weighs the four weeks before the week as well as the week, with
China's public holidays and 调休 working days, and says how the load is spread."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from fill_rosters import MONDAY, SUNDAY, WEEK, applied, district, person, rosters, shift
from hypothesis import given
from hypothesis import strategies as st
from test_fill_properties import new_gaps

from hypothesis_profiles import examples
from roster_tui.domain.gaps import GapKind
from roster_tui.domain.model import Override, Roster, Settings
from roster_tui.domain.week import Week
from roster_tui.engine.eligibility import WeekContext
from roster_tui.engine.fill import fill_seats
from roster_tui.engine.fill.day_kinds import DayKind, day_kinds
from roster_tui.engine.fill.even import even_out
from roster_tui.engine.fill.exact import improve_exactly
from roster_tui.engine.fill.fairness import Load, Loads, ShiftLoad, fair_rank
from roster_tui.engine.fill.state import FillState
from roster_tui.services.fill import plan_fill

NIGHT, DAY = shift("夜", "20:00", "08:00"), shift("白", "08:00", "16:00")


def kind(day: dt.date) -> DayKind:
    return day_kinds(day, day)[day]


# -- the calendar --------------------------------------------------------------------------------


def test_a_saturday_worked_for_the_spring_festival_is_no_weekend() -> None:
    assert kind(dt.date(2026, 2, 14)) is DayKind.WORKDAY  # 调休: a Saturday worked
    assert kind(dt.date(2026, 2, 28)) is DayKind.WORKDAY
    assert kind(dt.date(2026, 2, 7)) is DayKind.WEEKEND  # an ordinary Saturday
    assert kind(dt.date(2026, 12, 2)) is DayKind.WORKDAY


def test_new_years_eve_of_the_lunar_year_and_national_day_are_holidays() -> None:
    assert kind(dt.date(2026, 2, 16)) is DayKind.HOLIDAY  # 除夕
    assert kind(dt.date(2027, 2, 5)) is DayKind.HOLIDAY  # 除夕 of the next year
    assert kind(dt.date(2026, 10, 1)) is DayKind.HOLIDAY  # 国庆
    assert kind(dt.date(2026, 10, 3)) is DayKind.HOLIDAY  # a holiday on a Saturday
    assert kind(dt.date(2026, 2, 20)) is DayKind.HOLIDAY  # a day off swapped for the 14th


# -- the choice ----------------------------------------------------------------------------------


def worked(pid: str, pattern: str, *days: dt.date) -> list[Override]:
    return [Override("x1", day, pattern, add=(pid,)) for day in days]


def covered(monday: dt.date, pattern: str, but: dt.date) -> list[Override]:
    """Every day of the week on ``pattern`` held by the free hand ``f0``, except ``but``."""
    days = [monday + dt.timedelta(days=d) for d in range(7)]
    return worked("f0", pattern, *(d for d in days if d != but))


def chosen(roster: Roster, monday: dt.date) -> list[tuple[dt.date, str]]:
    result = fill_seats(WeekContext.build(roster, Week(monday)))
    return [(p.key[1], p.person) for p in result.proposals]


def test_of_two_equally_fit_people_the_one_with_fewer_nights_lately_gets_the_night() -> None:
    weeks_ago = [MONDAY - dt.timedelta(days=d) for d in (6, 13, 20)]  # within four weeks
    roster = district(
        shifts=[NIGHT],
        people=[person("a"), person("b"), person("f0", community="c2")],
        overrides=[*worked("a", "夜", *weeks_ago), *covered(MONDAY, "夜", MONDAY)],
    )
    assert chosen(roster, MONDAY) == [(MONDAY, "b")]
    # Five weeks ago no longer counts: then the ids decide.
    roster.overrides = [
        *worked("a", "夜", MONDAY - dt.timedelta(days=35)),
        *covered(MONDAY, "夜", MONDAY),
    ]
    assert chosen(roster, MONDAY) == [(MONDAY, "a")]


def test_of_two_equally_fit_people_the_one_with_fewer_holiday_shifts_gets_the_holiday() -> None:
    """``a`` worked 中秋 (one 8-hour holiday shift); ``b`` four plain days, more hours."""
    monday = dt.date(2026, 9, 28)  # the week of 国庆
    national_day = dt.date(2026, 10, 1)
    plain = [dt.date(2026, 9, d) for d in (7, 8, 9, 10)]
    history = [*worked("a", "白", dt.date(2026, 9, 25)), *worked("b", "白", *plain)]
    people = [person("a"), person("b"), person("f0", community="c2")]
    roster = district(
        shifts=[DAY], people=people, overrides=[*history, *covered(monday, "白", national_day)]
    )
    assert chosen(roster, monday) == [(national_day, "b")]
    # A plain Tuesday goes to ``a``: 8 holiday hours weigh 24, less than b's 32 plain ones.
    tuesday = monday + dt.timedelta(days=1)
    roster.overrides = [*history, *covered(monday, "白", tuesday)]
    assert chosen(roster, monday) == [(tuesday, "a")]


def test_the_history_counts_what_the_roster_says_was_worked() -> None:
    roster = district(
        shifts=[NIGHT],
        people=[person("a")],
        overrides=worked("a", "夜", dt.date(2026, 11, 7), dt.date(2026, 11, 2)),
    )
    loads = Loads(WeekContext.build(roster, WEEK))
    load = loads.of("a")
    assert (load.hours, load.nights, load.weekends, load.holidays) == (24, 2, 1, 0)
    assert load.weighted == 12 * 2 + 12
    assert loads.of("nobody") == Load()


# -- properties ----------------------------------------------------------------------------------

loads = st.builds(
    Load,
    hours=st.integers(0, 200).map(float),
    nights=st.integers(0, 20),
    weekends=st.integers(0, 10),
    holidays=st.integers(0, 5),
    weighted=st.integers(0, 400).map(float),
)
shift_loads = st.builds(
    ShiftLoad,
    hours=st.sampled_from([8.0, 12.0, 24.0]),
    night=st.booleans(),
    kind=st.sampled_from(list(DayKind)),
)


@examples(1)
@given(loads, loads, shift_loads)
def test_of_two_equally_fit_people_the_lighter_in_what_the_seat_is_comes_first(
    a: Load, b: Load, seat: ShiftLoad
) -> None:
    roster = district(people=[person("a"), person("b")])
    rules = WeekContext.build(roster, WEEK).eligibility
    people = {p.id: p for p in roster.people}
    rank_a = fair_rank(rules, people["a"], "k1", a, seat)
    rank_b = fair_rank(rules, people["b"], "k1", b, seat)
    if seat.kind is DayKind.HOLIDAY and a.holidays != b.holidays:
        assert (rank_a < rank_b) == (a.holidays < b.holidays)
    elif seat.kind is not DayKind.HOLIDAY and seat.night and a.nights != b.nights:
        assert (rank_a < rank_b) == (a.nights < b.nights)
    elif a == b:
        assert rank_a < rank_b  # then the id


@examples(1)
@given(loads, shift_loads, st.integers(1, 3))
def test_a_seat_added_and_taken_away_leaves_the_load_as_it_was(
    load: Load, seat: ShiftLoad, times: int
) -> None:
    before = load.copy()
    for _ in range(times):
        load.add(seat)
    assert load.hours == before.hours + times * seat.hours
    for _ in range(times):
        load.add(seat, -1)
    assert load == before


@st.composite
def rosters_with_history(draw: st.DrawFn) -> Roster:
    """A random sub-district with people added to random shifts of the four weeks before."""
    roster = draw(rosters())
    days = [MONDAY - dt.timedelta(days=d) for d in range(1, 29)]
    ids = [p.id for p in roster.people]
    for post in draw(st.lists(st.sampled_from(roster.posts), max_size=8)):
        day = draw(st.sampled_from(days))
        pattern = draw(st.sampled_from([s.name for s in post.shifts]))
        add = tuple(draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True)))
        roster.overrides.append(Override(post.id, day, pattern, add=add))
    return roster


SHIFT_RULES = {
    GapKind.UNDERSTAFFED,
    GapKind.MISSING_ROLE,
    GapKind.DOUBLE_BOOKED,
    GapKind.SHORT_REST,
    GapKind.OVERTIME,
    GapKind.UNAVAILABLE,
}


@examples(0.5)
@given(rosters_with_history())
def test_with_a_history_the_seat_fill_still_breaks_no_rule_and_has_nothing_left_after(
    roster: Roster,
) -> None:
    plan = plan_fill(roster, WEEK)
    after = applied(roster, plan.changes)
    wide = (MONDAY - dt.timedelta(days=3), SUNDAY + dt.timedelta(days=3))
    assert [g for g in new_gaps(roster, after, *wide) if g.kind in SHIFT_RULES] == []
    again = plan_fill(after, WEEK).seats
    assert (again.proposals, again.removals) == ((), ())


def test_the_exact_models_seats_go_to_whoever_worked_less_in_the_weeks_before() -> None:
    """As in the rules' exact-model test, b can only do early shifts and a took one; c is as
    fit as a but worked three day shifts in the weeks before. Solved exactly and evened out,
    every seat is closed, a, fresh, has more of the week's day shifts than c, and the nights
    (the early shift works 00:00-05:00) are spread closer than the exact model left them."""
    day = shift("白", "08:00", "20:00")
    roster = district(
        people=[person("a"), person("b", available=["daily 00:00-08:00"]), person("c")],
        shifts=[shift("早", "00:00", "08:00"), day],
        overrides=worked("c", "白", *(MONDAY - dt.timedelta(days=d) for d in (7, 8, 9))),
        settings=Settings(min_rest_hours=8, max_hours_per_week=100),
    )
    state = FillState(WeekContext.build(roster, WEEK))
    early = next(i for i, d in enumerate(state.demands) if d.instance.key == ("x1", MONDAY, "早"))
    state.place(early, "a", None)
    assert improve_exactly(state)

    def spread() -> int:  # of nights: the early shift works 00:00-05:00
        nights = [state.load[p].nights for p in "abc"]
        return max(nights) - min(nights)

    exact = spread()
    even_out(state)
    assert state.filled() == state.wanted == 14
    days = Counter(p.person for p in state.proposals if p.key[2] == "白")
    assert sum(days.values()) == 7 and days["a"] > days["c"] > 0
    assert spread() < exact  # b no longer does every early shift
