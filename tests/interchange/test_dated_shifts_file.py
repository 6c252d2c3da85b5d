"""A post's later shifts in the file: ``[[post.shift]]`` rows with ``from`` (docs/format.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from roster_tui.interchange import InterchangeError, loads_roster

from .conftest import FILE, edit

LATER = """[[post.shift]]
name = "早班"
start = "07:00"
end = "19:00"
need = 2
from = 2026-12-03

[[post.shift]]
name = "夜班"
start = "19:00"
end = "07:00"
need = 1
from = 2026-12-03

[[post]]"""


def _with_later_shifts(text: str) -> str:
    """x001 with 早班/夜班 from 2026-12-03 on, after its first 白班/夜班."""
    second_post = text.index("[[post]]", text.index("[[post]]") + 1)
    return text[:second_post] + LATER.removesuffix("[[post]]") + text[second_post:]


def _problem_keys(text: str) -> list[str]:
    with pytest.raises(InterchangeError) as caught:
        loads_roster(text, source=FILE)
    return [p.message for p in caught.value.problems]


def test_rows_with_from_are_the_shifts_from_that_day_on(valid_text: str) -> None:
    # The swap on 12-03 names 白班, which the post has no more from that day.
    text = edit(_with_later_shifts(valid_text), "date = 2026-12-03", "date = 2026-12-02")

    post = loads_roster(text, source=FILE).index.posts["x001"]

    assert post.shifts_from == dt.date(2026, 12, 3)
    assert [s.name for s in post.shifts_on(dt.date(2026, 12, 2))] == ["白班", "夜班"]
    assert [(s.name, s.start) for s in post.shifts_on(dt.date(2026, 12, 3))] == [
        ("早班", 420),
        ("夜班", 1140),
    ]


def test_a_swap_names_a_shift_of_its_own_day(valid_text: str) -> None:
    text = _with_later_shifts(valid_text)  # the swap on 12-03 names 白班: gone by then

    assert _problem_keys(text) == ["import.shift_unknown"]


def test_first_rows_with_from_are_a_post_with_no_shifts_before_that_day(valid_text: str) -> None:
    role, night = 'need_role = "party_member"', 'end = "08:00"\nneed = 1'
    both = valid_text.replace(role, f"{role}\nfrom = 2026-12-01", 1)
    both = both.replace(night, f"{night}\nfrom = 2026-12-01", 1)

    post = loads_roster(both, source=FILE).index.posts["x001"]

    assert post.shifts_from == dt.date(2026, 12, 1)
    assert post.shifts_on(dt.date(2026, 11, 30)) == ()
    assert [s.name for s in post.shifts_on(dt.date(2026, 12, 1))] == ["白班", "夜班"]
    # A swap on a day before the post's shifts begin names a shift it does not have then.
    assert _problem_keys(both.replace("2026-12-01\n", "2026-12-04\n")) == ["import.shift_unknown"]


def test_each_later_group_of_shifts_comes_later(valid_text: str) -> None:
    first_dated = edit(
        valid_text, 'need_role = "party_member"', 'need_role = "party_member"\nfrom = 2026-12-01'
    )
    assert _problem_keys(first_dated) == ["import.shift_from_order"]  # the second row has none

    text = edit(_with_later_shifts(valid_text), "date = 2026-12-03", "date = 2026-12-02")
    backwards = text.replace("from = 2026-12-03", "from = 2026-11-03", 1).replace(
        "from = 2026-12-03", "from = 2026-11-01", 1
    )
    assert "import.shift_from_order" in _problem_keys(backwards)
