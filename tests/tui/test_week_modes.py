"""Two-step actions show while they wait; a swap across posts asks before it lands."""

from __future__ import annotations

import datetime as dt

from conftest import TODAY
from helpers import open_screen, settle
from textual.pilot import Pilot

from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.confirm import ConfirmDialog
from roster_tui.tui.screens.week import WeekScreen
from roster_tui.tui.widgets.week_table import WeekTable

FRIDAY = TODAY + dt.timedelta(days=2)  # cells that have not started yet


def _cells_with_one_person(screen: WeekScreen) -> list[tuple[str, dt.date, str]]:
    assert screen.data is not None
    return [
        key
        for key, instance in screen.data.instances.items()
        if key[1] == FRIDAY and len(instance.assigned) == 1
    ]


async def _pick_first(app: RosterApp, pilot: Pilot[None], screen: WeekScreen) -> tuple:
    first, *_ = _cells_with_one_person(screen)
    assert screen.move_to(first)
    await pilot.press("s")
    await settle(app, pilot)
    return first


async def test_a_pending_swap_stays_in_view_until_esc_cancels_it(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        await _pick_first(app, pilot, screen)
        line = screen.query_one("#week-pending")
        assert line.display and "换班进行中" in str(line.render())
        await pilot.pause(0.5)
        assert line.display  # no toast timing: it stays
        await pilot.press("escape")
        await settle(app, pilot)
        assert not line.display
        before = workspace.data_version()
        await pilot.press("s")  # starts a new swap, never finishes the old one
        await settle(app, pilot)
        assert workspace.data_version() == before
        assert line.display


async def test_a_swap_across_posts_asks_and_esc_leaves_both_cells(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        first = await _pick_first(app, pilot, screen)
        other = next(k for k in _cells_with_one_person(screen) if k[0] != first[0])
        assert screen.move_to(other)
        before = workspace.data_version()
        await pilot.press("s")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "跨卡点" in dialog.title_text
        await pilot.press("escape")
        await settle(app, pilot)
        assert workspace.data_version() == before
        assert not screen.query_one("#week-pending").display


async def test_a_confirmed_swap_across_posts_lands(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        first = await _pick_first(app, pilot, screen)
        assert screen.data is not None
        a = screen.data.instances[first].assigned[0]
        other = next(k for k in _cells_with_one_person(screen) if k[0] != first[0])
        b = screen.data.instances[other].assigned[0]
        assert screen.move_to(other)
        await pilot.press("s")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        assert screen.data.instances[other].assigned == (a,)
        assert screen.data.instances[first].assigned == (b,)
        assert screen.query_one(WeekTable) is not None


async def test_copy_to_the_week_shows_what_it_will_do_and_esc_writes_nothing(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        key = _cells_with_one_person(screen)[0]
        assert screen.move_to(key)
        before = workspace.data_version()
        await pilot.press("c")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        text = "\n".join(dialog.lines)
        assert "已开始的 3 天不改" in text and "新增缺口" in text  # Mon-Wed noon have started
        await pilot.press("escape")
        await settle(app, pilot)
        assert workspace.data_version() == before


async def test_correcting_a_started_shift_asks_first(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        assert screen.data is not None
        monday = TODAY - dt.timedelta(days=2)
        key = next(k for k, i in screen.data.instances.items() if k[1] == monday and i.assigned)
        assert screen.move_to(key)
        before = workspace.data_version()
        await pilot.press("d")
        await settle(app, pilot)
        if not isinstance(app.screen, ConfirmDialog):  # several people: pick the first
            await pilot.press("enter")
            await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await settle(app, pilot)
        assert workspace.data_version() == before
