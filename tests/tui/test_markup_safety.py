"""Names that look like markup are shown as typed: a DataTable reads bare strings as markup."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from helpers import app_on, open_screen
from textual.widgets import DataTable
from textual.widgets._data_table import default_cell_formatter

from roster_tui.domain.model import Roster
from roster_tui.store.db import open_store
from roster_tui.tui.screens.households import HouseholdsScreen

HOSTILE = "[b]李某[/b]"


def _rendered(table: DataTable[object]) -> list[str]:
    """Each cell as the table draws it (markup applied, if the cell is a bare string)."""
    return [
        default_cell_formatter(cell).plain  # type: ignore[union-attr]
        for i in range(table.row_count)
        for cell in table.get_row_at(i)
    ]


async def test_a_household_head_that_looks_like_markup_is_shown_as_typed(
    demo: Roster, tmp_path: Path
) -> None:
    first, *rest = demo.households
    roster = dataclasses.replace(demo, households=[dataclasses.replace(first, head=HOSTILE), *rest])
    store = open_store(f"sqlite:///{tmp_path / 'hostile.sqlite'}", create=True)
    store.import_roster(roster, replace=True, user="tester")
    app = app_on(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_screen(app, pilot, "6", HouseholdsScreen)
        assert HOSTILE in _rendered(screen.query_one("#hh-table", DataTable))
    store.close()
