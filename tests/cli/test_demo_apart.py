"""The demo keeps to its own database, and the README's commands after it work on the demo."""

from __future__ import annotations

import re
import shlex
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from roster_tui.cli import commands, main
from roster_tui.i18n import set_language
from roster_tui.services.demo import sample_file
from roster_tui.services.workspace import Workspace
from roster_tui.store.db import demo_db_path

README = Path(__file__).resolve().parents[2] / "README.md"
SAMPLE = str(sample_file())


@pytest.fixture(autouse=True)
def _language_restored() -> Iterator[None]:
    """main() sets the language from the environment; later tests in this worker expect zh."""
    yield
    set_language("zh")


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user with no roster-tui data yet: the data directory is a fresh temporary one."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("ROSTER_DB", raising=False)
    return tmp_path / "data"


def _readme_demo_commands() -> list[list[str]]:
    """The command block that begins with ``roster-tui demo``, comments dropped."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    block = next(b for b in blocks if b.startswith("roster-tui demo "))
    return [shlex.split(line, comments=True)[1:] for line in block.splitlines() if line.strip()]


def _people(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("select count(*) from person").fetchone()[0])


def test_the_readme_sequence_after_the_demo_works_on_the_demo(
    data_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opened: list[str] = []

    def fake_tui(workspace: Workspace) -> int:
        opened.append(workspace.store.engine.url.database or "")
        return 0

    monkeypatch.setattr(commands, "_run_tui", fake_tui)
    sequence = _readme_demo_commands()
    assert [argv[:1] for argv in sequence] == [["demo"], ["check"], ["export"], ["export"], []]
    codes = [main(argv) for argv in sequence]
    assert codes[0] == 0 and codes[1] in (0, 1) and codes[2:] == [0, 0, 0]
    out, err = capsys.readouterr()
    assert str(demo_db_path()) in err  # the demo says where it is
    assert "文化路街道" in out
    assert opened == [str(demo_db_path())]
    assert not (data_home / "roster-tui" / "roster.sqlite").exists()


def test_after_a_real_import_the_commands_open_the_real_database(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo"]) == 0
    assert main(["import", SAMPLE]) == 0
    assert (data_home / "roster-tui" / "roster.sqlite").exists()
    capsys.readouterr()
    assert main(["check"]) in (0, 1)
    assert str(demo_db_path()) not in capsys.readouterr().err


def _contents(path: Path) -> list[str]:
    """Everything the database holds, as SQL (the file's own bytes move on a checkpoint)."""
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def test_the_demo_refuses_a_database_holding_real_data(data_home: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.sqlite"
    assert main(["--db", str(real), "import", SAMPLE]) == 0
    before = _contents(real)
    assert main(["--db", str(real), "demo"]) == 2
    assert _contents(real) == before
    assert _people(real) > 0


def test_roster_db_names_the_real_database_and_the_demo_leaves_it_alone(
    data_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real.sqlite"
    assert main(["--db", str(real), "import", SAMPLE]) == 0
    before = _contents(real)
    monkeypatch.setenv("ROSTER_DB", str(real))
    assert main(["demo"]) == 0
    assert _contents(real) == before
    assert _people(demo_db_path()) > 0


def test_a_demo_may_replace_an_earlier_demo_but_not_real_data_imported_over_it(
    data_home: Path, tmp_path: Path
) -> None:
    target = tmp_path / "trial.sqlite"
    assert main(["--db", str(target), "demo"]) == 0
    assert main(["--db", str(target), "demo"]) == 0
    assert main(["--db", str(target), "import", "--replace", SAMPLE]) == 0
    assert main(["--db", str(target), "demo"]) == 2


def test_real_data_imported_into_the_demos_own_file_is_not_overwritten(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo"]) == 0
    assert main(["--db", str(demo_db_path()), "import", "--replace", SAMPLE]) == 0
    before = _contents(demo_db_path())
    capsys.readouterr()
    assert main(["--lang", "zh", "demo"]) == 2
    assert "请先自行删除这个文件" in capsys.readouterr().err
    assert _contents(demo_db_path()) == before
