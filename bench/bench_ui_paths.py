"""The paths a secretary really takes through the TUI, timed on the large sub-district.

Each figure is the time from the key to the screen showing its result with no worker left
running: keys pressed through Textual's Pilot on a headless app at 80×24, as in the tests.
Two clocks: CPU time of the whole process (every thread: the UI's and the workers'), which a
busy machine disturbs little, and wall time, which also holds Pilot's own wait for the event
loop to go idle (a few milliseconds per key that a person's terminal does not have).
Targets are met on CPU time; medians of 20 unless a path can only be taken once.

``python bench/run.py --only tui`` runs them with the rest of the TUI's figures; alone, on a
database the benchmark (or ``roster-tui import``) has already written::

    python bench/bench_ui_paths.py sqlite:///large.sqlite

| path | target |
|---|---|
| switch between two screens already opened | ≤ 50 ms |
| open a screen for the first time, open a dialog | ≤ 150 ms |
| change week in the grid | ≤ 200 ms |
| assign in the grid → grid and gap count updated | ≤ 100 ms |
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

# The screens behind the number keys, in the order a new user would visit them.
SCREENS = (
    ("2", "week"),
    ("3", "gaps"),
    ("4", "people"),
    ("5", "places"),
    ("6", "households"),
    ("7", "history"),
)
RUNS = 20


@dataclass
class Timings:
    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)


async def _timed(into: Timings, step: Callable[[], Awaitable[None]]) -> None:
    cpu, wall = time.process_time(), time.perf_counter()
    await step()
    into.cpu.append(time.process_time() - cpu)
    into.wall.append(time.perf_counter() - wall)


async def measure_paths(db: str, today: dt.date) -> dict[str, Timings]:
    """Every path's timings, in one app on ``db`` frozen at ``today``."""
    from textual.worker import WorkerCancelled

    from roster_tui.services.workspace import Workspace
    from roster_tui.tui.app import RosterApp
    from roster_tui.tui.dialogs.person_picker import PersonPicker
    from roster_tui.tui.screens.week import WeekScreen

    app = RosterApp(Workspace.open(db), today=today, poll_seconds=3600)
    found: dict[str, Timings] = {}

    def timings(name: str) -> Timings:
        return found.setdefault(name, Timings())

    async with app.run_test(size=(80, 24)) as pilot:

        async def settle() -> None:
            for _ in range(3):  # a worker's result may start another
                with contextlib.suppress(WorkerCancelled):  # an exclusive one replaced
                    await app.workers.wait_for_complete()
                await pilot.pause()

        async def press(*keys: str) -> None:
            await pilot.press(*keys)
            await settle()

        await settle()
        for key, mode in SCREENS:
            await _timed(timings(f"open {mode} (first visit)"), lambda key=key: press(key))
        for _ in range(RUNS // 2):
            await _timed(timings("switch week <-> people"), lambda: press("4"))
            await _timed(timings("switch week <-> people"), lambda: press("2"))

        week = app.screen
        assert isinstance(week, WeekScreen)
        await press("right_square_bracket")  # next week: nothing in it has started
        for _ in range(RUNS // 2):
            await _timed(timings("change week ] ["), lambda: press("right_square_bracket"))
            await _timed(timings("change week ] ["), lambda: press("left_square_bracket"))

        await press("n")  # the first cell with a gap
        for _ in range(RUNS):
            await _timed(timings("open the assign picker"), lambda: press("a"))
            assert isinstance(app.screen, PersonPicker)
            await press("escape")

        for _ in range(RUNS):
            await press("n", "a")
            if not isinstance(app.screen, PersonPicker):
                break
            await press("down")  # to the ranked list, its best candidate highlighted
            await _timed(timings("assign -> grid and gap count"), lambda: press("enter"))
            await press("ctrl+z")
    return found


def report_paths(report: Any, db: str, today: dt.date) -> None:
    found = asyncio.run(measure_paths(db, today))
    for name, measured in found.items():
        target = _target(name)
        cpu = statistics.median(measured.cpu)
        wall = statistics.median(measured.wall)
        report.add(
            f"tui: {name}",
            f"{cpu * 1000:.0f} ms",
            f"<= {target * 1000:.0f} ms" if target else "",
            cpu <= target if target else None,
        )
        report.add("  wall (incl. Pilot's idle wait)", f"{wall * 1000:.0f} ms", "", None)


def _target(name: str) -> float | None:
    if name.startswith("switch"):
        return 0.05
    if name.startswith("open"):
        return 0.15
    if name.startswith("change week"):
        return 0.2
    if name.startswith("assign"):
        return 0.1
    return None


if __name__ == "__main__":
    import sys

    from run import START, Report

    if len(sys.argv) != 2:
        sys.exit("usage: python bench/bench_ui_paths.py DATABASE_URL")
    report = Report()
    report_paths(report, sys.argv[1], START)
