"""A sub-district just imported with nothing in it yet: each screen says what to do first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import SMALL, app_on, open_screen, settle, table_text
from test_footer import descriptions
from textual.widgets import Static

from roster_tui.interchange import load_roster_file
from roster_tui.store.db import open_store
from roster_tui.store.repository import Store
from roster_tui.tui.dialogs.gap_choice import ChoiceModal
from roster_tui.tui.screens.gaps import GapsScreen
from roster_tui.tui.screens.places import PlacesScreen
from roster_tui.tui.screens.today import TodayScreen
from roster_tui.tui.widgets.gap_table import GapTable
from roster_tui.tui.widgets.today_panels import DutyTable

EMPTY = 'format = "roster-tui/1"\n[subdistrict]\nname = "文化路街道"\ntimezone = "Asia/Shanghai"\n'


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    source = tmp_path / "empty.toml"
    source.write_text(EMPTY, encoding="utf-8")
    store = open_store(f"sqlite:///{tmp_path / 'empty.sqlite'}", create=True)
    store.import_roster(load_roster_file(source), replace=True, user="tester")
    yield store
    store.close()


async def test_today_of_an_empty_subdistrict_says_where_posts_are_made(
    empty_store: Store,
) -> None:
    app = app_on(empty_store)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "1", TodayScreen)
        assert screen.community is None
        said = table_text(screen.query_one(DutyTable))[0][0]
        assert "本社区" not in said and "街道还没有卡点" in said and "按 n" in said


async def test_the_gaps_footer_offers_no_fix_when_there_is_no_gap(empty_store: Store) -> None:
    app = app_on(empty_store)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "3", GapsScreen)
        assert screen.query_one(GapTable).row_count == 0
        assert "去处理" not in descriptions(app)


async def test_places_of_an_empty_subdistrict_say_how_to_add_the_first_community(
    empty_store: Store,
) -> None:
    app = app_on(empty_store)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "5", PlacesScreen)
        summary = str(screen.query_one("#place-summary", Static).render())
        assert "按 n 新建第一个社区" in summary
        await pilot.press("n")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceModal)  # a community is what it offers
