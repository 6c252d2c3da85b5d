"""Today's round from Households: neediest first, and the everyday call in three keystrokes."""

from __future__ import annotations

from conftest import TODAY
from helpers import open_screen, settle
from textual.pilot import Pilot
from textual.widgets import DataTable

from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.care_round import RoundDialog
from roster_tui.tui.screens.households import HouseholdsScreen


async def open_round(app: RosterApp, pilot: Pilot[None]) -> RoundDialog:
    """Households (6), then today's round (t), as a person would."""
    await open_screen(app, pilot, "6", HouseholdsScreen)
    await pilot.press("t")
    await settle(app, pilot)
    assert isinstance(app.screen, RoundDialog)
    return app.screen


def row_text(table: DataTable[object], hid: str) -> list[str]:
    return [str(cell) for cell in table.get_row(hid)]


async def test_round_lists_the_fever_first_and_space_records_the_carers_call(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_round(app, pilot)
        table = dialog.query_one("#round-table", DataTable)
        assert table.row_count == 33  # the demo's households in quarantine today
        first = [str(cell) for cell in table.get_row_at(0)]
        assert "发热" in first[3]  # a fever reads in words, not only in red

        rows = dialog.rows
        target = next(
            hid
            for hid, row in rows.items()
            if not row.contacted_today and row.household.carer and not row.fever
        )
        assert "未问访" in row_text(table, target)[2]
        table.move_cursor(row=table.get_row_index(target))
        await pilot.pause()
        await pilot.press("space")
        await settle(app, pilot)

        stored = [c for c in workspace.store.load_roster().contacts if c.household == target]
        assert [(c.date, c.by) for c in stored if c.date == TODAY] == [
            (TODAY, rows[target].household.carer)
        ]
        assert "已问访" in row_text(table, target)[2]
        assert table.get_row_index(target) == table.cursor_row  # the row stays under the cursor

        await pilot.press("ctrl+z")
        await settle(app, pilot)
        stored = [c for c in workspace.store.load_roster().contacts if c.household == target]
        assert all(c.date != TODAY for c in stored)
        assert "未问访" in row_text(table, target)[2]


async def test_space_refuses_a_household_without_a_carer(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_round(app, pilot)
        orphan = next((h for h, row in dialog.rows.items() if not row.household.carer), None)
        if orphan is None:  # give one household no carer, through the app, as a person would
            household = next(iter(dialog.rows.values())).household
            app.edit(lambda ws: ws.set_carer(household, None))
            await settle(app, pilot)
            orphan = household.id
        table = dialog.query_one("#round-table", DataTable)
        before = len(workspace.store.load_roster().contacts)
        table.move_cursor(row=table.get_row_index(orphan))
        await pilot.pause()
        await pilot.press("space")
        await settle(app, pilot)
        assert len(workspace.store.load_roster().contacts) == before
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdsScreen)
