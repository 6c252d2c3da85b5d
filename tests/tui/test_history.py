"""The history screen: who changed what and when, undo (also after a restart), details, pages."""

from __future__ import annotations

import dataclasses
import datetime as dt

from helpers import SMALL, app_on, open_screen, settle, table_text, walk_to
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from roster_tui.domain.changes import Change
from roster_tui.domain.model import Duty, Roster, Rotation
from roster_tui.services.places import rotations_of
from roster_tui.services.workspace import Workspace
from roster_tui.store.db import open_store
from roster_tui.store.repository import Store
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.history_detail import HistoryDetail
from roster_tui.tui.screens.history import PAGE_SIZE, HistoryScreen
from roster_tui.tui.screens.places import PlacesScreen
from roster_tui.tui.widgets.history_changes import local_time
from roster_tui.tui.widgets.place_detail import PlaceDetail
from roster_tui.tui.widgets.place_tree import PlaceRef


def _rows(screen: HistoryScreen) -> list[list[str]]:
    return table_text(screen.query_one(DataTable))


def _first_rotation(roster: Roster) -> Rotation:
    return next(r for r in roster.rotations if rotations_of(roster, r.post)[0] == r)


async def _move_second_member_down(app: RosterApp, pilot: Pilot[None], rotation: Rotation) -> None:
    """On the places screen, walk to the rotation's post and press ] on its second member."""
    await open_screen(app, pilot, "5", PlacesScreen)
    await walk_to(app, pilot, PlaceRef("post", rotation.post))
    assert app.screen.query_one(PlaceDetail).current_rotation() == rotation
    await pilot.press("tab", "tab", "down", "right_square_bracket")
    await settle(app, pilot)


def _stored_rotations(db_url: str) -> list[tuple[object, ...]]:
    """Every rotation as stored: a member moved in Places ends one and starts a dated one."""
    roster = open_store(db_url).load_roster()
    return [(r.id, r.members, r.start, r.end) for r in roster.rotations]


async def test_history_shows_the_edit_with_its_user_and_ctrl_z_marks_it_undone(
    store: Store,
    db_url: str,
) -> None:
    rotation = _first_rotation(store.load_roster())
    before = _stored_rotations(db_url)
    app = app_on(store)
    async with app.run_test(size=SMALL) as pilot:
        await _move_second_member_down(app, pilot, rotation)
        assert _stored_rotations(db_url) != before
        screen = await open_screen(app, pilot, "7", HistoryScreen)
        newest = store.history(limit=1)[0]
        time, user, state, summary = _rows(screen)[0]
        assert (user, state) == ("tester", "")
        assert rotation.id in summary and "下移" in summary
        assert time == local_time(newest.at, "Asia/Shanghai")
        assert "导入" in _rows(screen)[-1][3]  # oldest last

        await pilot.press("ctrl+z")
        await settle(app, pilot)
        rows = _rows(screen)
        assert rows[0][3].startswith("撤销")
        assert rows[1][3] == summary and rows[1][2] == "已撤销"
    assert _stored_rotations(db_url) == before


async def test_a_new_app_on_the_same_database_undoes_the_last_session_s_change(
    store: Store, db_url: str
) -> None:
    rotation = _first_rotation(store.load_roster())
    before = _stored_rotations(db_url)
    first = app_on(store)
    async with first.run_test(size=(80, 24)) as pilot:
        await _move_second_member_down(first, pilot, rotation)
    assert _stored_rotations(db_url) != before

    second = app_on(open_store(db_url))
    async with second.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(second, pilot, "7", HistoryScreen)
        await pilot.press("ctrl+z")
        await settle(second, pilot)
        assert _rows(screen)[1][2] == "已撤销"
    assert _stored_rotations(db_url) == before


async def test_ctrl_z_undoes_only_the_user_s_own_change(store: Store, db_url: str) -> None:
    roster = store.load_roster()
    rotation = _first_rotation(roster)
    reordered = dataclasses.replace(rotation, members=rotation.members[::-1])
    Workspace(store, user="someone_else").apply([Change(rotation, reordered)], "rotation", "x")
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "7", HistoryScreen)
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert _rows(screen)[0][1] == "someone_else" and _rows(screen)[0][2] == ""
    assert [m for i, m, *_ in _stored_rotations(db_url) if i == rotation.id] == [reordered.members]


