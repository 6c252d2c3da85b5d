"""What the TUI tests share: the app on the demo database, waiting for it, opening a screen."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from conftest import TODAY
from textual.coordinate import Coordinate
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable

from pilot_waits import wait_until_quiet
from roster_tui.services.workspace import Workspace
from roster_tui.store.repository import Store
from roster_tui.tui.app import RosterApp
from roster_tui.tui.widgets.place_tree import PlaceRef, PlaceTree
from roster_tui.tui.widgets.week_table import WeekTable

SMALL = (80, 24)  # the smallest terminal the app supports
SIZES = [SMALL, (120, 40)]  # and a roomy one, for the tests of what a screen shows

ScreenT = TypeVar("ScreenT", bound=Screen[None])


def app_on(store: Store, user: str = "tester") -> RosterApp:
    """The app on ``store`` as ``user``, frozen at TODAY, not polling for others' changes."""
    return RosterApp(Workspace(store, user=user), today=TODAY, poll_seconds=3600)


async def settle(app: RosterApp, pilot: Pilot[None]) -> None:
    """Let every worker finish and the screen catch up (a worker's result may start another):
    back once no worker is pending or running and no message is waiting (``pilot_waits``).
    A worker that failed fails the test here."""
    await wait_until_quiet(app)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def open_screen(
    app: RosterApp, pilot: Pilot[None], key: str, screen_type: type[ScreenT]
) -> ScreenT:
    """Press a mode's number key, as a person would, once the roster has loaded."""
    await settle(app, pilot)
    await pilot.press(key)
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, screen_type)
    return screen


def screen_lines(app: RosterApp) -> list[str]:
    """The screen as drawn, a line of text each, right ends trimmed."""
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip).rstrip() for strip in strips]


def screen_line(app: RosterApp, number: int) -> str:
    """The text of the screen's line ``number`` as drawn (0: the top line), trimmed."""
    return screen_lines(app)[number].strip()


def table_text(table: DataTable[object]) -> list[list[str]]:
    """Every row of ``table`` as the text of its cells."""
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def walk_to(app: RosterApp, pilot: Pilot[None], target: PlaceRef) -> None:
    """Down the places tree, opening each branch on the way (Enter), as a person would."""
    tree = app.screen.query_one(PlaceTree)
    path = []
    node = tree._by_ref[target]
    while node is not None and node.data is not None:
        path.append(node.data)
        node = node.parent
    for step in reversed(path):
        for _ in range(60):
            if tree.cursor_node is not None and tree.cursor_node.data == step:
                break
            await pilot.press("down")
        assert tree.cursor_node is not None and tree.cursor_node.data == step
        if step != target and not tree.cursor_node.is_expanded:
            await pilot.press("enter")
    await settle(app, pilot)


def first_shift_cell(table: WeekTable, weekday: int) -> Coordinate:
    """The week table's cell of the first shift row on ``weekday`` (0: Monday)."""
    for index, row in enumerate(table.ordered_rows):
        if str(row.key.value).startswith("r:"):
            return Coordinate(index, 1 + weekday)
    raise AssertionError("no shift row")


async def printed(pilot: Pilot[None], received: Path) -> bytes:
    """What the fake ``lp`` received, once the print (a worker's subprocess) has arrived."""
    for _ in range(100):
        if received.exists() and received.stat().st_size:
            break
        await pilot.pause(0.1)
    return received.read_bytes()
