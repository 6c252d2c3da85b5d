"""The week grid: post × shift rows, seven day columns, people and gap marks in each cell.

Rows are refreshed by diff (``update_cell`` where only text changed) so an edit repaints one
cell, not a thousand rows; the table is rebuilt only when its shape changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Person, Roster
from roster_tui.domain.text import printable
from roster_tui.domain.week import Week
from roster_tui.i18n import t
from roster_tui.services.week_grid import GroupRow, ShiftRow

LABEL_WIDTH = 12
DAY_WIDTH = 7
DAY_COLUMNS = tuple(f"d{i}" for i in range(7))


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


@dataclass(frozen=True, slots=True)
class RenderedRow:
    key: str
    cells: tuple[Text, ...]
    height: int
    shift: tuple[str, str] | None = None  # (post id, shift name) of a shift row


def short_post_name(post_name: str, compound_name: str) -> str:
    """农科路12号院东门 under 农科路12号院 reads 东门: the heading already names the compound."""
    if post_name.startswith(compound_name) and len(post_name) > len(compound_name):
        return post_name[len(compound_name) :]
    return post_name


def render_cell(
    instance: ShiftInstance | None, gaps: list[Gap], people: Mapping[str, Person]
) -> Text:
    if instance is None:
        return Text("")
    lines: list[Text] = []
    flagged = {g.person for g in gaps if g.kind in (GapKind.DOUBLE_BOOKED, GapKind.SHORT_REST)}
    for pid in instance.assigned:
        person = people.get(pid)
        name = printable(person.name) if person else pid
        if pid in instance.counted:
            mark = "*" if pid in flagged else ""
            lines.append(Text(clip(name, DAY_WIDTH - len(mark)) + mark))
        else:
            lines.append(Text("!" + clip(name, DAY_WIDTH - 1), style="strike dim"))
    short = instance.need - instance.have
    if short > 0:
        lines.append(Text(t("tui.week.short", n=short), style="bold reverse red"))
    if any(g.kind is GapKind.MISSING_ROLE for g in gaps):
        lines.append(Text(t("tui.week.no_role"), style="bold reverse yellow"))
    return Text("\n").join(lines) if lines else Text("")


def render_rows(
    rows: list[GroupRow | ShiftRow],
    roster: Roster,
    gaps_by_cell: dict[tuple[str, dt.date, str], list[Gap]],
) -> list[RenderedRow]:
    people = roster.index.people
    compound_names = {c.id: c.name for c in roster.compounds}
    rendered: list[RenderedRow] = []
    for row in rows:
        if isinstance(row, GroupRow):
            kind = Text(clip(t(f"kind_short.{row.compound.kind.value}"), DAY_WIDTH), style="dim")
            heading = Text(clip(printable(row.compound.name), LABEL_WIDTH), style="bold")
            community = Text(clip(printable(row.community), DAY_WIDTH), style="dim")
            cells = (heading, community, kind, *[Text("") for _ in range(5)])
            rendered.append(RenderedRow(f"g:{row.compound.id}", cells, 1))
            continue
        name = short_post_name(row.post.name, compound_names.get(row.post.compound, ""))
        label = Text(clip(printable(name), LABEL_WIDTH))
        span = f"{row.shift.start // 60:02d}-{row.shift.end // 60:02d}"
        label.append("\n" + clip(f"{printable(row.shift.name)} {span}", LABEL_WIDTH), "dim")
        day_cells = []
        for instance in row.cells:
            key = instance.key if instance else None
            day_cells.append(
                render_cell(instance, gaps_by_cell.get(key, []) if key else [], people)
            )
        height = max(2, *(len(c.plain.split("\n")) for c in day_cells if c.plain))
        rendered.append(
            RenderedRow(
                f"r:{row.post.id}:{row.shift.name}",
                (label, *day_cells),
                height,
                (row.post.id, row.shift.name),
            )
        )
    return rendered


class WeekTable(DataTable[Text]):
    """A DataTable that knows how to take a new week by diff."""

    def __init__(self) -> None:
        super().__init__(cursor_type="cell", zebra_stripes=False, header_height=2, id="week-table")
        self.fixed_columns = 1
        self._shape: list[tuple[str, int]] = []
        self._cells: dict[str, tuple[Text, ...]] = {}
        # Which post and shift each row shows, and back: ids are never read out of row keys
        # (a post id may hold any character).
        self._shifts: list[tuple[str, str] | None] = []
        self._rows_by_shift: dict[tuple[str, str], int] = {}

    def set_days(self, week: Week) -> None:
        """(Re)create the columns for the days of ``week``."""
        self.clear(columns=True)
        self._shape = []
        self._cells = {}
        self._shifts, self._rows_by_shift = [], {}
        self.add_column(Text(t("tui.week.post")), width=LABEL_WIDTH, key="label")
        for i, (key, day) in enumerate(zip(DAY_COLUMNS, week.days, strict=True)):
            head = Text(t(f"weekday.{i}"))
            head.append(f"\n{day.month}/{day.day}")
            self.add_column(head, width=DAY_WIDTH, key=key)

    def show(self, rows: list[RenderedRow]) -> None:
        shape = [(r.key, r.height) for r in rows]
        if shape != self._shape:
            cursor = self.cursor_coordinate
            self.clear()
            for row in rows:
                self.add_row(*row.cells, key=row.key, height=row.height)
            self._shape = shape
            self._cells = {r.key: r.cells for r in rows}
            self._shifts = [r.shift for r in rows]
            self._rows_by_shift = {r.shift: i for i, r in enumerate(rows) if r.shift is not None}
            if rows:
                self.cursor_coordinate = self.validate_cursor_coordinate(cursor)
            return
        columns = ("label", *DAY_COLUMNS)
        for row in rows:
            old = self._cells.get(row.key, ())
            for column, new, before in zip(columns, row.cells, old, strict=False):
                if new != before:
                    self.update_cell(row.key, column, new)
            self._cells[row.key] = row.cells
        self.refresh()

    def shift_at(self, row: int) -> tuple[str, str] | None:
        """(post id, shift name) of the row at ``row``; None on a compound's heading."""
        return self._shifts[row] if 0 <= row < len(self._shifts) else None

    def row_of(self, post: str, shift: str) -> int | None:
        """Where the row of ``post``'s ``shift`` is, if it is shown."""
        return self._rows_by_shift.get((post, shift))
