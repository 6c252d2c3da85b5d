"""The places screen: the tree, duties (包街包院) and rotation edits, driven by keys."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from conftest import TODAY
from helpers import SIZES, SMALL, app_on, first_shift_cell, open_screen, settle, table_text, walk_to
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable, OptionList

from roster_tui.domain.gaps import GapKind
from roster_tui.domain.model import Roster, Rotation
from roster_tui.engine.check import check
from roster_tui.services.places import (
    find_people,
    insert_member,
    move_member,
    place_marks,
    remove_member,
    rotations_of,
    with_dates,
)
from roster_tui.services.workspace import Workspace
from roster_tui.store.db import open_store
from roster_tui.store.repository import Store
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.apply_from import ApplyFromDialog
from roster_tui.tui.dialogs.person_picker import PersonPicker
from roster_tui.tui.dialogs.rotation_dates import RotationDatesDialog, parse_dates
from roster_tui.tui.screens.places import PlacesScreen
from roster_tui.tui.widgets.person_label import person_label
from roster_tui.tui.widgets.place_detail import PlaceDetail
from roster_tui.tui.widgets.place_tree import PlaceRef, PlaceTree
from roster_tui.tui.widgets.week_table import WeekTable

MONDAY = TODAY - dt.timedelta(days=TODAY.weekday())


def _rendered(widget: Widget) -> str:
    """What the widget draws, line by line, as a person reads it."""
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


def _fresh(db_url: str) -> Roster:
    return open_store(db_url).load_roster()


def _in_force(db_url: str, rotation: Rotation) -> Rotation:
    """The rotation as edited: an edit applies from the first day no shift has started (the
    day after the frozen today), continuing ``rotation`` under a new id from then on."""
    rotations = _fresh(db_url).rotations
    old = next(r for r in rotations if r.id == rotation.id)
    assert old.end == TODAY  # days that have started keep the rotation they had
    return next(r for r in rotations if r.start == TODAY + dt.timedelta(days=1))


def _cycle(members: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Every turn of the member list: the new rotation starts with whoever is due then."""
    return [members[i:] + members[:i] for i in range(len(members))]


# -- pure helpers --------------------------------------------------------------------------------
ROTATION = Rotation("r1", "x1", ("a", "b", "c"), dt.date(2026, 12, 1))


def test_moving_a_member_swaps_it_with_its_neighbour() -> None:
    assert move_member(ROTATION, 1, -1) == Rotation("r1", "x1", ("b", "a", "c"), ROTATION.start)
    assert move_member(ROTATION, 1, 1) == Rotation("r1", "x1", ("a", "c", "b"), ROTATION.start)


def test_a_member_cannot_move_past_either_end() -> None:
    assert move_member(ROTATION, 0, -1) is None
    assert move_member(ROTATION, 2, 1) is None


def test_a_rotation_keeps_its_last_member_and_takes_nobody_twice() -> None:
    single = Rotation("r1", "x1", ("a",), ROTATION.start)
    assert remove_member(single, 0) is None
    assert insert_member(ROTATION, "b", 0) is None
    added = insert_member(ROTATION, "d", 1)
    assert added is not None and added.members == ("a", "d", "b", "c")


def test_rotation_dates_must_not_end_before_they_start() -> None:
    assert with_dates(ROTATION, dt.date(2026, 12, 5), dt.date(2026, 12, 4)) is None
    assert parse_dates("2026-12-05", "2026-12-04") == "places.dates.end_before_start"
    assert parse_dates("2026-12-05", "") == (dt.date(2026, 12, 5), None)
    assert parse_dates("12/05", "") == "places.dates.bad_start"


def test_marks_agree_with_the_gap_check(demo: Roster) -> None:
    marks = place_marks(demo)
    gaps = check(demo, MONDAY, MONDAY + dt.timedelta(days=6))
    assert marks.unassigned_compounds == {
        g.compound for g in gaps if g.kind == GapKind.COMPOUND_UNASSIGNED
    }
    assert marks.unassigned_streets == {
        g.street for g in gaps if g.kind == GapKind.STREET_UNASSIGNED
    }
    assert marks.compounds_without_group == {
        g.compound for g in gaps if g.kind == GapKind.NO_PARTY_GROUP
    }


