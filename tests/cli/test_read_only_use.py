"""A database that cannot be written still serves check, dump and exports, and says it is
read-only, never that something could not be saved.

The file and its folder are made read-only with chmod. Root ignores the mode bits, so as root
each command runs under ``setpriv`` without the rights that bypass them (the kernel then
refuses writes as it would a normal user); where setpriv is missing, the database is named by
a read-only SQLite address instead, so the test still runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from roster_tui.services.demo import sample_file

WEEK = "2026-W49"
SETPRIV = shutil.which("setpriv")
AS_ROOT = os.geteuid() == 0
DROP_OVERRIDES = ["--bounding-set", "-dac_override,-dac_read_search,-fowner", "--"]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample imported by the command line once; each test gets a copy of the file."""
    folder = tmp_path_factory.mktemp("imported")
    db = folder / "roster.sqlite"
    imported = subprocess.run(
        [sys.executable, "-m", "roster_tui.cli", "--db", str(db), "import", str(sample_file())],
        capture_output=True,
        env=os.environ,
        timeout=120,
    )
    assert imported.returncode == 0, imported.stderr
    assert not list(folder.glob("roster.sqlite-*"))  # closed: every change is in the file
    return db


@pytest.fixture(params=["file", "file and folder"])
def read_only_db(request: pytest.FixtureRequest, imported: Path, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "db"
    folder.mkdir()
    db = folder / "roster.sqlite"
    shutil.copyfile(imported, db)
    db.chmod(0o444)
    if request.param == "file and folder":
        folder.chmod(0o555)
    yield db
    folder.chmod(0o755)


def _run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    target = str(db)
    prefix: list[str] = []
    if AS_ROOT and SETPRIV:
        prefix = [SETPRIV, *DROP_OVERRIDES]
    elif AS_ROOT:
        target = f"sqlite:///file:{db}?mode=ro&uri=true"
    command = [*prefix, sys.executable, "-m", "roster_tui.cli", "--lang", "en", "--db", target]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, env=os.environ, timeout=120
    )


def _said_read_only(result: subprocess.CompletedProcess[str]) -> None:
    assert "read-only" in result.stderr, result.stderr
    assert "save" not in result.stderr.lower(), result.stderr


def test_check_dump_and_exports_work_on_a_read_only_database(
    read_only_db: Path, tmp_path: Path
) -> None:
    before = _files(read_only_db.parent)
    out = tmp_path / "out"
    out.mkdir()

    checked = _run(read_only_db, "check", "--from", "2026-11-30", "--json")
    assert checked.returncode in (0, 1), checked.stderr
    assert '"gaps"' in checked.stdout
    _said_read_only(checked)

    dumped = _run(read_only_db, "dump", str(out / "dump.toml"))
    assert dumped.returncode == 0, dumped.stderr
    assert tomllib.loads((out / "dump.toml").read_text(encoding="utf-8"))["person"]
    _said_read_only(dumped)

    printed = _run(
        read_only_db, "export", "roster", "--week", WEEK, "--format", "txt", "-o", str(out / "r")
    )
    assert printed.returncode == 0, printed.stderr
    assert (out / "r").stat().st_size > 0
    _said_read_only(printed)
    assert "not recorded" in printed.stderr  # a print on paper, which cannot be remembered

    piped = _run(read_only_db, "export", "roster", "--week", WEEK, "--format", "csv", "-o", "-")
    assert piped.returncode == 0, piped.stderr
    assert "Date,Day,Shift" in piped.stdout
    _said_read_only(piped)

    if not AS_ROOT or SETPRIV:
        # Nothing written beside the database either: no -wal, no -shm, no backup.
        assert _files(read_only_db.parent).keys() <= before.keys() | {
            "roster.sqlite-wal",
            "roster.sqlite-shm",
        }
    assert read_only_db.read_bytes() == before["roster.sqlite"]


def test_a_writing_command_on_a_read_only_database_still_says_it_cannot_save(
    read_only_db: Path,
) -> None:
    if AS_ROOT and not SETPRIV:
        pytest.skip("a read-only address takes no import at all; this needs real permissions")
    result = _run(read_only_db, "import", str(sample_file()), "--replace")
    assert result.returncode == 2
    assert "read-only" in result.stderr
