"""Data is never markup: names written as markup and actions are shown, and clicked, as text.

Every kind of name in the demo (sub-district, community, street, compound, post, shift, party
group, person, duty, leave, household head, address and notes, a contact's needs, a request)
holds ``[@click=app.quit]`` or ``[@click=app.undo]`` and ``[b]``. Each screen and dialog is
opened as a person would; on each, no drawn cell may carry one of those actions (which is what
a name read as markup would do), the brackets must be visible, and clicking on names must
neither quit nor undo anything.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import app_on, first_shift_cell, open_screen, settle, walk_to
from hostile_roster import ACTIONS, hostile_roster
from textual.pilot import Pilot
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets._toast import Toast

from roster_tui.domain.model import Roster
from roster_tui.store.db import open_store
from roster_tui.store.repository import Store
from roster_tui.tui.app import RosterApp
from roster_tui.tui.screens.gaps import GapsScreen
from roster_tui.tui.screens.history import HistoryScreen
from roster_tui.tui.screens.households import HouseholdsScreen
from roster_tui.tui.screens.people import PeopleScreen
from roster_tui.tui.screens.places import PlacesScreen
from roster_tui.tui.screens.today import TodayScreen
from roster_tui.tui.screens.week import WeekScreen
from roster_tui.tui.widgets.place_tree import PlaceRef
from roster_tui.tui.widgets.week_table import WeekTable

SIZE = (160, 50)  # roomy: names are cut less, so more of each is on screen to check
MARK = "[@click=app."


@pytest.fixture(scope="session")
def hostile_file(demo: Roster, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile roster imported once per test process; each test opens a copy."""
    path = tmp_path_factory.mktemp("hostile-template") / "hostile.sqlite"
    store = open_store(f"sqlite:///{path}", create=True)
    store.import_roster(hostile_roster(demo), replace=True, user="tester")
    store.close()  # the last connection folds the write-ahead log into the file
    return path


@pytest.fixture
def hostile_store(hostile_file: Path, tmp_path: Path) -> Iterator[Store]:
    copy = tmp_path / "hostile.sqlite"
    shutil.copyfile(hostile_file, copy)
    store = open_store(f"sqlite:///{copy}")
    yield store
    store.close()


def _strips(app: RosterApp) -> list[Strip]:
    return app.screen._compositor.render_strips()


def _obeyed(app: RosterApp) -> list[str]:
    """The widgets that drew a name's action as an action: data read as markup."""
    found = []
    for y, strip in enumerate(_strips(app)):
        x = 0
        for segment in strip:
            meta = segment.style.meta if segment.style else {}
            action = meta.get("@click") if meta else None
            action = action[0] if isinstance(action, tuple) else action
            if action is not None and str(action).split("(")[0] in ACTIONS:
                widget, _ = app.screen.get_widget_at(x, y)
                found.append(f"{type(widget).__name__}#{widget.id}: {segment.text!r}")
            x += segment.cell_length
    return found


def _name_spots(app: RosterApp, limit: int = 3) -> list[tuple[int, int]]:
    """Where the first few names begin on screen: just after their visible ``[@click=…]``."""
    spots = []
    for y, strip in enumerate(_strips(app)):
        text, cells = "", []
        x = 0
        for segment in strip:
            for char in segment.text:
                text += char
                cells.append(x)
                x += segment.cell_length // max(len(segment.text), 1) or 1
        start = text.find(MARK)
        close = text.find("]", start)
        if start >= 0 and close >= 0 and close + 1 < len(cells):
            spots.append((cells[close + 1], y))
        if len(spots) == limit:
            break
    return spots


async def _check(app: RosterApp, pilot: Pilot[None], where: str, *, click: bool = True) -> None:
    """Nothing on screen obeys a name; the names show their brackets; clicks change nothing."""
    assert not _obeyed(app), (where, _obeyed(app))
    shown = "\n".join(strip.text for strip in _strips(app))
    assert MARK in shown, where  # brackets and all (a narrow column may cut off the rest)
    if not click:
        return
    screen: Screen[object] = app.screen
    history = [(e.id, e.undone_by) for e in app.workspace.history(limit=5)]
    for x, y in _name_spots(app):
        await pilot.click(offset=(x, y))
        await settle(app, pilot)
        assert app.is_running and app.return_code is None, where
        if app.screen is not screen:  # a click on a row may open it: back to where we were
            await pilot.press("escape")
            await settle(app, pilot)
    assert [(e.id, e.undone_by) for e in app.workspace.history(limit=5)] == history, where


