"""The person and household forms choose a community, party group or compound with the
project's ``< value >`` field (keys and clicks), not a drop-down whose ▼ has an ambiguous width."""

from __future__ import annotations

from conftest import TODAY
from helpers import open_screen, settle
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, OptionList, Select

from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.household_form import HouseholdForm
from roster_tui.tui.dialogs.person_form import PersonForm
from roster_tui.tui.dialogs.place_search import PlaceSearch
from roster_tui.tui.screens.households import HouseholdsScreen
from roster_tui.tui.screens.people import PeopleScreen
from roster_tui.tui.widgets.choice_field import ChoiceField


async def _form(
    app: RosterApp, pilot: Pilot[None], mode: str, screen: type[Screen[None]]
) -> Screen[object]:
    """The form a list's first key opens: m on People (its first person), n on Households."""
    await open_screen(app, pilot, mode, screen)
    await pilot.press("m" if screen is PeopleScreen else "n")
    await settle(app, pilot)
    return app.screen


async def test_a_persons_community_and_group_change_with_a_key_and_a_click(
    workspace: Workspace,
) -> None:
    roster = workspace.load()
    communities = [c.id for c in roster.communities]
    groups = [None, *(g.id for g in roster.party_groups)]
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _form(app, pilot, "4", PeopleScreen)
        assert isinstance(form, PersonForm) and form.person is not None
        person = form.person
        assert not form.query(Select)  # no ▼ in the form
        community = form.query_one("#pf-community", ChoiceField)
        group = form.query_one("#pf-group", ChoiceField)
        assert (community.value, group.value) == (person.community, person.party_group)
        assert f"< {roster.index.communities[person.community].name} >" in str(community.render())

        community.focus()
        await pilot.press("right")
        await pilot.click("#pf-group")
        await settle(app, pilot)
        moved = communities[(communities.index(person.community) + 1) % len(communities)]
        joined = groups[(groups.index(person.party_group) + 1) % len(groups)]
        assert (community.value, group.value) == (moved, joined)
        community.focus()
        await pilot.press("enter")  # saves from a choice too
        await settle(app, pilot)
        assert isinstance(app.screen, PeopleScreen)
    saved = workspace.load().index.people[person.id]
    assert (saved.community, saved.party_group) == (moved, joined)


async def test_a_households_compound_is_chosen_with_the_keys(workspace: Workspace) -> None:
    compounds = [c.id for c in workspace.load().compounds]
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _form(app, pilot, "6", HouseholdsScreen)
        assert isinstance(form, HouseholdForm)
        assert not form.query(Select)
        compound = form.query_one("#hf-compound", ChoiceField)
        assert compound.value == compounds[0]
        compound.focus()
        await pilot.press("left")  # round to the last one
        typed = {"address": "7号楼1单元101", "head": "王某", "phone": "13911110000"}
        for field, value in typed.items():
            form.query_one(f"#hf-{field}", Input).value = value
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, HouseholdsScreen)
    added = next(h for h in workspace.load().households if h.head == "王某")
    assert added.compound == compounds[-1]


async def test_slash_on_the_compound_finds_one_by_its_pinyin(workspace: Workspace) -> None:
    roster = workspace.load()
    target = next(c for c in roster.compounds if c.name == "农科路甲5号院")
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _form(app, pilot, "6", HouseholdsScreen)
        assert isinstance(form, HouseholdForm)
        await pilot.press(*"a/b")  # typed in the address box, / is only a character
        assert form.query_one("#hf-address", Input).value == "a/b"
        compound = form.query_one("#hf-compound", ChoiceField)
        compound.focus()
        await pilot.press("slash")
        await settle(app, pilot)
        search = app.screen
        assert isinstance(search, PlaceSearch)
        await pilot.press(*"nkl")  # 农科路 the street and 农科路12号院东门 the post are not offered
        await settle(app, pilot)
        listed = [str(o.prompt) for o in search.query_one(OptionList).options]
        assert listed and all("楼院" in line for line in listed)
        await pilot.press("down", "down", "enter")
        await settle(app, pilot)
        assert app.screen is form
        assert compound.value == target.id
