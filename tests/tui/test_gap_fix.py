"""Enter on a gap lands on its fix: one test per kind, from the gaps list to the gap gone.

Each opens the app on the demo (it has every kind), moves onto the gap with the arrow keys,
presses Enter, mends it with keys only, and checks the roster no longer has that gap.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import TODAY
from helpers import open_screen, settle
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, SelectionList

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import Roster
from roster_tui.domain.week import Week
from roster_tui.engine.check import check
from roster_tui.services.assignments import assigned_people
from roster_tui.services.gap_fixes import gap_key
from roster_tui.services.workspace import Workspace
from roster_tui.store.db import open_store
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.confirm import ConfirmDialog
from roster_tui.tui.dialogs.gap_choice import ChoiceModal
from roster_tui.tui.dialogs.household_carer_picker import CarerPicker
from roster_tui.tui.dialogs.party_group_form import PartyGroupForm
from roster_tui.tui.dialogs.person_picker import PersonPicker
from roster_tui.tui.screens.gaps import GapsScreen
from roster_tui.tui.screens.today import TodayScreen
from roster_tui.tui.screens.week import WeekScreen
from roster_tui.tui.widgets.gap_table import GapTable
from roster_tui.tui.widgets.today_panels import GapCounts
from roster_tui.tui.widgets.week_table import WeekTable

FIRST, LAST = Week.of(TODAY).monday, Week.of(TODAY).sunday


def _the_gap(roster: Roster, kind: GapKind) -> Gap:
    return next(g for g in check(roster, FIRST, LAST) if g.kind == kind)


def _same_gap(gap: Gap) -> Callable[[Gap], bool]:
    """The gap in any later state: same kind, same shift, person and place."""

    def same(other: Gap) -> bool:
        return (other.kind, gap_key(other), other.person, other.street, other.compound) == (
            gap.kind,
            gap_key(gap),
            gap.person,
            gap.street,
            gap.compound,
        ) and (other.household == gap.household)

    return same


async def _enter_on(app: RosterApp, pilot: Pilot[None], gap: Gap) -> None:
    """From the gaps list: the arrow keys down to ``gap``, then Enter."""
    screen = await open_screen(app, pilot, "3", GapsScreen)
    table = screen.query_one(GapTable)
    table.focus()
    number = next(i for i, row in enumerate(screen._rows) if row.gap == gap)
    await pilot.press(*["down"] * number)
    assert table.current_number() == number
    await pilot.press("enter")
    await settle(app, pilot)


async def _confirm_if_started(app: RosterApp, pilot: Pilot[None]) -> None:
    """A shift that has started asks first (y goes ahead)."""
    if isinstance(app.screen, ConfirmDialog):
        await pilot.press("y")
    await settle(app, pilot)


def _gone(app: RosterApp, gap: Gap) -> bool:
    assert app.roster is not None
    return not any(map(_same_gap(gap), check(app.roster, FIRST, LAST)))


def _highlighted(app: RosterApp) -> str | None:
    picker = app.screen
    assert isinstance(picker, PersonPicker)
    options = picker.query_one(OptionList)
    assert options.highlighted is not None
    return options.get_option_at_index(options.highlighted).id


def _offered(app: RosterApp) -> list[str | None]:
    picker = app.screen
    assert isinstance(picker, PersonPicker)
    return [option.id for option in picker.query_one(OptionList).options]


def _cursor_key(app: RosterApp) -> tuple[str, object, str] | None:
    week = app.screen_stack[0]
    assert isinstance(week, WeekScreen)
    return week.current_key()


async def test_understaffed_opens_the_picker_on_the_shift(
    workspace: Workspace, demo: Roster
) -> None:
    gap = _the_gap(demo, GapKind.UNDERSTAFFED)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await _enter_on(app, pilot, gap)
        assert app.current_mode == "week"
        assert _cursor_key(app) == gap_key(gap)
        assert isinstance(app.screen, PersonPicker)
        await pilot.press("enter")  # the best candidate, first on the list
        await _confirm_if_started(app, pilot)
        assert _gone(app, gap)


async def test_missing_role_opens_the_picker_with_the_role_holders_first(
    workspace: Workspace, demo: Roster
) -> None:
    gap = _the_gap(demo, GapKind.MISSING_ROLE)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await _enter_on(app, pilot, gap)
        assert _cursor_key(app) == gap_key(gap)
        assert isinstance(app.screen, PersonPicker)
        await pilot.press("enter")
        await _confirm_if_started(app, pilot)
        assert _gone(app, gap)


async def _choose(app: RosterApp, pilot: Pilot[None], words: str) -> None:
    """In the fix's choice list, down to the first line holding ``words``, then Enter."""
    modal = app.screen
    assert isinstance(modal, ChoiceModal)
    options = modal.query_one(OptionList)
    wanted = next(
        i
        for i in range(options.option_count)
        if words in str(options.get_option_at_index(i).prompt)
    )
    await pilot.press(*["down"] * (wanted - (options.highlighted or 0)))
    await pilot.press("enter")
    await settle(app, pilot)


