"""Every file the program writes for a person (dump, export, backup) goes through here.

A roster holds names, phone numbers and who is in quarantine, so what is written is readable by
its owner only (0600, whatever the umask). A regular file is written to a private temporary file
in the target's own folder, under a name nobody can guess, synced, and renamed over the target:
a crash leaves the old file or the new one, never half of one. The rename replaces a symlink at
the target rather than writing through it. Anything that is not a regular file (a FIFO, a
device, a terminal: ``/dev/null``, ``/dev/stdout``) is written directly and never replaced,
since replacing ``/dev/null`` with a file breaks every program on the machine. The database's own
files are refused outright: a dump written over them would destroy the data it holds.
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from roster_tui.i18n import t

PRIVATE = 0o600
# The files SQLite keeps beside a database while it is open or mid-transaction.
COMPANIONS = ("", "-wal", "-shm", "-journal")


class RefusedTarget(ValueError):
    """A target path the program will not write to; ``str()`` says why."""


def database_files(database: Path | None) -> list[Path]:
    """The database file and its companions, the paths no dump, export or backup may take."""
    return [] if database is None else [Path(f"{database}{suffix}") for suffix in COMPANIONS]


def _same_file(a: Path, b: Path) -> bool:
    if os.path.abspath(a) == os.path.abspath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _check_not_protected(path: Path, protected: Iterable[Path]) -> None:
    for own in protected:
        if _same_file(path, own):
            raise RefusedTarget(t("safe.refuse_database", path=str(path)))


def _is_special(path: Path) -> bool:
    """True for an existing target that is not a regular file (FIFO, device, socket)."""
    try:
        mode = os.stat(path).st_mode  # follows links: /dev/stdout is a link to a terminal
    except FileNotFoundError:
        return False
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(21, os.strerror(21), str(path))
    return not stat.S_ISREG(mode)


def _private_file(folder: Path, name: str) -> tuple[int, Path]:
    """A new file only we can read, under an unpredictable name in ``folder``."""
    while True:
        temp = folder / f".{name}.{secrets.token_hex(8)}.tmp"
        try:
            flags = (
                os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
            )
            fd = os.open(temp, flags, PRIVATE)
        except FileExistsError:
            continue
        os.fchmod(fd, PRIVATE)  # the umask may have taken bits away; set exactly 0600
        return fd, temp


def _sync_folder(folder: Path) -> None:
    with suppress(OSError):  # some file systems cannot sync a directory; the rename still holds
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def private_copy_for(path: Path, *, protected: Iterable[Path] = ()) -> Iterator[Path]:
    """A private temporary file to fill; on success it becomes ``path`` (or is copied into it).

    For tools that write a file by name themselves (SQLite's backup): the caller fills the
    yielded path; a regular target is then replaced by it, a special one receives its bytes.
    """
    path = Path(path).expanduser()
    _check_not_protected(path, protected)
    special = _is_special(path)
    folder = Path(tempfile.mkdtemp(prefix="roster-tui-")) if special else path.parent
    fd, temp = _private_file(folder, path.name)
    os.close(fd)
    try:
        yield temp
        if special:
            with open(temp, "rb") as source, open(path, "wb") as target:
                shutil.copyfileobj(source, target)
        else:
            with open(temp, "rb+") as written:
                os.fsync(written.fileno())
            os.chmod(temp, PRIVATE)  # a tool may have recreated the file with its own mode
            os.replace(temp, path)
            _sync_folder(folder)
    finally:
        with suppress(FileNotFoundError):
            temp.unlink()
        if special:
            with suppress(OSError):
                folder.rmdir()


def write_safely(path: Path, data: bytes, *, protected: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``path``: privately and atomically, or straight into a device or FIFO."""
    path = Path(path).expanduser()
    _check_not_protected(path, protected)
    if _is_special(path):
        with open(path, "wb") as device:
            device.write(data)
        return
    fd, temp = _private_file(path.parent, path.name)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            temp.unlink()
        raise
    _sync_folder(path.parent)
