"""After an assign, remove or undo the grid redraws only the rows the edit touched, through the
gap tracker: what it then shows must be exactly what working out the whole week gives."""

from __future__ import annotations

from conftest import TODAY
from helpers import open_screen, settle
from textual.pilot import Pilot

from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.person_picker import PersonPicker
from roster_tui.tui.screens.week import WeekScreen
from roster_tui.tui.widgets.week_table import WeekTable


def _shown(screen: WeekScreen) -> tuple[object, ...]:
    data = screen.data
    assert data is not None
    table = screen.query_one(WeekTable)
    title = str(screen.query_one("#week-title").render())
    return (
        data.gaps,
        dict(data.cell_gaps),
        data.instances,
        [(r.key, r.height, r.cells) for r in data.rendered],
        [[table.get_cell_at((i, c)) for c in range(8)] for i in range(table.row_count)],
        title,
    )


async def _worked_out_afresh(
    app: RosterApp, pilot: Pilot[None], screen: WeekScreen
) -> tuple[object, ...]:
    """The week computed the full way for the roster shown."""
    screen.data = None  # no week shown: nothing to update in place
    screen.forget_weeks()  # nothing kept: the week expanded, checked and drawn anew
    screen.refresh_roster()
    await settle(app, pilot)
    return _shown(screen)


async def _drawn_afresh(app: RosterApp, pilot: Pilot[None], table: WeekTable) -> str:
    """The screen with every cell of the table drawn again from what it holds."""
    table._clear_caches()
    table.refresh()
    await settle(app, pilot)
    return app.export_screenshot()


async def _assign_best(app: RosterApp, pilot: Pilot[None]) -> None:
    await pilot.press("a")
    await settle(app, pilot)
    assert isinstance(app.screen, PersonPicker)
    await pilot.press("down", "enter")  # the best-ranked eligible person
    await settle(app, pilot)


async def test_the_week_started_from_the_today_screens_tracker_is_the_week_worked_out(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.this_week_gaps._tracker is not None  # the today screen's, of this week
        screen = await open_screen(app, pilot, "2", WeekScreen)
        assert _shown(screen) == await _worked_out_afresh(app, pilot, screen)


async def test_assign_and_undo_update_the_grid_as_a_full_check_would(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        await pilot.press("n")  # a cell with a gap
        await settle(app, pilot)
        before = _shown(screen)
        await _assign_best(app, pilot)
        assert screen._live is not None and screen._live._kept  # the quick way
        updated = _shown(screen)
        assert updated != before
        drawn = app.export_screenshot()
        assert await _drawn_afresh(app, pilot, screen.query_one(WeekTable)) == drawn
        assert updated == await _worked_out_afresh(app, pilot, screen)
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert _shown(screen) == before


async def test_remove_updates_the_gaps_of_the_person_and_the_cell(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        await settle(app, pilot)
        data = screen.data
        assert data is not None
        key = next(  # a shift not yet begun: removing asks nothing
            k for k, i in data.instances.items() if len(i.assigned) == 1 and k[1] > TODAY
        )
        assert screen.move_to(key)
        await pilot.press("d")
        await settle(app, pilot)
        assert screen.data is not None and not screen.data.instances[key].assigned
        assert screen._live is not None and screen._live._kept
        assert _shown(screen) == await _worked_out_afresh(app, pilot, screen)


async def test_a_new_week_changes_cells_and_row_heights_in_place(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        table = screen.query_one(WeekTable)
        first = app.export_screenshot()
        seen = [[r.height for r in screen.data.rendered]]  # type: ignore[union-attr]
        for key in ("right_square_bracket", "right_square_bracket", "left_square_bracket"):
            await pilot.press(key)
            await settle(app, pilot)
            data = screen.data
            assert data is not None
            heights = [r.height for r in data.rendered]
            assert [row.height for row in table.ordered_rows] == heights
            assert table.virtual_size.height == sum(heights) + table.header_height
            cells = [[table.get_cell_at((i, c)) for c in range(8)] for i in range(len(heights))]
            assert cells == [list(r.cells) for r in data.rendered]
            seen.append(heights)
            assert await _drawn_afresh(app, pilot, table) == app.export_screenshot()
        assert seen[0] != seen[1]  # the weeks differ in how tall some rows are
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        table.cursor_coordinate = table.cursor_coordinate  # the same cell as at the start
        assert app.export_screenshot() == first
