"""A copy of a live SQLite database through SQLite's online backup API.

The backup reads one consistent state of the database while others keep editing (it restarts
by itself if a write lands mid-copy), and the copy is switched to a rollback journal so that
the single file holds everything: it can be copied, mailed or restored without a -wal beside it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from roster_tui.store.engine import translated_errors


def backup_sqlite(engine: Engine, target: Path) -> None:
    """Copy the database behind ``engine`` (SQLite) into the file ``target``, replacing it."""
    with translated_errors():
        raw = engine.raw_connection()
        try:
            source = raw.driver_connection
            assert isinstance(source, sqlite3.Connection)
            copy = sqlite3.connect(target)
            try:
                source.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
                copy.commit()
            finally:
                copy.close()
        finally:
            raw.close()
