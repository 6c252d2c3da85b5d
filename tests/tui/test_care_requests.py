"""The requests board: overdue first, a handler through the picker, done, all undoable; and a
household's card with its contacts and requests."""

from __future__ import annotations

from conftest import TODAY
from helpers import open_screen, settle, table_text
from textual.widgets import DataTable, Static

from roster_tui.services.care import fever_households
from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.handler_picker import HandlerPicker
from roster_tui.tui.dialogs.household_card import HouseholdCard
from roster_tui.tui.dialogs.requests_board import RequestsBoard
from roster_tui.tui.screens.households import HouseholdsScreen


async def test_the_board_gives_a_request_to_a_volunteer_marks_it_done_and_undoes_both(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "6", HouseholdsScreen)
        await pilot.press("o")
        await settle(app, pilot)
        board = app.screen
        assert isinstance(board, RequestsBoard)
        rows = table_text(board.query_one("#board-table", DataTable))
        assert len(rows) == 2 and "超时" in rows[0][1] and "超时" not in rows[1][1]
        first = board.rows[0].request

        await pilot.press("enter")
        await settle(app, pilot)
        picker = app.screen
        assert isinstance(picker, HandlerPicker)
        best = picker.choices[0]
        assert best.same_community and best.person.id != first.handler
        names = [c.person.name for c in picker.choices]
        twins = {n for n in names if names.count(n) > 1}
        shown = table_text(picker.query_one("#hp-table", DataTable))
        for name in twins:  # namesakes read apart by community and phone tail
            assert len({(r[1], r[2]) for r in shown if r[0] == name}) == names.count(name)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is board
        stored = {r.id: r for r in workspace.load().requests}
        assert stored[first.id].handler == best.person.id
        assert best.person.name in table_text(board.query_one("#board-table", DataTable))[0][5]

        await pilot.press("d")
        await settle(app, pilot)
        assert workspace.load().index.households  # still readable
        stored = {r.id: r for r in workspace.load().requests}
        assert stored[first.id].done is not None
        assert first.id not in [row.request.id for row in board.rows]

        await pilot.press("ctrl+z")  # done taken back: open again, still with its handler
        await settle(app, pilot)
        stored = {r.id: r for r in workspace.load().requests}
        assert stored[first.id].done is None and stored[first.id].handler == best.person.id
        await pilot.press("ctrl+z")  # and the handler too
        await settle(app, pilot)
        assert {r.id: r for r in workspace.load().requests}[first.id].handler == first.handler
        assert board.rows[0].request.id == first.id


async def test_a_households_card_shows_its_contacts_requests_and_fever(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "6", HouseholdsScreen)
        roster = workspace.load()
        (feverish,) = fever_households(roster, TODAY)
        table = screen.query_one("#hh-table", DataTable)
        status = str(table.get_row(feverish)[4])
        assert "发热" in status  # the list says it in words, not only in red
        screen.focus_household(feverish)
        await settle(app, pilot)
        await pilot.press("i")
        await settle(app, pilot)
        card = app.screen
        assert isinstance(card, HouseholdCard)
        text = str(card.query_one("#hcard-text", Static).render())
        assert "发热" in text
        contacts = [c for c in roster.contacts if c.household == feverish]
        assert f"问访记录 {len(contacts)} 次" in text
        for request in (r for r in roster.requests if r.household == feverish):
            assert request.id in text
