"""The week roster: moving, assigning, removing, undoing, changing week, filtering."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TODAY
from helpers import app_on, first_shift_cell, open_screen, settle
from textual.pilot import Pilot

from roster_tui.domain.week import Week
from roster_tui.i18n import set_language
from roster_tui.services.assignments import assigned_people
from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.person_picker import PersonPicker
from roster_tui.tui.screens.week import WeekScreen
from roster_tui.tui.widgets.week_table import WeekTable


async def test_week_shows_the_iso_week_of_today_with_chinese_days(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        assert screen.data is not None
        assert screen.data.week == Week.parse("2026-W49")
        title = str(screen.query_one("#week-title").render())
        assert "2026年第49周" in title
        headers = [str(c.label) for c in screen.query_one(WeekTable).ordered_columns]
        assert headers[1].strip().startswith("周一") and "11/30" in headers[1]


async def test_assign_from_the_picker_adds_the_person_and_undo_removes_them(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        table = screen.query_one(WeekTable)
        table.cursor_coordinate = first_shift_cell(table, weekday=4)
        key = screen.current_key()
        assert key is not None
        before = assigned_people(workspace.load(), key)
        await pilot.press("a")
        await settle(app, pilot)
        picker = app.screen
        assert isinstance(picker, PersonPicker)
        await pilot.press("enter")  # the best-ranked eligible person
        await settle(app, pilot)
        after = assigned_people(workspace.load(), key)
        assert len(after) == len(before) + 1
        added = next(p for p in after if p not in before)
        assert added in screen.data.instances[key].assigned  # type: ignore[union-attr]
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert assigned_people(workspace.load(), key) == before


async def test_remove_takes_a_person_off_the_cell(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        table = screen.query_one(WeekTable)
        table.cursor_coordinate = first_shift_cell(table, weekday=4)
        key = screen.current_key()
        assert key is not None
        before = assigned_people(workspace.load(), key)
        assert before
        await pilot.press("d")
        await settle(app, pilot)
        if len(before) > 1:
            await pilot.press("enter")
            await settle(app, pilot)
        after = assigned_people(workspace.load(), key)
        assert len(after) == len(before) - 1


async def test_brackets_change_the_week(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert screen.data is not None and screen.data.week == Week.parse("2026-W50")
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(app, pilot)
        assert screen.data.week == Week.parse("2026-W48")


async def test_next_gap_lands_on_a_cell_with_a_gap(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        await pilot.press("n")
        await pilot.pause()
        key = screen.current_key()
        assert key is not None and screen.data is not None
        assert screen.data.cell_gaps.get(key)


async def test_filter_narrows_rows_to_a_compound(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        table = screen.query_one(WeekTable)
        all_rows = table.row_count
        compound = workspace.load().compounds[0]
        await pilot.press("slash")
        await pilot.press(*compound.name)
        await pilot.press("enter")
        await settle(app, pilot)
        assert 0 < table.row_count < all_rows
        keys = [str(r.key.value) for r in table.ordered_rows]
        assert keys[0] == f"g:{compound.id}"


def test_week_screen_snapshot(snap_compare, store) -> None:  # type: ignore[no-untyped-def]
    app = app_on(store)

    async def run_before(pilot: Pilot[None]) -> None:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        await pilot.press("n")  # the cursor on the first gap, its explanation below the grid
        await settle(app, pilot)
        assert screen.current_key() is not None

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize(
    ("language", "staffed", "empty"),
    [
        (
            "zh",
            "红旗小区南门 白班 12/2 08-20 需 2 人，实到 1 人：崔鹏（p009）、!胡浩（p013）",
            "红专路32号院门岗 晚班 12/1 18-24 需 1 人，实到 0 人",
        ),
        (
            "en",
            "红旗小区南门 白班 12/2 08-20 needs 2, has 1: 崔鹏 (p009), !胡浩 (p013)",
            "红专路32号院门岗 晚班 12/1 18-24 needs 1, has 0",
        ),
    ],
)
async def test_the_line_under_the_grid_names_who_is_on_the_shift_in_the_languages_way(
    workspace: Workspace, language: str, staffed: str, empty: str
) -> None:
    set_language(language)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        info = screen.query_one("#cell-info")
        screen.focus_instance("x02", TODAY, "白班")  # one of two on leave
        await settle(app, pilot)
        lines = str(info.render()).splitlines()
        assert lines[0] == staffed
        assert len(lines) == 3  # its two gaps under it, whole at 80 columns
        screen.focus_instance("x12", TODAY - dt.timedelta(days=1), "晚班")  # nobody on it
        await settle(app, pilot)
        assert str(info.render()).splitlines()[0] == empty
