"""Dump, export and backup cannot clobber: not the database, not a device, not through a link."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from roster_tui.cli import main

EXPORT = ["export", "roster", "--week", "2026-W49", "--format", "csv", "-o"]


def _people(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("select count(*) from person").fetchone()[0])


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
@pytest.mark.parametrize("command", [["dump"], ["backup"], EXPORT])
def test_writing_onto_the_open_database_is_refused(
    imported: Path, command: list[str], suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    people = _people(imported)
    target = f"{imported}{suffix}"
    assert main(["--db", str(imported), "--lang", "en", *command, target]) == 2
    assert "database's own file" in capsys.readouterr().err
    assert _people(imported) == people


def test_a_dump_never_writes_through_a_planted_link(imported: Path, tmp_path: Path) -> None:
    """Temporary names cannot be guessed: links planted where one might go lead nowhere."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    target = tmp_path / "dump.toml"
    for name in ("dump.toml.partial", ".dump.toml.partial", "dump.toml.tmp"):
        (tmp_path / name).symlink_to(victim)
    assert main(["--db", str(imported), "dump", str(target)]) == 0
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert target.read_text(encoding="utf-8").startswith("format")
    leftovers = {p.name for p in tmp_path.iterdir()} - {"roster.sqlite", "victim.txt"}
    assert {n for n in leftovers if not n.startswith("roster.sqlite")} == {
        "dump.toml",
        "dump.toml.partial",
        ".dump.toml.partial",
        "dump.toml.tmp",
    }


def test_a_link_at_the_target_is_replaced_not_followed(imported: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    target = tmp_path / "dump.toml"
    target.symlink_to(victim)
    assert main(["--db", str(imported), "dump", str(target)]) == 0
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not target.is_symlink() and target.read_text(encoding="utf-8").startswith("format")


@pytest.mark.parametrize("command", [["dump"], ["backup"], EXPORT])
def test_a_fifo_is_written_into_and_stays_a_fifo(
    imported: Path, tmp_path: Path, command: list[str]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    try:
        code = main(["--db", str(imported), *command, str(fifo)])
    finally:
        # A command that wrote has closed the FIFO, so the reader ends (it may still be reading).
        reader.join(timeout=10)
        if reader.is_alive():  # the command never opened the FIFO: let the reader go
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            reader.join(timeout=10)
    assert code == 0
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert len(received[0]) > 1000


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
@pytest.mark.parametrize("command", [["dump"], ["backup"], EXPORT])
def test_a_device_is_written_into_and_never_replaced(
    imported: Path, tmp_path: Path, command: list[str]
) -> None:
    """A twin of /dev/null made for the test: replacing the real one breaks the machine."""
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    assert main(["--db", str(imported), *command, str(null)]) == 0
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".null")] == []