def test_the_picker_search_skips_inactive_people_and_puts_the_place_community_first(
    demo: Roster,
) -> None:
    community = demo.communities[-1].id
    listed = find_people(demo, "", community=community, limit=1000)
    assert all(p.active for p in listed)
    assert listed[0].community == community
    someone = next(p for p in demo.people if p.active)
    assert someone in find_people(demo, someone.phone[-4:])


# -- on screen -----------------------------------------------------------------------------------
@pytest.mark.parametrize("size", SIZES)
async def test_walking_to_a_compound_shows_who_answers_for_it(store: Store, size) -> None:  # type: ignore[no-untyped-def]
    roster = store.load_roster()
    duty = next(d for d in roster.duties if d.compound is not None)
    holder = next(p for p in roster.people if p.id == duty.person)
    app = app_on(store)
    async with app.run_test(size=size) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        await walk_to(app, pilot, PlaceRef("compound", duty.compound or ""))
        detail = app.screen.query_one(PlaceDetail)
        assert detail.ref == PlaceRef("compound", duty.compound or "")
        names = [row[0] for row in table_text(detail.query_one("#people", DataTable))]
        assert holder.name in names


@pytest.mark.parametrize("size", SIZES)
async def test_unassigned_places_are_marked_in_words(store: Store, size) -> None:  # type: ignore[no-untyped-def]
    roster = store.load_roster()
    marks = place_marks(roster)
    street = next(iter(marks.unassigned_streets))
    app = app_on(store)
    async with app.run_test(size=size) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        tree = app.screen.query_one(PlaceTree)
        assert "无人包保" in str(tree._by_ref[PlaceRef("street", street)].label)
        for compound in marks.compounds_without_group:
            assert "缺党小组" in str(tree._by_ref[PlaceRef("compound", compound)].label)


async def test_adding_a_duty_with_the_picker_closes_the_compound_gap(
    store: Store,
    db_url: str,
) -> None:
    roster = store.load_roster()
    gaps = check(roster, MONDAY, MONDAY)
    open_compound = next(g.compound for g in gaps if g.kind == GapKind.COMPOUND_UNASSIGNED)
    assert open_compound is not None
    community = next(c.community for c in roster.compounds if c.id == open_compound)
    helper = next(p for p in roster.people if p.active and p.community == community)
    tail = helper.phone[-4:]
    assert [p.id for p in find_people(roster, tail)] == [helper.id]
    app = app_on(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        await walk_to(app, pilot, PlaceRef("compound", open_compound))
        heading = app.screen.query_one("#people-title")
        assert "无人包保" in str(heading.render())
        await pilot.press("a")
        await settle(app, pilot)
        assert isinstance(app.screen, PersonPicker)
        await pilot.press(*tail)
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PlacesScreen)
        names = [row[0] for row in table_text(app.screen.query_one("#people", DataTable))]
        assert names == [helper.name]
        assert "无人包保" not in str(heading.render())
        tree_label = str(
            app.screen.query_one(PlaceTree)._by_ref[PlaceRef("compound", open_compound)].label
        )
        assert "无人包保" not in tree_label
    after = check(_fresh(db_url), MONDAY, MONDAY)
    assert not any(
        g.kind == GapKind.COMPOUND_UNASSIGNED and g.compound == open_compound for g in after
    )


async def _to_first_rotated_post(app: RosterApp, pilot: Pilot[None], roster: Roster) -> Rotation:
    """The first rotation of the first post that has one, with the members table focused."""
    rotation = next(r for r in roster.rotations if rotations_of(roster, r.post)[0] == r)
    assert len(rotation.members) >= 3
    await walk_to(app, pilot, PlaceRef("post", rotation.post))
    detail = app.screen.query_one(PlaceDetail)
    assert detail.current_rotation() == rotation
    await pilot.press("tab", "tab")  # past the rotations, on to their members
    assert app.focused is detail.query_one("#people", DataTable)
    return rotation