async def _open(app: RosterApp, pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(app, pilot)


async def _close(app: RosterApp, pilot: Pilot[None], screen: type[Screen[None]]) -> None:
    await _open(app, pilot, "escape")
    assert isinstance(app.screen, screen)


async def _something_to_undo(app: RosterApp, pilot: Pilot[None], roster: Roster) -> None:
    """An edit of one's own: a click that undid would take it back."""
    await settle(app, pilot)
    someone = next(p for p in roster.people if p.active)
    changed = dataclasses.replace(someone, phone="13900000000")
    app.edit(lambda ws: ws.save_person(someone, changed))
    await settle(app, pilot)
    assert MARK in Toast(list(app._notifications)[-1]).render().plain  # the toast names them


SCREENS = (
    ("1", TodayScreen),
    ("2", WeekScreen),
    ("3", GapsScreen),
    ("4", PeopleScreen),
    ("6", HouseholdsScreen),
    ("7", HistoryScreen),
)


@pytest.mark.parametrize(("key", "screen"), SCREENS, ids=[s.__name__ for _, s in SCREENS])
async def test_every_screen_shows_names_as_text(
    hostile_store: Store, key: str, screen: type[Screen[None]]
) -> None:
    app = app_on(hostile_store)
    async with app.run_test(size=SIZE) as pilot:
        await _something_to_undo(app, pilot, hostile_store.load_roster())
        await open_screen(app, pilot, key, screen)
        await _check(app, pilot, screen.__name__)


@pytest.mark.parametrize("kind", ["compound", "post"])
async def test_places_shows_names_as_text(hostile_store: Store, kind: str) -> None:
    roster = hostile_store.load_roster()
    app = app_on(hostile_store)
    async with app.run_test(size=SIZE) as pilot:
        await _something_to_undo(app, pilot, roster)
        await open_screen(app, pilot, "5", PlacesScreen)
        if kind == "compound":
            grouped = next(c for g in roster.party_groups for c in g.compounds)
            await walk_to(app, pilot, PlaceRef("compound", grouped))
        else:
            post = next(p for p in roster.posts if any(r.post == p.id for r in roster.rotations))
            await walk_to(app, pilot, PlaceRef("post", post.id))
        await _check(app, pilot, f"places: a {kind}")


# (key, what it opens, whether clicking in it is harmless: a click in a picker chooses)
PEOPLE_DIALOGS = (
    ("i", "person card", True),
    ("d", "deactivation preview", True),
    ("l", "leave form", False),
    ("m", "person form", False),
    ("v", "leave list", True),
)
WEEK_DIALOGS = (
    ("i", "person card", True),
    ("a", "person picker", False),
    ("c", "copy preview", True),
    ("f", "fill preview", True),
)
HOUSEHOLD_DIALOGS = (
    ("t", "care round", False),
    ("o", "requests board", False),
    ("i", "household card", True),
    ("c", "carer picker", False),
    ("r", "release preview", True),
    ("m", "household form", False),
)
HISTORY_DIALOGS = (("enter", "history detail", True), ("g", "scope", False), ("e", "export", False))


async def _each_dialog(
    app: RosterApp,
    pilot: Pilot[None],
    home: type[Screen[None]],
    dialogs: tuple[tuple[str, str, bool], ...],
) -> None:
    for key, what, click in dialogs:
        await _open(app, pilot, key)
        assert not isinstance(app.screen, home), what
        await _check(app, pilot, what, click=click)
        await _close(app, pilot, home)


DIALOGS = {
    "people": ("4", PeopleScreen, PEOPLE_DIALOGS),
    "week": ("2", WeekScreen, WEEK_DIALOGS),
    "households": ("6", HouseholdsScreen, HOUSEHOLD_DIALOGS),
    "history": ("7", HistoryScreen, HISTORY_DIALOGS),
}


@pytest.mark.parametrize("where", list(DIALOGS))
async def test_every_dialog_shows_names_as_text(hostile_store: Store, where: str) -> None:
    key, home, dialogs = DIALOGS[where]
    app = app_on(hostile_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot, key, home)
        if home is WeekScreen:
            week = app.screen.query_one(WeekTable)
            week.focus()
            week.cursor_coordinate = first_shift_cell(week, weekday=3)
        await _each_dialog(app, pilot, home, dialogs)
        if home is WeekScreen:
            await _open(app, pilot, "s")  # a pending swap names the shift on its own line
            assert str(app.screen.query_one("#week-pending").render()).strip()
            await _check(app, pilot, "pending swap", click=False)
            await _open(app, pilot, "escape")


async def test_the_command_palette_takes_a_name_as_text(hostile_store: Store) -> None:
    app = app_on(hostile_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot, "4", PeopleScreen)
        await _open(app, pilot, "ctrl+p")
        await pilot.press(*"[@click=app.quit]张[b]")
        await settle(app, pilot)
        assert not _obeyed(app)
        shown = "\n".join(strip.text for strip in _strips(app))
        assert "[@click=app.quit]张[b]" in shown
        await _open(app, pilot, "enter")
        assert app.is_running and app.return_code is None
