"""The rule settings edited from Places with the keys: refused by field, saved, gaps, undo."""

from __future__ import annotations

from helpers import SMALL, app_on, open_screen, settle
from textual.widgets import Input, Static

from roster_tui.domain.gaps import GapKind
from roster_tui.store.repository import Store
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.history_detail import HistoryDetail
from roster_tui.tui.dialogs.settings_form import SettingsForm
from roster_tui.tui.screens.gaps import GapsScreen
from roster_tui.tui.screens.history import HistoryScreen
from roster_tui.tui.screens.places import PlacesScreen


async def _overloaded_on_the_gaps_screen(app: RosterApp, pilot) -> int:  # type: ignore[no-untyped-def]
    screen = await open_screen(app, pilot, "3", GapsScreen)
    return sum(1 for row in screen._rows if row.gap.kind is GapKind.CARER_OVERLOADED)


def _carer_limit(app: RosterApp) -> int:
    assert app.roster is not None
    return app.roster.settings.max_households_per_carer


async def test_a_lower_carer_limit_is_refused_by_field_then_saved_shown_and_undone(
    store: Store,
) -> None:
    app = app_on(store)
    async with app.run_test(size=SMALL) as pilot:
        assert await _overloaded_on_the_gaps_screen(app, pilot) == 1
        await open_screen(app, pilot, "5", PlacesScreen)
        await pilot.press("s")
        form = app.screen
        assert isinstance(form, SettingsForm)
        await pilot.press("tab", "tab")  # rest hours, weekly hours, then the carer limit
        carer = form.query_one("#stf-max_households_per_carer", Input)
        assert app.focused is carer and carer.value == "8"
        await pilot.press("end", "backspace", "0", "enter")  # at least one household

        assert app.screen is form  # refused: the form stays, with what was typed
        note = form.query_one("#stf-max_households_per_carer-error", Static)
        assert note.display and "1" in str(note.render())
        assert carer.value == "0" and _carer_limit(app) == 8

        await pilot.press("backspace", "2", "enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, SettingsForm)
        assert _carer_limit(app) == 2 and store.load_roster().settings.max_households_per_carer == 2
        assert await _overloaded_on_the_gaps_screen(app, pilot) == 8

        await open_screen(app, pilot, "7", HistoryScreen)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, HistoryDetail)
        text = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert "修改 规则设置" in text and "每位包户人最多户数：由 8 改为 2" in text
        assert "操作人 tester" in text
        await pilot.press("escape")

        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert _carer_limit(app) == 8 and store.load_roster().settings.max_households_per_carer == 8
        assert await _overloaded_on_the_gaps_screen(app, pilot) == 1


async def test_escape_leaves_the_settings_as_they_were(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        await pilot.press("s", "backspace", "3", "escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, SettingsForm)
        assert store.load_roster().settings.min_rest_hours == 8
        assert store.history(limit=1)[0].action == "import"


async def test_the_forms_note_says_gaps_are_checked_at_once_and_ends(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        for ending in ("立即重算缺口。", "checks the gaps again at once."):
            await pilot.press("s")
            await settle(app, pilot)
            note = app.screen.query(".form-hint").last(Static)
            lines = [note.render_line(y).text.strip() for y in range(note.size.height)]
            assert " ".join(lines).endswith(ending)
            await pilot.press("escape", "f10")
            await settle(app, pilot)
