"""Every bad input of docs/format.md that lives in the file: a message naming the file, the line,
the table, the id and the key, in Chinese and in English."""

from __future__ import annotations

import pytest

from roster_tui.interchange import InterchangeError, Problem, loads_roster

from .conftest import FILE, edit, line_of


def only_problem(text: str | bytes) -> Problem:
    with pytest.raises(InterchangeError) as caught:
        loads_roster(text, source=FILE)
    problems = caught.value.problems
    assert len(problems) == 1, "\n".join(p.render("en") for p in problems)
    return problems[0]


def row_where(line: int, table: str, index: int, row_id: str | None, key: str) -> tuple[str, str]:
    """How the location of a key in a row of an array of tables reads, in Chinese and English."""
    ident = f" (id={row_id})" if row_id is not None else ""
    return (
        f"{FILE} 第{line}行 [[{table}]] 第{index}条{ident} 字段 {key}",
        f"{FILE} line {line} [[{table}]] #{index}{ident} key {key}",
    )


def assert_reads(problem: Problem, where: tuple[str, str], zh: str, en: str) -> None:
    assert problem.where("zh") == where[0]
    assert problem.where("en") == where[1]
    assert problem.render("zh") == f"{where[0]}：{problem.text('zh')}"
    assert problem.render("en") == f"{where[1]}: {problem.text('en')}"
    assert zh in problem.text("zh")
    assert en in problem.text("en")


def test_malformed_toml_names_the_line_and_column(valid_text: str) -> None:
    text = edit(valid_text, 'name = "李娜"', 'name = "李娜')
    problem = only_problem(text)
    line = line_of(text, 'name = "李娜')
    column = len('name = "李娜') + 1  # tomllib stops at the end of the line
    assert problem.where("zh") == f"{FILE} 第{line}行第{column}列"
    assert problem.where("en") == f"{FILE} line {line}, column {column}"
    assert problem.text("zh").startswith("TOML 格式有误：")
    assert problem.text("en").startswith("malformed TOML: ")


def test_missing_key_points_at_its_row(valid_text: str) -> None:
    text = edit(valid_text, 'phone = "13800000002"\n', "")
    header = line_of(text, 'id = "p002"') - 1
    assert_reads(
        only_problem(text), row_where(header, "person", 2, "p002", "phone"), "必填", "required"
    )


def test_unknown_key_is_an_error_and_names_the_key_meant(valid_text: str) -> None:
    text = edit(valid_text, 'phone = "13800000003"', 'phnoe = "13800000003"')
    assert_reads(
        only_problem(text),
        row_where(line_of(text, "phnoe"), "person", 3, "p003", "phnoe"),
        "是不是 phone",
        "did you mean phone",
    )


def test_dangling_reference(valid_text: str) -> None:
    text = edit(valid_text, 'roles = ["cadre"]', 'roles = ["cadre"]\nparty_group = "g09"')
    assert_reads(
        only_problem(text),
        row_where(line_of(text, '"g09"'), "person", 4, "p004", "party_group"),
        '找不到 id 为 "g09" 的 [[party_group]]',
        'no [[party_group]] has id "g09"',
    )


def test_dangling_reference_in_a_list_names_the_item(valid_text: str) -> None:
    text = edit(valid_text, '"p001", "p002", "p003"]', '"p001", "p002", "p404"]')
    problem = only_problem(text)
    line = line_of(text, "p404")
    where = row_where(line, "rotation", 1, "r001", "members")
    assert_reads(problem, (where[0] + " 第3项", where[1] + " item 3"), '"p404"', '"p404"')


def test_duplicate_id(valid_text: str) -> None:
    text = valid_text + '\n[[community]]\nid = "c01"\nname = "又一个东风社区"\n'
    assert_reads(
        only_problem(text),
        row_where(len(text.splitlines()) - 1, "community", 3, "c01", "id"),
        "与第1条重复",
        "already used by row #1",
    )


@pytest.mark.parametrize("bad", ["25:00", "24:30", "8:00", "08:60"])
def test_impossible_time_of_day(valid_text: str, bad: str) -> None:
    text = edit(valid_text, 'end = "24:00"', f'end = "{bad}"')
    line = line_of(text, f'"{bad}"')
    problem = only_problem(text)
    assert_reads(
        problem,
        (
            f"{FILE} 第{line}行 [[post]] 第2条 (id=x002) [[post.shift]] 第1条 字段 end",
            f"{FILE} line {line} [[post]] #2 (id=x002) [[post.shift]] #1 key end",
        ),
        f'实为 "{bad}"',
        f'not "{bad}"',
    )


def test_midnight_as_24_00_may_end_a_shift_but_not_start_one(valid_text: str) -> None:
    text = edit(valid_text, 'start = "16:00"', 'start = "24:00"')
    line = line_of(text, 'start = "24:00"')
    assert_reads(
        only_problem(text),
        (
            f"{FILE} 第{line}行 [[post]] 第2条 (id=x002) [[post.shift]] 第1条 字段 start",
            f"{FILE} line {line} [[post]] #2 (id=x002) [[post.shift]] #1 key start",
        ),
        "只能作结束时间",
        "may only end a shift",
    )


