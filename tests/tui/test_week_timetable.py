"""The week grid as a timetable: headings across the width, a row per shift, today marked,
past days set apart, columns that grow with the terminal, in Chinese and English; in a week
whose shift times change, each day shows its own."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from conftest import TODAY
from helpers import app_on, open_screen, settle
from rich.cells import cell_len
from rich.text import Text
from textual.pilot import Pilot

from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Post, Roster, ShiftPattern
from roster_tui.i18n import set_language
from roster_tui.services.place_edits import save_place
from roster_tui.services.week_grid import ShiftRow
from roster_tui.services.workspace import Workspace
from roster_tui.store.repository import Store
from roster_tui.tui.screens.week import WeekScreen
from roster_tui.tui.widgets.week_cells import GridLayout, render_shift_row, short_hours
from roster_tui.tui.widgets.week_headings import compound_heading
from roster_tui.tui.widgets.week_table import WeekTable

SIZES = [(80, 24), (120, 40), (200, 50)]


def _row_text(table: WeekTable, key: str) -> str:
    return "".join(cell.plain for cell in table.get_row(key))


async def test_headings_run_across_the_width_and_each_shift_has_its_row(
    store: Store, demo: Roster
) -> None:
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        table = screen.query_one(WeekTable)
        keys = [str(row.key.value) for row in table.ordered_rows]
        compound = demo.compounds[0]
        post = next(p for p in demo.posts if p.compound == compound.id)
        community = demo.index.communities[compound.community]
        heading = _row_text(table, f"g:{compound.id}")
        assert compound.name in heading and community.name in heading
        assert table.get_row(f"g:{compound.id}")[1].plain.strip() != ""  # past the label
        assert keys.index(f"p:{post.id}") == keys.index(f"g:{compound.id}") + 1
        shifts = [k for k in keys if k.startswith(f"r:{post.id}:")]
        assert len(shifts) == len(post.shifts)
        for shift in post.shifts:  # each shift's own row, labelled with its name and hours
            label = table.get_row(f"r:{post.id}:{shift.name}")[0].plain
            assert shift.name in label and f"{shift.start // 60:02d}-" in label


async def test_today_is_marked_and_past_days_are_set_apart(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        columns = screen.query_one(WeekTable).ordered_columns
        labels = [column.label for column in columns]
        today = 1 + TODAY.weekday()
        assert str(labels[today]).split()[0] == "今天"
        assert "周三" not in str(labels[today])
        for index, label in enumerate(labels[1:], start=1):
            assert isinstance(label, Text)
            past = "dim" in str(label.style)
            assert past == (index < today)


async def test_columns_grow_with_the_terminal_and_names_stay_whole(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        table = screen.query_one(WeekTable)
        narrow = table.grid_layout
        assert narrow == GridLayout.for_width(80)
        assert narrow.total <= 80
        await pilot.resize_terminal(200, 50)
        await settle(app, pilot)
        wide = table.grid_layout
        assert wide is not None and narrow is not None
        assert wide.day > 2 * narrow.day and wide.total <= 200
        assert [c.width for c in table.ordered_columns][1:] == [wide.day] * 7
        # Two people on a shift share one line when the column has room for both names.
        assert screen.data is not None
        row = next(
            key
            for key, instance in screen.data.instances.items()
            if len(instance.assigned) == 2 and table.row_of(key[0], key[2]) is not None
        )
        index = table.row_of(row[0], row[2])
        assert index is not None
        assert table.ordered_rows[index].height == 1


@pytest.mark.parametrize(("size", "lang"), [((80, 24), "zh"), ((120, 40), "en")])
async def test_in_a_week_whose_shift_times_change_each_day_shows_its_own_hours(
    store: Store, size: tuple[int, int], lang: str
) -> None:
    set_language(lang)
    workspace = Workspace(store, user="tester")
    post = next(p for p in workspace.load().posts if len(p.shifts) > 1)
    thursday = TODAY + dt.timedelta(days=1)
    early = tuple(  # an hour earlier from Thursday on
        dataclasses.replace(s, start=(s.start - 60) % 1440, end=(s.end - 60) % 1440)
        for s in post.shifts
    )
    assert save_place(workspace, post, post.with_shifts_from(thursday, early)) is not None
    app = app_on(store)
    async with app.run_test(size=size) as pilot:
        screen = await open_screen(app, pilot, "2", WeekScreen)
        table = screen.query_one(WeekTable)
        layout = table.grid_layout
        assert layout is not None
        for old, new in zip(post.shifts, early, strict=True):
            before, after = short_hours(old.start, old.end), short_hours(new.start, new.end)
            assert before != after
            label, *days = table.get_row(f"r:{post.id}:{old.name}")
            # The label names both (under the shift's name where a line is too narrow) ...
            assert old.name in label.plain and f"{before}/{after}" in label.plain
            assert all(cell_len(line) <= layout.label for line in label.plain.split("\n"))
            # ... and each day's cell starts with that day's own hours, then who is on it.
            own = [before] * 3 + [after] * 4  # Monday to Wednesday, then from Thursday on
            assert [cell.plain.split("\n")[0].strip() for cell in days] == own
            assert all(cell.plain.count("\n") >= 1 for cell in days)
        # A post whose times hold all week keeps one line of hours in its label, none in cells.
        other = next(p for p in workspace.load().posts if not p.earlier)
        label, *days = table.get_row(f"r:{other.id}:{other.shifts[0].name}")
        hours = short_hours(other.shifts[0].start, other.shifts[0].end)
        assert label.plain.strip().endswith(hours) and "\n" not in label.plain
        assert not any(cell.plain.strip().startswith(hours) for cell in days)


def test_a_shift_label_too_long_for_its_column_puts_the_hours_under_the_name() -> None:
    shift = ShiftPattern("夜间巡逻班", 20 * 60 + 30, 8 * 60, 1)  # minutes off the hour show
    post = Post("x1", "东门", "k1", (shift,))
    layout = GridLayout.for_width(80)

    row = render_shift_row(ShiftRow(post, shift, (None,) * 7, ""), {}, {}, layout)

    assert row.cells[0].plain.split("\n") == ["  夜间巡逻班", "  20:30-08"]  # not cut
    assert row.height == 2
    wide = render_shift_row(ShiftRow(post, shift, (None,) * 7, ""), {}, {}, GridLayout(24, 9))
    assert wide.cells[0].plain == "  夜间巡逻班 20:30-08" and wide.height == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", SIZES)
def test_week_timetable_snapshot(  # type: ignore[no-untyped-def]
    snap_compare, store: Store, size: tuple[int, int], lang: str
) -> None:
    set_language(lang)
    app = app_on(store)

    async def run_before(pilot: Pilot[None]) -> None:
        await open_screen(app, pilot, "2", WeekScreen)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_hours_off_the_hour_that_change_in_the_week_are_never_cut_at_80_columns() -> None:
    """A 24-hour shift from 09:00, then from 08:30: the label's 09-09/08:30-08:30 and a day's
    08:30-08:30 are wider than their columns at 80, and were cut to 08:30-0 and 08:30-08."""
    old = ShiftPattern("24h", 9 * 60, 9 * 60, 1)
    new = ShiftPattern("24h", 8 * 60 + 30, 8 * 60 + 30, 1)
    post = Post("x1", "东门", "k1", (old,))
    layout = GridLayout.for_width(80)
    days = [TODAY + dt.timedelta(days=n - 2) for n in range(7)]  # Monday to Sunday
    midnight = dt.datetime.combine(TODAY, dt.time())  # the bounds are not drawn
    cells = tuple(
        ShiftInstance(post, new if day.weekday() >= 3 else old, day, midnight, midnight, (), ())
        for day in days
    )

    row = render_shift_row(ShiftRow(post, old, cells, ""), {}, {}, layout)

    label, *shown = (cell.plain for cell in row.cells)
    assert label.split("\n") == ["  24h", "  09-09", "  08:30-08:30"]
    for day, cell in zip(days, shown, strict=True):
        assert all(cell_len(line) <= layout.day for line in cell.split("\n"))
        hours = "09-09" if day.weekday() < 3 else "08:30-08:30"
        assert "".join(line.strip() for line in cell.split("\n")[: 1 + (len(hours) > 8)]) == hours


@pytest.mark.parametrize("width", [80, 120])
def test_a_compound_heading_too_long_for_the_line_cuts_the_name_and_keeps_the_kind(
    width: int,
) -> None:
    layout = GridLayout.for_width(width)
    name = "燕儿窝南路１２３号阳光花园小区二期（Ｂ区）🏠"
    community = "燕儿窝南路第二社区居民委员会（含原燕儿窝北路社区）"

    line = "".join(cell.plain for cell in compound_heading(name, community, "无主管", layout))

    assert line.rstrip().endswith("无主管")  # it fell off the end of the line
    assert line.lstrip().startswith("燕儿窝南路")
    short = "".join(c.plain for c in compound_heading("金水花园", "东风社区", "有物业", layout))
    assert short.split() == ["金水花园", "东风社区", "有物业"]  # a short one is not cut
