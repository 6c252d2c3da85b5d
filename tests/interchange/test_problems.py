"""All problems at once, each at its line, and the file-level ones (docs/format.md)."""

from __future__ import annotations

import pytest

from roster_tui.interchange import InterchangeError, Problem, loads_roster

from .conftest import FILE, edit, line_of


def problems(text: str) -> list[Problem]:
    with pytest.raises(InterchangeError) as caught:
        loads_roster(text, source=FILE)
    return caught.value.problems


def test_a_file_with_ten_problems_reports_all_ten(valid_text: str) -> None:
    breakages = [
        ('timezone = "Asia/Shanghai"', 'timezone = "Asia/Nowhere"'),
        ('kind = "managed"', 'kind = "gated"'),
        ('leader = "p001"', 'leader = "p999"'),
        ('phone = "13800000002"', "phone = 13800000002"),
        ('roles = ["cadre"]', 'roles = ["cadre"]\nnickname = "娜娜"'),
        ('start = "08:00"', 'start = "25:00"'),
        ("need = 1\n\n[[post]]", "need = 0\n\n[[post]]"),
        ('end = "2026-12-31"', 'end = "2026-11-01"'),
        ('to = "2026-12-05T00:00"', 'to = "2026-12-01T00:00"'),
        ("people = 3", "people = 0"),
    ]
    text = valid_text
    for old, new in breakages:
        text = edit(text, old, new)
    found = problems(text)
    assert len(found) == 10
    lines = [
        line_of(text, new.split("\n")[-1] if "nickname" in new else new.split("\n")[0])
        for _, new in breakages
    ]
    assert [problem.line for problem in found] == sorted(lines)
    rendered = str(InterchangeError(found))
    assert rendered.splitlines()[0] == f"{FILE}：发现 10 处问题"
    assert len(rendered.splitlines()) == 11


def test_problems_come_in_the_order_of_the_file(valid_text: str) -> None:
    text = edit(valid_text, "people = 3", "people = 0")
    text = edit(text, 'name = "东风社区"', 'name = ""')
    assert [p.table for p in problems(text)] == ["community", "household"]


@pytest.mark.parametrize(
    ("old", "new", "table", "key"),
    [
        ('format = "roster-tui/1"', 'format = "roster-tui/1"\nversion = 1', None, "version"),
        (
            'timezone = "Asia/Shanghai"',
            'timezone = "Asia/Shanghai"\ncity = "郑州"',
            "subdistrict",
            "city",
        ),
        ("min_rest_hours = 10", "min_rest_hours = 10\nmin_rest = 8", "settings", "min_rest"),
        ('name = "东风社区"', 'name = "东风社区"\nnmae = "东风"', "community", "nmae"),
        ('need_role = "party_member"', 'need_role = "party_member"\nneeds = 2', "post", "needs"),
        ('reason = "病假"', 'reason = "病假"\nreasons = "外出"', "leave", "reasons"),
    ],
)
def test_unknown_keys_are_errors_at_every_level(
    valid_text: str, old: str, new: str, table: str | None, key: str
) -> None:
    text = edit(valid_text, old, new)
    [problem] = problems(text)
    assert (problem.table, problem.key) == (table, key)
    assert problem.line == line_of(text, new.split("\n")[1])
    assert problem.message in ("import.key_unknown", "import.key_unknown_close")


def test_a_typo_in_a_required_key_is_reported_once_with_the_key_meant(valid_text: str) -> None:
    [problem] = problems(edit(valid_text, 'head = "李某"', 'haed = "李某"'))
    assert problem.key == "haed"
    assert problem.text("zh") == "没有这个字段（是不是 head？）"


def test_an_unknown_table_says_which_table_was_meant(valid_text: str) -> None:
    text = valid_text + '\n[[persons]]\nid = "p009"\n'
    [problem] = problems(text)
    assert problem.line == line_of(text, "[[persons]]")
    assert problem.text("en") == "unknown table [[persons]] (did you mean [[person]]?)"
    assert problem.text("zh") == "没有 [[persons]] 这种表（是不是 [[person]]？）"


