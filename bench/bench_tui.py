"""TUI start to first useful screen against a bare Textual app; keypress latency in the week grid.

SPEC §6: start ≤ 1.5 × a bare Textual app's start (same run); keypress to updated screen in the
week grid ≤ 50 ms. Both run headless, on the large sub-district.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import statistics
import subprocess
import sys
import time

BARE_APP = """
import time
began = time.perf_counter()
from textual.app import App
from textual.widgets import Footer, Static

class Bare(App):
    def compose(self):
        yield Static("hello")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.exit)

Bare().run(headless=True, size=(80, 24))
"""

ROSTER_APP = """
import datetime as dt
import sys
from pathlib import Path
from roster_tui.services.workspace import Workspace
from roster_tui.tui import app as app_module
from roster_tui.tui.app import RosterApp

class Timed(RosterApp):
    # Textual finds CSS beside the class's own file; this class has none.
    CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))

    def on_mount(self):
        super().on_mount()
        self.set_interval(0.005, self._check_ready)

    def _check_ready(self):
        # Useful: the roster is on screen and no worker is still computing the first view.
        busy = any(w.is_running for w in self.workers)
        if self.roster is not None and not busy:
            self.call_after_refresh(self.exit)

# As `roster-tui` does: the roster is read before Textual starts.
workspace = Workspace.open(sys.argv[1])
version = workspace.data_version()
preloaded = (workspace.load(), version)
Timed(workspace, today=dt.date.fromisoformat(sys.argv[2]), preloaded=preloaded).run(
    headless=True, size=(80, 24)
)
"""


def _process_seconds(code: str, *args: str) -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True)
    return time.perf_counter() - began


def measure_tui(report, db: str, monday: dt.date) -> None:  # type: ignore[no-untyped-def]
    today = monday + dt.timedelta(days=2)
    bare = statistics.median(_process_seconds(BARE_APP) for _ in range(3))
    ours = statistics.median(_process_seconds(ROSTER_APP, db, today.isoformat()) for _ in range(3))
    report.add("bare Textual app start (process)", f"{bare:.2f} s", "", None)
    report.add("roster-tui start to first useful screen", f"{ours:.2f} s", "", None)
    report.add("  start / bare app", f"{ours / bare:.2f} x", "<= 1.5 x", ours / bare <= 1.5)
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
