"""The Households screen: filters, carer picking with undo, release, the household form."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TODAY
from helpers import SIZES, SMALL, open_screen, settle
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList

from roster_tui.domain.model import Household
from roster_tui.services.households import filter_households
from roster_tui.services.workspace import Workspace
from roster_tui.store.db import open_store
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.confirm import ConfirmDialog
from roster_tui.tui.dialogs.household_carer_picker import CarerPicker
from roster_tui.tui.dialogs.household_form import HouseholdForm
from roster_tui.tui.screens import households as households_module
from roster_tui.tui.screens.households import HouseholdsScreen


def table_of(screen: HouseholdsScreen) -> DataTable[object]:
    return screen.query_one("#hh-table", DataTable)


def listed(screen: HouseholdsScreen) -> list[str]:
    return [str(row.key.value) for row in table_of(screen).ordered_rows]


def cells(screen: HouseholdsScreen, hid: str) -> list[str]:
    return [str(cell) for cell in table_of(screen).get_row(hid)]


async def highlight(screen: HouseholdsScreen, pilot: Pilot[None], hid: str) -> None:
    table = table_of(screen)
    table.move_cursor(row=table.get_row_index(hid))
    await pilot.pause()


def stored(db_url: str, hid: str) -> Household:
    """The household as a fresh connection reads it from the database."""
    fresh = open_store(db_url)
    try:
        return next(h for h in fresh.load_roster().households if h.id == hid)
    finally:
        fresh.close()


@pytest.mark.parametrize("size", SIZES)
async def test_list_shows_days_left_carer_and_status_soonest_first(
    workspace: Workspace, size: tuple[int, int]
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=size) as pilot:
        screen = await open_screen(app, pilot, "6", HouseholdsScreen)
        assert len(listed(screen)) == 40
        first = cells(screen, listed(screen)[0])
        assert first[3] == "明日到期" and first[4] == "隔离中"
        assert cells(screen, "h0011")[3:] == ["剩14天", "隔离中", "未指派"]
        assert "尾号0101" in cells(screen, "h0001")[5]
        assert "每人最多照料 8 户" in str(screen.query_one("#hh-status").render())


async def test_no_carer_filter_lists_only_uncared_households(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "6", HouseholdsScreen)
        await pilot.press("u")
        await settle(app, pilot)
        assert listed(screen) == ["h0010", "h0011"]
        assert "筛选：无照料人" in str(screen.query_one("#hh-status").render())
        await pilot.press("u")
        await settle(app, pilot)
        assert len(listed(screen)) == 40


async def test_ending_soon_and_compound_filters(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "6", HouseholdsScreen)
        await pilot.press("s")
        await settle(app, pilot)
        assert listed(screen) == ["h0013", "h0023", "h0026", "h0035"]
        await pilot.press("s")
        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one(OptionList).highlighted = 2  # all, k01, k02 ...
        await pilot.press("enter")
        await settle(app, pilot)
        households = {h.id: h for h in app.roster.households}  # type: ignore[union-attr]
        assert listed(screen) and all(households[h].compound == "k02" for h in listed(screen))
        assert "h0010" in listed(screen)


async def test_assigning_a_carer_is_stored_and_undo_restores_it(
    workspace: Workspace, db_url: str
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "6", HouseholdsScreen)
        await highlight(screen, pilot, "h0011")
        await pilot.press("c")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, CarerPicker)
        best = picker.choices[0]
        assert best.block is None and best.same_community and best.load == 0
        await pilot.press("enter")
        await settle(app, pilot)
        assert stored(db_url, "h0011").carer == best.person.id
        assert best.person.name in cells(screen, "h0011")[5]
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert stored(db_url, "h0011").carer is None
        assert cells(screen, "h0011")[5] == "未指派"


async def test_a_carer_at_the_cap_is_shown_with_the_reason_and_offered_last(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "6", HouseholdsScreen)
        await highlight(screen, pilot, "h0010")
        await pilot.press("c")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, CarerPicker)
        ids = [c.person.id for c in picker.choices]
        full = ids.index("p101")  # 丁军 cares for 9 households; the cap is 8
        free = [i for i, c in enumerate(picker.choices) if c.block is None]
        assert free and max(free) < full
        row = [str(cell) for cell in picker.query_one(DataTable).get_row(str(full))]
        assert row[3] == "9/8" and row[4] == "已满8户"
        await pilot.press("slash", *"dj")
        await pilot.pause()
        assert "p101" in [c.person.id for c in picker.choices]
        await pilot.press("escape", "escape")  # leave the search box, then the picker
        await settle(app, pilot)
        assert app.screen is screen
        assert cells(screen, "h0010")[5] == "未指派"


async def test_release_ends_the_quarantine_today(workspace: Workspace, db_url: str) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "6", HouseholdsScreen)
        await highlight(screen, pilot, "h0010")
        await pilot.press("r")
        await settle(app, pilot)
        preview = app.screen
        assert isinstance(preview, ConfirmDialog)
        assert any("照料人" in line for line in preview.lines)
        await pilot.press("escape")
        await settle(app, pilot)
        assert stored(db_url, "h0010").end_date(app.roster.settings) > TODAY  # type: ignore[union-attr]
        await pilot.press("r")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        released = stored(db_url, "h0010")
        assert released.end_date(app.roster.settings) == TODAY  # type: ignore[union-attr]
        assert cells(screen, "h0010")[3:] == ["已解除", "已解除", "未指派"]


async def test_release_refuses_a_quarantine_starting_today(
    workspace: Workspace, db_url: str
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "6", HouseholdsScreen)
        await highlight(screen, pilot, "h0011")
        await pilot.press("r")
        await settle(app, pilot)
        assert stored(db_url, "h0011").days is None


async def test_adding_a_household_through_the_form(workspace: Workspace, db_url: str) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "6", HouseholdsScreen)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, HouseholdForm)
        form.query_one("#hf-address", Input).value = "7号楼1单元101"
        await pilot.press("enter")
        await pilot.pause()
        assert "请填写户主" in str(form.query_one("#hf-head-error").render())
        form.query_one("#hf-head", Input).value = "王某"
        form.query_one("#hf-phone", Input).value = "13911110000"
        form.query_one("#hf-start", Input).value = "2026-12-1"
        await pilot.press("enter")
        await pilot.pause()
        assert "开始日期格式不对" in str(form.query_one("#hf-start-error").render())
        form.query_one("#hf-start", Input).value = "2026-12-01"
        await pilot.press("enter")
        await settle(app, pilot)
        added = stored(db_url, "h0041")
        assert (added.address, added.head, added.start, added.days) == (
            "7号楼1单元101",
            "王某",
            dt.date(2026, 12, 1),
            None,
        )
        assert cells(screen, "h0041")[3:] == ["剩13天", "隔离中", "未指派"]


async def test_switching_language_keeps_the_filters_and_refills(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "6", HouseholdsScreen)
        await pilot.press("u")
        await settle(app, pilot)
        await pilot.press("f10")
        await settle(app, pilot)
        assert listed(screen) == ["h0010", "h0011"]
        assert cells(screen, "h0011")[3:] == ["in 14d", "active", "none"]
        screen.filter_compound("k20")
        await settle(app, pilot)
        assert listed(screen) == ["h0011"]


async def test_editing_a_household_with_m_saves_the_new_days(
    workspace: Workspace, db_url: str
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "6", HouseholdsScreen)
        await highlight(screen, pilot, "h0011")
        await pilot.press("m")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, HouseholdForm)
        form.query_one("#hf-days", Input).value = "21"
        await pilot.press("enter")
        await settle(app, pilot)
        assert stored(db_url, "h0011").days == 21
        assert cells(screen, "h0011")[3] == "剩21天"


async def test_a_jump_to_a_household_turns_to_its_page_and_lifts_only_filters_hiding_it(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(households_module, "PAGE_SIZE", 4)
    roster = workspace.load()
    ordered = filter_households(roster, TODAY)
    uncared = filter_households(roster, TODAY, no_carer=True)
    cared = next(h for h in ordered if h.carer is not None)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "6", HouseholdsScreen)
        screen.focus_household(ordered[-1].id)
        await settle(app, pilot)
        assert screen.page == (len(ordered) - 1) // 4
        assert screen.selected() == ordered[-1]
        await pilot.press("u")  # only households without a carer
        await settle(app, pilot)
        screen.focus_household(uncared[-1].id)
        await settle(app, pilot)
        assert screen.no_carer and screen.selected() == uncared[-1]
        screen.focus_household(cared.id)
        await settle(app, pilot)
        assert not screen.no_carer and screen.selected() == cared


def test_households_screen_snapshot(snap_compare, store) -> None:  # type: ignore[no-untyped-def]
    app = RosterApp(Workspace(store, user="tester"), today=TODAY, poll_seconds=3600)

    async def run_before(pilot: Pilot[None]) -> None:
        await open_screen(app, pilot, "6", HouseholdsScreen)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


async def test_every_column_fits_80_columns_in_both_languages(workspace: Workspace) -> None:
    """At 80 columns the whole row shows, in English too: a fever is never scrolled away."""
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=SMALL) as pilot:
        for language in ("zh", "en"):
            screen = await open_screen(app, pilot, "6", HouseholdsScreen)
            table = table_of(screen)
            assert len(listed(screen)) == 40, language
            assert table.virtual_size.width <= table.scrollable_content_region.width, language
            await pilot.press("f10")
            await settle(app, pilot)


async def test_an_empty_list_says_what_hides_the_households_and_which_key_shows_them(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "6", HouseholdsScreen)
        await pilot.press("slash", *"无此户", "enter", "s")
        await settle(app, pilot)
        assert screen.query_one("#hh-table", DataTable).row_count == 0
        why = str(screen.query_one("#hh-detail").render())
        assert "无此户" in why and "/" in why  # the search, and the key that changes it
        assert "今明两天到期" in why and "s" in why
        await pilot.press("slash", *["backspace"] * 3, "enter", "s")
        await settle(app, pilot)
        assert screen.query_one("#hh-table", DataTable).row_count > 0
        assert "无此户" not in str(screen.query_one("#hh-detail").render())
