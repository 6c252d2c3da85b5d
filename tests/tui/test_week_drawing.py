"""The week grid draws its text cells itself rather than through rich's Styled and Padding
(WeekTable._draw_text): every cell must come out as DataTable draws it, each character in the
same style, in every look a cell takes (fixed column or not, under the cursor, hovered)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from conftest import TODAY
from helpers import SIZES, app_on, open_screen, settle
from hostile_roster import hostile_roster
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.widgets import DataTable

from roster_tui.domain.model import Roster
from roster_tui.services.place_edits import save_place
from roster_tui.services.workspace import Workspace
from roster_tui.store.repository import Store
from roster_tui.tui.screens.week import WeekScreen
from roster_tui.tui.widgets.week_table import WeekTable


def _simple(lines: list[list[Segment]]) -> list[list[Segment]]:
    """Lines as the table puts them on screen: runs of one style joined (Strip.simplify)."""
    return [list(Segment.simplify(line)) for line in lines]


def _differences(table: WeekTable) -> tuple[int, list[str]]:
    """How many cells were drawn the grid's way, and where they differ from DataTable's."""
    fixed = table.get_component_styles("datatable--fixed").rich_style
    looks = [table.rich_style, fixed + Style.from_meta({"fixed": True})]
    drawn, wrong = 0, []
    for row_index in range(table.row_count):
        row_key = table._row_locations.get_key(row_index)
        assert row_key is not None
        row = table.rows[row_key]
        for column_index, column in enumerate(table.ordered_columns):
            cell = table._data[row_key][column.key]
            assert isinstance(cell, Text)
            width = column.get_render_width(table)
            for base in looks:
                for cursor, hover in [(False, False), (True, False), (False, True)]:
                    ours = table._draw_text(
                        row, row_index, column_index, cell, base, width, cursor, hover
                    )
                    if ours is None:
                        continue
                    drawn += 1
                    theirs = DataTable._render_cell(
                        table, row_index, column_index, base, width, cursor, hover
                    )
                    if _simple(ours) != _simple(theirs):
                        wrong.append(f"{row_key.value} {column.key.value}: {cell.plain!r}")
    return drawn, wrong


@pytest.mark.parametrize("size", SIZES)
async def test_every_cell_of_the_week_is_drawn_as_the_data_table_draws_it(
    store: Store, size: tuple[int, int]
) -> None:
    app = app_on(store)
    async with app.run_test(size=size) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        for _ in range(2):  # this week (today's column, past days dimmed), then the next
            drawn, wrong = _differences(screen.query_one(WeekTable))
            assert drawn > 100 and wrong == []
            await pilot.press("right_square_bracket")
            await settle(app, pilot)


async def test_cells_of_hostile_names_and_changing_hours_are_drawn_as_the_data_table_draws_them(
    store: Store, demo: Roster
) -> None:
    store.import_roster(hostile_roster(demo), replace=True, user="tester")
    workspace = Workspace(store, user="tester")
    post = next(p for p in workspace.load().posts if len(p.shifts) > 1)
    early = tuple(  # half an hour earlier from Thursday on: cells start with their hours
        dataclasses.replace(s, start=(s.start - 30) % 1440, end=(s.end - 30) % 1440)
        for s in post.shifts
    )
    thursday = TODAY + dt.timedelta(days=1)
    assert save_place(workspace, post, post.with_shifts_from(thursday, early)) is not None
    app = app_on(store)
    async with app.run_test(size=SIZES[0]) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        table = screen.query_one(WeekTable)
        cells = table.get_row(f"r:{post.id}:{post.shifts[0].name}")[1:]
        assert all("\n" in str(cell) for cell in cells if str(cell))  # its hours, then names
        drawn, wrong = _differences(table)
        assert drawn > 100 and wrong == []
