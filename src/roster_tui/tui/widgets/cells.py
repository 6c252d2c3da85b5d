"""Table cells from data: a DataTable reads a bare string as markup, and data is not markup."""

from __future__ import annotations

from rich.text import Text


def plain(value: object) -> object:
    """``value`` as a cell: strings become plain Text (a name like ``[b]张三`` stays as typed)."""
    return Text(value) if isinstance(value, str) else value


def plain_cells(*values: object) -> list[object]:
    return [plain(value) for value in values]
