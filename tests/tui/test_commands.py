"""Help and commands in the user's language: Ctrl+P, F1, F10 and q, as a person presses them."""

from __future__ import annotations

from helpers import app_on, open_screen, settle, table_text
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from roster_tui.domain.model import Roster
from roster_tui.i18n import current_language, set_language
from roster_tui.store.repository import Store
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.export_dialog import ExportDialog
from roster_tui.tui.dialogs.gap_choice import ChoiceModal
from roster_tui.tui.dialogs.help import HelpScreen
from roster_tui.tui.screens.gaps import GapsScreen
from roster_tui.tui.screens.people import PeopleScreen
from roster_tui.tui.screens.today import TodayScreen
from roster_tui.tui.screens.week import WeekScreen
from roster_tui.tui.widgets.mode_bar import ModeBar
from roster_tui.tui.widgets.week_table import WeekTable


async def _palette_prompts(app: RosterApp, pilot: Pilot[None]) -> list[str]:
    for _ in range(200):  # the providers answer asynchronously (a loaded machine: seconds)
        await pilot.pause(0.05)
        listed = app.screen.query_one(CommandList)
        if listed.option_count:
            break
    return [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]


async def test_ctrl_p_opens_the_apps_own_commands_this_screens_first(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "2", WeekScreen)
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        assert isinstance(app.screen, CommandPalette)
        prompts = await _palette_prompts(app, pilot)
        assert prompts[0].startswith("安排人员")  # the week grid's first key, a
        assert any(p.startswith("转到「缺口」") for p in prompts)
        assert any(p.startswith("导出") for p in prompts)
        assert not any("Theme" in p or "Screenshot" in p for p in prompts)  # no English
        await pilot.press(*"导出")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ExportDialog)


async def test_the_palette_runs_a_screen_command_on_that_screen(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "1", TodayScreen)
        await pilot.press("ctrl+p", *"缺口", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, GapsScreen)


async def test_f1_lists_this_screens_keys_first_in_the_users_language(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "3", GapsScreen)
        await pilot.press("f1")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        rows = table_text(app.screen.query_one(DataTable))
        assert rows[0][1] == "上一周"  # the gaps screen's own first key, [
        actions = [action for _, action in rows]
        assert "去处理" in actions and "帮助" in actions
        assert actions.index("去处理") < actions.index("帮助")  # the screen before the app
        # The keys every screen shares come last, after the app's own actions (export, scope).
        shared = [actions.index(a) for a in ("首页", "帮助", "退出")]
        assert max(actions.index(a) for a in ("导出/打印", "换范围")) < min(shared)
        assert not any(a.isascii() for a in actions)  # Textual's English generic keys left out


async def test_f10_switches_every_screen_and_the_week_grid_is_not_blank(
    store: Store, demo: Roster
) -> None:
    app = app_on(store)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await open_screen(app, pilot, "4", PeopleScreen)  # built in Chinese
            week = await open_screen(app, pilot, "2", WeekScreen)
            rows_before = week.query_one(WeekTable).row_count
            await pilot.press("f10")
            await settle(app, pilot)
            assert current_language() == "en"
            table = week.query_one(WeekTable)
            assert table.row_count == rows_before > 0
            assert "Mon" in " ".join(str(c.label) for c in table.columns.values())
            people = await open_screen(app, pilot, "4", PeopleScreen)
            assert "Roster" in str(people.query_one(ModeBar).query_one("#mode-tabs").render())
            heads = [
                str(c.label) for c in people.query_one("#people-table", DataTable).columns.values()
            ]
            assert heads[0] == "Name" and people.query_one("#people-table", DataTable).row_count
    finally:
        set_language("zh")


async def test_q_quits_but_types_a_q_in_a_search_box(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        people = await open_screen(app, pilot, "4", PeopleScreen)
        await pilot.press("slash", "q")
        await settle(app, pilot)
        assert people.query_one("#people-search", Input).value == "q"
        assert app.is_running
        await pilot.press("enter")  # the search done, the cursor is back in the list
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_after_f10_the_list_a_screen_opens_on_has_the_focus_again(store: Store) -> None:
    """The rebuilt widgets in the new language: Enter still opens the row's card or fix."""
    app = app_on(store)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            today = await open_screen(app, pilot, "1", TodayScreen)
            await pilot.press("f10")
            await settle(app, pilot)
            assert app.focused is today.query_one("#today-duty")
            gaps = await open_screen(app, pilot, "3", GapsScreen)
            await pilot.press("f10")
            await settle(app, pilot)
            assert app.focused is gaps.query_one("#gaps-table")
    finally:
        set_language("zh")


async def test_today_names_the_scope_key_once_in_help_and_the_palette(store: Store) -> None:
    """g changes the scope on every screen; today's older c still works, unlisted."""
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "1", TodayScreen)
        await pilot.press("f1")
        await settle(app, pilot)
        rows = table_text(app.screen.query_one(DataTable))
        assert [key for key, action in rows if action == "换范围"] == ["g"]
        await pilot.press("escape", "ctrl+p")
        await settle(app, pilot)
        prompts = await _palette_prompts(app, pilot)
        assert [p.split()[-1] for p in prompts if p.startswith("换范围")] == ["g"]
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("c")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceModal)
