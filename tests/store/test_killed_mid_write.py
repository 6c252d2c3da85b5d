"""A process killed with SIGKILL in the middle of a write leaves the database whole.

An import replacing roster A with roster B is killed as it starts, as its write begins, part-way
through it and (on PostgreSQL) as it commits: each time the database opens and holds A exactly
or B exactly, with the history to match, and ``check`` runs. An editor killed while it saves
keeps every edit it reported saved, leaves no torn roster and no lock behind: the next edit
saves. Both backends.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from editors import PEOPLE_EACH, add_to, lost_edits, shared_roster, torn
from killing import WAIT, Watcher, child_env, cli, kill, named, reached, wait_for
from sqlalchemy.engine import make_url
from store_samples import large_roster, small_roster

from roster_tui.cli import main
from roster_tui.domain.model import Roster
from roster_tui.interchange import dumps_roster
from roster_tui.store.db import open_store
from roster_tui.store.repository import IMPORT_ACTION, AuditEntry, Store

# On SQLite, when an import is killed after its write began: parts of an unkilled write.
INTO_THE_WRITE = (0.0, 0.5)
# On PostgreSQL, the statements during which it is killed: while it deletes A (its write's first
# statements), while it inserts B, and as it commits (which may then still land B whole).
STATEMENTS = ("DELETE FROM", "INSERT INTO", "COMMIT")
EDITOR = Path(__file__).with_name("saving_editor.py")
EDITS_BEFORE_THE_KILL = 3
LOCK_WAIT = 10.0  # how long the edit after a kill may wait for a lock: none should be left
DAY = "2026-12-01"  # the day ``check`` looks at: the large roster's every day takes seconds


def _outcome(store: Store, a: Roster, b: Roster, before: list[AuditEntry]) -> str:
    """What the database holds, "A" or "B", compared whole, with its history to match."""
    roster = store.load_roster()
    history = store.history(limit=None)
    assert roster in (a, b), "a mix of the two rosters"
    if roster == a:
        assert history == before
    else:
        assert history[1:] == before
        assert history[0].action == IMPORT_ACTION and history[0].undone_by is None
    return "A" if roster == a else "B"


def test_an_import_killed_part_way_leaves_the_roster_before_or_after_never_a_mix(
    store: Store, db_url: str, tmp_path: Path
) -> None:
    a, b = large_roster(), small_roster()
    store.import_roster(a, replace=False, user="admin")
    before = store.history(limit=None)
    file = tmp_path / "b.toml"
    file.write_text(dumps_roster(b), encoding="utf-8")
    url, name = named(db_url)
    watcher = Watcher(db_url, name)
    held = ["A"]  # what the database holds

    def run(moment: Callable[[], bool] | None, delay: float = 0.0) -> tuple[str, bool, float]:
        """Import B over A, killed ``delay`` seconds after ``moment`` (None: not killed).

        Returns what the database then holds, whether the kill cut the import short, and how
        long the unkilled import held the write lock.
        """
        if held[0] == "B":  # the last run's import landed: back to A
            store.import_roster(a, replace=True, user="admin")
            before[:] = store.history(limit=None)
        store.engine.dispose()  # hold no connection the writer might wait for
        process = cli(url, "import", "--replace", str(file))
        write = 0.0
        if moment is None:
            began = wait_for(watcher.writing, "a write", process)
            write = wait_for(lambda: not watcher.writing(), "the end of the write") - began
            out, err = process.communicate(timeout=WAIT)
            assert process.returncode == 0, (out, err)
            cut = False
        elif reached(moment, process):
            time.sleep(delay)
            cut, _ = kill(process)
        else:  # it ended before the moment could be seen (a very loaded machine)
            cut, _ = kill(process)
        watcher.wait_gone()
        held[0] = _outcome(store, a, b, before)
        return held[0], cut, write

    try:
        assert kill(cli(url, "import", "--replace", str(file)))[0]  # as it starts
        assert _outcome(store, a, b, before) == "A"
        outcome, _, write = run(None)
        assert outcome == "B"  # unkilled, it lands whole
        if watcher.sqlite:  # parts of the time an unkilled import held the write lock
            kills = [(watcher.writing, part * write) for part in INTO_THE_WRITE]
        else:  # the statements it is running, seen from the server
            kills = [(partial(watcher.running, s), 0.0) for s in STATEMENTS]
        results = [run(moment, delay)[:2] for moment, delay in kills]
    finally:
        watcher.close()
    # Each outcome equals A or B exactly, so one check tells that check runs on any of them.
    assert main(["--db", db_url, "check", "--from", DAY, "--to", DAY]) in (0, 1)  # 1: gaps
    # The kill as the write began caught it under way (and so did others, likely): undone.
    assert ("A", True) in results, (write, results)


def test_an_editor_killed_while_it_saves_loses_no_saved_edit_and_leaves_no_lock(
    store: Store, db_url: str
) -> None:
    store.import_roster(shared_roster(), replace=False, user="admin")
    store.close()  # the editors and the probes are the only ones with the database open
    saved: list[tuple[int, str]] = []
    for editor, moment in enumerate(("while it saves", "after a save", "while it saves")):
        url, name = named(db_url)
        watcher = Watcher(db_url, name)
        process = subprocess.Popen(
            [sys.executable, str(EDITOR), url, str(editor)],
            env=child_env(),
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(EDITS_BEFORE_THE_KILL)]
        assert all(lines), "the editor stopped before saving"
        if moment == "while it saves":
            wait_for(watcher.writing, "a save under way", process)
        else:
            watcher.close()  # so that only the editor has the database open when it dies
        cut, out = kill(process)
        assert cut
        lines += out.splitlines()  # what else it printed before it died
        saved += [(int(uid), person) for uid, person in (line.split() for line in lines)]
        watcher.wait_gone()
        if watcher.sqlite and moment == "after a save":
            wal = Path(make_url(db_url).database or "")
            # Left as a killed process leaves them; they must not stand in the next one's way.
            assert wal.with_name(f"{wal.name}-wal").exists()
            assert wal.with_name(f"{wal.name}-shm").exists()
        watcher.close()

        after = open_store(db_url, busy_timeout=LOCK_WAIT)
        roster = after.load_roster()
        assert lost_edits(roster, saved) == [], moment
        assert not torn(roster), moment
        slot = roster.overrides[0]
        person = f"p{editor}-{PEOPLE_EACH - 1}"  # one the editor had not reached
        add_to(after, slot, person, user="admin")
        assert slot.uid is not None
        saved.append((slot.uid, person))
        after.close()
