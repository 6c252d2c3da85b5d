"""A page's cells drawn from plain text and a style read and are cut as rich Texts are."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from roster_tui.tui.widgets.page_table import Cell, clip_cells, text_width

SAMPLES = ["东风社区幸福小区3号楼2单元", "Room 12, Block 3", "", "a\x07b", "张伟 尾号0003"]


def _drawn(cell: object) -> str:
    console = Console(width=40, record=True, color_system="truecolor")
    console.print(cell, end="")
    return console.export_text(styles=True)


def test_a_cell_draws_and_measures_as_its_text() -> None:
    for plain in SAMPLES:
        for style in ("", "bold red"):
            cell, text = Cell(plain, style), Text(plain, style=style)
            assert _drawn(cell) == _drawn(text)
            assert str(cell) == text.plain and text_width(cell) == text_width(text)


def test_a_cell_is_cut_as_its_text_is() -> None:
    for width in range(12):
        rows = {str(i): (Cell(p, "red"),) for i, p in enumerate(SAMPLES)}
        texts = {str(i): (Text(p, style="red"),) for i, p in enumerate(SAMPLES)}
        cut, cut_texts = clip_cells(rows, [width]), clip_cells(texts, [width])
        for key in rows:
            assert _drawn(cut[key][0]) == _drawn(cut_texts[key][0]), (key, width)
