"""Starting the app as the ``roster-tui`` command does: the first screen read ahead, then the UI."""

from __future__ import annotations

import datetime as dt
import gc
from typing import Any

from roster_tui.services.preferences import Preferences
from roster_tui.services.scope import remembered_scope
from roster_tui.services.today import read_startup
from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp


def launch(
    workspace: Workspace,
    preferences: Preferences,
    *,
    fixed_today: dt.date | None = None,
    app_class: type[RosterApp] = RosterApp,
    **run_options: Any,
) -> None:
    """Read the roster and work out the today screen, then run the app on them.

    Done before Textual starts, the reading and the week's gap check run alone; in workers
    they would share the interpreter with the UI's own start and take several times as long.
    """
    # What start-up builds lives as long as the app: the modules, and the roster with its tens
    # of thousands of rows, none of them in a reference cycle. The cycle collector would walk
    # all of it several times over while it is built (a third of the reading's time), to find
    # nothing: it is paused until then (the command pauses it from its first import on), and
    # what was built is frozen out of its sight, so full collections skip it while the UI
    # starts, and again at exit.
    gc.disable()
    try:
        startup = read_startup(workspace, remembered_scope(preferences), fixed_today)
        gc.freeze()
    finally:
        gc.enable()
    app = app_class(workspace, today=fixed_today, preloaded=startup, preferences=preferences)
    app.run(**run_options)
