"""XLSX for the office: a sheet per community, printable on A4 landscape, gaps filled."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from roster_tui.domain.model import Roster
from roster_tui.export import (
    Scope,
    WeekView,
    write_duties_xlsx,
    write_households_xlsx,
    write_roster_xlsx,
)
from roster_tui.export.xlsx_package import column_letter
from roster_tui.export.xlsx_writer import column_width, sheet_name

from .sample import HOSTILE_NAMES, WEEK


def load(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def rows_of(sheet: Worksheet) -> list[tuple[object, ...]]:
    return list(sheet.iter_rows(values_only=True))


def test_one_sheet_per_community(view: WeekView) -> None:
    book = load(write_roster_xlsx(view, lang="zh"))
    assert book.sheetnames == ["东风社区", "𠮷祥社区"]
    assert {r[4] for r in rows_of(book["东风社区"])[1:]} == {"东风社区"}


def test_header_row_is_frozen_and_printed_on_every_page(view: WeekView) -> None:
    for sheet in load(write_roster_xlsx(view, lang="zh")):
        assert sheet.freeze_panes == "A2"
        assert sheet.print_title_rows == "$1:$1"
        assert rows_of(sheet)[0][:3] == ("日期", "星期", "班次")


def test_printed_pages_are_headed_with_the_week_and_numbered(view: WeekView) -> None:
    sheet = load(write_roster_xlsx(view, lang="zh"))["东风社区"]
    assert (
        sheet.oddHeader.center.text == "文化路街道 东风社区 值班表 2026年第49周（11月30日—12月6日）"
    )
    assert sheet.oddFooter.right.text == "第&P页/共&N页"


def test_page_setup_is_a4_landscape_one_page_wide(view: WeekView) -> None:
    for sheet in load(write_roster_xlsx(view, lang="zh")):
        setup = sheet.page_setup
        assert setup.orientation == "landscape"
        assert str(setup.paperSize) == "9"
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage


def test_column_widths_count_two_units_per_chinese_character(view: WeekView) -> None:
    sheet = load(write_roster_xlsx(view, lang="zh"))["东风社区"]
    widths = {key: dim.width for key, dim in sheet.column_dimensions.items()}
    assert widths["G"] == 7 * 2 + 2 + 2  # 农科路12号院东门: 7 CJK, 2 digits, then the margin
    assert column_width(["张伟"]) == 6 and column_width(["欧阳秀英秀英秀英"]) == 18


def test_understaffed_cells_are_filled_and_say_so(view: WeekView) -> None:
    sheet = load(write_roster_xlsx(view, lang="zh"))["东风社区"]
    marked = [row[12] for row in sheet.iter_rows(min_row=2) if row[12].value]
    assert {c.value for c in marked} == {"缺1人", "缺2人 缺党员"}
    assert all(c.fill.fgColor.rgb.endswith("FFC7CE") for c in marked)
    plain = [row[12] for row in sheet.iter_rows(min_row=2) if not row[12].value]
    assert plain and all(c.fill.fill_type is None for c in plain)


def test_text_that_looks_like_a_formula_stays_text(view: WeekView) -> None:
    book = load(write_roster_xlsx(view, lang="zh"))
    cells = [c for sheet in book for row in sheet.iter_rows(min_row=2) for c in row]
    hostile = [c for c in cells if c.column == 8 and c.value in HOSTILE_NAMES]
    assert {c.value for c in hostile} == set(HOSTILE_NAMES)
    assert all(c.quotePrefix for c in hostile)  # still text after someone edits the cell
    assert all(c.data_type != "f" for c in cells)


def test_dates_are_dates_and_counts_are_numbers(view: WeekView) -> None:
    first = rows_of(load(write_roster_xlsx(view, lang="zh"))["东风社区"])[1]
    assert first[0] == dt.datetime(2026, 11, 30)
    assert isinstance(first[10], int) and isinstance(first[11], int)


def test_members_phones_are_masked_unless_the_sheet_is_internal(
    view_of: Callable[..., WeekView],
) -> None:
    public = load(write_roster_xlsx(view_of(Scope.whole()), lang="zh"))["东风社区"]
    assert "138****0003" in {r[8] for r in rows_of(public)}
    internal = load(write_roster_xlsx(view_of(Scope.whole(), "internal"), lang="zh"))
    assert "138 0000 0003" in {r[8] for r in rows_of(internal["东风社区"])}


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        ("东风社区", "东风社区"),
        ("a[b]:c*d?e/f\\g", "a_b__c_d_e_f_g"),
        ("'引号'", "引号"),
        ("", "Sheet"),
        ("History", "History_"),
        ("𠮷" * 20, "𠮷" * 15),  # 15 characters outside the BMP are 30 UTF-16 units
        ("长" * 40, "长" * 31),
    ],
)
def test_sheet_names_are_legal(wanted: str, expected: str) -> None:
    assert sheet_name(wanted, set()) == expected


def test_sheet_names_stay_unique_and_short() -> None:
    taken: set[str] = set()
    names = [sheet_name("长" * 40, taken) for _ in range(3)]
    assert names == ["长" * 31, "长" * 28 + "(2)", "长" * 28 + "(3)"]


def test_responsibility_workbooks_mark_their_gaps(
    view: WeekView, view_of: Callable[..., WeekView]
) -> None:
    duties = load(write_duties_xlsx(view, lang="zh"))
    rows = rows_of(duties["东风社区"])
    assert rows[0][-1] == "落实情况"
    assert ("农业路", "未落实") in {(r[2], r[8]) for r in rows}
    households = load(write_households_xlsx(view_of(Scope.whole(), "internal"), lang="zh"))
    second = rows_of(households["𠮷祥社区"])
    by_id = {r[0]: r for r in second[1:]}
    assert by_id["h0002"][-1] == "未落实：无包户人"
    assert by_id["h0003"][-1] == "未落实：包户人请假"
    assert by_id["h0002"][3] == "=cmd|' /C calc'!A0"
    assert isinstance(by_id["h0002"][6], int)


def test_the_same_week_gives_the_same_bytes(view: WeekView) -> None:
    assert write_roster_xlsx(view, lang="zh") == write_roster_xlsx(view, lang="zh")


def test_column_letters_run_past_z() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A", "Z", "AA", "AB", "ZZ", "AAA",
    ]  # fmt: skip


def test_an_empty_week_still_opens_with_its_header(roster: Roster) -> None:
    book = load(write_roster_xlsx(WeekView(roster, WEEK, []), lang="zh"))
    assert book.sheetnames == ["值班表"]
    (header,) = rows_of(book["值班表"])
    assert header[0] == "日期" and header[-1] == "缺员"
