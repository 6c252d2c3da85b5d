"""On a shared login the app asks who is working here, and History shows that person."""

from __future__ import annotations

from conftest import TODAY
from helpers import open_screen, settle

from roster_tui.services.operator import TERMINALS_PREFERENCE
from roster_tui.services.preferences import Preferences
from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.person_picker import PersonPicker
from roster_tui.tui.screens.history import HistoryScreen
from roster_tui.tui.screens.people import PeopleScreen


async def test_a_shared_login_asks_who_is_working_and_history_names_them(
    workspace: Workspace,
) -> None:
    preferences = Preferences(None)
    preferences.set(TERMINALS_PREFERENCE, "TMUX_PANE=%1")  # another terminal used this login
    app = RosterApp(
        workspace, today=TODAY, poll_seconds=3600, preferences=preferences, terminal="TMUX_PANE=%2"
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        picker = app.screen
        assert isinstance(picker, PersonPicker)
        await pilot.press(*"0003")  # 张伟 of 东风社区, by phone tail
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert workspace.user == "tester/p003"
        await open_screen(app, pilot, "4", PeopleScreen)
        await pilot.press("d")  # deactivate 张伟 p003 ... previewed, then confirmed
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        assert workspace.history(limit=1)[0].user == "tester/p003"
        history = await open_screen(app, pilot, "7", HistoryScreen)
        assert "张伟（tester）" in str(history.query_one("DataTable").get_row_at(0)[1])
