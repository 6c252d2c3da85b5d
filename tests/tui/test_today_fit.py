"""首页 read at a glance: with post names far longer than the demo's, at 80 columns and wider,
who is on duty stays on the screen, the post's name cut first; two figures alike read apart."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import SIZES, app_on, open_screen, settle
from rich.cells import cell_len

from roster_tui.domain.model import Roster
from roster_tui.store.db import open_store
from roster_tui.store.repository import Store
from roster_tui.tui.screens.today import TodayScreen
from roster_tui.tui.widgets.today_panels import (
    DutyTable,
    GapCounts,
    HandoverLine,
    HouseholdLines,
    people_text,
)

LONG_POST = "阳光花园小区二期Ｂ区东北角临时卡点（靠近垃圾站）"


@pytest.fixture
def long_posts(demo: Roster, tmp_path: Path) -> Iterator[Store]:
    roster = dataclasses.replace(
        demo, posts=[dataclasses.replace(p, name=f"{LONG_POST}{p.id}") for p in demo.posts]
    )
    store = open_store(f"sqlite:///{tmp_path / 'long.sqlite'}", create=True)
    store.import_roster(roster, replace=True, user="tester")
    yield store
    store.close()


async def _today(store: Store, pilot, language: str) -> TodayScreen:  # type: ignore[no-untyped-def]
    screen = await open_screen(pilot.app, pilot, "1", TodayScreen)
    if language == "en":
        await pilot.press("f10")
        await settle(pilot.app, pilot)
    return screen


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", SIZES)
async def test_a_long_post_name_is_cut_before_who_is_on_duty(
    long_posts: Store, size: tuple[int, int], language: str
) -> None:
    app = app_on(long_posts)
    async with app.run_test(size=size) as pilot:
        screen = await _today(long_posts, pilot, language)
        table = screen.query_one(DutyTable)
        assert table.row_count > 1
        assert table.virtual_size.width <= table.scrollable_content_region.width
        widths = {column.key.value: column.width for column in table.columns.values()}
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert widths["people"] >= max(cell_len(str(row[4])) for row in rows)
        assert widths["time"] == len("08:00-20:00")
        assert widths["post"] < cell_len(LONG_POST) or size != SIZES[0]
        assert str(rows[0][0]).startswith(LONG_POST)  # whole in the data, cut when drawn


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_the_next_handover_line_keeps_who_takes_over(
    long_posts: Store, language: str
) -> None:
    app = app_on(long_posts)
    async with app.run_test(size=SIZES[0]) as pilot:
        screen = await _today(long_posts, pilot, language)
        line = screen.query_one(HandoverLine)
        text = str(line.render())
        assert line._shown is not None
        roster, duty, shared = line._shown
        who = people_text(duty.handover[0], roster.index.people, shared).plain
        assert who in text and LONG_POST[:4] in text
        assert cell_len(text) <= line.size.width
        await pilot.resize_terminal(160, 40)
        await settle(app, pilot)
        assert LONG_POST in str(line.render())  # room again: the name whole


@pytest.mark.parametrize(
    ("language", "week", "today"),
    [("zh", "本周未问访", "今日未问访"), ("en", "not contacted this week", "Not contacted today")],
)
async def test_the_weeks_uncontacted_gaps_read_apart_from_todays_households(
    store: Store, language: str, week: str, today: str
) -> None:
    """Beside 今日未问访 11户 (not called today), the gap count says it is the week's."""
    app = app_on(store)
    async with app.run_test(size=SIZES[0]) as pilot:
        screen = await _today(store, pilot, language)
        counts = screen.query_one(GapCounts)
        labels = [str(counts.get_option_at_index(i).prompt) for i in range(counts.option_count)]
        lines = screen.query_one(HouseholdLines)
        households = [str(lines.get_option_at_index(i).prompt) for i in range(lines.option_count)]
        assert any(label.startswith(week) for label in labels)
        assert any(line.startswith(today) for line in households)


async def test_a_table_that_does_not_scroll_keeps_no_room_for_a_scrollbar(
    long_posts: Store,
) -> None:
    """One community's few posts fit the height: the post's name gets the scrollbar's cells."""
    app = app_on(long_posts)
    async with app.run_test(size=SIZES[0]) as pilot:
        screen = await open_screen(app, pilot, "1", TodayScreen)
        await pilot.press("g", "down", "down", "enter")  # the first community
        await settle(app, pilot)
        table = screen.query_one(DutyTable)
        assert screen.community is not None and 0 < table.row_count < table.size.height - 1
        widths = [column.width + 2 * table.cell_padding for column in table.columns.values()]
        assert sum(widths) == table.size.width  # cut to fit, all of it
