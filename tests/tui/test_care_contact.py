"""The fuller contact from today's round: how, reading, needs and notes, and a need as a request."""

from __future__ import annotations

from conftest import TODAY
from helpers import settle
from test_care_round import open_round, row_text
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.care_round import RoundDialog
from roster_tui.tui.dialogs.contact_form import ContactForm


def quiet_household(dialog: RoundDialog) -> str:
    """A household with a carer, not called yet today, without a fever."""
    return next(
        hid
        for hid, row in dialog.rows.items()
        if not row.contacted_today and row.household.carer and not row.fever
    )


async def open_form_on_a_quiet_household(
    app: RosterApp, pilot: Pilot[None]
) -> tuple[RoundDialog, str, ContactForm]:
    """Today's round, the cursor on a quiet household, Enter: its contact form."""
    dialog = await open_round(app, pilot)
    table = dialog.query_one("#round-table", DataTable)
    target = quiet_household(dialog)
    table.move_cursor(row=table.get_row_index(target))
    await pilot.pause()
    await pilot.press("enter")
    await settle(app, pilot)
    form = app.screen
    assert isinstance(form, ContactForm)
    return dialog, target, form


async def test_enter_records_a_visit_with_a_fever_and_ctrl_r_makes_the_need_a_request(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        requests_before = {r.id for r in workspace.load().requests}
        dialog, target, form = await open_form_on_a_quiet_household(app, pilot)
        table = dialog.query_one("#round-table", DataTable)
        open_before = dialog.rows[target].open_requests
        await pilot.press("right", "right")  # on the how field: phone -> WeChat -> visit
        form.query_one("#ctf-temperature").focus()
        await pilot.press(*"37.9", "tab", *"大米", "ctrl+r")
        await settle(app, pilot)
        assert app.screen is dialog

        roster = workspace.load()
        (contact,) = [c for c in roster.contacts if c.household == target and c.date == TODAY]
        assert (contact.temperature, contact.needs) == (37.9, "大米")
        (request,) = [r for r in roster.requests if r.id not in requests_before]
        assert (request.household, request.what, request.handler) == (target, "大米", None)
        assert "已问访" in row_text(table, target)[2]
        assert "发热" in row_text(table, target)[3]  # a fever in words, not only in red
        assert f"待办{open_before + 1}" in row_text(table, target)[4]

        await pilot.press("ctrl+z")  # one undo takes back the contact and the request
        await settle(app, pilot)
        roster = workspace.load()
        assert not [c for c in roster.contacts if c.household == target and c.date == TODAY]
        assert {r.id for r in roster.requests} == requests_before
        assert "未问访" in row_text(table, target)[2]


async def test_a_reading_no_thermometer_gives_is_shown_under_its_field(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        before = len(workspace.load().contacts)
        _, _, form = await open_form_on_a_quiet_household(app, pilot)
        await pilot.press(*"98.6", "enter")
        await settle(app, pilot)
        assert app.screen is form  # nothing typed is lost
        note = form.query_one("#ctf-temperature-error", Static)
        assert note.display and "34.0" in str(note.render())
        await pilot.press("ctrl+r")  # a request needs a need: said under the needs box
        await pilot.pause()
        assert form.query_one("#ctf-needs-error", Static).display
        await pilot.press("escape")
        await settle(app, pilot)
        assert len(workspace.load().contacts) == before
