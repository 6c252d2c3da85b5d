"""Processes that write to a database, killed with SIGKILL, and how to see a write under way.

A write is seen from outside, without touching the writer: on SQLite its write lock is held (a
probe's ``BEGIN IMMEDIATE`` with no wait is refused), on PostgreSQL its backend has a
transaction id (every write begins by bumping the revision counter, so it gets one at once).
Each writer is told apart by the ``application_name`` put in its URL.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

import roster_tui
from roster_tui.store.engine import is_sqlite

SRC = Path(roster_tui.__file__).resolve().parents[1]
WAIT = 60.0  # seconds any condition may take on a loaded machine before the test gives up


def child_env() -> dict[str, str]:
    """The environment for a child process: it runs this checkout's code, as the test does."""
    paths = [str(SRC), str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}


def named(url: str) -> tuple[str, str]:
    """``url`` with an application name of its own on PostgreSQL (unchanged on SQLite)."""
    name = f"roster_kill_{uuid.uuid4().hex[:10]}"
    if is_sqlite(url):
        return url, name
    return make_url(url).update_query_dict({"application_name": name}).render_as_string(
        hide_password=False
    ), name


class Watcher:
    """Sees, from outside, whether the writer named ``name`` is inside a write transaction."""

    def __init__(self, url: str, name: str) -> None:
        """``url``: the database, without the writer's name (the watcher is not the writer)."""
        self.sqlite = is_sqlite(url)
        self.name = name
        self._engine: Engine | None = None
        self._probe: sqlite3.Connection | None = None
        if self.sqlite:
            # Open throughout: a last connection closing removes the -wal and -shm, and one
            # opening meanwhile may fail ("disk I/O error").
            path = make_url(url).database
            self._probe = sqlite3.connect(str(path), timeout=0, isolation_level=None)
        else:
            self._engine = create_engine(url)

    def writing(self) -> bool:
        if self._probe is not None:
            try:
                self._probe.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                assert "locked" in str(error), error
                return True
            self._probe.execute("ROLLBACK")
            return False
        return self._count("backend_xid IS NOT NULL") > 0

    def running(self, statement: str) -> bool:
        """PostgreSQL: the writer's transaction is running a statement that starts so."""
        return self._count("backend_xid IS NOT NULL AND starts_with(query, :s)", statement) > 0

    def connected(self) -> bool:
        """PostgreSQL: the writer's backend is still there (it goes once it sees the kill)."""
        return self._engine is not None and self._count("TRUE") > 0

    def wait_gone(self) -> None:
        """PostgreSQL: wait until the killed writer's backend has gone, and its locks with it."""
        if self._engine is not None:
            wait_for(lambda: not self.connected(), "the killed process's backend to go")

    def _count(self, condition: str, statement: str = "") -> int:
        assert self._engine is not None
        query = f"SELECT count(*) FROM pg_stat_activity WHERE application_name = :n AND {condition}"
        with self._engine.connect() as conn:
            found = conn.execute(text(query), {"n": self.name, "s": statement}).scalar_one()
            return int(found)

    def close(self) -> None:
        if self._probe is not None:
            self._probe.close()
        if self._engine is not None:
            self._engine.dispose()


def wait_for(
    condition: Callable[[], bool], what: str, process: subprocess.Popen[str] | None = None
) -> float:
    """Poll ``condition`` until it holds; the moment it did. Fails if ``process`` ends first."""
    deadline = time.monotonic() + WAIT
    while not condition():
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the process ended (exit {process.returncode}) before {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"no {what} within {WAIT} s")
        time.sleep(0.001)
    return time.monotonic()


def reached(condition: Callable[[], bool], process: subprocess.Popen[str]) -> bool:
    """Poll ``condition`` until it holds (True) or ``process`` has ended (False)."""
    deadline = time.monotonic() + WAIT
    while not condition():
        if process.poll() is not None:
            return False
        assert time.monotonic() < deadline, "the process neither got there nor ended"
        time.sleep(0.001)
    return True


def kill(process: subprocess.Popen[str]) -> tuple[bool, str]:
    """SIGKILL ``process`` and reap it: whether it was still running, so the kill cut it, and
    what it had written to its standard output."""
    process.send_signal(signal.SIGKILL)
    out, _ = process.communicate(timeout=WAIT)
    return process.returncode == -signal.SIGKILL, out or ""


def cli(url: str, *args: str) -> subprocess.Popen[str]:
    """``roster-tui --db url args`` in a process of its own."""
    command = [sys.executable, "-m", "roster_tui.cli", "--lang", "en", "--db", url, *args]
    return subprocess.Popen(
        command,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
