"""TUI start to first useful screen, against its floor and two other Textual apps; the UI's paths.

Targets: start ≤ 1.3 × the floor (a bare Textual app that imports the store and reads the
roster, same run) and faster than Harlequin and Posting to their first screens (bench_peers.py);
keypress to updated screen in the week grid ≤ 50 ms; the paths of bench_ui_paths.py. All run
headless, on the large sub-district.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_peers import PEERS, peer_command
from bench_ui_paths import report_paths

BARE_APP = """
import sys
import time
from pathlib import Path
from textual.app import App
from textual.widgets import Footer, Static

class Bare(App):
    def compose(self):
        yield Static("hello")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.ready)

    def ready(self):
        Path(sys.argv[-1]).write_text(repr(time.time()))
        self.exit()

Bare().run(headless=True, size=(80, 24))
"""

# The floor under our start that no screen work can lower: the bare app, after only importing
# the store (SQLAlchemy) and reading the roster, with the cycle collector paused while they are
# built as roster-tui pauses it (tui/launch.py); without the pause reading costs a third more,
# and the floor would stand above what our own start pays for the same work.
FLOOR_APP = "import gc\n\ngc.disable()\n" + BARE_APP.replace(
    "Bare().run(",
    "from roster_tui.services.workspace import Workspace\n"
    "roster = Workspace.open(sys.argv[1]).load()\n"
    "gc.freeze()\n"
    "gc.enable()\n"
    "Bare().run(",
)

ROSTER_APP = """
import gc

gc.disable()  # as the roster-tui command does before its first import (cli.main)

import datetime as dt
import sys
import time
from pathlib import Path
from roster_tui.services.workspace import Workspace
from roster_tui.services.preferences import Preferences
from roster_tui.tui import app as app_module
from roster_tui.tui.app import RosterApp
from roster_tui.tui.launch import launch
from roster_tui.tui.widgets.today_panels import DutyTable, GapCounts, HouseholdLines

class Timed(RosterApp):
    # Textual finds CSS beside the class's own file; this class has none.
    CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))

    stamped = False

    def on_mount(self):
        # No super().on_mount(): Textual calls RosterApp.on_mount itself, once, after this.
        # As the peers are timed (bench_peers.py): at the first refresh, if the screen is
        # useful by then (asked before the read-ahead RosterApp.on_mount starts after that
        # refresh), else at the first check after it is.
        self.call_after_refresh(self._check_ready)
        self.set_interval(0.005, self._check_ready)

    def _check_ready(self):
        if self.stamped:
            return
        # Useful: the today screen shows who is on duty, the households and this week's gap
        # counts, and no worker is waiting or computing. (A worker's results are on screen
        # before it counts as finished: call_from_thread waits for them.) Not counted: what
        # the app reads ahead for later screens once the first frame is drawn.
        waiting = [w for w in self.workers if not w.is_finished and w.group != "read-ahead"]
        if waiting or not self.screen.is_mounted:
            return
        try:
            duty = self.screen.query_one(DutyTable).row_count
            households = self.screen.query_one(HouseholdLines).option_count
            gaps = self.screen.query_one(GapCounts).option_count
        except Exception:
            return
        if duty and households and gaps:
            Path(sys.argv[-1]).write_text(repr(time.time()))
            self.stamped = True
            self.exit()

