"""Adding a duty (包街包院): the picker offers only people who do not answer for the place yet."""

from __future__ import annotations

import pytest
from helpers import SMALL, app_on, open_screen, settle, walk_to
from textual.pilot import Pilot
from textual.widgets import OptionList

from roster_tui.domain.model import Roster
from roster_tui.store.repository import Store
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.person_picker import PersonPicker
from roster_tui.tui.screens.places import PlacesScreen
from roster_tui.tui.widgets.place_tree import PlaceRef


async def _offered(app: RosterApp, pilot: Pilot[None], typed: str = "") -> set[str]:
    """The ids the open picker lists once ``typed`` is in its search box."""
    if typed:
        await pilot.press(*typed)
    await settle(app, pilot)
    picker = app.screen
    assert isinstance(picker, PersonPicker)
    return {str(option.id) for option in picker.query_one(OptionList).options}


def _holders(roster: Roster, ref: PlaceRef) -> set[str]:
    return {
        d.person
        for d in roster.duties
        if (d.street if ref.kind == "street" else d.compound) == ref.id
    }


@pytest.mark.parametrize("kind", ["street", "compound"])
async def test_the_duty_picker_leaves_out_who_answers_for_the_place(
    store: Store, kind: str
) -> None:
    roster = store.load_roster()
    places = roster.streets if kind == "street" else roster.compounds
    # The place the most people answer for (two, for a compound of the demo).
    ref = max((PlaceRef(kind, p.id) for p in places), key=lambda r: len(_holders(roster, r)))
    holders = _holders(roster, ref)
    assert len(holders) >= (2 if kind == "compound" else 1)
    app = app_on(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        await walk_to(app, pilot, ref)
        await pilot.press("a")
        offered = await _offered(app, pilot)
        assert offered and not offered & holders
        for holder in holders:  # searched for by phone tail: still not there
            await pilot.press("ctrl+a", "ctrl+k")
            assert holder not in await _offered(app, pilot, roster.index.people[holder].phone[-4:])


async def test_the_duty_picker_offers_who_answers_only_for_other_places(store: Store) -> None:
    roster = store.load_roster()
    street = next(s.id for s in roster.streets if _holders(roster, PlaceRef("street", s.id)))
    holder = next(iter(_holders(roster, PlaceRef("street", street))))
    person = roster.index.people[holder]
    ref = next(
        PlaceRef("compound", c.id)
        for c in roster.compounds
        if holder not in _holders(roster, PlaceRef("compound", c.id))
    )
    app = app_on(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        await walk_to(app, pilot, ref)
        await pilot.press("a")
        assert holder in await _offered(app, pilot, person.phone[-4:])
