"""The large sub-district (SPEC §6) goes in and comes out of SQLite fast enough for the TUI."""

from __future__ import annotations

import time
from pathlib import Path

from store_samples import large_roster

from roster_tui.store.db import open_store


def test_the_large_sub_district_imports_in_under_3_s_and_loads_in_under_1_s(
    tmp_path: Path,
) -> None:
    roster = large_roster()
    store = open_store(f"sqlite:///{tmp_path / 'large.sqlite'}", create=True)

    started = time.perf_counter()
    store.import_roster(roster, replace=False, user="admin")
    imported = time.perf_counter() - started
    started = time.perf_counter()
    loaded = store.load_roster()
    load = time.perf_counter() - started
    store.close()

    assert loaded == roster
    assert imported < 3.0, f"import took {imported:.2f} s"
    assert load < 1.0, f"load took {load:.2f} s"
