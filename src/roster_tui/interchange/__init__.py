"""The TOML interchange format, ``format = "roster-tui/1"`` (docs/format.md).

Pure: text in, domain objects out, and back. The store's import and dump commands wrap these in
a database transaction.
"""

from roster_tui.interchange.problems import InterchangeError, Problem
from roster_tui.interchange.reader import load_roster_file, loads_roster
from roster_tui.interchange.writer import dump_roster_file, dumps_roster

__all__ = [
    "InterchangeError",
    "Problem",
    "dump_roster_file",
    "dumps_roster",
    "load_roster_file",
    "loads_roster",
]
