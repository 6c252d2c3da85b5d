"""The app on a temporary SQLite database holding the demo sub-district, with a frozen date."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from roster_tui.domain.model import Roster
from roster_tui.i18n import set_language
from roster_tui.interchange import load_roster_file
from roster_tui.services.demo import demo_roster, sample_file
from roster_tui.services.workspace import Workspace
from roster_tui.store.db import open_store
from roster_tui.store.repository import Store

TODAY = dt.date(2026, 12, 2)  # a Wednesday of ISO week 2026-W49


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_language("zh")
    yield
    set_language("zh")


@pytest.fixture(scope="session")
def demo() -> Roster:
    return demo_roster(load_roster_file(sample_file()), TODAY)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'demo.sqlite'}"


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory, demo: Roster) -> Path:
    """The demo imported once per test process; each test opens a copy of this file."""
    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    opened = open_store(f"sqlite:///{path}", create=True)
    opened.import_roster(demo, replace=True, user="tester")
    opened.close()  # the last connection folds the write-ahead log into the file
    assert not path.with_name(f"{path.name}-wal").exists()
    return path


@pytest.fixture
def store(db_url: str, demo_file: Path) -> Iterator[Store]:
    shutil.copyfile(demo_file, db_url.removeprefix("sqlite:///"))
    opened = open_store(db_url)
    yield opened
    opened.close()


@pytest.fixture
def workspace(store: Store) -> Workspace:
    return Workspace(store, user="tester")


@pytest.fixture
def fake_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An ``lp`` first on the PATH that keeps what it is sent: the file it writes to."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    received = tmp_path / "printed.pdf"
    lp = bin_dir / "lp"
    lp.write_text(f"#!/bin/sh\ncat > {received}\n")
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    return received
