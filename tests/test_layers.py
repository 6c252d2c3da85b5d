"""The headless core never loads Textual (STYLE.md: nothing outside ``tui`` imports it)."""

import subprocess
import sys

HEADLESS = [
    "roster_tui.domain.model",
    "roster_tui.domain.availability",
    "roster_tui.domain.changes",
    "roster_tui.i18n",
    "roster_tui.engine",
    "roster_tui.store",
    "roster_tui.services",
    "roster_tui.export",
]


def test_importing_the_headless_core_never_loads_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {HEADLESS!r}:\n"
        "    importlib.import_module(name)\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