async def test_moving_a_member_down_changes_the_stored_turn_order(
    store: Store,
    db_url: str,
) -> None:
    app = app_on(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        rotation = await _to_first_rotated_post(app, pilot, store.load_roster())
        await pilot.press("down", "right_square_bracket")
        await settle(app, pilot)
    first, second, third, *rest = rotation.members
    stored = _in_force(db_url, rotation)
    assert stored.members in _cycle((first, third, second, *rest))


async def test_removing_and_adding_back_a_member_and_editing_dates(
    store: Store, db_url: str
) -> None:
    roster = store.load_roster()
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        rotation = await _to_first_rotated_post(app, pilot, roster)
        leaving = next(p for p in roster.people if p.id == rotation.members[0])
        await pilot.press("x")
        await settle(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        await pilot.press(*leaving.phone[-4:])
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        assert isinstance(app.screen, RotationDatesDialog)
        await pilot.press("enter", *"2027-01-31", "enter")
        await settle(app, pilot)
    stored = _in_force(db_url, rotation)
    # Removed from the first turn, added back after the member now under the cursor.
    expected = (rotation.members[1], leaving.id, *rotation.members[2:])
    assert set(stored.members) == set(expected) and len(stored.members) == len(expected)
    assert stored.end == dt.date(2027, 1, 31)


def test_places_screen_snapshot(snap_compare, store: Store) -> None:  # type: ignore[no-untyped-def]
    app = app_on(store)
    roster = store.load_roster()

    async def run_before(pilot: Pilot[None]) -> None:
        await open_screen(app, pilot, "5", PlacesScreen)
        await _to_first_rotated_post(app, pilot, roster)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


async def test_switching_language_keeps_the_place_shown(store: Store) -> None:
    roster = store.load_roster()
    compound = next(c for c in roster.compounds if c.street is not None)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        await walk_to(app, pilot, PlaceRef("compound", compound.id))
        await pilot.press("f10")
        await settle(app, pilot)
        tree = app.screen.query_one(PlaceTree)
        assert tree.cursor_node is not None
        assert tree.cursor_node.data == PlaceRef("compound", compound.id)
        summary = str(app.screen.query_one("#place-summary").render())
        assert compound.name in summary and "Party group" in summary


async def test_remove_waits_for_a_row_picked_on_the_list(store: Store, db_url: str) -> None:
    roster = store.load_roster()
    duty = next(d for d in roster.duties if d.compound is not None)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        await walk_to(app, pilot, PlaceRef("compound", duty.compound or ""))
        assert isinstance(app.focused, PlaceTree)
        await pilot.press("x")
        await settle(app, pilot)
    assert duty in _fresh(db_url).duties


async def test_a_member_added_from_the_tree_takes_the_last_turn(store: Store, db_url: str) -> None:
    roster = store.load_roster()
    rotation = next(r for r in roster.rotations if rotations_of(roster, r.post)[0] == r)
    newcomer = next(p for p in roster.people if p.active and p.id not in rotation.members)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        await walk_to(app, pilot, PlaceRef("post", rotation.post))
        await pilot.press("a")
        await settle(app, pilot)
        await pilot.press(*newcomer.phone[-4:])
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
    stored = _in_force(db_url, rotation)
    assert stored.members in _cycle((*rotation.members, newcomer.id))


async def test_names_that_look_like_markup_show_as_written(store: Store) -> None:
    roster = store.load_roster()
    duty = next(d for d in roster.duties if d.compound is not None)
    holder = next(p for p in roster.people if p.id == duty.person)
    held = {d.compound for d in roster.duties if d.person == holder.id}
    renamed = dataclasses.replace(holder, name="[bold]王五[/bold]")
    Workspace(store, user="tester").save_person(holder, renamed)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        await walk_to(app, pilot, PlaceRef("compound", duty.compound or ""))
        assert "[bold]王五[/bold]" in _rendered(app.screen.query_one("#people", DataTable))
        # On down to a compound they do not answer for: its duty picker offers them.
        tree = app.screen.query_one(PlaceTree)
        for _ in range(20):
            await pilot.press("down")
            ref = tree.cursor_node.data if tree.cursor_node else None
            if ref is not None and ref.kind == "compound" and ref.id not in held:
                break
        assert ref is not None and ref.kind == "compound" and ref.id not in held
        await settle(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        await pilot.press(*"王五")
        await settle(app, pilot)
        assert "[bold]王五[/bold]" in _rendered(app.screen.query_one("#picker-list"))


async def test_moving_down_the_rotations_lists_the_next_rotation_s_members(store: Store) -> None:
    roster = store.load_roster()
    post = next(p for p in roster.posts if len(rotations_of(roster, p.id)) >= 2)
    first, second, *_ = rotations_of(roster, post.id)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        await walk_to(app, pilot, PlaceRef("post", post.id))
        detail = app.screen.query_one(PlaceDetail)
        assert detail.members == first.members
        await pilot.press("tab", "down")
        await settle(app, pilot)
        assert detail.members == second.members
        assert second.id in _rendered(detail.query_one("#people-title"))


def _listed_in_picker(app: RosterApp) -> list[str]:
    picker = app.screen
    assert isinstance(picker, PersonPicker)
    return [str(option.prompt) for option in picker.query_one(OptionList).options]


async def test_a_person_reads_the_same_in_the_places_and_the_week_picker(store: Store) -> None:
    roster = store.load_roster()
    person = next(p for p in roster.people if p.active and p.roles)
    communities = {c.id: c.name for c in roster.communities}
    label = person_label(person, communities)
    compound = roster.compounds[0]
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        await walk_to(app, pilot, PlaceRef("compound", compound.id))
        await pilot.press("a")
        await settle(app, pilot)
        await pilot.press(*person.phone[-4:])
        [places_row] = _listed_in_picker(app)
        assert places_row.startswith(f"{label}  ")  # then the roles
        await pilot.press("escape", "2")
        await settle(app, pilot)
        week = app.screen.query_one(WeekTable)
        week.focus()
        week.cursor_coordinate = first_shift_cell(week, weekday=0)
        await pilot.press("a")
        await settle(app, pilot)
        await pilot.press(*person.phone[-4:])
        [week_row] = _listed_in_picker(app)
        assert week_row.startswith(f"{label} 本周")  # then the hours and any reasons


async def test_rotation_edits_apply_from_the_day_the_user_picks(store: Store, db_url: str) -> None:
    picked = TODAY + dt.timedelta(days=4)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        rotation = await _to_first_rotated_post(app, pilot, store.load_roster())
        title = app.screen.query_one("#rotations-title")
        assert (TODAY + dt.timedelta(days=1)).isoformat() in _rendered(title)  # the default
        await pilot.press("f")
        await settle(app, pilot)
        assert isinstance(app.screen, ApplyFromDialog)
        await pilot.press("ctrl+a", "ctrl+k", *TODAY.isoformat(), "enter")  # has started
        await settle(app, pilot)
        assert isinstance(app.screen, ApplyFromDialog)
        assert "最早" in _rendered(app.screen.query_one("#af-day-error"))
        await pilot.press("ctrl+a", "ctrl+k", *picked.isoformat(), "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PlacesScreen)
        assert picked.isoformat() in _rendered(title)
        await pilot.press("down", "right_square_bracket")
        await settle(app, pilot)
    rotations = _fresh(db_url).rotations
    old = next(r for r in rotations if r.id == rotation.id)
    new = next(r for r in rotations if r.post == rotation.post and r.start == picked)
    assert old.end == picked - dt.timedelta(days=1)
    first, second, third, *rest = rotation.members
    assert new.members in _cycle((first, third, second, *rest))
    latest = store.history(limit=1)[0]
    assert picked.isoformat() in latest.summary


async def test_rotation_dates_that_would_change_started_shifts_are_refused(
    store: Store, db_url: str
) -> None:
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        rotation = await _to_first_rotated_post(app, pilot, store.load_roster())
        assert rotation.start < TODAY
        await pilot.press("d")
        await settle(app, pilot)
        assert isinstance(app.screen, RotationDatesDialog)
        yesterday = TODAY - dt.timedelta(days=1)
        await pilot.press("enter", *yesterday.isoformat(), "enter")  # an end in the past
        await settle(app, pilot)
        assert isinstance(app.screen, RotationDatesDialog)
        assert "已经开始" in _rendered(app.screen.query_one("#dates-error"))
        await pilot.press("escape")
        await settle(app, pilot)
    assert next(r for r in _fresh(db_url).rotations if r.id == rotation.id) == rotation
