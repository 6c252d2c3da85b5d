"""Adding to a rotation: the picker offers only people who are not in its cycle yet."""

from __future__ import annotations

from helpers import app_on, open_screen, settle, walk_to
from textual.widgets import OptionList

from roster_tui.store.repository import Store
from roster_tui.tui.dialogs.person_picker import PersonPicker
from roster_tui.tui.screens.places import PlacesScreen
from roster_tui.tui.widgets.place_detail import PlaceDetail
from roster_tui.tui.widgets.place_tree import PlaceRef


async def test_the_add_member_picker_leaves_out_the_rotations_members(store: Store) -> None:
    roster = store.load_roster()
    rotation = roster.rotations[0]
    members = set(rotation.members)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        await walk_to(app, pilot, PlaceRef("post", rotation.post))
        assert app.screen.query_one(PlaceDetail).current_rotation() == rotation
        await pilot.press("a")
        await settle(app, pilot)
        picker = app.screen
        assert isinstance(picker, PersonPicker)
        offered = {option.id for option in picker.query_one(OptionList).options}
        assert offered and not offered & members
        member = roster.index.people[rotation.members[0]]
        await pilot.press(*member.phone[-4:])  # searched for by name or tail: still not there
        await settle(app, pilot)
        found = {option.id for option in picker.query_one(OptionList).options}
        assert member.id not in found
