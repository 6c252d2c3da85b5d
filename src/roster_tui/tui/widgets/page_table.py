"""A DataTable that takes a whole page of one-line rows at once, its columns sized beforehand.

DataTable's ``add_row`` checks the cursor and sorts the columns again for every row, and on
the next idle the table measures every cell of every new row to size its columns: for the
thousand households of a page, or People's five hundred, that was most of a first visit to
the screen, all of it on the event loop. ``fill`` puts the rows in in one pass and sizes each
column from ``text_widths``, worked out where the rows are made (in a worker); the columns come
out exactly as wide as DataTable's own measuring makes them. Changes to a page already shown
still go through ``update_cell``, which measures only the cells it changes.

A page's cells are :class:`Cell`: the text and its style, made a rich Text only when the table
draws the cell, so a page of a thousand rows builds rich Texts for the score of rows on screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rich.cells import cell_len, set_cell_size
from rich.control import strip_control_codes
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import Row, RowKey


class Cell:
    """A one-style cell, drawn as ``Text(plain, style=style)``: a DataTable reads a bare string
    as markup, and data is not markup."""

    __slots__ = ("plain", "style")

    def __init__(self, plain: str, style: str = "") -> None:
        self.plain = strip_control_codes(plain)  # as Text keeps it
        self.style = style

    def __rich__(self) -> Text:
        return Text(self.plain, style=self.style)

    def __str__(self) -> str:
        return self.plain

    def __repr__(self) -> str:
        return f"Cell({self.plain!r}, {self.style!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Cell):
            return NotImplemented
        return self.plain == other.plain and self.style == other.style

    def __hash__(self) -> int:
        return hash((self.plain, self.style))


Cells = tuple[Cell | Text, ...]


def text_cells(cells: Iterable[str | Text]) -> Cells:
    """Cells to show: a string as a :class:`Cell`, a Text as it is."""
    return tuple(Cell(cell) if isinstance(cell, str) else cell for cell in cells)


def text_width(cell: Cell | Text) -> int:
    """How wide DataTable measures ``cell``: its longest line."""
    plain = cell.plain
    if plain.isprintable():  # no line break of any kind: one line, as nearly every cell is
        return cell_len(plain)
    lines = plain.splitlines()
    return max(cell_len(line) for line in lines) if lines else 0


def text_widths(rows: Mapping[str, Sequence[Cell | Text]], columns: int) -> list[int]:
    """The width of each of the first ``columns`` columns of ``rows``: its widest cell."""
    widths = [0] * columns
    for cells in rows.values():
        for index, cell in enumerate(cells[:columns]):
            width = text_width(cell)
            if width > widths[index]:
                widths[index] = width
    return widths


def fit_widths(
    widths: Sequence[int], room: int, shrinkable: Iterable[int], least: int = 8
) -> list[int]:
    """``widths`` narrowed to fit ``room`` cells in all: the widest of the ``shrinkable``
    columns gives up a cell at a time, none below ``least`` (past that the table scrolls)."""
    fitted = list(widths)
    narrowing = [i for i in shrinkable if fitted[i] > least]
    excess = sum(fitted) - room
    while excess > 0 and narrowing:
        widest = max(narrowing, key=fitted.__getitem__)
        fitted[widest] -= 1
        excess -= 1
        if fitted[widest] <= least:
            narrowing.remove(widest)
    return fitted


def clip_cells(
    rows: Mapping[str, Sequence[Cell | Text]], widths: Sequence[int]
) -> dict[str, Cells]:
    """Each cell cut to its column's width in ``widths`` (the text is shown whole elsewhere)."""
    clipped = {}
    for key, cells in rows.items():
        row: list[Cell | Text] = []
        for index, cell in enumerate(cells):
            if index < len(widths) and text_width(cell) > widths[index]:
                if isinstance(cell, Cell):  # as Text.truncate crops
                    cell = Cell(set_cell_size(cell.plain, widths[index]), cell.style)
                else:
                    cell = cell.copy()
                    cell.truncate(widths[index], overflow="crop")
            row.append(cell)
        clipped[key] = tuple(row)
    return clipped


class PageTable(DataTable[Cell | Text]):
    """A DataTable of one-line rows of :class:`Cell` or Text, filled a page at a time."""

    class Resized(Message):
        """The table's width changed: rows cut to fit the old width may want cutting again."""

        def __init__(self, table: PageTable, width: int) -> None:
            super().__init__()
            self.table = table
            self.width = width

        @property
        def control(self) -> PageTable:
            return self.table

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.Resized(self, event.size.width))

    def fill(
        self,
        rows: Mapping[str, Sequence[Cell | Text]],
        widths: Sequence[int],
        *,
        fitted: bool = False,
    ) -> None:
        """Show ``rows`` (key → cells) instead of the rows shown; ``widths``: ``text_widths``.

        ``fitted``: the rows were cut to the table's width, so each column takes its width even
        where it once held a wider cell (at a wider terminal, say).
        """
        self.clear()
        columns = self.ordered_columns
        for column, width in zip(columns, widths, strict=False):
            # Else as DataTable does: a column is as wide as the widest cell it has ever held.
            column.content_width = width if fitted else max(column.content_width, width)
        keys = [column.key for column in columns]
        for index, (key, cells) in enumerate(rows.items()):
            row_key = RowKey(key)
            self._row_locations[row_key] = index
            self._data[row_key] = dict(zip(keys, cells, strict=False))
            self.rows[row_key] = Row(row_key, 1)
        self._require_update_dimensions = True  # the table's size, with no row to measure
        self.cursor_coordinate = self.cursor_coordinate
        if rows and columns and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()  # as DataTable does when its first row arrives
        self._update_count += 1
        self.check_idle()