async def test_enter_shows_each_change_before_and_after(store: Store) -> None:
    roster = store.load_roster()
    rotation = _first_rotation(roster)
    names = {p.id: p.name for p in roster.people}
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await _move_second_member_down(app, pilot, rotation)
        await open_screen(app, pilot, "7", HistoryScreen)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, HistoryDetail)
        text = "\n".join(str(s.render()) for s in app.screen.query(Static))
        a, b, c, *rest = rotation.members
        # The edit is dated: the rotation ends, and a new one from the next day takes the new
        # order, turned so that whoever is due that day stays due.
        assert "结束：由 长期 改为" in text and "新增 轮值" in text
        line = next(x for x in text.splitlines() if x.startswith("成员（轮换顺序）："))
        shown = line.removeprefix("成员（轮换顺序）：").split("、")
        wanted = [names[p] for p in (a, c, b, *rest)]
        turn = shown.index(wanted[0])
        assert shown[turn:] + shown[:turn] == wanted
        assert "操作人 tester" in text
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)


async def test_history_pages_hold_at_most_a_page_and_move_with_n_and_p(store: Store) -> None:
    roster = store.load_roster()
    workspace = Workspace(store, user="tester")
    person = next(p for p in roster.people if p.active)
    street = roster.streets[0]
    for _ in range(PAGE_SIZE // 2 + 1):  # two entries each, past one page
        entry = workspace.add_duty(Duty(person.id, street=street.id), person, street.name)
        assert entry is not None and entry.changes[0].after is not None
        workspace.remove_duty(entry.changes[0].after, person, street.name)  # type: ignore[arg-type]
    total = len(store.history(limit=1000))
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "7", HistoryScreen)
        assert len(_rows(screen)) == PAGE_SIZE
        await pilot.press("n")
        await settle(app, pilot)
        assert len(_rows(screen)) == total - PAGE_SIZE
        assert "第 2 页" in str(screen.query_one("#history-status", Static).render())
        await pilot.press("p")
        await settle(app, pilot)
        assert len(_rows(screen)) == PAGE_SIZE


def test_audit_times_show_in_the_sub_district_zone() -> None:
    at = dt.datetime(2026, 12, 1, 23, 30)  # naive UTC, as the store keeps it
    assert local_time(at, "Asia/Shanghai") == "2026-12-02 07:30"
    assert local_time(at.replace(tzinfo=dt.UTC), "Europe/Berlin") == "2026-12-02 00:30"


def test_history_screen_snapshot(snap_compare, monkeypatch, demo: Roster, db_url: str) -> None:  # type: ignore[no-untyped-def]
    fixed = dt.datetime(2026, 12, 2, 1, 15)  # 09:15 in Shanghai
    monkeypatch.setattr("roster_tui.store.repository._utc_now", lambda: fixed)
    store = open_store(db_url, create=True)
    store.import_roster(demo, replace=True, user="tester")
    rotation = _first_rotation(demo)
    stored = next(r for r in store.load_roster().rotations if r.id == rotation.id)
    moved = dataclasses.replace(stored, members=(*stored.members[1:], stored.members[0]))
    Workspace(store, user="tester").apply([Change(stored, moved)], "rotation.reorder", "轮值调整")
    Workspace(store, user="tester").undo()
    app = app_on(store)

    async def run_before(pilot: Pilot[None]) -> None:
        await open_screen(app, pilot, "7", HistoryScreen)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


async def test_switching_language_keeps_the_history_listed(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "7", HistoryScreen)
        await pilot.press("f10")
        await settle(app, pilot)
        table = screen.query_one(DataTable)
        assert [str(c.label) for c in table.columns.values()] == ["Time", "User", "State", "What"]
        assert table.row_count == len(store.history(limit=PAGE_SIZE))
