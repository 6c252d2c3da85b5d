"""The large benchmark sub-district goes into SQLite and comes out the same (bench/ times it)."""

from __future__ import annotations

from pathlib import Path

from store_samples import large_roster

from roster_tui.store.db import open_store


def test_the_large_sub_district_imports_and_loads_back_unchanged(tmp_path: Path) -> None:
    roster = large_roster()
    store = open_store(f"sqlite:///{tmp_path / 'large.sqlite'}", create=True)
    store.import_roster(roster, replace=False, user="admin")
    loaded = store.load_roster()
    store.close()
    assert loaded == roster