def test_an_unknown_table_is_suggested_in_the_shape_it_must_have(valid_text: str) -> None:
    [problem] = problems(valid_text + '\n[comunity]\nid = "c09"\n')
    assert problem.text("en") == "unknown table [comunity] (did you mean [[community]]?)"
    [problem] = problems(valid_text + "\n[[setting]]\nmin_rest_hours = 8\n")
    assert problem.text("en") == "unknown table [[setting]] (did you mean [settings]?)"


def test_an_array_written_as_a_single_table(valid_text: str) -> None:
    text = valid_text + '\n[community_extra]\nid = "c09"\n'
    [problem] = problems(text)
    assert problem.line == line_of(text, "[community_extra]")

    text = edit(valid_text, '[[street]]\nid = "s01"', '[street]\nid = "s01"')
    found = problems(text)
    assert found[0].key == "street" and found[0].message == "import.expected_array"
    assert found[0].line == line_of(text, "[street]")


def test_format_must_be_roster_tui_1(valid_text: str) -> None:
    [missing] = problems(edit(valid_text, 'format = "roster-tui/1"\n', ""))
    assert (missing.key, missing.message) == ("format", "import.format_missing")
    [wrong] = problems(edit(valid_text, '"roster-tui/1"', '"roster/1"'))
    assert wrong.where("en") == f"{FILE} line 1 key format"
    assert wrong.text("en") == 'expected "roster-tui/1", not "roster/1"'


def test_a_file_from_another_version_reports_only_its_version(valid_text: str) -> None:
    text = edit(valid_text, '"roster-tui/1"', '"roster-tui/2"')
    text = edit(text, 'name = "东风社区"', 'title = "东风社区"')
    [problem] = problems(text)
    assert problem.key == "format"


def test_the_subdistrict_table_is_required(valid_text: str) -> None:
    text = edit(valid_text, '[subdistrict]\nname = "文化路街道"\ntimezone = "Asia/Shanghai"\n', "")
    [problem] = problems(text)
    assert problem.text("zh") == "缺少 [subdistrict] 表"
    assert problem.line is None


def test_a_row_that_is_not_a_table(valid_text: str) -> None:
    text = edit(valid_text, '[[leave]]\nperson = "p003"', '[[x]]\nperson = "p003"')
    text = edit(text, 'format = "roster-tui/1"', 'format = "roster-tui/1"\nleave = ["p003"]')
    found = problems(text)
    row = next(p for p in found if p.table == "leave")
    assert (row.index, row.message) == (1, "import.expected_table")
    assert row.line == line_of(text, 'leave = ["p003"]')


def test_lines_are_found_past_multiline_strings_and_arrays(valid_text: str) -> None:
    # A note that looks like rows, and a list over several lines, must not shift the lines.
    note = 'notes = """\n[[household]]\nid = "h0002"\npeople = 0\n"""'
    text = edit(valid_text, 'notes = "孕妇，需产检报备"', note)
    text = edit(text, 'add = ["p004"]', 'add = [\n  "p004",\n  "p001",\n]')
    text = edit(text, "people = 1\n", "people = -5\n")
    [problem] = problems(text)
    assert (problem.index, problem.row_id, problem.key) == (2, "h0002", "people")
    assert problem.line == line_of(text, "people = -5")


def test_a_missing_key_points_at_a_nested_shift_header(valid_text: str) -> None:
    text = edit(valid_text, 'end = "08:00"\n', "")
    [problem] = problems(text)
    assert (problem.row_id, problem.subtable, problem.subindex, problem.key) == (
        "x001",
        "shift",
        2,
        "end",
    )
    assert problem.line == line_of(text, 'name = "夜班"') - 1
    assert problem.where("en").endswith("[[post]] #1 (id=x001) [[post.shift]] #2 key end")