async def test_double_booked_offers_to_take_the_person_off_a_shift(
    workspace: Workspace, demo: Roster
) -> None:
    gap = _the_gap(demo, GapKind.DOUBLE_BOOKED)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await _enter_on(app, pilot, gap)
        assert app.current_mode == "week"
        assert _cursor_key(app) == gap_key(gap)  # on the later shift, the person selected
        await _choose(app, pilot, "移出")
        await _confirm_if_started(app, pilot)
        assert _gone(app, gap)


async def test_short_rest_offers_someone_in_the_persons_place(
    workspace: Workspace, demo: Roster
) -> None:
    gap = _the_gap(demo, GapKind.SHORT_REST)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await _enter_on(app, pilot, gap)
        assert _cursor_key(app) == gap_key(gap)
        await _choose(app, pilot, "换人")
        assert isinstance(app.screen, PersonPicker)
        await pilot.press("enter")
        await _confirm_if_started(app, pilot)
        assert _gone(app, gap)
        key = gap_key(gap)
        assert app.roster is not None and key is not None
        now_on = assigned_people(app.roster, key)
        assert gap.person not in now_on
        assert len(now_on) == len(assigned_people(demo, key))  # someone took the place


async def test_unavailable_is_replaced_on_the_shift(workspace: Workspace, demo: Roster) -> None:
    gap = _the_gap(demo, GapKind.UNAVAILABLE)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await _enter_on(app, pilot, gap)
        assert _cursor_key(app) == gap_key(gap)
        await _choose(app, pilot, "换人")
        await pilot.press("enter")
        await _confirm_if_started(app, pilot)
        assert _gone(app, gap)


async def test_overtime_shows_the_persons_week_and_takes_one_shift_off(
    workspace: Workspace, demo: Roster
) -> None:
    gap = _the_gap(demo, GapKind.OVERTIME)
    person = demo.index.people[gap.person or ""]
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await _enter_on(app, pilot, gap)
        week = app.screen_stack[0]
        assert isinstance(week, WeekScreen)
        assert week.query_one("#week-filter", Input).value == person.name  # their week
        shown = week.query_one(WeekTable)
        assert 0 < shown.row_count < 10
        modal = app.screen
        assert isinstance(modal, ChoiceModal)
        assert modal.query_one(OptionList).option_count >= 4  # remove or replace, per shift
        await _choose(app, pilot, "移出")
        await _confirm_if_started(app, pilot)
        assert app.roster is not None
        left = [
            g
            for g in check(app.roster, FIRST, LAST)
            if g.kind == GapKind.OVERTIME and g.person == person.id
        ]
        assert not left


async def test_an_unassigned_street_opens_the_duty_picker_on_it(
    workspace: Workspace, demo: Roster
) -> None:
    gap = _the_gap(demo, GapKind.STREET_UNASSIGNED)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await _enter_on(app, pilot, gap)
        assert app.current_mode == "places"
        chosen = _highlighted(app)
        await pilot.press("enter")
        await settle(app, pilot)
        assert _gone(app, gap)
        await pilot.press("a")  # the same place's picker: who answers for it now is left out
        await settle(app, pilot)
        assert chosen not in _offered(app)


async def test_an_unassigned_compound_opens_the_duty_picker_on_it(
    workspace: Workspace, demo: Roster
) -> None:
    gap = _the_gap(demo, GapKind.COMPOUND_UNASSIGNED)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await _enter_on(app, pilot, gap)
        chosen = _highlighted(app)
        await pilot.press("enter")
        await settle(app, pilot)
        assert _gone(app, gap)
        await pilot.press("a")  # the same place's picker: who answers for it now is left out
        await settle(app, pilot)
        assert chosen not in _offered(app)


async def test_an_uncared_household_opens_the_carer_picker_on_it(
    workspace: Workspace, demo: Roster
) -> None:
    gap = _the_gap(demo, GapKind.HOUSEHOLD_UNCARED)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await _enter_on(app, pilot, gap)
        assert app.current_mode == "households"
        picker = app.screen
        assert isinstance(picker, CarerPicker)
        assert picker.household.id == gap.household
        await pilot.press("enter")  # the best carer, first on the list
        await settle(app, pilot)
        assert _gone(app, gap)


