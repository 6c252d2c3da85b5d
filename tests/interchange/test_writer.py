"""What a dumped file looks like: docs/format.md's layout, unset keys left out."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from roster_tui.domain.model import Leave, Roster
from roster_tui.interchange import (
    InterchangeError,
    dump_roster_file,
    dumps_roster,
    loads_roster,
)


@pytest.fixture
def roster(valid_text: str) -> Roster:
    return loads_roster(valid_text)


def block(text: str, header: str, index: int = 0) -> str:
    """The lines of the ``index``-th table under ``header``, up to the next header."""
    chunks = text.split(f"\n{header}\n")
    return chunks[index + 1].split("\n\n[")[0].rstrip("\n")


def test_format_comes_first_then_the_subdistrict_and_settings(roster: Roster) -> None:
    text = dumps_roster(roster)
    assert text.startswith(
        'format = "roster-tui/1"\n\n[subdistrict]\nname = "文化路街道"\n'
        'timezone = "Asia/Shanghai"\n\n[settings]\nmin_rest_hours = 10\n'
        "max_hours_per_week = 56\nmax_households_per_carer = 6\nquarantine_days = 14\n"
    )


def test_tables_come_in_the_spec_order_and_shifts_under_their_post(roster: Roster) -> None:
    text = dumps_roster(roster)
    headers = [line for line in text.splitlines() if line.startswith("[")]
    assert headers == [
        "[subdistrict]", "[settings]",
        "[[community]]", "[[community]]", "[[street]]", "[[compound]]", "[[compound]]",
        "[[party_group]]", "[[person]]", "[[person]]", "[[person]]", "[[person]]",
        "[[post]]", "[[post.shift]]", "[[post.shift]]", "[[post]]", "[[post.shift]]",
        "[[rotation]]", "[[rotation]]", "[[override]]", "[[leave]]", "[[duty]]", "[[duty]]",
        "[[household]]", "[[household]]",
    ]  # fmt: skip


def test_a_row_lists_its_keys_in_the_spec_order(roster: Roster) -> None:
    assert block(dumps_roster(roster), "[[person]]") == (
        'id = "p001"\nname = "张伟"\nphone = "13800000001"\ncommunity = "c01"\n'
        'roles = ["party_member"]\nparty_group = "g01"\nmax_hours_per_week = 40\n'
        'available = ["mon-fri 18:00-24:00", "sat,sun 00:00-24:00"]'
    )


def test_unset_optional_keys_are_left_out(roster: Roster) -> None:
    text = dumps_roster(roster)
    assert block(text, "[[person]]", 1) == (
        'id = "p002"\nname = "张伟"\nphone = "13800000002"\ncommunity = "c02"\n'
        'roles = ["volunteer", "doctor"]'
    )
    assert (
        block(text, "[[rotation]]", 1)
        == 'id = "r002"\npost = "x002"\nmembers = ["p002"]\nstart = 2026-12-01'
    )
    assert block(text, "[[household]]", 1) == (
        'id = "h0002"\ncompound = "k002"\naddress = "1号楼101"\nhead = "王某"\n'
        'phone = "13900000001"\npeople = 1\nstart = 2026-12-04'
    )
    assert block(text, "[[duty]]", 1) == 'person = "p002"\nstreet = "s01"'


def test_never_available_is_kept_as_an_empty_list(roster: Roster) -> None:
    person = block(dumps_roster(roster), "[[person]]", 2)
    assert "available = []" in person.splitlines()
    assert "roles = []" in person.splitlines()


def test_only_an_inactive_person_says_active(roster: Roster) -> None:
    text = dumps_roster(roster)
    assert "active = false" in block(text, "[[person]]", 3)
    assert text.count("active =") == 1


def test_an_override_leaves_out_empty_remove_and_add(roster: Roster) -> None:
    roster.overrides[0] = dataclasses.replace(roster.overrides[0], remove=())
    assert block(dumps_roster(roster), "[[override]]") == (
        'post = "x001"\ndate = 2026-12-03\nshift = "白班"\nadd = ["p004"]'
    )


def test_dates_are_toml_dates_and_leave_times_are_local_minutes(roster: Roster) -> None:
    text = dumps_roster(roster)
    assert "start = 2026-12-01\nend = 2026-12-31\n" in text
    assert block(text, "[[leave]]") == (
        'person = "p003"\nfrom = "2026-12-02T00:00"\nto = "2026-12-05T00:00"\nreason = "病假"'
    )


def test_leave_times_of_early_years_keep_four_digits(roster: Roster) -> None:
    roster.leaves = [Leave("p003", dt.datetime(33, 1, 2, 3, 4), dt.datetime(33, 1, 2, 5, 6))]
    assert 'from = "0033-01-02T03:04"' in dumps_roster(roster)
    # Written faithfully, then refused on import: the format plans for 2000-2100 only.
    with pytest.raises(InterchangeError, match="2000"):
        loads_roster(dumps_roster(roster))


def test_a_shift_ending_at_midnight_is_written_24_00(roster: Roster) -> None:
    shift = block(dumps_roster(roster), "[[post.shift]]", 2)
    assert shift == 'name = "晚班"\nstart = "16:00"\nend = "24:00"\nneed = 1'


def test_control_characters_are_written_as_escapes(roster: Roster) -> None:
    hostile = '\x1b[2J"引号"\\反斜杠\n\u202e\x9b\U000e0001 　全角空格'
    roster.people[0] = dataclasses.replace(roster.people[0], name=hostile)
    text = dumps_roster(roster)
    expected = '"\\u001b[2J\\"引号\\"\\\\反斜杠\\n\\u202e\\u009b\\U000e0001 　全角空格"'
    assert f"name = {expected}\n" in text
    assert loads_roster(text).people[0].name == hostile


def test_fractional_hours_are_written_as_floats(roster: Roster) -> None:
    roster.people[1] = dataclasses.replace(roster.people[1], max_hours_per_week=37.5)
    assert "max_hours_per_week = 37.5\n" in block(dumps_roster(roster), "[[person]]", 1) + "\n"


def test_dump_roster_file_writes_utf8_without_leaving_a_partial_file(
    tmp_path: Path, roster: Roster
) -> None:
    path = tmp_path / "文化路.toml"
    dump_roster_file(roster, path)
    assert path.read_bytes() == dumps_roster(roster).encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["文化路.toml"]


def test_a_failed_dump_leaves_the_old_file_alone(tmp_path: Path, roster: Roster) -> None:
    path = tmp_path / "文化路.toml"
    path.write_text("old", encoding="utf-8")
    # A lone surrogate: no UTF-8 file can hold it, and TOML has no escape for it.
    roster.people[0] = dataclasses.replace(roster.people[0], name="\ud800")
    with pytest.raises(ValueError, match="surrogate"):
        dump_roster_file(roster, path)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["文化路.toml"]


def test_values_equal_to_python_but_written_apart_stay_apart() -> None:
    from roster_tui.interchange.writer import _scalar, _Written

    written = _Written()
    values = [0.0, -0.0, 1, True, 1.0, "1", dt.date(2026, 1, 1), "2026-01-01", 0, False]
    for value in [*values, *reversed(values)]:
        assert written.scalar(value) == _scalar(value)
