"""Exit codes mean one thing: 0 ok, 1 gaps found, 2 bad input, 3 the program failed.

A cron job that runs ``check`` must tell "the roster has gaps" from "the run broke"; so no
traceback ever ends a command with exit 1, and a real fault says where its details were logged.
"""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from roster_tui.cli import main
from roster_tui.cli.crash import log_path


@pytest.fixture(autouse=True)
def _private_log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def test_an_unexpected_error_exits_3_and_logs_the_traceback_privately(
    imported: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("a bug deep inside")

    monkeypatch.setattr("roster_tui.services.workspace.check", broken)
    assert main(["--db", str(imported), "--lang", "en", "check"]) == 3
    err = capsys.readouterr().err
    log = log_path()
    assert str(log) in err and "ZeroDivisionError" in err
    assert "Traceback" not in err  # one short message; the details are in the file
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "a bug deep inside" in logged
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "roster", "--week", "9999-W52", "--format", "csv", "-o", "out.csv"],
        ["fill", "--week", "9999-W52", "--dry-run"],
        ["check", "--from", "9999-12-31"],
        ["check", "--to", "0001-01-01"],
    ],
)
def test_a_week_or_date_past_the_planned_years_is_bad_input(
    imported: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(imported), "--lang", "en", *argv]) == 2
    assert "out of range" in capsys.readouterr().err


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://clerk:secret@host:port/roster",
        "nosuchdb://clerk:secret@host/roster",
        "postgresql+nodriver://clerk:secret@host/roster",
    ],
)
def test_a_malformed_database_address_is_bad_input_and_hides_the_password(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", url, "--lang", "en", "check"]) == 2
    err = capsys.readouterr().err
    assert "database address" in err and "secret" not in err


def test_a_tampered_schema_version_is_refused_as_a_damaged_database(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(imported) as conn:
        conn.execute("update meta set value = '\"x\"' where key = 'schema_version'")
    assert main(["--db", str(imported), "--lang", "en", "check"]) == 2
    assert "damaged" in capsys.readouterr().err