async def test_an_overloaded_carer_hands_one_household_to_another(
    workspace: Workspace, demo: Roster
) -> None:
    gap = _the_gap(demo, GapKind.CARER_OVERLOADED)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await _enter_on(app, pilot, gap)
        assert app.current_mode == "households"
        modal = app.screen
        assert isinstance(modal, ChoiceModal)
        theirs = [h for h in demo.households if h.carer == gap.person]
        assert modal.query_one(OptionList).option_count == gap.count <= len(theirs)
        await pilot.press("enter")  # the first of their households
        await settle(app, pilot)
        picker = app.screen
        assert isinstance(picker, CarerPicker)
        assert picker.household.carer == gap.person
        assert picker.query_one(DataTable).has_focus
        await pilot.press("enter")
        await settle(app, pilot)
        assert _gone(app, gap)


async def test_todays_line_of_a_kind_with_one_gap_goes_straight_to_its_fix(
    workspace: Workspace, demo: Roster
) -> None:
    gap = _the_gap(demo, GapKind.MISSING_ROLE)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        today = app.screen
        assert isinstance(today, TodayScreen)
        counts = today.query_one(GapCounts)
        kinds = [kind for kind, _ in counts.counts]
        assert dict(counts.counts)[GapKind.MISSING_ROLE] == 1
        counts.focus()
        await pilot.press(*["down"] * kinds.index(GapKind.MISSING_ROLE), "enter")
        await settle(app, pilot)
        assert app.current_mode == "week"
        assert _cursor_key(app) == gap_key(gap)
        assert isinstance(app.screen, PersonPicker)


@pytest.mark.parametrize("existing", [False, True])
async def test_a_compound_without_a_party_group_gets_one_in_the_group_editor(
    workspace: Workspace, demo: Roster, existing: bool
) -> None:
    """The community's groups are offered, a new one for the compound first; an existing one
    chosen opens with the compound ticked, so either closes the gap in one save."""
    gap = _the_gap(demo, GapKind.NO_PARTY_GROUP)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await _enter_on(app, pilot, gap)
        assert app.current_mode == "places"
        choice = app.screen
        assert isinstance(choice, ChoiceModal)
        group = choice.choices[0][1] if existing else None
        assert group != choice.current  # the new group is the one offered first
        await pilot.press(*(["home"] if existing else []), "enter")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, PartyGroupForm)
        assert form.compound == gap.compound
        assert (form.before.id if form.before else None) == group
        members = form.query_one("#pgf-members", SelectionList)
        if not members.selected:  # a group covers a compound only with someone in it
            members.select(members.get_option_at_index(0).value)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert _gone(app, gap)
        assert app.roster is not None
        assert any(gap.compound in g.compounds for g in app.roster.party_groups)
        if form.before is not None:  # its own compounds kept
            saved = app.roster.index.party_groups[form.before.id]
            assert set(form.before.compounds) < set(saved.compounds)


async def test_a_post_id_holding_a_colon_is_assigned_and_fixed_from_the_grid(
    tmp_path: Path, demo: Roster
) -> None:
    """Row keys are never read back as ids: a post named ``x:02`` works like any other."""
    gap = _the_gap(demo, GapKind.UNDERSTAFFED)
    old = gap.post or ""
    new = "x:02"
    roster = dataclasses.replace(
        demo,
        posts=[dataclasses.replace(p, id=new) if p.id == old else p for p in demo.posts],
        rotations=[
            dataclasses.replace(r, post=new) if r.post == old else r for r in demo.rotations
        ],
        overrides=[
            dataclasses.replace(o, post=new) if o.post == old else o for o in demo.overrides
        ],
    )
    store = open_store(f"sqlite:///{tmp_path / 'colon.sqlite'}", create=True)
    store.import_roster(roster, replace=True, user="tester")
    moved = dataclasses.replace(gap, post=new)
    try:
        app = RosterApp(Workspace(store, user="tester"), today=TODAY, poll_seconds=3600)
        async with app.run_test(size=(80, 24)) as pilot:
            await _enter_on(app, pilot, moved)
            assert _cursor_key(app) == gap_key(moved)
            assert isinstance(app.screen, PersonPicker)
            await pilot.press("enter")
            await _confirm_if_started(app, pilot)
            assert _gone(app, moved)
            assert app.roster is not None
            assert any(o.post == new and o.add for o in app.roster.overrides)
    finally:
        store.close()
