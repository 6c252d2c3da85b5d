"""What syncing every commit costs: N single-edit transactions, synchronous NORMAL vs FULL.

    PYTHONPATH=src python bench/sync_cost.py [--edits 300] [--dir FOLDER]

Each edit is what a secretary's save is: read the row, one audited transaction through the
store. FULL syncs the write-ahead log at every commit (a power cut loses no saved edit); NORMAL
syncs only at checkpoints (a power cut may lose the last edits, a killed process loses none).
Run it on the disk the database will live on: the figures are the disk's.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event

from roster_tui.domain.changes import Change
from roster_tui.domain.model import Community, Roster, Subdistrict
from roster_tui.store.db import open_store


def measure(folder: Path, mode: str, edits: int) -> list[float]:
    store = open_store(f"sqlite:///{folder / f'{mode}.sqlite'}", create=True)

    @event.listens_for(store.engine, "connect")
    def _mode(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA synchronous = {mode}")

    store.engine.dispose()  # reconnect so the pragma above runs after the store's own
    store.import_roster(
        Roster(Subdistrict("文化路街道"), communities=[Community("c01", "东风社区")]),
        replace=False,
        user="bench",
    )
    timings = []
    for n in range(edits):
        community = store.load_roster().communities[0]
        renamed = dataclasses.replace(community, name=f"东风社区{n}")
        began = time.perf_counter()
        store.apply([Change(community, renamed)], user="bench", action="edit", summary=str(n))
        timings.append(time.perf_counter() - began)
    store.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        for mode in ("NORMAL", "FULL", "NORMAL", "FULL"):
            timings = measure(Path(folder), mode, args.edits)
            median = statistics.median(timings) * 1000
            p95 = statistics.quantiles(timings, n=20)[-1] * 1000
            print(f"{mode:6} {args.edits} edits: median {median:.2f} ms, p95 {p95:.2f} ms")
            for suffix in ("", "-wal", "-shm"):
                Path(folder, f"{mode}.sqlite{suffix}").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
