"""Two well-built Textual apps, Harlequin and Posting, timed to their first screen in this run.

Each lives in a virtual environment of its own under the user's cache folder, made on first use
with pip: Posting pins an older Textual than ours, so neither can share our environment. Both
start headless (Textual's ``TEXTUAL_DRIVER``), and the clock stops at their first refresh after
Textual calls the app ready: no waiting for any data of theirs, which favours them. bench_tui.py
runs them in the same rounds as ours, under the same rules.

    python bench/run.py --only tui        # includes them when pip can install them
"""

from __future__ import annotations

import subprocess
import venv
from pathlib import Path

from platformdirs import user_cache_path

PEERS = {
    # name: (pip requirements, console script, arguments that open its first screen)
    "Harlequin": (["harlequin==2.17.0"], "harlequin", []),
    # tree-sitter 0.26 crashes the grammar wheels Posting 2.11 installs; it shipped with 0.25.
    "Posting": (["posting==2.11.1", "tree-sitter<0.26"], "posting", []),
}

# Run a console script's function with Textual's App patched to note the time of its first
# frame and quit. The function is imported by name, as the script pip writes imports it.
DRIVER = """
import importlib, sys, time
from pathlib import Path
from textual.app import App

target, script, *args, stamp = sys.argv[1:]  # the stamp file last, as our programs take it
original_ready = App._ready

async def _ready(self):
    await original_ready(self)

    def first_frame():
        Path(stamp).write_text(repr(time.time()))
        self.exit()

    self.call_after_refresh(first_frame)

App._ready = _ready
module, _, name = target.partition(":")
main = importlib.import_module(module)
for part in name.split("."):
    main = getattr(main, part)
sys.argv = [script, *args]
sys.exit(main())
"""

# Where a console script points, looked up once outside the timed runs: finding it through
# importlib.metadata scans every installed package, which the script itself never does.
FIND_ENTRY = """
import sys
from importlib.metadata import entry_points
(entry,) = entry_points(group="console_scripts", name=sys.argv[1])
print(entry.value)
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


def peer_command(name: str) -> list[str] | None:
    """The command line that opens ``name``'s first screen and notes when it is drawn (the
    stamp file's path goes last), or None where its environment could not be made."""
    python = peer_python(name)
    if python is None:
        return None
    _, script, args = PEERS[name]
    found = subprocess.run(
        [str(python), "-c", FIND_ENTRY, script], capture_output=True, text=True, check=True
    )
    return [str(python), "-c", DRIVER, found.stdout.strip(), script, *args]
