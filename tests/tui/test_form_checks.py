"""Forms check what is typed where it is typed: every problem at once, next to its field."""

from __future__ import annotations

from conftest import TODAY
from helpers import open_screen, settle
from textual.widgets import Input

from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.household_form import HouseholdForm
from roster_tui.tui.dialogs.person_form import PersonForm
from roster_tui.tui.dialogs.place_form import PlaceForm
from roster_tui.tui.screens.households import HouseholdsScreen
from roster_tui.tui.screens.people import PeopleScreen
from roster_tui.tui.screens.places import PlacesScreen
from roster_tui.tui.widgets.choice_field import ChoiceField


def note(form: PersonForm | HouseholdForm, box: str) -> str:
    widget = form.query_one(f"#{box}-error")
    return str(widget.render()) if widget.display else ""


async def test_a_person_form_names_each_bad_field_keeps_the_typing_and_reads_chinese(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "4", PeopleScreen)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PersonForm)
        form.query_one("#pf-phone", Input).value = "138abc12345"
        form.query_one("#pf-available", Input).value = "周八 08:00-12:00"
        form.query_one("#pf-max", Input).value = "500"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert "请填写姓名" in note(form, "pf-name")
        assert "手机为 1 开头的 11 位数字" in note(form, "pf-phone")
        assert "周八" in note(form, "pf-available")
        assert note(form, "pf-max")
        assert "4 处" in str(form.query_one("#pf-error").render())
        assert form.query_one("#pf-phone", Input).value == "138abc12345"
        form.query_one("#pf-name", Input).value = "欧阳娜娜"
        form.query_one("#pf-phone", Input).value = "0371-68123456-801"
        form.query_one("#pf-available", Input).value = "周一至周五 18:00-24:00；周末"
        form.query_one("#pf-max", Input).value = ""
        await pilot.press("enter")
        await settle(app, pilot)
        added = next(p for p in workspace.load().people if p.name == "欧阳娜娜")
        assert added.available == ("mon-fri 18:00-24:00", "sat,sun 00:00-24:00")
        assert added.phone == "0371-68123456-801"


async def test_a_person_form_shows_availability_back_in_chinese(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "4", PeopleScreen)
        someone = next(p for p in app.roster.people if p.available)  # type: ignore[union-attr]
        screen.focus_person(someone.id)
        await settle(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PersonForm)
        shown = form.query_one("#pf-available", Input).value
        assert shown.isascii() is False  # 周… / 每天, not mon-fri
        assert "mon" not in shown and "daily" not in shown


async def test_a_household_phone_is_checked_too(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "6", HouseholdsScreen)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, HouseholdForm)
        form.query_one("#hf-phone", Input).value = "abc"
        form.query_one("#hf-start", Input).value = "2026-13-01"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert "座机要带区号" in note(form, "hf-phone")
        assert note(form, "hf-start") and note(form, "hf-address") and note(form, "hf-head")
        assert form.query_one("#hf-phone", Input).value == "abc"


async def test_a_choice_lines_up_with_the_text_boxes_above_it(workspace: Workspace) -> None:
    """In a form, a choice's < starts in the column where a text box's text starts."""
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        await pilot.press("n", "down", "enter")  # a new compound
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, PlaceForm)
        name = form.query_one(f"#{form.field_id('name')}", Input)
        community = form.query_one(f"#{form.field_id('community')}", ChoiceField)
        arrow = community.content_region.x + str(community.render()).index("<")
        assert arrow == name.content_region.x