workspace = Workspace.open(sys.argv[1])
launch(
    workspace,
    Preferences(None),
    fixed_today=dt.date.fromisoformat(sys.argv[2]),
    app_class=Timed,
    headless=True,
    size=(80, 24),
)
"""


RUNS = 7  # of each program, in rounds: one run of each per round, so load hits all alike


def _seconds_to_ready(command: list[str], bytecode: str) -> float:
    """From starting the process to the moment it writes down that its screen is ready.

    Not to the process's end: what happens after the first screen (quitting included) is no part
    of "start to first useful screen", for any of the programs. Each runs in a fresh folder that
    is also its home (no one's config or history), and reads and writes compiled bytecode under
    ``bytecode``: an installed package has its bytecode, whatever the environment says.
    """
    with tempfile.TemporaryDirectory() as folder:
        stamp = Path(folder) / "ready"
        env = {
            **os.environ,
            "HOME": folder,
            "XDG_CONFIG_HOME": folder,
            "XDG_DATA_HOME": folder,
            "PYTHONPYCACHEPREFIX": bytecode,
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        began = time.time()
        subprocess.run(
            [*command, str(stamp)],
            env=env,
            cwd=folder,
            check=True,
            capture_output=True,
            timeout=120,
        )
        return float(stamp.read_text()) - began


def _starts(programs: dict[str, list[str]]) -> dict[str, float]:
    """Median start of each program over RUNS rounds, after one run of each to compile."""
    times: dict[str, list[float]] = {name: [] for name in programs}
    with tempfile.TemporaryDirectory() as bytecode:
        for command in programs.values():
            _seconds_to_ready(command, bytecode)
        for _ in range(RUNS):
            for name, command in programs.items():
                times[name].append(_seconds_to_ready(command, bytecode))
    return {name: statistics.median(seconds) for name, seconds in times.items()}


def measure_tui(report, db: str, monday: dt.date) -> None:  # type: ignore[no-untyped-def]
    today = monday + dt.timedelta(days=2)
    python = [sys.executable, "-c"]
    programs = {
        "bare": [*python, BARE_APP],
        "ours": [*python, ROSTER_APP, db, today.isoformat()],
        "floor": [*python, FLOOR_APP, db],
    }
    peers = {name: peer_command(name) for name in PEERS}
    for name, command in peers.items():
        if command is None:
            print(f"  ({name} could not be installed; skipped)", file=sys.stderr)
        else:
            programs[name] = command
    started = _starts(programs)
    bare, ours, floor = started["bare"], started["ours"], started["floor"]
    report.add("bare Textual app: start to first screen", f"{bare:.2f} s", "", None)
    report.add("roster-tui start to first useful screen", f"{ours:.2f} s", "", None)
    report.add("  start / bare app", f"{ours / bare:.2f} x", "", None)
    report.add("bare app after reading the roster (floor)", f"{floor:.2f} s", "", None)
    report.add("  floor / bare app", f"{floor / bare:.2f} x", "", None)
    report.add("  start / floor", f"{ours / floor:.2f} x", "<= 1.3 x", ours / floor <= 1.3)
    for name in PEERS:
        if name not in started:
            report.add(f"{name}: start to first screen", "not installed", "", None)
            continue
        seconds = started[name]
        report.add(f"{name}: start to first screen", f"{seconds:.2f} s", "", None)
        report.add(f"  roster-tui faster than {name}", str(ours < seconds), "True", ours < seconds)
    latency = asyncio.run(_keypress_latency(db, today))
    median, worst = statistics.median(latency), max(latency)
    report.add(
        "week grid keypress -> screen, CPU (median)",
        f"{median * 1000:.1f} ms",
        "<= 50 ms",
        median <= 0.05,
    )
    report.add(
        "week grid keypress -> screen, CPU (worst of 40)", f"{worst * 1000:.1f} ms", "", None
    )
    report_paths(report, db, today)


async def _keypress_latency(db: str, today: dt.date) -> list[float]:
    from roster_tui.services.workspace import Workspace
    from roster_tui.tui.app import RosterApp

    app = RosterApp(Workspace.open(db), today=today, poll_seconds=3600)
    timings: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("2")
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        for key in ["down", "right"] * 10 + ["up", "left"] * 10:
            # CPU time, not wall time: Pilot sleeps between keys on purpose, and the event loop
            # does all of a keypress's work (handlers, layout, rendering) on this one thread.
            began = time.process_time()
            await pilot.press(key)
            await pilot.pause()
            timings.append(time.process_time() - began)
    return timings
