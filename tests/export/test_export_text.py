"""Plain text for ``lp``: what CUPS prints at its defaults (A4, 80 columns, 66 lines)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from wcwidth import wcswidth

from roster_tui.engine.expand import expand_instances
from roster_tui.export import Scope, WeekView, write_roster_text
from roster_tui.export.text_writer import pad, wrap
from roster_tui.interchange import load_roster_file

from .sample import MONDAY, PRINTED_AT, WEEK

DEMO = Path(__file__).parents[2] / "sample_data" / "wenhualu.toml"


@pytest.fixture(scope="module")
def demo_text() -> str:
    """The demo sub-district's week 2026-W49, as the office prints it."""
    roster = load_roster_file(DEMO)
    instances = expand_instances(roster, MONDAY, MONDAY + dt.timedelta(days=6))
    return write_roster_text(WeekView(roster, WEEK, instances), lang="zh")


def test_every_line_fits_80_columns_and_every_page_66_lines(demo_text: str) -> None:
    pages = demo_text.split("\f")
    assert len(pages) > 1  # the demo needs several pages, parted by form feeds
    for page in pages:
        lines = page.rstrip("\n").split("\n")
        assert len(lines) <= 66
        for line in lines:
            assert 0 <= wcswidth(line) <= 80, line


def test_every_page_stands_alone(demo_text: str) -> None:
    pages = demo_text.split("\f")
    for number, page in enumerate(pages, 1):
        head = page.split("\n")[:3]
        assert head[0].startswith("文化路街道 ") and "社区" in head[0]
        assert head[0].endswith(f"第{number}页/共{len(pages)}页")
        assert head[1].startswith("2026年第49周(11月30日-12月6日)")
        assert head[2].startswith("第1版 - 打印于")
        assert "== " in page  # the post or compound named on the page itself


def test_only_glyphs_the_printer_fonts_have(demo_text: str, view: WeekView) -> None:
    """ASCII and Chinese characters; no full-width brackets, colons or dashes (boxes in CUPS)."""
    for text in (demo_text, write_roster_text(view, lang="zh")):
        odd = {
            c
            for c in text
            if ord(c) > 0x7E
            and c not in "\f"
            and not unicodedata.name(c, "").startswith("CJK UNIFIED IDEOGRAPH")
        }
        assert odd == set()


def test_gaps_are_marked_and_explained(view: WeekView) -> None:
    text = write_roster_text(view, lang="zh", printed_at=PRINTED_AT)
    assert "12月4日 周五  (无人) !缺2人 缺党员" in text
    assert "! 标记: 缺N人,缺党员等 = 该班缺员" in text


def test_a_wider_paper_gets_wider_lines(view: WeekView) -> None:
    text = write_roster_text(view, lang="zh", width=132, printed_at=PRINTED_AT)
    assert max(wcswidth(line) for line in text.split("\n")) == 132


def test_an_internal_sheet_says_so_on_every_page(view_of: Callable[..., WeekView]) -> None:
    text = write_roster_text(view_of(Scope.whole(), "internal"), lang="zh")
    pages = text.split("\f")
    assert all("内部资料 - 注意保密" in page for page in pages)
    assert "内部资料" not in write_roster_text(view_of(Scope.whole()), lang="zh")


def test_a_person_sees_only_the_shifts_they_stand_on(view_of: Callable[..., WeekView]) -> None:
    text = write_roster_text(view_of(Scope.person("p005")), lang="zh", printed_at=PRINTED_AT)
    assert "吉祥里1号楼" in text and "农科路12号院东门" not in text


def test_wrap_cuts_by_display_width() -> None:
    assert wrap("农科路12号院东门岗亭", 10) == ["农科路12号", "院东门岗亭"]
    assert pad("张伟", 6) == "张伟  "
