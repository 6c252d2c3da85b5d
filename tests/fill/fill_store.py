"""The demo sub-district in a temporary SQLite database, for the fill's service, CLI and TUI
tests, with a frozen date. Test modules import the fixtures by these names (``db_url`` and
``workspace`` are what tests ask for)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from roster_tui.domain.week import Week
from roster_tui.i18n import set_language
from roster_tui.interchange import load_roster_file
from roster_tui.services.demo import demo_roster, sample_file
from roster_tui.services.workspace import Workspace
from roster_tui.store.db import open_store

TODAY = dt.date(2026, 12, 2)  # a Wednesday of ISO week 2026-W49
MONDAY = dt.date(2026, 11, 30)
SUNDAY = MONDAY + dt.timedelta(days=6)
WEEK = Week(MONDAY)


@pytest.fixture(name="db_url")
def demo_db_url(tmp_path: Path) -> Iterator[str]:
    set_language("zh")
    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    store = open_store(url, create=True)
    store.import_roster(demo_roster(load_roster_file(sample_file()), TODAY), replace=True, user="t")
    store.close()
    yield url
    set_language("zh")


@pytest.fixture(name="workspace")
def demo_workspace(db_url: str) -> Iterator[Workspace]:
    opened = Workspace.open(db_url, user="tester")
    yield opened
    opened.store.close()
