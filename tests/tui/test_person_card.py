"""People one key away: Enter on anyone opens their card, c copies the phone, p their sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TODAY
from helpers import app_on, first_shift_cell, open_screen, settle
from textual.pilot import Pilot

from roster_tui.cli import main
from roster_tui.domain.gaps import GapKind
from roster_tui.domain.model import Roster
from roster_tui.store.repository import Store
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.gap_choice import ChoiceModal
from roster_tui.tui.dialogs.person_card import PersonCard
from roster_tui.tui.screens.gaps import GapsScreen
from roster_tui.tui.screens.people import PeopleScreen
from roster_tui.tui.screens.today import TodayScreen
from roster_tui.tui.screens.week import WeekScreen
from roster_tui.tui.widgets.gap_table import GapTable
from roster_tui.tui.widgets.today_panels import DutyTable
from roster_tui.tui.widgets.week_table import WeekTable


def _card_text(app: RosterApp) -> str:
    card = app.screen
    assert isinstance(card, PersonCard)
    return "\n".join(
        str(card.query_one(f"#card-{part}").render()) for part in ("title", "phone", "week")
    )


async def test_the_guards_phone_from_today_in_two_keys(store: Store, demo: Roster) -> None:
    """At 3 a.m.: Enter on the duty row, c; the phone is on the clipboard (OSC 52)."""
    people = {p.id: p for p in demo.people}
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        today = await open_screen(app, pilot, "1", TodayScreen)
        table = today.query_one(DutyTable)
        assert app.focused is table  # the duty rows have the cursor from the start
        keys = [str(row.key.value) for row in table.ordered_rows]
        alone = next(i for i, key in enumerate(keys) if len(table.people_on.get(key, ())) == 1)
        await pilot.press(*["down"] * alone)
        (guard,) = table.people_on[keys[alone]]
        await pilot.press("enter")
        await settle(app, pilot)
        assert people[guard].phone in _card_text(app)
        await pilot.press("c")
        assert app.clipboard == people[guard].phone


async def test_a_row_of_two_asks_whose_card(store: Store, demo: Roster) -> None:
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        today = await open_screen(app, pilot, "1", TodayScreen)
        table = today.query_one(DutyTable)
        keys = [str(row.key.value) for row in table.ordered_rows]
        pair = next(i for i, key in enumerate(keys) if len(table.people_on.get(key, ())) == 2)
        await pilot.press(*["down"] * pair, "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("down", "enter")
        await settle(app, pilot)
        second = table.people_on[keys[pair]][1]
        phone = next(p.phone for p in demo.people if p.id == second)
        assert phone in _card_text(app)


async def test_the_card_shows_community_group_roles_shifts_and_households(
    store: Store, demo: Roster
) -> None:
    carer = next(h.carer for h in demo.households if h.carer and h.active_on(TODAY, demo.settings))
    person = next(p for p in demo.people if p.id == carer)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        people = await open_screen(app, pilot, "4", PeopleScreen)
        people.focus_person(carer)
        await settle(app, pilot)
        await pilot.press("i")
        await settle(app, pilot)
        text = _card_text(app)
        community = next(c.name for c in demo.communities if c.id == person.community)
        assert person.name in text and community in text and person.phone in text
        assert "照料隔离户" in text and "本周" in text and "党小组" in text


async def test_enter_on_a_staffed_cell_of_the_week_opens_the_card(store: Store) -> None:
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        week = await open_screen(app, pilot, "2", WeekScreen)
        table = week.query_one(WeekTable)
        table.cursor_coordinate = first_shift_cell(table, 0)
        for _ in range(200):  # along the rows, as a person would, to a staffed cell
            instance = week.current_instance()
            data = week.data
            if instance and data and instance.assigned and not data.cell_gaps.get(instance.key):
                break
            await pilot.press("down")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, (PersonCard, ChoiceModal))


async def test_i_on_a_gap_about_a_person_opens_their_card(store: Store, demo: Roster) -> None:
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        gaps = await open_screen(app, pilot, "3", GapsScreen)
        number = next(i for i, row in enumerate(gaps._rows) if row.gap.kind is GapKind.OVERTIME)
        gaps.query_one(GapTable).focus()
        await pilot.press(*["down"] * number, "i")
        await settle(app, pilot)
        person = next(p for p in demo.people if p.id == gaps._rows[number].gap.person)
        assert person.phone in _card_text(app)


async def test_p_writes_a_duty_sheet_that_tells_namesakes_apart(
    store: Store, demo: Roster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    zhang = [p for p in demo.people if p.name == "张伟"]
    assert len(zhang) == 3
    person = zhang[1]
    community = next(c.name for c in demo.communities if c.id == person.community)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        people = await open_screen(app, pilot, "4", PeopleScreen)
        people.focus_person(person.id)
        await settle(app, pilot)
        await pilot.press("i")
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
    [written] = tmp_path.glob("值班单-*.txt")
    sheet = written.read_text(encoding="utf-8")
    assert f"张伟（{community}，手机尾号{person.phone[-4:]}）" in sheet.splitlines()[0]
    assert person.phone in sheet and "2026-W49" in sheet


def test_the_cli_writes_a_persons_duty_sheet(store: Store, db_url: str, demo: Roster) -> None:
    """``roster-tui export person --person ID --week W``: the sheet the card's p writes."""
    person = [p for p in demo.people if p.name == "张伟"][2]
    community = next(c.name for c in demo.communities if c.id == person.community)
    out = Path(db_url.removeprefix("sqlite:///")).with_name("sheet.txt")
    db = str(out.with_name("demo.sqlite"))
    argv = ["--db", db, "--lang", "zh", "export", "person", "--person", person.id,
            "--week", "2026-W49", "--format", "txt", "-o", str(out)]  # fmt: skip
    assert main(argv) == 0
    sheet = out.read_text(encoding="utf-8")
    assert f"张伟（{community}，手机尾号{person.phone[-4:]}）" in sheet.splitlines()[0]
    assert "本周值班" in sheet and "照料的隔离户" in sheet


def test_person_card_snapshot(snap_compare, store: Store, demo: Roster) -> None:  # type: ignore[no-untyped-def]
    app = app_on(store)

    async def run_before(pilot: Pilot[None]) -> None:
        await open_screen(app, pilot, "1", TodayScreen)
        await pilot.press("enter")
        await settle(app, pilot)
        if isinstance(app.screen, ChoiceModal):
            await pilot.press("enter")
            await settle(app, pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
