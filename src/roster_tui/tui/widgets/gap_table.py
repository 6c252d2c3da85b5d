"""The gaps table: one page of grouped gap rows, kind and community written once per group."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import zip_longest

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable
from textual.widgets.data_table import DuplicateKey, Row, RowKey

from roster_tui.domain.gaps import Gap
from roster_tui.domain.text import printable
from roster_tui.engine.describe import gap_kind_label
from roster_tui.i18n import t
from roster_tui.services.overview import GapRow, PlaceIndex
from roster_tui.tui.translate import translate_bindings
from roster_tui.tui.widgets.cells import clip, plain_cells

# A page of the table: thousands of gaps are possible on a large sub-district, and a table
# stays quick to build and to scroll only with a bounded number of rows.
PAGE_SIZE = 200
# The community column takes at most this share of the width: a community named in twenty
# characters would otherwise leave the description, what the screen is for, a few words.
COMMUNITY_SHARE = 6
MIN_COMMUNITY = 8  # cells: the 东风社区 of a short name, whole
# The kind column likewise takes at most a quarter; a longer kind (compound without duty
# holder) goes on over the next lines of its group. Every Chinese kind fits in one line.
KIND_SHARE = 4
MIN_KIND = 14  # cells: 隔离户无人照料


def _width(cell: str | Text) -> int:
    """A cell's width: its longest line's."""
    text = cell.plain if isinstance(cell, Text) else cell
    return max(cell_len(line) for line in text.split("\n"))


def wrap_words(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken at spaces (a longer word alone)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and cell_len(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def kind_lines(labels: Sequence[str | None], width: int) -> list[str]:
    """Each row's kind cell: a row starting a kind (its label given, None on the others) has
    its label's first line, the rows after it the next ones, and the last row of a kind any
    lines left over (it grows taller)."""
    cells: list[str] = []
    pending: list[str] = []
    for number, label in enumerate(labels):
        if label is not None:
            pending = wrap_words(label, width)
        cells.append(pending.pop(0) if pending else "")
        if pending and (number + 1 == len(labels) or labels[number + 1] is not None):
            cells[-1] = "\n".join([cells[-1], *pending])
            pending = []
    return cells


def refill(
    table: DataTable[object],
    columns: Sequence[tuple[str, str]],
    rows: Sequence[tuple[str, Sequence[str | Text]]],
    *,
    fit_width: int | None = None,
    cut: Sequence[tuple[int, int]] = (),
) -> None:
    """Replace every row, with columns sized to fit their cells from the first frame.

    A DataTable measures new rows only when it next goes idle, and a frame drawn before that
    stays cached with the old, narrow columns; sizing the columns up front avoids both.
    With ``fit_width`` columns are cut so the table fits that many cells across: those of
    ``cut`` (column index, fewest cells kept) in its order, each only as far as needed;
    without ``cut``, the last column (long descriptions are shown in full elsewhere). A column
    keeps at least its heading; the table draws each cell cut to its column.
    """
    widths = [cell_len(label) for _, label in columns]
    for _, cells in rows:
        for i, cell in enumerate(cells):
            widths[i] = max(widths[i], _width(cell))
    if fit_width is not None:
        over = sum(widths) + 2 * table.cell_padding * len(widths) - fit_width
        for i, least in cut or ((len(widths) - 1, 0),):
            if over <= 0:
                break
            given = max(min(over, widths[i] - max(least, cell_len(columns[i][1]))), 0)
            widths[i] -= given
            over -= given
    table.clear(columns=True)
    for (key, label), width in zip(columns, widths, strict=True):
        # As Text: a string label is read as markup with emoji codes, and the first one read
        # loads rich's table of emoji (a few milliseconds of the start-up, for none).
        table.add_column(Text(label), key=key, width=width)
    _append_rows(table, [(key, plain_cells(*cells)) for key, cells in rows])  # data, not markup


def _append_rows(table: DataTable[object], rows: Sequence[tuple[str, Sequence[object]]]) -> None:
    """``table.add_row(*cells, key=key)`` for each row, with its upkeep done once for them all.

    Textual's add_row lists the columns in order twice and sets the cursor again for every
    row, a third of filling today's 300 rows at start-up. The rows are recorded here as
    add_row records them (as high as their lines, no label), then the cursor is set, and highlighted
    if the table was empty, once.
    """
    if not rows:
        return
    was_empty = table.row_count == 0
    column_keys = [column.key for column in table.ordered_columns]
    for key, cells in rows:
        if len(cells) > len(column_keys):
            raise ValueError("More values provided than there are columns.")
        row_key = RowKey(key)
        if row_key in table._row_locations:
            raise DuplicateKey(f"The row key {row_key!r} already exists.")
        table._row_locations[row_key] = table.row_count
        table._data[row_key] = dict(zip_longest(column_keys, cells))
        height = max((str(cell).count("\n") for cell in cells), default=0) + 1
        table.rows[row_key] = Row(row_key, height)  # a long kind goes on over lines
        table._new_rows.add(row_key)
    table._require_update_dimensions = True
    table._update_count += 1  # first: what the cursor works out is then kept for these rows
    table.cursor_coordinate = table.cursor_coordinate
    if was_empty and table.columns and table.show_cursor and table.cursor_type != "none":
        table._highlight_cursor()
    table.check_idle()


class GapTable(DataTable[object]):
    BINDINGS = [Binding("enter", "select_cursor", "tui.gaps.key.fix")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        translate_bindings(self)
        self._shown: tuple[list[GapRow], int, PlaceIndex, Mapping[Gap, str]] | None = None
        self._width = 0

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter (go and fix) only when there is a gap to fix: the footer leaves it out else."""
        if action == "select_cursor":
            return self.row_count > 0
        return True

    def on_resize(self) -> None:
        """Fit the description column to the new width, keeping the cursor's gap."""
        if self._shown is not None and self.size.width != self._width:
            rows, offset, index, texts = self._shown
            self.show_page(rows, offset, index, texts, self.current_number() or offset)

    def show_page(
        self,
        rows: list[GapRow],
        offset: int,
        index: PlaceIndex,
        texts: Mapping[Gap, str],
        cursor: int = 0,
    ) -> None:
        """Rows ``offset`` … ``offset + PAGE_SIZE``, in order (the cursor's row tells its gap).

        ``texts`` holds each gap's description, made printable (written in a worker).
        """
        page = rows[offset : offset + PAGE_SIZE]
        cells: list[tuple[str, Sequence[str | Text]]] = []
        self._width = self.size.width
        width = self.size.width - self.styles.scrollbar_size_vertical
        longest = max(MIN_COMMUNITY, width // COMMUNITY_SHARE)
        kinds = kind_lines(
            [
                gap_kind_label(row.gap.kind) if row.first_of_kind or number == 0 else None
                for number, row in enumerate(page)
            ],
            max(MIN_KIND, width // KIND_SHARE),
        )
        for number, (row, kind) in enumerate(zip(page, kinds, strict=True), start=offset):
            first_on_page = number == offset
            community = ""
            if row.first_of_group or first_on_page:
                found = index.communities.get(row.community) if row.community else None
                name = printable(found.name) if found else t("tui.gaps.no_community")
                community = clip(name, longest)
            cells.append((str(number), (Text(kind, style="bold"), community, texts[row.gap])))
        columns = [(key, t(f"tui.gaps.col.{key}")) for key in ("kind", "community", "what")]
        refill(self, columns, cells, fit_width=width if width > 0 else None)
        self._shown = (rows, offset, index, texts)
        self.refresh_bindings()  # Enter comes and goes with the rows
        if page:
            self.move_cursor(row=min(max(cursor - offset, 0), len(page) - 1), animate=False)

    def current_number(self) -> int | None:
        """The place in the full list of the row under the cursor."""
        if self.row_count == 0 or self._shown is None:
            return None
        return self._shown[1] + self.cursor_row  # the page's offset, then the row on the page
