"""Setting the sub-district up from Places with the keys: new places, forms, retiring, search."""

from __future__ import annotations

import dataclasses
import datetime as dt

from conftest import TODAY
from helpers import app_on, open_screen, settle, walk_to
from textual.widgets import Input, SelectionList, Static

from roster_tui.domain.gaps import GapKind
from roster_tui.domain.model import CompoundKind, Roster
from roster_tui.engine.check import check
from roster_tui.services.people import name_readings
from roster_tui.store.repository import Store
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.confirm import ConfirmDialog
from roster_tui.tui.dialogs.gap_choice import ChoiceModal
from roster_tui.tui.dialogs.party_group_form import PartyGroupForm
from roster_tui.tui.dialogs.person_picker import PersonPicker
from roster_tui.tui.dialogs.place_form import PlaceForm
from roster_tui.tui.dialogs.place_search import PlaceSearch
from roster_tui.tui.dialogs.post_form import PostForm
from roster_tui.tui.dialogs.rotation_form import RotationForm
from roster_tui.tui.screens.places import PlacesScreen
from roster_tui.tui.widgets.place_tree import PlaceRef, PlaceTree

TOMORROW = TODAY + dt.timedelta(days=1)  # the first day no shift has started (frozen at noon)
WEEK_END = TODAY + dt.timedelta(days=7)


def _roster(app: RosterApp) -> Roster:
    assert app.roster is not None
    return app.roster


async def test_a_new_compound_post_rotation_and_party_group_close_their_gaps(
    store: Store,
) -> None:
    roster = store.load_roster()
    busy = {m for r in roster.rotations for m in r.members} | {
        p for o in roster.overrides for p in o.add
    }
    helper = next(
        p for p in roster.people if p.active and p.community == "c01" and p.id not in busy
    )
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)  # the cursor on the first community
        await pilot.press("n")
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("down", "enter")  # from 街巷 down to 楼院
        assert isinstance(app.screen, PlaceForm)
        await pilot.press(*"翠竹园", "enter")
        await settle(app, pilot)
        compound = next(c for c in _roster(app).compounds if c.name == "翠竹园")
        assert (compound.community, compound.kind) == ("c01", CompoundKind.UNMANAGED)
        assert app.screen.query_one(PlaceTree).cursor_node.data == PlaceRef("compound", compound.id)  # type: ignore[union-attr]
        gaps = {g.kind for g in check(_roster(app), TODAY, TODAY) if g.compound == compound.id}
        assert gaps == {GapKind.COMPOUND_UNASSIGNED, GapKind.NO_PARTY_GROUP}

        await pilot.press("a", *helper.phone[-4:])  # who answers for it
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)

        await pilot.press("n", "enter")  # on a compound: a post
        assert isinstance(app.screen, PostForm)
        await pilot.press(*"东门", "tab", "tab")  # past the day its shifts begin
        await pilot.press(*"白班", "tab", *"08:00", "tab", *"20:00", "tab", "1")
        await pilot.press("enter")
        await settle(app, pilot)
        post = next(p for p in _roster(app).posts if p.compound == compound.id)
        assert [(s.name, s.start, s.end, s.need) for s in post.shifts] == [("白班", 480, 1200, 1)]
        understaffed = [g for g in check(_roster(app), TOMORROW, WEEK_END) if g.post == post.id]
        assert len(understaffed) == 7

        await pilot.press("n", "enter")  # on a post: a rotation, from its first member
        await settle(app, pilot)
        assert isinstance(app.screen, PersonPicker)
        await pilot.press(*helper.phone[-4:])
        await settle(app, pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, RotationForm)
        await pilot.press("enter")  # from the first open day, every shift, by need
        await settle(app, pilot)
        rotation = next(r for r in _roster(app).rotations if r.post == post.id)
        assert (rotation.members, rotation.start) == ((helper.id,), TOMORROW)

        await pilot.press("p")  # the community's party groups: a new one for this compound
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("enter")
        group_form = app.screen
        assert isinstance(group_form, PartyGroupForm)
        await pilot.press("ctrl+s")  # nobody ticked: a group of no one answers for nothing
        await settle(app, pilot)
        assert app.screen is group_form
        assert group_form.query_one("#pgf-members-error", Static).display
        group_form.query_one("#pgf-members", SelectionList).select(helper.id)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        group = next(g for g in _roster(app).party_groups if compound.id in g.compounds)
        assert group.name == "翠竹园党小组"

        assert isinstance(app.screen, PlacesScreen)
        roster = _roster(app)
        left = [g for g in check(roster, TOMORROW, WEEK_END) if g.compound == compound.id]
        left += [g for g in check(roster, TOMORROW, WEEK_END) if g.post == post.id]
        assert left == []
    fresh = store.load_roster()  # all of it was written, not only shown
    assert fresh.index.rotations[rotation.id].members == (helper.id,)


