"""No edit is lost, and every read is one snapshot, while several secretaries save at once.

Runs on SQLite and on PostgreSQL: on PostgreSQL, before every read became one REPEATABLE READ
snapshot, a roster read table by table could hold a row at its current version with older child
rows; the next save passed the version check and silently undid a colleague's saved change.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

from editors import EDITORS, edit_for, lost_edits, shared_roster, torn

from roster_tui.interchange import load_roster_file
from roster_tui.services.workspace import Workspace
from roster_tui.store.db import open_store
from roster_tui.store.repository import Store

SECONDS = 3.0


def _start_editing(store: Store, db_url: str, stop: Any = None) -> tuple[Any, list[Any]]:
    """Editors in processes of their own; returns once all of them have started editing.

    They edit for SECONDS and until each has saved SAVED_EACH edits, and then, given a
    ``stop`` event, until it is set.
    """
    store.engine.dispose()  # no pooled connection may be shared with a forked child
    context = multiprocessing.get_context("fork")
    go = context.Barrier(EDITORS + 1)
    results = context.Queue()
    editors = [
        context.Process(target=edit_for, args=(SECONDS, db_url, e, go, results, stop))
        for e in range(EDITORS)
    ]
    for editor in editors:
        editor.start()
    go.wait(timeout=60)
    return results, editors


def _collect(results: Any, editors: list[Any]) -> list[tuple[int, list[Any], int, int, Any]]:
    collected = [results.get(timeout=120) for _ in editors]
    for editor in editors:
        editor.join(timeout=60)
    return collected


def test_concurrent_editors_lose_no_saved_edit_and_never_read_a_torn_roster(
    store: Store, db_url: str
) -> None:
    store.import_roster(shared_roster(), replace=False, user="admin")
    results, editors = _start_editing(store, db_url)
    collected = _collect(results, editors)

    assert [error for *_, error in collected] == [None] * EDITORS
    saved = [edit for _, edits, *_ in collected for edit in edits]
    assert len(saved) > 5, "too few edits to mean anything"
    final = store.load_roster()
    assert lost_edits(final, saved) == []
    assert sum(torn_reads for *_, torn_reads, _ in collected) == 0
    assert not torn(final)
    assert len(final.duties) == len(saved)


def test_dumps_and_backups_taken_while_others_edit_are_whole_and_restore(
    store: Store, db_url: str, tmp_path: Path
) -> None:
    store.import_roster(shared_roster(), replace=False, user="admin")
    workspace = Workspace(store, user="admin")
    stop = multiprocessing.get_context("fork").Event()
    results, editors = _start_editing(store, db_url, stop)
    dumps: list[Path] = []
    while any(editor.is_alive() for editor in editors):
        path = tmp_path / f"dump{len(dumps)}.toml"
        workspace.dump_file(path)
        dumps.append(path)
        backup = tmp_path / f"backup{len(dumps)}"
        workspace.backup(backup)
        dumps.append(backup)
        if len(dumps) >= 4:
            stop.set()  # two of each taken while they edit: enough, however slow the machine
    collected = _collect(results, editors)
    assert [error for *_, error in collected] == [None] * EDITORS
    assert len(dumps) >= 4

    for path in dumps:
        if path.suffix == ".toml" or store.engine.dialect.name != "sqlite":
            roster = load_roster_file(path)  # a dump, or PostgreSQL's backup, which is one
        else:
            copy = open_store(f"sqlite:///{path}")
            roster = copy.load_roster()
            copy.close()
        assert not torn(roster), path.name
        restored = open_store(f"sqlite:///{tmp_path / 'restored.sqlite'}", create=True)
        restored.import_roster(roster, replace=True, user="admin")
        assert restored.load_roster() == roster
        restored.close()
