"""The People screen: search, leave, deactivation, at 80×24 and 120×40."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TODAY
from helpers import SIZES, SMALL, open_screen, settle
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from roster_tui.domain.gaps import GapKind
from roster_tui.services.workspace import Workspace
from roster_tui.store.db import open_store
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.confirm import ConfirmDialog
from roster_tui.tui.dialogs.leave_form import LeaveForm
from roster_tui.tui.dialogs.leave_list import LeaveList
from roster_tui.tui.dialogs.person_form import PersonForm
from roster_tui.tui.screens.gaps import GapsScreen
from roster_tui.tui.screens.people import PeopleScreen
from roster_tui.tui.widgets.person_week import PersonWeekView


async def search(app: RosterApp, pilot: Pilot[None], text: str) -> None:
    await pilot.press("slash")
    box = app.screen.query_one("#people-search", Input)
    assert box.has_focus
    box.value = ""
    await pilot.press(*text)
    await pilot.press("enter")
    await settle(app, pilot)


def listed(screen: PeopleScreen) -> list[str]:
    table = screen.query_one("#people-table", DataTable)
    return [str(row.key.value) for row in table.ordered_rows]


def detail(screen: PeopleScreen) -> str:
    return str(screen.query_one(PersonWeekView).render())


def row_cells(screen: PeopleScreen, pid: str) -> list[str]:
    return [str(cell) for cell in screen.query_one("#people-table", DataTable).get_row(pid)]


@pytest.mark.parametrize("size", SIZES)
async def test_typing_zw_finds_every_zhang_wei_told_apart(
    workspace: Workspace, size: tuple[int, int]
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=size) as pilot:
        screen = await open_screen(app, pilot, "4", PeopleScreen)
        assert screen.query_one("#people-table", DataTable).has_focus
        await search(app, pilot, "zw")
        assert screen.query_one("#people-search", Input).value == "zw"
        people = {p.id: p for p in app.roster.people}  # type: ignore[union-attr]
        found = listed(screen)
        zhang_wei = [pid for pid in found if people[pid].name == "张伟"]
        assert len(zhang_wei) == 3 and found[:3] == zhang_wei
        # Namesakes differ by community and phone tail on the row itself.
        rows = {tuple(row_cells(screen, pid)[1:3]) for pid in zhang_wei}
        assert len(rows) == 3
        assert ("东风社区", "0003") in rows
        assert screen.query_one("#people-table", DataTable).has_focus


async def test_phone_tail_finds_one_namesake(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "4", PeopleScreen)
        await search(app, pilot, "0048")
        assert listed(screen) == ["p048"]
        assert "尾号0048" in detail(screen)


async def test_leave_shows_on_the_person_and_makes_an_unavailable_gap(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "4", PeopleScreen)
        await search(app, pilot, "0003")  # 张伟 of 东风社区: 白班 on Tue, Thu, Sat
        assert "本周 2026-W49：3 个班，计 36 小时" in detail(screen)
        assert "请假（0）" in detail(screen)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LeaveForm)
        app.screen.query_one("#lf-from", Input).value = "2026-12-03 00:00"
        app.screen.query_one("#lf-to", Input).value = "2026-12-04 00:00"
        app.screen.query_one("#lf-reason", Input).value = "病假"
        await pilot.press("enter")
        await settle(app, pilot)
        preview = app.screen
        assert isinstance(preview, ConfirmDialog)  # the leave's gaps, before it is written
        assert any("新增缺口" in line for line in preview.lines)
        await pilot.press("y")
        await settle(app, pilot)
        assert app.screen is screen
        text = detail(screen)
        assert "2026-12-03 00:00 至 2026-12-04 00:00 病假" in text
        assert "计 24 小时" in text
        assert "请假，不计入在岗" in text
        gaps = workspace.gaps(TODAY, TODAY.replace(day=6))
        assert any(
            g.kind is GapKind.UNAVAILABLE and g.person == "p003" and g.reason == "leave"
            for g in gaps
        )


async def test_leave_with_the_end_before_the_start_is_refused_in_chinese(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "4", PeopleScreen)
        await search(app, pilot, "0003")
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        form.query_one("#lf-to", Input).value = "2026-12-01 08:00"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert "结束时间必须晚于开始时间" in str(form.query_one("#lf-to-error").render())
        form.query_one("#lf-to", Input).value = "2026-12-05 8点"
        await pilot.press("enter")
        await pilot.pause()
        assert "结束时间格式不对" in str(form.query_one("#lf-to-error").render())
        await pilot.press("escape")
        await settle(app, pilot)
        assert not [lv for lv in workspace.load().leaves if lv.person == "p003"]


async def test_cancelling_a_leave_from_the_list_removes_it(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "4", PeopleScreen)
        await search(app, pilot, "0013")  # 病假 today
        assert "病假" in detail(screen)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, LeaveList)
        await pilot.press("x")
        await settle(app, pilot)
        assert not [lv for lv in workspace.load().leaves if lv.person == "p013"]
        assert "请假（0）" in detail(screen)


async def test_deactivating_marks_the_row_and_keeps_the_person(
    workspace: Workspace, db_url: str
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "4", PeopleScreen)
        await search(app, pilot, "0048")
        await pilot.press("d")
        await settle(app, pilot)
        preview = app.screen
        assert isinstance(preview, ConfirmDialog)
        assert any("班次" in line and "照料隔离户" in line for line in preview.lines)
        assert any("新增缺口" in line for line in preview.lines)
        await pilot.press("escape")  # nothing written
        await settle(app, pilot)
        assert next(p for p in workspace.load().people if p.id == "p048").active
        await pilot.press("d")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        assert row_cells(screen, "p048")[3] == "停用"
        assert "[停用]" in detail(screen)
        assert f"停用于 {TODAY:%Y-%m-%d} 12:00" in detail(screen)
        fresh = open_store(db_url)
        try:
            person = next(p for p in fresh.load_roster().people if p.id == "p048")
        finally:
            fresh.close()
        assert person.active is False
        # Made inactive at the moment of the confirmation (noon of the frozen today): shifts
        # that had started by then keep the person.
        assert person.inactive_from == dt.datetime.combine(TODAY, dt.time(12))
        await pilot.press("d")
        await settle(app, pilot)
        assert row_cells(screen, "p048")[3] == ""
        assert next(p for p in workspace.load().people if p.id == "p048").active


async def test_adding_a_person_saves_them_with_the_next_id(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "4", PeopleScreen)
        before = len(app.roster.people)  # type: ignore[union-attr]
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PersonForm)
        await pilot.press("enter")  # nothing filled in yet
        await pilot.pause()
        assert "请填写姓名" in str(form.query_one("#pf-name-error").render())
        assert "请填写" in str(form.query_one("#pf-phone-error").render())  # all at once
        form.query_one("#pf-name", Input).value = "欧阳娜娜"
        form.query_one("#pf-phone", Input).value = "13912345678"
        form.query_one("#pf-available", Input).value = "mon-fri 18:00-24:00; sat,sun 00:00-24:00"
        await pilot.press("enter")
        await settle(app, pilot)
        people = workspace.load().people
        assert len(people) == before + 1
        added = next(p for p in people if p.name == "欧阳娜娜")
        assert added.available == ("mon-fri 18:00-24:00", "sat,sun 00:00-24:00")
        await search(app, pilot, "oyn")
        assert listed(screen) == [added.id]


async def test_a_bad_availability_window_is_named(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "4", PeopleScreen)
        await search(app, pilot, "0003")
        await pilot.press("enter")  # Enter on a row edits the person
        await pilot.pause()
        form = app.screen
        form.query_one("#pf-available", Input).value = "周八 08:00-12:00"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert "周八 08:00-12:00" in str(form.query_one("#pf-available-error").render())
        assert form.query_one("#pf-available", Input).value == "周八 08:00-12:00"


async def test_switching_language_refills_the_screen_in_english(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "4", PeopleScreen)
        await search(app, pilot, "zw")
        await pilot.press("f10")
        await settle(app, pilot)
        table = screen.query_one("#people-table", DataTable)
        assert str(table.ordered_columns[0].label) == "Name"
        assert listed(screen)[:3] == ["p003", "p048", "p097"]
        assert "This week 2026-W49" in detail(screen)


def test_people_screen_snapshot(snap_compare, db_url: str, store) -> None:  # type: ignore[no-untyped-def]
    app = RosterApp(Workspace(store, user="tester"), today=TODAY, poll_seconds=3600)

    async def run_before(pilot: Pilot[None]) -> None:
        await open_screen(app, pilot, "4", PeopleScreen)
        await search(app, pilot, "zw")

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


async def test_a_long_list_shows_its_first_rows_and_says_that_typing_narrows_it(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("roster_tui.tui.screens.people.MAX_ROWS", 30)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "4", PeopleScreen)
        assert screen.query_one("#people-table", DataTable).row_count == 30
        count = str(screen.query_one("#people-count").render())
        assert "找到 120 人，只列前 30 人（输入姓名可缩小范围）" in count
        await search(app, pilot, "张伟")
        assert screen.query_one("#people-table", DataTable).row_count == 3


async def test_deactivating_leaves_last_week_s_gaps_as_they_were(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)

    async def gaps_total(pilot: Pilot[None], *keys: str) -> str:
        await open_screen(app, pilot, "3", GapsScreen)
        await pilot.press(*keys)
        await settle(app, pilot)
        return str(app.screen.query_one("#gaps-total").render())

    async with app.run_test(size=(80, 24)) as pilot:
        this_week = await gaps_total(pilot)
        last_week = await gaps_total(pilot, "left_square_bracket")
        await pilot.press("t")  # back to this week
        await open_screen(app, pilot, "4", PeopleScreen)
        await search(app, pilot, "0048")  # on a rotation, a carer: their absence shows
        await pilot.press("d")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        assert await gaps_total(pilot) != this_week  # shifts still to come lose the person
        assert await gaps_total(pilot, "left_square_bracket") == last_week
