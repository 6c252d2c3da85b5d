"""What the services' tests share: a workspace on the demo sub-district, dated to a Wednesday."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from roster_tui.interchange import load_roster_file
from roster_tui.services.demo import demo_roster, sample_file
from roster_tui.services.workspace import Workspace
from roster_tui.store.db import open_store

DEMO_WEDNESDAY = dt.date(2026, 12, 2)  # the demo's dates are laid around it (ISO week 2026-W49)


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    """The demo dated to DEMO_WEDNESDAY, in a SQLite file of its own, edited as user ``t``."""
    store = open_store(f"sqlite:///{tmp_path / 'demo.sqlite'}", create=True)
    store.import_roster(
        demo_roster(load_roster_file(sample_file()), DEMO_WEDNESDAY), replace=True, user="t"
    )
    return Workspace(store, user="t")
