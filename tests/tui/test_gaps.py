"""缺口: every gap of the range grouped by kind and community, moving by week, jumping to fix."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from conftest import TODAY
from helpers import SMALL, open_screen, settle
from textual.widgets import Input

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import Person, Roster
from roster_tui.domain.week import Week
from roster_tui.engine.check import KIND_ORDER, check
from roster_tui.engine.describe import gap_kind_label
from roster_tui.i18n import set_language, t
from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp
from roster_tui.tui.screens import gaps as gaps_module
from roster_tui.tui.screens.gaps import GapsScreen
from roster_tui.tui.screens.households import HouseholdsScreen
from roster_tui.tui.screens.week import WeekScreen
from roster_tui.tui.widgets import gap_table
from roster_tui.tui.widgets.gap_table import GapTable
from roster_tui.tui.widgets.place_tree import PlaceRef, PlaceTree


def app_mode_name(mode: str) -> str:
    return t(f"tui.mode.{mode}")


def _range_label(screen: GapsScreen) -> str:
    return str(screen.query_one("#gaps-range").render())


async def _go_to(pilot, screen: GapsScreen, wanted: Gap) -> None:  # type: ignore[no-untyped-def]
    """Move the cursor down onto ``wanted`` with the arrow keys, as a person would."""
    table = screen.query_one(GapTable)
    table.focus()
    number = next(i for i, row in enumerate(screen._rows) if row.gap == wanted)
    await pilot.press(*["down"] * (number - (table.current_number() or 0)))
    assert table.current_number() == number


async def test_every_gap_of_this_week_is_listed_by_kind(workspace: Workspace, demo: Roster) -> None:
    first, last = Week.of(TODAY).monday, Week.of(TODAY).sunday
    expected = check(demo, first, last)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "3", GapsScreen)
        table = screen.query_one(GapTable)
        assert table.row_count == len(expected)
        assert Counter(row.gap for row in screen._rows) == Counter(expected)
        kinds = [KIND_ORDER[row.gap.kind] for row in screen._rows]
        assert kinds == sorted(kinds)
        assert f"共 {len(expected)} 处" in str(screen.query_one("#gaps-total").render())
        assert "2026-W49（11月30日 至 12月6日）" in _range_label(screen)
        # The kind is written once, on the first row of its group.
        assert str(table.get_row_at(0)[0]) == "缺员"
        assert str(table.get_row_at(1)[0]) == ""


async def test_brackets_move_the_range_by_a_week(workspace: Workspace, demo: Roster) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "3", GapsScreen)
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        assert "2026-W48（11月23日 至 11月29日）" in _range_label(screen)
        previous = check(demo, dt.date(2026, 11, 23), dt.date(2026, 11, 29))
        assert Counter(row.gap for row in screen._rows) == Counter(previous)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(app, pilot)
        assert "2026-W50（12月7日 至 12月13日）" in _range_label(screen)
        await pilot.press("t")
        await settle(app, pilot)
        assert "2026-W49" in _range_label(screen)


async def test_the_kind_filter_keeps_one_kind(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "3", GapsScreen)
        everything = len(screen._rows)
        await pilot.press("k", "down", "down", "enter")  # all, 缺员, 缺少角色
        await settle(app, pilot)
        assert screen.kind == GapKind.MISSING_ROLE
        assert {row.gap.kind for row in screen._rows} == {GapKind.MISSING_ROLE}
        assert screen.query_one(GapTable).row_count == len(screen._rows) < everything
        await pilot.press("k", "home", "enter")
        await settle(app, pilot)
        assert screen.kind is None and len(screen._rows) == everything


async def test_enter_on_an_understaffed_gap_opens_the_week_on_that_shift(
    workspace: Workspace, demo: Roster
) -> None:
    first, last = Week.of(TODAY).monday, Week.of(TODAY).sunday
    wanted = [g for g in check(demo, first, last) if g.kind == GapKind.UNDERSTAFFED][-1]
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "3", GapsScreen)
        await _go_to(pilot, screen, wanted)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.current_mode == "week"
        week = app.screen_stack[0]  # under the picker the fix opened
        table = week.query_one("#week-table")
        row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        assert row_key == f"r:{wanted.post}:{wanted.shift}"
        assert table.cursor_coordinate.column == 1 + (wanted.date or TODAY).weekday()


@pytest.mark.parametrize(
    ("kind", "mode"),
    [
        (GapKind.OVERTIME, "week"),
        (GapKind.CARER_OVERLOADED, "households"),
        (GapKind.HOUSEHOLD_UNCARED, "households"),
        (GapKind.STREET_UNASSIGNED, "places"),
    ],
)
async def test_enter_on_other_gaps_opens_the_screen_that_fixes_them(
    workspace: Workspace, demo: Roster, kind: GapKind, mode: str
) -> None:
    first, last = Week.of(TODAY).monday, Week.of(TODAY).sunday
    wanted = next(g for g in check(demo, first, last) if g.kind == kind)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "3", GapsScreen)
        await _go_to(pilot, screen, wanted)
        assert f"回车到「{app_mode_name(mode)}」页处理" in str(  # what Enter does, as care gaps say
            screen.query_one("#gaps-detail").render()
        )
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.current_mode == mode


async def test_enter_on_a_street_gap_puts_the_places_cursor_on_the_street(
    workspace: Workspace, demo: Roster
) -> None:
    first, last = Week.of(TODAY).monday, Week.of(TODAY).sunday
    wanted = next(g for g in check(demo, first, last) if g.kind == GapKind.STREET_UNASSIGNED)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "3", GapsScreen)
        await _go_to(pilot, screen, wanted)
        await pilot.press("enter")
        await settle(app, pilot)
        tree = app.screen_stack[0].query_one(PlaceTree)
        assert tree.cursor_node is not None
        assert tree.cursor_node.data == PlaceRef("street", wanted.street or "")


async def test_enter_on_an_overtime_gap_narrows_the_week_to_the_person_past_a_filter(
    workspace: Workspace, demo: Roster
) -> None:
    first, last = Week.of(TODAY).monday, Week.of(TODAY).sunday
    wanted = next(g for g in check(demo, first, last) if g.kind == GapKind.OVERTIME)
    person = next(p for p in demo.people if p.id == wanted.person)
    other = next(p for p in demo.people if p.name != person.name)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        week = await open_screen(app, pilot, "2", WeekScreen)
        await pilot.press("slash", *other.name, "enter")
        await settle(app, pilot)
        screen = await open_screen(app, pilot, "3", GapsScreen)
        await _go_to(pilot, screen, wanted)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen_stack[0] is week
        assert week.query_one("#week-filter", Input).value == person.name
        key = week.current_key()
        assert key is not None and week.data is not None
        assert person.id in week.data.instances[key].assigned  # the cursor on one of theirs


async def test_enter_on_an_uncared_household_gap_highlights_it_past_a_compound_filter(
    workspace: Workspace, demo: Roster
) -> None:
    first, last = Week.of(TODAY).monday, Week.of(TODAY).sunday
    wanted = next(g for g in check(demo, first, last) if g.kind == GapKind.HOUSEHOLD_UNCARED)
    household = next(h for h in demo.households if h.id == wanted.household)
    elsewhere = next(c.id for c in demo.compounds if c.id != household.compound)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        households = await open_screen(app, pilot, "6", HouseholdsScreen)
        households.filter_compound(elsewhere)
        await settle(app, pilot)
        assert household.id not in households._rows  # the filter hides it
        screen = await open_screen(app, pilot, "3", GapsScreen)
        await _go_to(pilot, screen, wanted)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen_stack[0] is households
        assert households.compound is None
        selected = households.selected()
        assert selected is not None and selected.id == household.id
        assert household.id in str(households.query_one("#hh-detail").render())


def _free_person(roster: Roster, community: str) -> Person:
    away = {leave.person for leave in roster.leaves}
    return next(
        p
        for p in roster.people
        if p.community == community and p.active and p.available is None and p.id not in away
    )


async def test_an_assignment_closes_the_gap_without_checking_everything_again(
    workspace: Workspace, demo: Roster
) -> None:
    first, last = Week.of(TODAY).monday, Week.of(TODAY).sunday
    gaps = check(demo, first, last)
    gap = next(g for g in gaps if g.kind == GapKind.UNDERSTAFFED and g.need == 1)
    compounds = {c.id: c.community for c in demo.compounds}
    post = next(p for p in demo.posts if p.id == gap.post)
    person = _free_person(demo, compounds[post.compound])
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "3", GapsScreen)
        understaffed = sum(1 for row in screen._rows if row.gap.kind == GapKind.UNDERSTAFFED)
        tracker = screen._source._tracker
        key = (gap.post, gap.date, gap.shift)
        app.edit(lambda ws: ws.assign(app.roster, key, person))
        await settle(app, pilot)
        after = [row.gap for row in screen._rows]
        assert gap not in after
        assert sum(1 for g in after if g.kind == GapKind.UNDERSTAFFED) == understaffed - 1
        assert screen._source._tracker is tracker  # updated in place, not rebuilt
        assert app.roster is not None
        assert Counter(after) == Counter(check(app.roster, first, last))


async def test_thousands_of_gaps_are_shown_a_page_at_a_time(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gap_table, "PAGE_SIZE", 4)
    monkeypatch.setattr(gaps_module, "PAGE_SIZE", 4)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "3", GapsScreen)
        table = screen.query_one(GapTable)
        total = len(screen._rows)
        assert table.row_count == 4 < total
        assert f"第 1/{-(-total // 4)} 页" in str(screen.query_one("#gaps-total").render())
        await pilot.press("n")
        assert table.current_number() == 4
        assert "第 2/" in str(screen.query_one("#gaps-total").render())
        await pilot.press("p")
        assert table.current_number() == 0


def test_gaps_screen_snapshot(snap_compare, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)

    async def open_gaps(pilot) -> None:  # type: ignore[no-untyped-def]
        await open_screen(app, pilot, "3", GapsScreen)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_gaps)


async def test_a_language_switch_describes_the_gaps_again_in_english(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "3", GapsScreen)
        count = len(screen._rows)
        await pilot.press("f10")
        await settle(app, pilot)
        assert "2026-W49 (11/30 to 12/6)" in _range_label(screen)
        assert f"{count} in all" in str(screen.query_one("#gaps-total").render())
        assert str(screen.query_one(GapTable).get_row_at(0)[0]) == "understaffed"


async def test_in_english_at_80_columns_a_long_kind_goes_on_over_two_lines(
    workspace: Workspace,
) -> None:
    """'compound without duty holder' made the kind column 30 cells wide, and left the gaps'
    descriptions 21."""
    set_language("en")
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "3", GapsScreen)
        table = screen.query_one(GapTable)
        widths = {column.key.value: column.width for column in table.columns.values()}
        assert widths["kind"] <= SMALL[0] // 4 and widths["what"] >= 40
        kinds = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        label = gap_kind_label(GapKind.COMPOUND_UNASSIGNED)
        assert " ".join(" ".join(kinds).split()).count(label) == 1  # all of it, once


def test_kind_lines_spread_a_long_label_over_its_group_and_grow_a_lone_row() -> None:
    label = "compound without duty holder"
    assert gap_table.kind_lines([label, None, "overtime"], 16) == [
        "compound without",
        "duty holder",
        "overtime",
    ]
    assert gap_table.kind_lines([label, "overtime"], 16) == [
        "compound without\nduty holder",
        "overtime",
    ]
