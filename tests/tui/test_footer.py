"""The footer is rebuilt when the keys it shows change, and only then."""

from __future__ import annotations

from conftest import TODAY
from helpers import SMALL, open_screen, settle
from textual.widgets._footer import FooterKey

from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp
from roster_tui.tui.screens.gaps import GapsScreen
from roster_tui.tui.screens.history import HistoryScreen
from roster_tui.tui.screens.households import HouseholdsScreen
from roster_tui.tui.screens.people import PeopleScreen
from roster_tui.tui.screens.places import PlacesScreen
from roster_tui.tui.screens.today import TodayScreen
from roster_tui.tui.screens.week import WeekScreen
from roster_tui.tui.widgets.steady_footer import HELP_ACTIONS, FooterRow


def footer_keys(app: RosterApp) -> list[FooterKey]:
    return list(app.screen.query(FooterKey))


def descriptions(app: RosterApp) -> set[str]:
    return {key.description for key in footer_keys(app)}


async def test_coming_back_to_a_screen_keeps_its_footer_and_a_language_switch_redraws_it(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "2", WeekScreen)
        week_keys = footer_keys(app)
        assert "安排人员" in descriptions(app)
        await open_screen(app, pilot, "4", PeopleScreen)
        assert "安排人员" not in descriptions(app)  # People's own keys
        await open_screen(app, pilot, "2", WeekScreen)
        assert footer_keys(app) == week_keys  # the same widgets: nothing rebuilt
        await pilot.press("f10")
        await settle(app, pilot)
        assert "Assign" in descriptions(app)
        assert "安排人员" not in descriptions(app)


async def test_at_80_columns_a_key_is_shown_whole_or_not_at_all_and_help_always_shows(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    screens = [
        ("1", TodayScreen),
        ("2", WeekScreen),
        ("3", GapsScreen),
        ("4", PeopleScreen),
        ("5", PlacesScreen),
        ("6", HouseholdsScreen),
        ("7", HistoryScreen),
    ]
    async with app.run_test(size=SMALL) as pilot:
        for language in ("zh", "en"):
            for key, screen in screens:
                await open_screen(app, pilot, key, screen)
                await pilot.pause()
                row = app.screen.query_one(FooterRow)
                shown = [k for k in row.children if k.visible]
                assert shown, (language, key)
                assert all(k.virtual_region.right <= row.size.width for k in shown), (language, key)
                helps = [k for k in footer_keys(app) if k.action in HELP_ACTIONS]
                assert helps and helps[0].region.right <= SMALL[0], (language, key)
            await pilot.press("f10")
            await settle(app, pilot)
