"""The week grid tells namesakes apart: a name two active people carry gets the phone's last four
digits in every cell and in the line under the grid; a name nobody else carries stays as it is,
and someone who has left does not make a name shared."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import SMALL, app_on, open_screen, screen_lines, settle

from roster_tui.domain.model import Person, Roster
from roster_tui.store.db import open_store
from roster_tui.store.repository import Store
from roster_tui.tui.app import RosterApp
from roster_tui.tui.screens.week import WeekScreen
from roster_tui.tui.widgets.grid_names import CellNames


def row_of(app: RosterApp, label: str) -> str:
    """The one drawn line of the grid that starts with a shift's ``label``."""
    found = [line.strip() for line in screen_lines(app) if line.strip().startswith(label)]
    assert len(found) == 1, found
    return found[0]


async def test_namesakes_read_apart_in_the_cells_and_the_line_under_the_grid(
    store: Store, demo: Roster
) -> None:
    zhang = sorted(p.id for p in demo.people if p.name == "张伟" and p.active)
    assert zhang == ["p003", "p048", "p097"]  # three 张伟, ending 0003, 0048 and 0097
    app = app_on(store)
    async with app.run_test(size=SMALL) as pilot:
        grid = await open_screen(app, pilot, "2", WeekScreen)
        await pilot.press("slash", *"张伟", "enter")
        await settle(app, pilot)
        # Whole names at 80 columns, each column where it was: 周平 has no namesake.
        day = "白班 08-20    周平     张伟0003 周平     张伟0003 周平     张伟0003 周平"
        assert row_of(app, "白班 08-20") == day
        early = "早班 08-16    张伟0048 邵爱华   段建军   任国庆   张伟0048 范国强   段建军"
        assert row_of(app, "早班 08-16") == early
        await pilot.press("left")  # Tuesday: 张伟 (p003) and 杨卫东
        await settle(app, pilot)
        assert grid.current_instance() is not None
        info = str(grid.query_one("#cell-info").render())
        assert info.endswith("张伟0003（p003）、杨卫东（p007）")


@pytest.fixture
def own_store(tmp_path: Path, demo: Roster) -> Iterator[Store]:
    """The demo with one of its two 王芳 (p012) gone inactive."""
    people = [dataclasses.replace(p, active=False) if p.id == "p012" else p for p in demo.people]
    store = open_store(f"sqlite:///{tmp_path / 'own.sqlite'}", create=True)
    store.import_roster(dataclasses.replace(demo, people=people), replace=True, user="tester")
    yield store
    store.close()


async def test_a_namesake_who_has_left_does_not_make_a_name_shared(
    own_store: Store, demo: Roster
) -> None:
    assert sorted(p.id for p in demo.people if p.name == "王芳") == ["p012", "p059"]
    app = app_on(own_store)
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "2", WeekScreen)
        # 王芳 (p059) on 东风路18号院's day shift: the only 王芳 still active.
        day = "白班 08-18    王芳     崔春梅   王芳     崔春梅   王芳     崔春梅   王芳"
        assert row_of(app, "白班 08-18") == day
        assert "张伟0003" in row_of(app, "白班 08-20")


def test_a_namesake_too_wide_for_a_cell_loses_part_of_the_name_not_the_digits() -> None:
    people = {
        "a": Person("a", "欧阳建国", "13800000001", "c1"),
        "b": Person("b", "欧阳建国", "13800000002", "c1"),
        "c": Person("c", "司马相如文", "13800000003", "c1"),
    }
    names = CellNames(people)
    assert names.fitted("a", "", "*", 8) == ("欧0001*", 7)
    assert names.fitted("b", "!", "", 8) == ("!欧0002", 7)
    assert names.fitted("c", "", "", 8) == ("司马相如", 8)  # no namesake: cut at its end
