"""The week grid's filter: the line above the grid says while a filter hides rows, and Esc on
the grid takes it off, however the filter was put on (typed after /, or by a gap's Enter).
A grid with no shift to show says why under it: the filter, a community without posts, or
posts without shifts."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import TODAY
from helpers import app_on, open_screen, screen_line, settle
from textual.widgets import Input

from roster_tui.domain.entities import Community
from roster_tui.domain.gaps import GapKind
from roster_tui.domain.model import Roster
from roster_tui.domain.week import Week
from roster_tui.engine.check import check
from roster_tui.i18n import set_language
from roster_tui.store.db import open_store
from roster_tui.store.repository import Store
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.gap_choice import ChoiceModal
from roster_tui.tui.screens.gaps import GapsScreen
from roster_tui.tui.screens.week import WeekScreen
from roster_tui.tui.widgets.gap_table import GapTable
from roster_tui.tui.widgets.week_table import WeekTable

FILTER_LINE = 2  # the screen's line under the mode bar and the week's title


async def test_a_gaps_enter_on_overtime_leaves_a_filter_that_says_so_and_esc_clears(
    store: Store, demo: Roster
) -> None:
    week = Week.of(TODAY)
    gap = next(g for g in check(demo, week.monday, week.sunday) if g.kind == GapKind.OVERTIME)
    person = demo.index.people[gap.person or ""]
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        gaps = await open_screen(app, pilot, "3", GapsScreen)
        gaps.query_one(GapTable).focus()
        number = next(i for i, row in enumerate(gaps._rows) if row.gap == gap)
        await pilot.press(*["down"] * number, "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("escape")  # the fix is not wanted: its person's week stays
        await settle(app, pilot)
        grid = app.screen
        assert isinstance(grid, WeekScreen)
        table = grid.query_one(WeekTable)
        narrowed = table.row_count
        assert screen_line(app, FILTER_LINE) == f"筛选：{person.name}（按 / 修改，Esc 清除）"
        await pilot.press("escape")
        await settle(app, pilot)
        assert grid.query_one("#week-filter", Input).value == ""
        assert table.row_count > narrowed
        assert screen_line(app, FILTER_LINE).startswith("按 / 筛选：")


async def test_a_typed_filter_says_it_is_on_and_slash_brings_it_back_to_change(
    store: Store,
) -> None:
    set_language("en")
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        grid = await open_screen(app, pilot, "2", WeekScreen)
        await pilot.press("slash", *"东风", "enter")
        await settle(app, pilot)
        line = "Filter: 东风 (/ changes it, Esc clears it)"
        assert screen_line(app, FILTER_LINE) == line
        await pilot.press("slash")
        await settle(app, pilot)
        box = grid.query_one("#week-filter", Input)
        assert box.has_focus and box.value == "东风"
        assert screen_line(app, FILTER_LINE).startswith("东风")
        await pilot.press(*"红旗", "enter")  # what is typed takes the old filter's place
        await settle(app, pilot)
        assert screen_line(app, FILTER_LINE) == line.replace("东风", "红旗")


async def test_leaving_the_box_without_enter_applies_what_it_says(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        grid = await open_screen(app, pilot, "2", WeekScreen)
        table = grid.query_one(WeekTable)
        every = table.row_count
        compound = grid.data.roster.compounds[0]  # type: ignore[union-attr]
        await pilot.press("slash", *compound.name)
        table.focus()  # a click on the grid, say
        await settle(app, pilot)
        assert grid.data is not None and grid.data.query == compound.name
        assert 0 < table.row_count < every
        assert compound.name in screen_line(app, FILTER_LINE)


async def test_the_filter_stays_on_when_the_language_changes(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        grid = await open_screen(app, pilot, "2", WeekScreen)
        table = grid.query_one(WeekTable)
        every = table.row_count
        await pilot.press("slash", *"东风", "enter")
        await settle(app, pilot)
        narrowed = table.row_count
        assert narrowed < every
        await pilot.press("f10")
        await settle(app, pilot)
        assert screen_line(app, FILTER_LINE) == "Filter: 东风 (/ changes it, Esc clears it)"
        assert grid.query_one(WeekTable).row_count == narrowed
        await pilot.press("escape")  # and Esc still clears it
        await settle(app, pilot)
        assert grid.query_one(WeekTable).row_count == every


def cell_info(app: RosterApp) -> str:
    return str(app.screen.query_one("#cell-info").render())


@pytest.mark.parametrize(
    ("language", "scope", "why"),
    [
        ("zh", None, "没有卡点或人员符合「qqqq」。按 / 修改筛选，Esc 清除。"),
        (
            "en",
            "c02",
            "No post or person in 红旗社区 matches 'qqqq'. / changes the filter, Esc clears it, "
            "g changes the scope.",
        ),
    ],
    ids=["zh", "en-in-a-community"],
)
async def test_a_filter_that_matches_nothing_says_so_and_how_to_clear_it(
    store: Store, language: str, scope: str | None, why: str
) -> None:
    set_language(language)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        grid = await open_screen(app, pilot, "2", WeekScreen)
        app.set_scope(scope)
        await pilot.press("slash", *"qqqq", "enter")
        await settle(app, pilot)
        assert grid.query_one(WeekTable).row_count == 0
        assert cell_info(app) == why
        await pilot.press("escape")
        await settle(app, pilot)
        assert grid.query_one(WeekTable).row_count > 0
        assert "qqqq" not in cell_info(app)


@pytest.fixture
def store_of(tmp_path: Path) -> Iterator[Callable[[Roster], Store]]:
    """Opens a store on a roster of the test's own."""
    opened: list[Store] = []

    def on(roster: Roster) -> Store:
        store = open_store(f"sqlite:///{tmp_path / 'own.sqlite'}", create=True)
        store.import_roster(roster, replace=True, user="tester")
        opened.append(store)
        return store

    yield on
    for store in opened:
        store.close()


async def test_a_community_without_posts_says_so_and_the_keys_out(
    demo: Roster, store_of: Callable[[Roster], Store]
) -> None:
    new = Community("c09", "新村社区")
    app = app_on(store_of(dataclasses.replace(demo, communities=[*demo.communities, new])))
    async with app.run_test(size=(80, 24)) as pilot:
        grid = await open_screen(app, pilot, "2", WeekScreen)
        await pilot.press("g", "end", "enter")  # the last community: the new one
        await settle(app, pilot)
        assert app.scope == "c09" and grid.query_one(WeekTable).row_count == 0
        assert cell_info(app) == "新村社区还没有卡点。按 g 换范围，或到「楼院」页（5）添加卡点。"


async def test_posts_without_a_shift_in_the_week_say_so(
    demo: Roster, store_of: Callable[[Roster], Store]
) -> None:
    posts = [dataclasses.replace(p, shifts=(), earlier=()) for p in demo.posts]
    no_shifts = dataclasses.replace(demo, posts=posts, rotations=[], overrides=[])
    app = app_on(store_of(no_shifts))
    async with app.run_test(size=(80, 24)) as pilot:
        grid = await open_screen(app, pilot, "2", WeekScreen)
        assert grid.query_one(WeekTable).row_count > 0  # the compounds' headings
        assert grid.current_instance() is None
        why = "这一周没有班次。按 [ ] 换周，或到「楼院」页（5）给卡点设班次。"
        assert cell_info(app) == why
        await pilot.press("slash", *"qqqq", "enter")  # the filter is not why
        await settle(app, pilot)
        assert cell_info(app) == why
