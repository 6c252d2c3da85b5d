"""Personal data stays private: every file the program makes is readable by its owner only."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from roster_tui.cli import main
from roster_tui.services.demo import sample_file
from roster_tui.services.workspace import Workspace
from roster_tui.store.db import resolve_db_url


@pytest.fixture(autouse=True)
def _generous_umask() -> Iterator[None]:
    """The usual 022: files would come out world-readable if the program relied on it."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_and_its_wal_and_shm_are_owner_only(tmp_path: Path) -> None:
    db = tmp_path / "roster.sqlite"
    assert main(["--db", str(db), "import", str(sample_file())]) == 0
    workspace = Workspace.open(resolve_db_url(str(db)))
    roster = workspace.load()
    person = roster.people[0]
    workspace.set_active(person, not person.active)  # a write while open: -wal and -shm exist
    for name in ("roster.sqlite", "roster.sqlite-wal", "roster.sqlite-shm"):
        assert _mode(tmp_path / name) == 0o600, name
    workspace.store.close()


@pytest.mark.parametrize(
    "command",
    [
        ["dump"],
        ["backup"],
        ["export", "roster", "--week", "2026-W49", "--format", "csv", "-o"],
        ["export", "households", "--week", "2026-W49", "--format", "xlsx", "-o"],
    ],
)
def test_dumps_backups_and_exports_are_owner_only(
    imported: Path, tmp_path: Path, command: list[str]
) -> None:
    out = tmp_path / "out.file"
    assert main(["--db", str(imported), *command, str(out)]) == 0
    assert _mode(out) == 0o600


def test_an_existing_world_readable_target_becomes_owner_only(
    imported: Path, tmp_path: Path
) -> None:
    out = tmp_path / "dump.toml"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o644)
    assert main(["--db", str(imported), "dump", str(out)]) == 0
    assert _mode(out) == 0o600