async def test_a_form_shows_every_mistake_at_once_and_keeps_what_was_typed(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        before = len(_roster(app).compounds)
        await pilot.press("n", "down", "enter")
        form = app.screen
        assert isinstance(form, PlaceForm)
        await pilot.press("tab", "tab", "tab", "tab", *"很多", "enter")  # no name, bad count
        await settle(app, pilot)
        assert app.screen is form
        shown = {note.id for note in form.query(".field-error").results(Static) if note.display}
        assert shown == {"plf-name-error", "plf-households-error"}
        assert form.query_one("#plf-households", Input).value == "很多"
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "shift+tab", *"新院", "ctrl+s")
        await settle(app, pilot)
        assert app.screen is form  # still refused: 很多 is no number
        shown = {note.id for note in form.query(".field-error").results(Static) if note.display}
        assert shown == {"plf-households-error"}
        assert form.query_one("#plf-name", Input).value == "新院"
        await pilot.press("escape")
        assert len(_roster(app).compounds) == before


async def test_retiring_a_street_says_what_goes_with_it_and_ctrl_z_brings_it_back(
    store: Store,
) -> None:
    roster = store.load_roster()
    street = next(s for s in roster.streets if any(d.street == s.id for d in roster.duties))
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        await walk_to(app, pilot, PlaceRef("street", street.id))
        await pilot.press("r")
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert any("包保" in line for line in dialog.lines)
        await pilot.press("y")
        await settle(app, pilot)
        assert street.id not in _roster(app).index.streets
        assert all(d.street != street.id for d in _roster(app).duties)
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert street.id in _roster(app).index.streets


async def test_search_finds_a_compound_by_its_pinyin_initials(store: Store) -> None:
    roster = store.load_roster()
    compound = roster.compounds[-1]
    initials = sorted(name_readings(compound.name).initials)[0]
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        await pilot.press("slash")
        assert isinstance(app.screen, PlaceSearch)
        await pilot.press(*initials)
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, PlacesScreen)
        assert screen.ref == PlaceRef("compound", compound.id)


async def test_m_on_a_rotation_changes_its_shifts_from_the_first_open_day(store: Store) -> None:
    roster = store.load_roster()
    rotation = next(
        r
        for r in roster.rotations
        if r.shifts is None
        and r.start < TODAY
        and len(roster.index.posts[r.post].shifts) >= 2
        and next(x for x in roster.rotations if x.post == r.post) == r
    )
    post = roster.index.posts[rotation.post]
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        await walk_to(app, pilot, PlaceRef("post", post.id))
        await pilot.press("tab", "m")  # the rotations list, then edit the highlighted one
        assert isinstance(app.screen, RotationForm)
        await pilot.press("tab", "down", "space", "ctrl+s")  # untick the second shift
        await settle(app, pilot)
        assert isinstance(app.screen, PlacesScreen)
    rotations = store.load_roster().index.rotations
    assert rotations[rotation.id].end == TODAY  # days that have started keep all shifts
    successor = next(r for r in rotations.values() if r.post == post.id and r.start == TOMORROW)
    assert successor.shifts == (post.shifts[0].name,)


async def test_m_on_a_post_moves_its_shifts_from_the_first_open_day_and_keeps_the_past(
    store: Store,
) -> None:
    roster = store.load_roster()
    post = next(p for p in roster.posts if any(r.post == p.id for r in roster.rotations))
    first = post.shifts[0]
    yesterday = TODAY - dt.timedelta(days=1)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        await walk_to(app, pilot, PlaceRef("post", post.id))
        await pilot.press("m")
        form = app.screen
        assert isinstance(form, PostForm)
        day = form.query_one("#pof-from", Input)
        assert day.value == TOMORROW.isoformat()  # a shift has started today (frozen at noon)
        day.value = yesterday.isoformat()
        form.query_one("#pof-shift1-start", Input).value = "07:30"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is form  # yesterday has happened: refused next to the field
        assert form.query_one("#pof-from-error", Static).display
        day.value = TOMORROW.isoformat()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, PlacesScreen)
        stored = store.load_roster().index.posts[post.id]
        assert stored.shifts_on(TODAY) == post.shifts  # today and before keep their times
        assert stored.shifts_on(TOMORROW)[0] == dataclasses.replace(first, start=7 * 60 + 30)
        await pilot.press("ctrl+z")  # one undo puts the old shifts back on every day
        await settle(app, pilot)
    assert store.load_roster().index.posts[post.id] == post