def test_rotation_ending_before_it_starts(valid_text: str) -> None:
    text = edit(valid_text, 'end = "2026-12-31"', 'end = "2026-11-30"')
    assert_reads(
        only_problem(text),
        row_where(line_of(text, "2026-11-30"), "rotation", 1, "r001", "end"),
        "早于开始日期 2026-12-01",
        "before the start date 2026-12-01",
    )


@pytest.mark.parametrize("to", ["2026-12-02T00:00", "2026-12-01T23:59"])
def test_leave_ending_at_or_before_it_starts(valid_text: str, to: str) -> None:
    text = edit(valid_text, 'to = "2026-12-05T00:00"', f'to = "{to}"')
    assert_reads(
        only_problem(text),
        row_where(line_of(text, f'to = "{to}"'), "leave", 1, None, "to"),
        "应晚于开始时间",
        "must come after the start",
    )


def test_time_zone_that_does_not_exist(valid_text: str) -> None:
    text = edit(valid_text, '"Asia/Shanghai"', '"Asia/Beijing"')
    line = line_of(text, "Asia/Beijing")
    problem = only_problem(text)
    assert problem.where("zh") == f"{FILE} 第{line}行 [subdistrict] 字段 timezone"
    assert problem.where("en") == f"{FILE} line {line} [subdistrict] key timezone"
    assert '没有这个时区："Asia/Beijing"' in problem.text("zh")
    assert 'no such time zone: "Asia/Beijing"' in problem.text("en")


@pytest.mark.parametrize("need", ["0", "-1", "1.5", "true", '"2"'])
def test_need_must_be_a_whole_number_of_at_least_one(valid_text: str, need: str) -> None:
    text = edit(valid_text, "need = 2\n", f"need = {need}\n")
    line = line_of(text, f"need = {need}")
    assert_reads(
        only_problem(text),
        (
            f"{FILE} 第{line}行 [[post]] 第1条 (id=x001) [[post.shift]] 第1条 字段 need",
            f"{FILE} line {line} [[post]] #1 (id=x001) [[post.shift]] #1 key need",
        ),
        "应为不小于 1 的整数",
        "expected an integer >= 1",
    )


@pytest.mark.parametrize("key", ["members", "shifts"])
def test_empty_rotation(valid_text: str, key: str) -> None:
    old = 'members = ["p001", "p002", "p003"]' if key == "members" else 'shifts = ["白班", "夜班"]'
    text = edit(valid_text, old, f"{key} = []")
    assert_reads(
        only_problem(text),
        row_where(line_of(text, f"{key} = []"), "rotation", 1, "r001", key),
        "不能为空列表",
        "must not be an empty list",
    )


def test_file_that_is_not_utf8_says_where_and_suggests_gbk(valid_text: str) -> None:
    data = valid_text.encode("gb18030")
    offset = valid_text.encode("utf-8").index("文化路街道".encode())
    problem = only_problem(data)
    assert problem.line == line_of(valid_text, "文化路街道")
    assert problem.where("zh") == f"{FILE} 第{problem.line}行第9列"
    assert problem.where("en") == f"{FILE} line {problem.line}, column 9"
    assert f"字节位置 {offset}" in problem.text("zh") and "GBK" in problem.text("zh")
    assert f"byte offset {offset}" in problem.text("en") and "GBK" in problem.text("en")


def test_bytes_that_are_no_known_encoding_are_still_not_utf8() -> None:
    problem = only_problem(b'format = "roster-tui/1"\n\xff\xfe\xfd')
    assert problem.message == "import.not_utf8"
    assert problem.line == 2


def test_control_characters_in_names_are_kept_but_never_shown_raw(valid_text: str) -> None:
    hostile = "\\u001b[2J\\u001b]0;pwned\\u0007张伟\\u202e"
    text = edit(valid_text, 'name = "李娜"', f'name = "{hostile}"')
    roster = loads_roster(text, source=FILE)
    assert roster.people[3].name == "\x1b[2J\x1b]0;pwned\x07张伟\u202e"

    text = edit(text, 'id = "h0002"', 'id = "h\\u001b[31m2"')
    text = edit(text, "people = 1\n", 'people = "\\u001b[2J"\n')
    problem = only_problem(text)
    for lang in ("zh", "en"):
        rendered = problem.render(lang)
        assert rendered.isprintable()
        assert "(id=h\\x1b[31m2)" in rendered
        assert '"\\x1b[2J"' in rendered


def test_a_file_name_with_control_characters_is_escaped_too(valid_text: str) -> None:
    with pytest.raises(InterchangeError) as caught:
        loads_roster(edit(valid_text, "need = 2\n", "need = 0\n"), source="evil\x1b[2J.toml")
    assert str(caught.value).replace("\n", "").isprintable()
    assert "evil\\x1b[2J.toml" in str(caught.value)
