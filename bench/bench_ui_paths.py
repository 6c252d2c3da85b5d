"""The paths a secretary really takes through the TUI, timed on the large sub-district.

Each figure is the time from the key to the screen showing its result with no worker left
running: keys pressed through Textual's Pilot on a headless app at 80×24, as in the tests.
Two clocks: CPU time of the whole process (every thread: the UI's and the workers'), which a
busy machine disturbs little, and wall time, which also holds Pilot's own wait for the event
loop to go idle (a few milliseconds per key that a person's terminal does not have).
Targets are met on CPU time; medians of 20. A screen is visited for the first time only once
in a process, and a second app in the same process would find its code imported and its
stylesheets parsed: each first visit is timed in FIRST_VISIT_STARTS fresh processes, one after
the other, which visit the screens in the same order, and the median of those is reported.

``python bench/run.py --only tui`` runs them with the rest of the TUI's figures; alone, on a
database the benchmark (or ``roster-tui import``) has already written::

    python bench/bench_ui_paths.py sqlite:///large.sqlite

and one screen's first visit alone, measured as above (the same fresh processes, each
visiting the screens before it in SCREENS first, untimed), in a fraction of the time::

    python bench/bench_ui_paths.py sqlite:///large.sqlite --only week

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
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
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
# Fresh processes, each timing every screen's first visit once. A start takes about 8 s on the
# shared 2-core machine (3 s of it CPU: Python, the roster read and the screens): 20 would add
# close to three minutes to the benchmark, 11 add one and a half.
FIRST_VISIT_STARTS = 11


@dataclass
class Timings:
    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)


async def _timed(into: Timings, step: Callable[[], Awaitable[None]]) -> None:
    cpu, wall = time.process_time(), time.perf_counter()
    await step()
    into.cpu.append(time.process_time() - cpu)
    into.wall.append(time.perf_counter() - wall)


Press = Callable[..., Awaitable[None]]


@contextlib.asynccontextmanager
async def _running(db: str, today: dt.date) -> AsyncIterator[tuple[Any, Press]]:
    """The app on ``db`` frozen at ``today``, its roster read, and a ``press`` that returns once
    the keys' work is on screen with no worker left running."""
    from textual.worker import WorkerCancelled

    from roster_tui.services.workspace import Workspace
    from roster_tui.tui.app import RosterApp

    app = RosterApp(Workspace.open(db), today=today, poll_seconds=3600)
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
        yield app, press


async def _visit_screens(
    press: Press, found: dict[str, Timings], screens: tuple[tuple[str, str], ...] = SCREENS
) -> None:
    for key, mode in screens:
        into = found.setdefault(f"open {mode} (first visit)", Timings())
        await _timed(into, lambda key=key: press(key))


def _up_to(mode: str | None) -> tuple[tuple[str, str], ...]:
    """The screens visited in order until ``mode``'s (every screen for None)."""
    modes = [name for _, name in SCREENS]
    return SCREENS if mode is None else SCREENS[: modes.index(mode) + 1]


async def measure_first_visits(
    db: str, today: dt.date, only: str | None = None
) -> dict[str, Timings]:
    """Each screen's first visit, timed once, in this process (which must not have made one);
    with ``only``, that screen's, after the ones before it in SCREENS (untimed)."""
    found: dict[str, Timings] = {}
    async with _running(db, today) as (_, press):
        await _visit_screens(press, found, _up_to(only))
    if only is not None:
        found = {name: timings for name, timings in found.items() if f" {only} " in name}
    return found


def first_visits_in_fresh_processes(
    db: str, today: dt.date, only: str | None = None
) -> dict[str, Timings]:
    """Each screen's first visit (or ``only`` that one's), timed in FIRST_VISIT_STARTS
    processes of their own."""
    found: dict[str, Timings] = {}
    here = str(Path(__file__).resolve())
    command = [sys.executable, here, "--first-visits", db, today.isoformat()]
    if only is not None:
        command.append(only)
    for _ in range(FIRST_VISIT_STARTS):
        done = subprocess.run(command, check=True, capture_output=True, text=True, timeout=300)
        for name, (cpu, wall) in json.loads(done.stdout.splitlines()[-1]).items():
            timings = found.setdefault(name, Timings())
            timings.cpu.append(cpu)
            timings.wall.append(wall)
    return found


async def measure_paths(db: str, today: dt.date) -> dict[str, Timings]:
    """Every other path's timings, in one app on ``db`` frozen at ``today``, whose screens are
    first visited (untimed) as in the fresh processes."""
    from roster_tui.tui.dialogs.person_picker import PersonPicker
    from roster_tui.tui.screens.week import WeekScreen

    found: dict[str, Timings] = {}

    def timings(name: str) -> Timings:
        return found.setdefault(name, Timings())

    async with _running(db, today) as (app, press):
        await _visit_screens(press, {})
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


def report_paths(report: Any, db: str, today: dt.date, only: str | None = None) -> None:
    """Every path's figures; with ``only``, just that screen's first visit."""
    found = first_visits_in_fresh_processes(db, today, only)
    if only is None:
        found.update(asyncio.run(measure_paths(db, today)))
    for name, measured in found.items():
        target = _target(name)
        cpu = statistics.median(measured.cpu)
        wall = statistics.median(measured.wall)
        if name.endswith("(first visit)"):
            # A median like the others, of as many processes.
            name = name.replace("(first visit)", f"(first visit, {len(measured.cpu)} starts)")
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
    if sys.argv[1:2] == ["--first-visits"]:  # one of the fresh processes: its figures as JSON
        url, day, *mode = sys.argv[2:]
        day_ = dt.date.fromisoformat(day)
        visits = asyncio.run(measure_first_visits(url, day_, mode[0] if mode else None))
        print(json.dumps({name: (t.cpu[0], t.wall[0]) for name, t in visits.items()}))
        sys.exit()

    import argparse

    from run import START, Report, compile_like_an_install

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", help="a database the benchmark or roster-tui import wrote")
    parser.add_argument("--only", choices=[name for _, name in SCREENS], help="one first visit")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as bytecode:
        compile_like_an_install(Path(bytecode))  # as run.py does: every process reads bytecode
        report_paths(Report(), args.db, START + dt.timedelta(days=2), args.only)
