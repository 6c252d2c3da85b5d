"""e exports the week on screen: the week grid's or the gaps list's, stepped with ] or [."""

from __future__ import annotations

from conftest import TODAY
from helpers import settle
from textual.widgets import Input

from roster_tui.domain.week import Week
from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.export_dialog import ExportDialog


async def _week_offered(app: RosterApp) -> str:
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    return dialog.query_one("#week", Input).value


async def test_e_on_the_gaps_list_offers_the_week_it_shows(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("3")
        await settle(app, pilot)
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert await _week_offered(app) == str(Week.of(TODAY) + 1)


async def test_e_on_the_week_grid_offers_its_week_and_elsewhere_this_week(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert await _week_offered(app) == str(Week.of(TODAY))  # Today: this week
        await pilot.press("escape")
        await pilot.press("2")
        await settle(app, pilot)
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert await _week_offered(app) == str(Week.of(TODAY) - 1)
