"""Two well-built Textual apps, Harlequin and Posting, timed to their first screen in this run.

Each lives in a virtual environment of its own under the user's cache folder, made on first use
with pip: Posting pins an older Textual than ours, so neither can share our environment. Both
start headless (Textual's ``TEXTUAL_DRIVER``), and the clock stops at their first refresh after
Textual calls the app ready: no waiting for any data of theirs, which favours them.

    python bench/run.py --only tui        # includes them when pip can install them
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

from platformdirs import user_cache_path

PEERS = {
    # name: (pip requirements, console script, arguments that open its first screen)
    "Harlequin": (["harlequin==2.17.0"], "harlequin", []),
    # tree-sitter 0.26 crashes the grammar wheels Posting 2.11 installs; it shipped with 0.25.
    "Posting": (["posting==2.11.1", "tree-sitter<0.26"], "posting", []),
}

# Run a console script with Textual's App patched to note the time of its first frame and quit.
DRIVER = """
import sys, time
from importlib.metadata import entry_points
from pathlib import Path
from textual.app import App

stamp, script, *args = sys.argv[1:]
original_ready = App._ready

async def _ready(self):
    await original_ready(self)

    def first_frame():
        Path(stamp).write_text(repr(time.time()))
        self.exit()

    self.call_after_refresh(first_frame)

App._ready = _ready
(entry,) = [e for e in entry_points(group="console_scripts") if e.name == script]
sys.argv = [script, *args]
sys.exit(entry.load()())
"""


def peer_python(name: str) -> Path | None:
    """The Python of ``name``'s own environment, made (once) if pip can install it."""
    requirements = PEERS[name][0]
    home = user_cache_path("roster-tui-bench") / requirements[0].replace("==", "-")
    python = home / "bin" / "python"
    if python.exists():
        return python
    venv.create(home, with_pip=True)
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", *requirements], capture_output=True, text=True
    )
    return python if installed.returncode == 0 else None


def seconds_to_first_screen(name: str, python: Path) -> float:
    _, script, args = PEERS[name]
    with tempfile.TemporaryDirectory() as folder:
        stamp = Path(folder) / "ready"
        env = {
            **os.environ,
            "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver",
            "HOME": folder,  # no config or history of anyone's
            "XDG_CONFIG_HOME": folder,
            "XDG_DATA_HOME": folder,
        }
        began = time.time()
        subprocess.run(
            [str(python), "-c", DRIVER, str(stamp), script, *args],
            env=env,
            cwd=folder,
            capture_output=True,
            timeout=120,
            check=True,
        )
        return float(stamp.read_text()) - began


def peer_starts(runs: int = 5) -> dict[str, float | None]:
    """Median start of each peer, or None where its environment could not be made."""
    import statistics

    found: dict[str, float | None] = {}
    for name in PEERS:
        python = peer_python(name)
        if python is None:
            print(f"  ({name} could not be installed; skipped)", file=sys.stderr)
            found[name] = None
            continue
        found[name] = statistics.median(seconds_to_first_screen(name, python) for _ in range(runs))
    return found
