"""Notice-board CSV: opens right in Excel/WPS on Chinese Windows and runs no formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest

from roster_tui.export import Scope, WeekView, sanitize, write_duties_csv, write_roster_csv

from .sample import ESCAPE_NAME, HOSTILE_NAMES, PLAIN_NAMES


def parse(data: bytes, encoding: str = "utf-8-sig") -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode(encoding), newline="")))


def column(rows: list[list[str]], heading: str) -> list[str]:
    index = rows[0].index(heading)
    return [row[index] for row in rows[1:]]


def test_default_csv_starts_with_a_bom_and_ends_lines_with_crlf(view: WeekView) -> None:
    data = write_roster_csv(view, lang="zh")
    assert data.startswith(b"\xef\xbb\xbf")
    body = data[3:]
    assert body.count(b"\r\n") == body.count(b"\n") > 1


def test_chinese_headers_when_the_language_is_chinese(view: WeekView) -> None:
    header = parse(write_roster_csv(view, lang="zh"))[0]
    assert header == [
        "日期", "星期", "班次", "时间", "社区", "楼院", "卡点",
        "姓名", "电话", "身份", "应到", "实到", "缺员",
    ]  # fmt: skip
    assert parse(write_roster_csv(view, lang="en"))[0][0] == "Date"


def test_one_row_per_instance_and_counted_person(view: WeekView) -> None:
    rows = parse(write_roster_csv(view, lang="zh"))[1:]
    expected = sum(max(1, len(i.counted)) for i in view.instances)
    # East gate day shift 11 rows (Thursday one person, Friday nobody, Sunday one counted),
    # then 7 for each of the four single-person shifts.
    assert len(rows) == expected == 11 + 4 * 7


def test_an_understaffed_instance_with_nobody_still_gets_a_marked_row(view: WeekView) -> None:
    rows = parse(write_roster_csv(view, lang="zh"))
    friday = [
        r
        for r in rows[1:]
        if r[0] == "2026-12-04" and r[2] == "白班" and r[6] == "农科路12号院东门"
    ]
    assert len(friday) == 1
    assert friday[0][7] == "" and friday[0][12] == "缺2人 缺党员"
    assert friday[0][10:12] == ["2", "0"]


def test_an_inactive_person_is_not_listed_and_the_gap_is_marked(view: WeekView) -> None:
    rows = parse(write_roster_csv(view, lang="zh"))
    sunday = [
        r for r in rows[1:] if r[0] == "2026-12-06" and r[2] == "白班" and r[5] == "农科路12号院"
    ]
    assert [r[7] for r in sunday] == [sanitize(ESCAPE_NAME)]
    assert {r[12] for r in sunday} == {"缺1人"}
    assert "孙八" not in column(rows, "姓名")


def test_cells_that_look_like_formulas_are_neutralised(view: WeekView) -> None:
    names = set(column(parse(write_roster_csv(view, lang="zh")), "姓名"))
    for hostile in HOSTILE_NAMES:
        assert "'" + hostile in names
        assert hostile not in names


def test_numbers_stay_numbers(view: WeekView) -> None:
    rows = parse(write_roster_csv(view, lang="zh"))
    for value in column(rows, "应到") + column(rows, "实到"):
        assert value.isdigit()


def test_members_phones_are_masked_on_a_public_sheet_and_whole_on_an_internal_one(
    view_of: Callable[..., WeekView],
) -> None:
    public = column(parse(write_roster_csv(view_of(Scope.whole()), lang="zh")), "电话")
    assert "138****0003" in public and not any("0000 0003" in p for p in public)
    assert "139****0009" in public  # +86 and spaces do not hide a number from the mask
    assert "138 0000 0001" in public  # 张伟 is a responsible official: the public calls him
    internal_view = view_of(Scope.whole(), "internal")
    internal = column(parse(write_roster_csv(internal_view, lang="zh")), "电话")
    assert {"138 0000 0003", "139 0000 0009"} <= set(internal)


def test_overnight_shift_ends_on_the_next_day_and_a_whole_day_at_24(view: WeekView) -> None:
    rows = parse(write_roster_csv(view, lang="zh"))
    spans = {(r[2], r[3]) for r in rows[1:]}
    assert ("夜班", "20:00–次日08:00") in spans and ("全天", "00:00–24:00") in spans


def test_escape_sequences_never_reach_the_file_raw(view: WeekView) -> None:
    text = write_roster_csv(view, lang="zh").decode("utf-8-sig")
    assert "\x1b" not in text and "\u202e" not in text
    assert sanitize(ESCAPE_NAME) in text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_every_name_survives_a_round_trip(view: WeekView, encoding: str) -> None:
    data = write_roster_csv(view, lang="zh", encoding=encoding)
    rows = parse(data, encoding)
    names = {n.removeprefix("'") for n in column(rows, "姓名")}
    assert {*PLAIN_NAMES, *HOSTILE_NAMES, sanitize(ESCAPE_NAME)} <= names
    assert "𠮷祥社区" in column(rows, "社区")


def test_gb18030_holds_characters_gbk_cannot(view: WeekView) -> None:
    data = write_roster_csv(view, lang="zh", encoding="gb18030")
    assert not data.startswith(b"\xef\xbb\xbf")
    assert "𠮷".encode("gb18030") in data
    with pytest.raises(UnicodeEncodeError):
        "𠮷".encode("gbk")


def test_other_encodings_are_refused(view: WeekView) -> None:
    with pytest.raises(ValueError, match="gbk"):
        write_roster_csv(view, encoding="gbk")


def test_a_person_export_lists_only_their_shifts(view_of: Callable[[Scope], WeekView]) -> None:
    rows = parse(write_roster_csv(view_of(Scope.person("p004")), lang="zh"))[1:]
    shifts = {(r[0], r[2]) for r in rows}
    assert shifts == {
        ("2026-12-01", "白班"),
        ("2026-12-02", "夜班"),
        ("2026-12-05", "夜班"),
        ("2026-12-06", "白班"),
    }
    assert all(r[6] == "农科路12号院东门" for r in rows)


def test_duties_csv_marks_uncovered_streets_and_compounds(view: WeekView) -> None:
    rows = parse(write_duties_csv(view, lang="zh"))
    status = {(r[2], r[8]) for r in rows[1:]}
    assert ("农业路", "未落实") in status
    assert ("吉祥里", "未落实（责任人已停用）") in status
    assert ("老粮站家属院", "未落实") in status
    assert ("农科路12号院", "已落实") in status
    groups = {r[2]: r[4] for r in rows[1:]}
    assert groups["老粮站家属院"] == "无党小组"
