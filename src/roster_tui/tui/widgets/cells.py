"""Table cells from data: a DataTable reads a bare string as markup, and data is not markup."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text


def plain(value: object) -> object:
    """``value`` as a cell: strings become plain Text (a name like ``[b]张三`` stays as typed)."""
    return Text(value) if isinstance(value, str) else value


def plain_cells(*values: object) -> list[object]:
    return [plain(value) for value in values]


def clip(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` terminal cells (CJK counts two), never splitting a glyph."""
    if cell_len(text) <= width:
        return text
    out = ""
    for char in text:
        if cell_len(out + char) > width:
            break
        out += char
    return out
