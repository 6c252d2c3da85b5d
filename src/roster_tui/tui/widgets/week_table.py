"""The week grid: compound and post headings, one row per shift, seven day columns.

Rows are refreshed by diff (``update_cell`` where only text changed) so an edit repaints one
cell, not a thousand rows; the table is rebuilt only when its shape changes. The columns are
laid out for the table's width (see week_cells) and laid out again when it changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from itertools import pairwise

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, DuplicateKey, Row, RowKey

from roster_tui.domain.week import Week
from roster_tui.i18n import t
from roster_tui.tui.widgets.week_cells import (
    DAY_COLUMNS,
    PAD,
    GridLayout,
    RenderedRow,
    day_heading,
)

__all__ = ["DAY_COLUMNS", "GridLayout", "RenderedRow", "WeekTable"]


class WeekTable(DataTable[Text]):
    """A DataTable that knows how to take a new week by diff."""

    def __init__(self) -> None:
        # Cells drawn, by where they are and what they show: kept across updates (see
        # _render_cell); first, as DataTable's own start clears its caches.
        self._drawn: LRUCache[tuple[object, ...], tuple[Text, list[list[Segment]]]] = LRUCache(
            10_000
        )
        super().__init__(
            cursor_type="cell",
            zebra_stripes=False,
            header_height=2,
            cell_padding=0,  # each cell pads itself: a heading runs on across the columns
            id="week-table",
        )
        self.fixed_columns = 1
        self.grid_layout: GridLayout | None = None  # the columns' widths, once set
        self._shape: list[tuple[str, int]] = []
        self._cells: dict[str, tuple[Text, ...]] = {}
        # Which post and shift each row shows, and back: ids are never read out of row keys
        # (a post id may hold any character).
        self._shifts: list[tuple[str, str] | None] = []
        self._rows_by_shift: dict[tuple[str, str], int] = {}

    def set_days(self, week: Week, layout: GridLayout, today: dt.date | None) -> None:
        """The columns for the days of ``week``, ``layout`` wide.

        At the same width only the day headings change: the rows stay, and the next
        :meth:`show` updates the cells that differ (a new week keeps the rows' shape, and
        adding a thousand rows again costs far more than relabelling seven columns).
        """
        headings = [day_heading(day, i, today) for i, day in enumerate(week.days)]
        if layout == self.grid_layout and len(self.columns) == 1 + len(DAY_COLUMNS):
            for key, heading in zip(DAY_COLUMNS, headings, strict=True):
                self.columns[ColumnKey(key)].label = heading
            self._update_count += 1  # the header is drawn from a cache keyed by this count
            self.refresh()
            return
        self.clear(columns=True)
        self.grid_layout = layout
        self._shape = []
        self._cells = {}
        self._shifts, self._rows_by_shift = [], {}
        self.add_column(Text(PAD + t("tui.week.post")), width=layout.label, key="label")
        for key, heading in zip(DAY_COLUMNS, headings, strict=True):
            self.add_column(heading, width=layout.day, key=key)

    def show(self, rows: list[RenderedRow]) -> None:
        if [r.key for r in rows] != [key for key, _ in self._shape]:
            cursor = self.cursor_coordinate
            self.clear()
            self._add_rows(rows)
            self._shape = [(r.key, r.height) for r in rows]
            self._cells = {r.key: r.cells for r in rows}
            self._shifts = [r.shift for r in rows]
            self._rows_by_shift = {r.shift: i for i, r in enumerate(rows) if r.shift is not None}
            if rows:
                self.cursor_coordinate = self.validate_cursor_coordinate(cursor)
            return
        # The same rows (another week, or an edit): their cells and heights change in place.
        # DataTable draws from caches keyed by its update count, and sizes itself on idle.
        columns = [ColumnKey(key) for key in ("label", *DAY_COLUMNS)]
        changed = False
        for row, (_, height) in zip(rows, self._shape, strict=True):
            old = self._cells.get(row.key, ())
            if row.cells == old and row.height == height:
                continue
            key = RowKey(row.key)
            cells = self._data[key]
            for column, new in zip(columns, row.cells, strict=False):
                cells[column] = new
            self.rows[key].height = row.height
            self._cells[row.key] = row.cells
            changed = True
        if changed:
            self._shape = [(r.key, r.height) for r in rows]
            self._update_count += 1
            self._require_update_dimensions = True  # the rows' heights may have changed
            self.check_idle()
            self.refresh()

    def _add_rows(self, rows: list[RenderedRow]) -> None:
        """``rows`` after the table's rows, as ``add_row`` one by one would put them.

        ``add_row`` lays out the columns again, moves the cursor and asks for an update at
        each row: a thousand times for a large week. Here that is done once for them all.
        """
        columns = [column.key for column in self.ordered_columns]
        first = len(self.rows)
        names = {row.key for row in rows}  # plain strings: a RowKey hashes in Python
        if len(names) < len(rows) or (first and any(name in self.rows for name in names)):
            raise DuplicateKey("a row key is given twice")
        for index, row in enumerate(rows, start=first):
            key = RowKey(row.key)
            self._row_locations[key] = index
            self._data[key] = dict(zip(columns, row.cells, strict=True))
            self.rows[key] = Row(key, row.height)
            self._new_rows.add(key)
        if not rows:
            return
        self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate
        if first == 0 and columns and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()  # a cell to be on where there was none
        self._update_count += 1
        self.check_idle()

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """The table's size, without measuring the new rows' cells.

        DataTable measures every cell of every new row to size auto-width columns and
        auto-height rows; here every column has its width and every row its height, so the
        thousands of measures of a week would change nothing.
        """
        if any(column.auto_width for column in self.columns.values()):
            super()._update_dimensions(new_rows)
        else:
            super()._update_dimensions(())

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> list[list[Segment]]:
        """A cell's lines, kept while the cell shows the very same Text in the same place.

        DataTable keys its drawn cells by its update count, so a new week or an edit draws
        every cell on screen again through rich; here a cell is drawn again only when what it
        shows, its place, size or look changed. Cells are never edited in place (a change puts
        another Text in), so the Text itself says what the cell shows.
        """
        row_key = self._row_locations.get_key(row_index) if row_index >= 0 else None
        column_key = self._column_locations.get_key(column_index) if column_index >= 0 else None
        if row_key is None or column_key is None:  # the header, or no such cell
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        cell = self._data[row_key].get(column_key)
        key = (
            row_index,
            column_index,
            id(cell),
            self.rows[row_key].height,
            base_style,
            width,
            cursor,
            hover,
            self._show_hover_cursor,
            self.show_cursor,
            self._pseudo_class_state,
        )
        kept = self._drawn.get(key)
        if kept is not None and kept[0] is cell:
            return kept[1]
        lines = None
        if isinstance(cell, Text):
            lines = self._draw_text(
                self.rows[row_key], row_index, column_index, cell, base_style, width, cursor, hover
            )
        if lines is None:
            lines = super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        if isinstance(cell, Text):
            self._drawn[key] = (cell, lines)
        return lines

    def _draw_text(
        self,
        row: Row,
        row_index: int,
        column_index: int,
        cell: Text,
        base_style: Style,
        width: int,
        cursor: bool,
        hover: bool,
    ) -> list[list[Segment]] | None:
        """A cell's lines as DataTable draws them, without rich's wrapping and padding.

        DataTable draws a cell through rich (Styled over Padding over the Text): the text is
        wrapped, split, joined and rendered, then cut and padded twice over, for a cell of the
        grid whose lines are laid to fit already. Here each line's runs of one style are put
        straight into segments, each character in the style rich gives it: the cell's spans
        over the Text's own style, under DataTable's styles for the cell, then padded to the
        width and to the row's height. None where the cell is not such a text (a line too
        wide, a tab, options of its own): DataTable draws it.
        """
        plain = cell.plain
        if (
            cell.end != "\n"
            or cell.justify is not None
            or cell.overflow is not None
            or cell.no_wrap is not None
            or cell.tab_size is not None
            or "\t" in plain
            or plain.endswith("\n")
        ):
            return None
        height = row.height
        texts = plain.split("\n")
        if row.auto_height or len(texts) > height or any(cell_len(t) > width for t in texts):
            return None
        fixed = row_index < self.fixed_rows or column_index < self.fixed_columns
        component, post = self._get_styles_to_render_cell(
            False,
            False,
            fixed,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        base_style += Style.from_meta({"row": row_index, "column": column_index})
        pre = base_style + component

        def final(style: Style) -> Style:  # as Styled puts DataTable's styles around a run
            inner = pre + style
            return inner + post if inner else post

        console = self.app.console
        null = Style.null()
        # The Text's own style, then its spans in order (rich's order of precedence).
        styles = [console.get_style(cell.style, default=null)] if cell.style else []
        spans = [(span.start, span.end) for span in cell.spans]
        styles += [console.get_style(span.style, default=null) for span in cell.spans]
        own = len(styles) - len(spans)
        combined: dict[tuple[int, ...], Style] = {}
        blank = final(null)
        lines: list[list[Segment]] = []
        start = 0
        for text in texts:
            end = start + len(text)
            cuts = {start, end}
            for a, b in spans:
                if a < end and b > start:
                    cuts.update((max(a, start), min(b, end)))
            segments: list[Segment] = []
            edges = sorted(cuts)
            for a, b in pairwise(edges):
                on = tuple(
                    [*range(own), *(own + i for i, (x, y) in enumerate(spans) if x <= a and y >= b)]
                )
                style = combined.get(on)
                if style is None:
                    style = combined[on] = final(Style.combine([null, *(styles[i] for i in on)]))
                segments.append(Segment(text[a - start : b - start], style))
            room = width - cell_len(text)
            if room > 0:
                segments.append(Segment(" " * room, blank))
            lines.append(segments)
            start = end + 1
        lines += [[Segment(" " * width, blank)] for _ in range(height - len(texts))]
        return lines

    def _clear_caches(self) -> None:
        super()._clear_caches()
        self._drawn.clear()

    def notify_style_update(self) -> None:
        self._drawn.clear()  # a new theme or style: every cell looks different
        super().notify_style_update()

    def shift_at(self, row: int) -> tuple[str, str] | None:
        """(post id, shift name) of the row at ``row``; None on a heading."""
        return self._shifts[row] if 0 <= row < len(self._shifts) else None

    def row_of(self, post: str, shift: str) -> int | None:
        """Where the row of ``post``'s ``shift`` is, if it is shown."""
        return self._rows_by_shift.get((post, shift))
