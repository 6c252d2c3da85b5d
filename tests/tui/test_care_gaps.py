"""The care loop's gaps and alerts: Enter lands where each is closed, and the gap goes away."""

from __future__ import annotations

from conftest import TODAY
from helpers import open_screen, settle
from textual.widgets import OptionList

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import ContactMethod
from roster_tui.services.care_contact import contact_entry
from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.care_round import RoundDialog
from roster_tui.tui.dialogs.contact_form import ContactForm
from roster_tui.tui.dialogs.handler_picker import HandlerPicker
from roster_tui.tui.dialogs.household_card import HouseholdCard
from roster_tui.tui.dialogs.requests_board import RequestsBoard
from roster_tui.tui.screens.gaps import GapsScreen
from roster_tui.tui.screens.today import TodayScreen
from roster_tui.tui.widgets.gap_table import GapTable


async def enter_on(app: RosterApp, pilot, kind: GapKind) -> Gap:  # type: ignore[no-untyped-def]
    """The Gaps screen (3), the arrow keys down to the first gap of ``kind``, then Enter."""
    screen = await open_screen(app, pilot, "3", GapsScreen)
    table = screen.query_one(GapTable)
    table.focus()
    number = next(i for i, row in enumerate(screen._rows) if row.gap.kind == kind)
    await pilot.press(*["down"] * (number - (table.current_number() or 0)))
    gap = screen._rows[number].gap
    assert "回车" in str(screen.query_one("#gaps-detail").render())  # says what Enter does
    await pilot.press("enter")
    await settle(app, pilot)
    return gap


def gaps_shown(app: RosterApp) -> list[Gap]:
    screen = app.screen_stack[0]  # the mode's screen, under any dialog
    assert isinstance(screen, GapsScreen)
    return [row.gap for row in screen._rows]


async def test_enter_on_an_uncontacted_day_opens_the_contact_form_and_the_gap_goes(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        gap = await enter_on(app, pilot, GapKind.HOUSEHOLD_UNCONTACTED)
        form = app.screen
        assert isinstance(form, ContactForm)
        assert (form.household.id, form.day) == (gap.household, gap.date)
        await pilot.press(*"36.6", "enter")
        await settle(app, pilot)
        stored = [
            c
            for c in workspace.load().contacts
            if c.household == gap.household and c.date == gap.date
        ]
        assert [c.temperature for c in stored] == [36.6]
        assert gap not in gaps_shown(app)


async def test_enter_on_a_fever_opens_the_households_card(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        gap = await enter_on(app, pilot, GapKind.FEVER)
        card = app.screen
        assert isinstance(card, HouseholdCard) and card.household.id == gap.household


async def test_enter_on_an_overdue_request_opens_its_handler_picker_and_done_closes_it(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        gap = await enter_on(app, pilot, GapKind.REQUEST_OVERDUE)
        picker = app.screen
        assert isinstance(picker, HandlerPicker) and picker.request.id == gap.request
        await pilot.press("enter")
        await settle(app, pilot)
        board = app.screen
        assert isinstance(board, RequestsBoard)
        assert board.highlighted() is not None
        assert board.highlighted().request.id == gap.request  # type: ignore[union-attr]
        handler = {r.id: r for r in workspace.load().requests}[gap.request or ""].handler
        assert handler == picker.choices[0].person.id
        await pilot.press("d", "escape")
        await settle(app, pilot)
        assert gap.request not in {g.request for g in gaps_shown(app)}


async def test_todays_alerts_open_the_feverish_household_and_the_overdue_request(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        lines = screen.query_one("#today-households", OptionList)
        ids = [lines.get_option_at_index(i).id or "" for i in range(lines.option_count)]
        texts = [str(lines.get_option_at_index(i).prompt) for i in range(lines.option_count)]
        fever = next(i for i, key in enumerate(ids) if key.startswith("fever:"))
        late = next(i for i, key in enumerate(ids) if key.startswith("request:"))
        assert "发热" in texts[fever] and "超时" in texts[late]  # in words, not colour alone
        lines.focus()
        await pilot.press(*["down"] * fever, "enter")
        await settle(app, pilot)
        card = app.screen
        assert isinstance(card, HouseholdCard) and card.household.id == ids[fever][6:]
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press(*["down"] * (late - fever), "enter")
        await settle(app, pilot)
        board = app.screen
        assert isinstance(board, RequestsBoard)
        assert board.highlighted().request.id == ids[late][8:]  # type: ignore[union-attr]


async def test_today_names_three_fevers_and_counts_the_rest(workspace: Workspace) -> None:
    roster = workspace.load()
    for household in [h for h in roster.households if h.active_on(TODAY, roster.settings)][:5]:
        if household.carer is not None:
            entry = contact_entry(
                workspace.load(),
                household,
                TODAY,
                household.carer,
                ContactMethod.PHONE,
                38.2,
                None,
                household.notes,
            )
            workspace.save_contact(entry)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        lines = app.screen.query_one("#today-households", OptionList)
        ids = [lines.get_option_at_index(i).id or "" for i in range(lines.option_count)]
        assert len(ids) == len(set(ids))
        assert sum(key.startswith("fever:") for key in ids) == 3
        more = ids.index("round:fevers")
        assert "户发热" in str(lines.get_option_at_index(more).prompt)
        lines.focus()
        await pilot.press(*["down"] * more, "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RoundDialog)
