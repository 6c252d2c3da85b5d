"""Reading a good file, and what the reader accepts beyond the obvious (docs/format.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from roster_tui.domain.model import CompoundKind, Role, Settings
from roster_tui.interchange import (
    InterchangeError,
    Problem,
    load_roster_file,
    loads_roster,
)

from .conftest import FILE, edit, line_of


def problems(text: str | bytes) -> list[Problem]:
    with pytest.raises(InterchangeError) as caught:
        loads_roster(text, source=FILE)
    return caught.value.problems


def test_the_example_file_reads_into_domain_values(valid_text: str) -> None:
    roster = loads_roster(valid_text)
    assert roster.subdistrict.name == "文化路街道"
    assert roster.settings == Settings(min_rest_hours=10, max_households_per_carer=6)
    assert [c.kind for c in roster.compounds] == [CompoundKind.UNMANAGED, CompoundKind.MANAGED]
    assert roster.compounds[1].street is None and roster.compounds[1].households is None
    day, night = roster.posts[0].shifts
    assert (day.start, day.end, day.need, day.need_role) == (480, 1200, 2, Role.PARTY_MEMBER)
    assert night.overnight and night.end == 480
    assert roster.posts[1].shifts[0].end == 1440  # "24:00"
    rotation = roster.rotations[0]
    assert (rotation.start, rotation.end) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert rotation.shifts == ("白班", "夜班") and rotation.per_slot == 1
    assert roster.rotations[1].shifts is None and roster.rotations[1].end is None
    assert roster.overrides[0].remove == ("p002",) and roster.overrides[0].add == ("p004",)
    leave = roster.leaves[0]
    assert (leave.start, leave.end) == (dt.datetime(2026, 12, 2), dt.datetime(2026, 12, 5))
    assert roster.households[1].start == dt.date(2026, 12, 4)  # written as a string
    assert roster.households[1].days is None and roster.households[1].carer is None


def test_namesakes_are_different_people(valid_text: str) -> None:
    people = loads_roster(valid_text).people
    assert [p.name for p in people[:2]] == ["张伟", "张伟"]
    assert people[0] != people[1]
    assert people[2].name == "𠮷田"


def test_available_absent_means_always_and_empty_means_never(valid_text: str) -> None:
    people = loads_roster(valid_text).people
    assert people[0].available == ("mon-fri 18:00-24:00", "sat,sun 00:00-24:00")
    assert people[1].available is None
    assert people[2].available == ()


def test_references_may_cross_communities(valid_text: str) -> None:
    roster = loads_roster(valid_text)
    # p002 lives in c02 and answers for street s01 of c01, and cares for a household in c01.
    assert roster.duties[1].person == "p002" and roster.streets[0].community == "c01"
    assert roster.households[0].carer == "p002" and roster.people[1].community == "c02"


def test_a_leading_bom_is_accepted(valid_text: str) -> None:
    expected = loads_roster(valid_text)
    assert loads_roster(b"\xef\xbb\xbf" + valid_text.encode()) == expected
    assert loads_roster("\ufeff" + valid_text) == expected


def test_windows_line_endings_read_the_same(valid_text: str) -> None:
    assert loads_roster(valid_text.replace("\n", "\r\n")) == loads_roster(valid_text)


def test_every_setting_is_optional(valid_text: str) -> None:
    text = edit(valid_text, "[settings]\nmin_rest_hours = 10\nmax_households_per_carer = 6\n", "")
    assert loads_roster(text).settings == Settings()


def test_settings_take_fractional_hours(valid_text: str) -> None:
    text = edit(valid_text, "min_rest_hours = 10", "min_rest_hours = 7.5")
    assert loads_roster(text).settings.min_rest_hours == 7.5


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        (
            "max_households_per_carer = 6",
            "max_households_per_carer = true",
            "max_households_per_carer",
        ),
        ("min_rest_hours = 10", "min_rest_hours = -1", "min_rest_hours"),
        ("min_rest_hours = 10", "min_rest_hours = nan", "min_rest_hours"),
        ("min_rest_hours = 10", "max_hours_per_week = 0", "max_hours_per_week"),
        ("min_rest_hours = 10", "quarantine_days = 0", "quarantine_days"),
    ],
)
def test_bad_settings(valid_text: str, old: str, new: str, key: str) -> None:
    [problem] = problems(edit(valid_text, old, new))
    assert (problem.table, problem.index, problem.key) == ("settings", None, key)
    assert (
        problem.where("en")
        == f"{FILE} line {line_of(edit(valid_text, old, new), new)} [settings] key {key}"
    )


def test_a_compound_may_have_no_households(valid_text: str) -> None:
    text = edit(valid_text, "households = 120", "households = 0")
    assert loads_roster(text).compounds[0].households == 0


@pytest.mark.parametrize("value", ["true", "-1", "1.0", '"120"'])
def test_households_is_a_whole_number_not_a_bool(valid_text: str, value: str) -> None:
    [problem] = problems(edit(valid_text, "households = 120", f"households = {value}"))
    assert (problem.table, problem.row_id, problem.key) == ("compound", "k001", "households")
    assert problem.message == "import.expected_int"


@pytest.mark.parametrize("name", ['""', '"   "', "1", "[]"])
def test_names_are_non_empty_strings(valid_text: str, name: str) -> None:
    [problem] = problems(edit(valid_text, 'name = "李娜"', f"name = {name}"))
    assert (problem.table, problem.index, problem.key) == ("person", 4, "name")
    assert problem.render("zh").endswith(f"应为非空文本，实为 {name}")


def test_roles_are_checked_item_by_item(valid_text: str) -> None:
    [problem] = problems(edit(valid_text, '"volunteer", "doctor"', '"volunteer", "docter"'))
    assert (problem.row_id, problem.key, problem.item) == ("p002", "roles", 2)
    assert "party_member | cadre | volunteer" in problem.text("en")


def test_need_role_must_be_a_role(valid_text: str) -> None:
    [problem] = problems(edit(valid_text, 'need_role = "party_member"', 'need_role = "党员"'))
    assert (problem.subtable, problem.subindex, problem.key) == ("shift", 1, "need_role")


@pytest.mark.parametrize(
    "day",
    ['"2026-12-1"', '"2026/12/01"', "2026-12-01T08:00:00", '"2026-13-01"', '"２０２６-１２-０１"'],
)
def test_dates_are_toml_dates_or_yyyy_mm_dd(valid_text: str, day: str) -> None:
    [problem] = problems(edit(valid_text, "date = 2026-12-03", f"date = {day}"))
    assert (problem.table, problem.key, problem.message) == (
        "override",
        "date",
        "import.expected_date",
    )


def test_leave_times_may_also_be_toml_local_datetimes(valid_text: str) -> None:
    text = edit(valid_text, 'from = "2026-12-02T00:00"', "from = 2026-12-02T08:30:00")
    assert loads_roster(text).leaves[0].start == dt.datetime(2026, 12, 2, 8, 30)


@pytest.mark.parametrize(
    "moment",
    [
        '"2026-12-02T00:00+08:00"',
        "2026-12-02T00:00:00+08:00",
        '"2026-12-02T00:00:00"',
        '"2026-12-02 00:00"',
        '"2026-12-02"',
        "2026-12-02T00:00:30",
    ],
)
def test_leave_times_are_local_minutes_without_offset(valid_text: str, moment: str) -> None:
    [problem] = problems(edit(valid_text, 'from = "2026-12-02T00:00"', f"from = {moment}"))
    assert (problem.table, problem.key) == ("leave", "from")
    assert "YYYY-MM-DDTHH:MM" in problem.text("zh")


def test_a_post_needs_a_shift(valid_text: str) -> None:
    text = edit(
        valid_text, '[[post.shift]]\nname = "晚班"\nstart = "16:00"\nend = "24:00"\nneed = 1\n', ""
    )
    text = edit(text, 'members = ["p002"]', 'members = ["p002"]\nshifts = ["晚班"]')
    [problem] = problems(text)
    header = line_of(text, 'id = "x002"') - 1
    assert problem.where("zh") == f"{FILE} 第{header}行 [[post]] 第2条 (id=x002) 字段 shift"
    assert problem.text("zh") == "岗位至少要有一个 [[post.shift]] 班次"


def test_shift_names_are_unique_within_a_post_but_not_across_posts(valid_text: str) -> None:
    assert (
        loads_roster(edit(valid_text, 'name = "晚班"', 'name = "白班"')).posts[1].shifts[0].name
        == "白班"
    )
    text = edit(valid_text, 'name = "夜班"', 'name = "白班"')
    text = edit(text, 'shifts = ["白班", "夜班"]', 'shifts = ["白班"]')
    [problem] = problems(text)
    assert (problem.row_id, problem.subtable, problem.subindex, problem.key) == (
        "x001",
        "shift",
        2,
        "name",
    )
    assert problem.text("en") == 'shift name "白班" is already used by shift #1 of this post'


def test_rotation_shifts_must_name_shifts_of_its_post(valid_text: str) -> None:
    [problem] = problems(edit(valid_text, 'shifts = ["白班", "夜班"]', 'shifts = ["白班", "晚班"]'))
    assert (problem.row_id, problem.key, problem.item) == ("r001", "shifts", 2)
    assert problem.text("zh") == '岗位 "x001" 没有名为 "晚班" 的班次'


def test_override_shift_must_name_a_shift_of_its_post(valid_text: str) -> None:
    [problem] = problems(edit(valid_text, 'shift = "白班"', 'shift = "晚班"'))
    assert (problem.table, problem.index, problem.key, problem.item) == (
        "override",
        1,
        "shift",
        None,
    )


def test_duty_names_exactly_one_of_compound_and_street(valid_text: str) -> None:
    [both] = problems(
        edit(
            valid_text,
            'street = "s01"\n\n[[household]]',
            'street = "s01"\ncompound = "k001"\n\n[[household]]',
        )
    )
    assert (both.table, both.index, both.message) == ("duty", 2, "import.duty_two_places")
    [neither] = problems(edit(valid_text, 'street = "s01"\n\n[[household]]', "\n[[household]]"))
    assert (neither.table, neither.index, neither.message) == ("duty", 2, "import.duty_needs_place")
    # Still said when something else in the row is wrong too.
    text = edit(valid_text, 'street = "s01"\n\n[[household]]', 'role = ""\n\n[[household]]')
    assert [p.key for p in problems(text)] == ["compound", "role"]


@pytest.mark.parametrize(
    "window",
    [
        "weekdays 08:00-18:00",
        "mon 08:00",
        "mon 24:00-08:00",
        "mon-fri 8:00-18:00",
        "mon 08:00-25:00",
    ],
)
def test_availability_windows_must_parse(valid_text: str, window: str) -> None:
    [problem] = problems(edit(valid_text, '"mon-fri 18:00-24:00"', f'"{window}"'))
    assert (problem.row_id, problem.key, problem.item) == ("p001", "available", 1)


def test_the_same_id_in_two_tables_is_fine(valid_text: str) -> None:
    roster = loads_roster(
        edit(valid_text, 'id = "x002"', 'id = "c01"').replace('post = "x002"', 'post = "c01"')
    )
    assert roster.posts[1].id == roster.communities[0].id == "c01"


def test_a_missing_file_is_an_interchange_error(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError) as caught:
        load_roster_file(tmp_path / "nowhere.toml")
    [problem] = caught.value.problems
    assert problem.source.endswith("nowhere.toml") and problem.message == "import.unreadable"


def test_a_file_is_named_as_the_caller_wrote_it(tmp_path: Path, valid_text: str) -> None:
    path = tmp_path / "文化路.toml"
    path.write_text(edit(valid_text, "need = 2\n", "need = 0\n"), encoding="utf-8")
    with pytest.raises(InterchangeError) as caught:
        load_roster_file(path)
    assert caught.value.problems[0].source == str(path)


def test_a_file_reads_like_its_text(tmp_path: Path, valid_text: str) -> None:
    path = tmp_path / "ok.toml"
    path.write_text(valid_text, encoding="utf-8")
    assert load_roster_file(path) == loads_roster(valid_text)
