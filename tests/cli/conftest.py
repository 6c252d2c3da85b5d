"""Command-line tests: the sample sub-district imported into a fresh SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from roster_tui.cli import main
from roster_tui.services.demo import sample_file


@pytest.fixture
def imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A database file holding the sample sub-district."""
    db = tmp_path / "roster.sqlite"
    assert main(["--db", str(db), "import", str(sample_file())]) == 0
    capsys.readouterr()
    return db
