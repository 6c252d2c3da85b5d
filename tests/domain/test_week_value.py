"""The ISO week value: named as people write it, across New Year and 53-week years."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roster_tui.domain.week import Week

# Weeks a roster could plan, with room on both sides for ``week ± 1``.
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2200, 12, 31))
weeks = days.map(Week.of)
# The last days of December and the first of January, where ISO and calendar years part.
year_ends = st.builds(
    lambda year, offset: dt.date(year, 12, 25) + dt.timedelta(days=offset),
    st.integers(1990, 2200),
    st.integers(0, 13),
)


def test_a_week_is_named_and_parsed_as_people_write_it() -> None:
    week = Week.parse("2026-W49")
    assert week.monday == dt.date(2026, 11, 30)
    assert str(week) == "2026-W49"
    assert (week.year, week.number) == (2026, 49)
    assert week.sunday == dt.date(2026, 12, 6)


def test_the_days_are_monday_to_sunday() -> None:
    week = Week.parse("2026-W49")
    assert week.days == tuple(dt.date(2026, 11, 30) + dt.timedelta(days=i) for i in range(7))
    assert [d.weekday() for d in week.days] == list(range(7))


def test_a_week_near_new_year_belongs_to_the_year_of_its_thursday() -> None:
    assert str(Week.of(dt.date(2025, 12, 29))) == "2026-W01"
    assert str(Week.of(dt.date(2021, 1, 3))) == "2020-W53"
    assert Week.parse("2026-W01").monday == dt.date(2025, 12, 29)


def test_a_long_iso_year_has_a_53rd_week_and_a_short_one_has_none() -> None:
    assert Week.parse("2020-W53").monday == dt.date(2020, 12, 28)
    assert Week.parse("2026-W53").monday == dt.date(2026, 12, 28)
    assert Week.parse("2026-W53") + 1 == Week.parse("2027-W01")
    with pytest.raises(ValueError, match="2025 has no week 53"):
        Week.parse("2025-W53")


@pytest.mark.parametrize(
    "text", ["", "2026-W4", "2026W49", "2026-w49", "26-W49", " 2026-W49", "2026-W49\n", "2026-W00"]
)
def test_anything_but_yyyy_www_is_refused_with_a_clear_message(text: str) -> None:
    with pytest.raises(ValueError, match=r"ISO week like 2026-W49|has no week"):
        Week.parse(text)


def test_a_week_held_by_another_day_than_monday_is_refused() -> None:
    with pytest.raises(ValueError, match="starts on a Monday"):
        Week(dt.date(2026, 12, 2))


def test_weeks_step_order_and_hash_as_values() -> None:
    week = Week.parse("2026-W49")
    assert week + 1 == Week.parse("2026-W50")
    assert week - 1 == Week.parse("2026-W48")
    assert week - 1 < week < week + 1
    assert max(week + 3, week) == week + 3
    assert {week, Week.of(dt.date(2026, 12, 6))} == {week}
    with pytest.raises(AttributeError):
        week.monday = dt.date(2026, 12, 7)  # type: ignore[misc]


def test_a_day_is_in_its_week_and_a_moment_is_asked_by_its_date() -> None:
    week = Week.parse("2026-W49")
    assert dt.date(2026, 12, 6) in week
    assert dt.date(2026, 12, 7) not in week
    assert dt.datetime(2026, 12, 1, 9) not in week
    assert Week.of(dt.datetime(2026, 12, 1, 9)) == week


@given(weeks)
def test_the_name_parses_back_to_the_same_week(week: Week) -> None:
    assert Week.parse(str(week)) == week


@given(st.one_of(days, year_ends))
def test_the_week_of_a_day_holds_that_day(day: dt.date) -> None:
    week = Week.of(day)
    assert day in week
    assert day in week.days
    assert week.monday.weekday() == 0
    assert (week.year, week.number) == day.isocalendar()[:2]


@given(st.one_of(weeks, year_ends.map(Week.of)))
def test_the_next_week_starts_seven_days_later_across_year_ends(week: Week) -> None:
    assert (week + 1).monday - week.monday == dt.timedelta(days=7)
    assert (week + 1) - 1 == week
    assert week < week + 1
    after = week + 1
    assert (after.year, after.number) in {(week.year, week.number + 1), (week.year + 1, 1)}
    assert week.number <= (53 if dt.date(week.year, 12, 28).isocalendar()[1] == 53 else 52)


@given(weeks, st.integers(-600, 600))
def test_stepping_by_n_weeks_is_stepping_n_times_by_one(week: Week, n: int) -> None:
    stepped = week
    for _ in range(abs(n)):
        stepped = stepped + 1 if n > 0 else stepped - 1
    assert week + n == stepped
    assert (week + n).monday == week.monday + dt.timedelta(weeks=n)
