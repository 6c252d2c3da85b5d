"""The footer is drawn again when the keys it shows change, and only then; at 80 columns a key
is shown whole or not at all, and the help key always; the week grid's keys, Fill included, fit."""

from __future__ import annotations

from conftest import TODAY
from helpers import SMALL, open_screen, settle
from rich.text import Text

from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp
from roster_tui.tui.screens.gaps import GapsScreen
from roster_tui.tui.screens.history import HistoryScreen
from roster_tui.tui.screens.households import HouseholdsScreen
from roster_tui.tui.screens.people import PeopleScreen
from roster_tui.tui.screens.places import PlacesScreen
from roster_tui.tui.screens.today import TodayScreen
from roster_tui.tui.screens.week import WeekScreen
from roster_tui.tui.widgets.steady_footer import HELP_ACTIONS, FooterKey, Keys, SteadyFooter


def footer_keys(app: RosterApp) -> Keys:
    return app.screen.query_one(SteadyFooter).keys


def descriptions(app: RosterApp) -> set[str]:
    keys = footer_keys(app)
    return {key.description for key in keys.row if isinstance(key, FooterKey)}


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
        assert footer_keys(app) is week_keys  # the same keys: nothing drawn again
        await pilot.press("f10")
        await settle(app, pilot)
        assert "Add" in descriptions(app)
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
                footer = app.screen.query_one(SteadyFooter)
                line = footer.render()
                assert isinstance(line, Text) and line.cell_len == SMALL[0] - 1, (language, key)
                drawn = [k for _, _, k in footer.spans]
                assert drawn, (language, key)
                for shown in drawn:
                    assert f"{shown.display} {shown.description}".strip() in line.plain
                helps = [(end, k) for _, end, k in footer.spans if k.action in HELP_ACTIONS]
                assert helps and helps[0][0] <= SMALL[0], (language, key)
                if screen is WeekScreen:  # the grid's editing keys, the weeks and the fill
                    actions = {k.action for k in drawn}
                    wanted = {"assign", "remove", "replace", "next_gap", "fill"}
                    assert wanted <= actions and "move_week(1)" in actions, language
            await pilot.press("f10")
            await settle(app, pilot)
