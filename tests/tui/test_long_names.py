"""Names far longer than the demo's: a community or compound of twenty characters and more
still leaves each screen room for what it is there to show."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import SMALL, app_on, open_screen, settle
from textual.widgets import DataTable

from roster_tui.domain.model import Roster
from roster_tui.store.db import open_store
from roster_tui.store.repository import Store
from roster_tui.tui.screens.gaps import GapsScreen
from roster_tui.tui.screens.households import HouseholdsScreen
from roster_tui.tui.widgets.gap_table import GapTable

LONG_COMMUNITY = "燕儿窝南路第二社区居民委员会（含原燕儿窝北路社区）"
LONG_ADDRESS = "Apartment 303, Building A, 123 North Broadway, Los Angeles CA 90012"


def long_named(roster: Roster) -> Roster:
    """The demo with every community named in 25 characters, every household's address in
    70 and its head in 20."""
    return dataclasses.replace(
        roster,
        communities=[
            dataclasses.replace(c, name=f"{LONG_COMMUNITY}{n}")
            for n, c in enumerate(roster.communities)
        ],
        households=[
            dataclasses.replace(
                h, address=f"{LONG_ADDRESS} {h.id}", head=f"{h.head}（户主，外地来郑务工人员）"
            )
            for h in roster.households
        ],
    )


@pytest.fixture
def long_store(demo: Roster, tmp_path: Path) -> Iterator[Store]:
    store = open_store(f"sqlite:///{tmp_path / 'long.sqlite'}", create=True)
    store.import_roster(long_named(demo), replace=True, user="tester")
    yield store
    store.close()


async def test_a_long_community_name_leaves_the_gap_description_room(long_store: Store) -> None:
    app = app_on(long_store)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "3", GapsScreen)
        table = screen.query_one(GapTable)
        widths = {column.key.value: column.width for column in table.columns.values()}
        assert widths["community"] <= SMALL[0] // 6
        assert widths["what"] >= 30  # a 52-cell community left it 10
        assert str(table.get_row_at(0)[1]).startswith("燕儿窝南路")


async def test_a_long_address_leaves_the_status_on_the_screen(long_store: Store) -> None:
    app = app_on(long_store)
    async with app.run_test(size=SMALL) as pilot:
        for language in ("zh", "en"):
            screen = await open_screen(app, pilot, "6", HouseholdsScreen)
            table = screen.query_one("#hh-table", DataTable)
            assert table.row_count == 40, language
            # The status is never scrolled away; the address is cut, not the row.
            assert table.virtual_size.width <= table.scrollable_content_region.width, language
            first = [str(cell) for cell in table.get_row_at(0)]
            assert LONG_ADDRESS.startswith(first[0]) and first[4], language
            await pilot.press("f10")
            await settle(app, pilot)


async def test_the_households_are_cut_again_when_the_terminal_narrows(long_store: Store) -> None:
    app = app_on(long_store)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await open_screen(app, pilot, "6", HouseholdsScreen)
        table = screen.query_one("#hh-table", DataTable)
        wide = str(table.get_row_at(0)[0])
        await pilot.resize_terminal(*SMALL)
        await settle(app, pilot)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        narrow = str(table.get_row_at(0)[0])
        assert wide.startswith(narrow) and len(narrow) < len(wide)
        await pilot.resize_terminal(160, 40)  # wider again: the address is whole again
        await settle(app, pilot)
        assert str(table.get_row_at(0)[0]) == wide


@pytest.mark.parametrize(("key", "table_id"), [("t", "#round-table"), ("o", "#board-table")])
async def test_a_long_address_leaves_the_round_and_the_requests_their_columns(
    long_store: Store, key: str, table_id: str
) -> None:
    """The daily round's contact and temperature, the requests' handler: on the dialog at 80
    columns, however long the address."""
    app = app_on(long_store)
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "6", HouseholdsScreen)
        await pilot.press(key)
        await settle(app, pilot)
        table = app.screen.query_one(table_id, DataTable)
        assert table.row_count > 0
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert LONG_ADDRESS.startswith(str(table.get_row_at(0)[2 if key == "o" else 0]))
