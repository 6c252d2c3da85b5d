"""Plain text: a grid that lines up in display cells, for lp and for chat."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len

from roster_tui.export import Scope, WeekView, write_roster_text
from roster_tui.export.text_writer import pad, wrap

from .sample import PRINTED_AT


def grid_lines(text: str) -> list[list[str]]:
    """Each block's grid lines (those drawn with | and +)."""
    blocks = [b for b in text.replace("\f", "\n\n").split("\n\n") if b.strip()]
    return [[line for line in b.splitlines() if line[:1] in "|+"] for b in blocks]


def test_every_line_of_a_grid_has_the_same_display_width(view: WeekView) -> None:
    for by in ("compound", "community"):
        for lang in ("zh", "en"):
            text = write_roster_text(view, lang=lang, by=by, printed_at=PRINTED_AT)  # type: ignore[arg-type]
            for lines in grid_lines(text):
                assert lines
                assert len({cell_len(line) for line in lines}) == 1


def test_the_grid_fits_an_a4_printer(view: WeekView) -> None:
    text = write_roster_text(view, lang="zh", printed_at=PRINTED_AT)
    widest = max(cell_len(line) for line in text.splitlines())
    assert 100 <= widest <= 130


def test_columns_line_up_under_their_headings(view: WeekView) -> None:
    for lines in grid_lines(write_roster_text(view, lang="zh", printed_at=PRINTED_AT)):
        rule = lines[0]
        joints = [cell_len(rule[:i]) for i, c in enumerate(rule) if c == "+"]
        for line in lines:
            at_column = {cell_len(line[:i]): c for i, c in enumerate(line)}
            assert all(at_column.get(j) in {"|", "+"} for j in joints), line


def test_one_block_per_compound_with_its_leader(view: WeekView) -> None:
    text = write_roster_text(view, lang="zh", printed_at=PRINTED_AT)
    blocks = text.split("\n\n")
    assert len(blocks) == 3
    assert blocks[0].splitlines()[:3] == [
        "文化路街道 东风社区 农科路12号院 值班表",
        "2026年第49周（11月30日—12月6日）",
        "包保责任人：张伟 138 0000 0001",
    ]
    assert all(b.rstrip().endswith("第1版 · 打印于 2026-11-28 09:30") for b in blocks)


def test_page_breaks_for_the_printer(view: WeekView) -> None:
    text = write_roster_text(view, lang="zh", printed_at=PRINTED_AT, page_breaks=True)
    assert text.count("\f") == 2


def test_gaps_are_marked_in_words(view: WeekView) -> None:
    text = write_roster_text(view, lang="zh", printed_at=PRINTED_AT)
    assert text.count("!缺1人") == 2 and "!缺2人" in text and "（无人）" in text


def test_no_control_character_reaches_the_text(view: WeekView) -> None:
    text = write_roster_text(view, lang="zh", printed_at=PRINTED_AT, page_breaks=True)
    assert not [c for c in text if (ord(c) < 32 and c not in "\n\f") or c == "\u202e"]
    assert "\\x1b[31m" in text


def test_a_persons_text_keeps_only_their_rows(view_of: Callable[[Scope], WeekView]) -> None:
    text = write_roster_text(view_of(Scope.person("p005")), lang="zh", printed_at=PRINTED_AT)
    assert "吉祥里1号楼" in text and "农科路12号院" not in text


def test_wrap_cuts_by_display_width_and_prefers_spaces() -> None:
    assert wrap("欧阳秀英秀英", 5) == ["欧阳", "秀英", "秀英"]
    assert wrap("Zhang Wei Long", 10) == ["Zhang Wei", "Long"]
    assert wrap("", 4) == [""]
    assert all(cell_len(line) <= 3 for line in wrap("𠮷𠮷a𠮷", 3))
    assert cell_len(pad("张伟", 6)) == 6
