"""Where the database is, and opening it: ``--db``, then ``ROSTER_DB``, then the user's data dir.

Nothing here runs at import time: an engine exists only once :func:`open_store` is called.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from roster_tui.i18n import t
from roster_tui.store.engine import create_store_engine, is_sqlite
from roster_tui.store.errors import (
    BadAddress,
    DatabaseDamaged,
    DatabaseMissing,
    DatabaseNeedsUpgrade,
    DatabaseReadOnly,
    DatabaseUnreadable,
)
from roster_tui.store.repository import Store
from roster_tui.store.schema import ensure_schema

ENV_VAR = "ROSTER_DB"
DEFAULT_BUSY_TIMEOUT = 5.0  # seconds a write waits for another writer before giving up


def default_db_path() -> Path:
    return Path(user_data_dir("roster-tui")) / "roster.sqlite"


def demo_db_path() -> Path:
    """The demo's own database, beside the real one and never the same file."""
    return default_db_path().with_name("demo.sqlite")


def demo_instead_of_default(
    arg: str | None, environ: Mapping[str, str] | None = None
) -> Path | None:
    """The demo database, when nothing names a database and no real one exists yet.

    So the commands a new user types after ``roster-tui demo`` open the demo, and the moment
    real data is imported (into the default place) they open that instead.
    """
    env = os.environ if environ is None else environ
    if arg or env.get(ENV_VAR) or default_db_path().exists():
        return None
    demo = demo_db_path()
    return demo if demo.exists() else None


def resolve_db_url(arg: str | None, environ: Mapping[str, str] | None = None) -> str:
    """An SQLAlchemy URL from ``--db`` (a file path or a URL), else ``ROSTER_DB``, else default."""
    env = os.environ if environ is None else environ
    chosen = arg or env.get(ENV_VAR) or str(default_db_path())
    if "://" in chosen:
        return chosen
    return f"sqlite:///{Path(chosen).expanduser().resolve()}"


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL (``file:`` URIs included); None for an in-memory one."""
    database = make_url(url).database
    if not database or database == ":memory:":
        return None
    if database.startswith("file:"):
        database = database.removeprefix("file:").partition("?")[0]
        if database.startswith("///"):
            database = database[2:]
    return Path(database)


def display_location(url: str) -> str:
    """The URL as a person may see it: a file path, or the URL without its password."""
    path = sqlite_file(url) if is_sqlite(url) else None
    if path is not None:
        return str(path)
    return make_url(url).render_as_string(hide_password=True)


def _without_password(url: str) -> str:
    """A URL SQLAlchemy could not parse, with whatever stands where a password would hidden."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def _create_private(path: Path) -> None:
    """Make the empty database file owner-only before SQLite opens it, whatever the umask.

    SQLite gives the -wal and -shm files it creates later the database file's own mode, so
    the roster's names, phones and addresses stay private in all three.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        return  # an existing database keeps the mode its owner gave it
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def _is_sqlite_address(url: str) -> bool:
    try:
        return is_sqlite(url)
    except (ArgumentError, NoSuchModuleError, ValueError):
        return False  # a bad address: opening it says so


def _writable(path: Path) -> bool:
    """Whether this process may write the file (asked of the kernel, which knows better than
    the mode bits: a root whose rights were dropped, a read-only mount). A missing file counts
    as writable, so that opening it reports it missing."""
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    os.close(fd)
    return True


def read_only_urls(path: Path) -> list[str]:
    """How to read a SQLite file this process cannot write, most careful first.

    ``mode=ro`` still shares SQLite's locks with writers, but a database in WAL mode needs its
    ``-shm`` file, which a read-only folder cannot hold. Then, and only while no ``-wal`` file
    exists (every committed change is in the file itself), ``immutable=1`` reads the file as it
    stands, without locks.
    """
    base = f"sqlite:///file:{path}?uri=true&mode=ro"
    urls = [base]
    if not Path(f"{path}-wal").exists():
        urls.append(base + "&immutable=1")
    return urls


def open_store(
    url: str,
    *,
    create: bool = False,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    reading: bool = False,
) -> Store:
    """Open (``create``: or make) the database at ``url``, upgrading an older schema.

    Raises ``DatabaseMissing`` when there is no database (or no schema) and ``create`` is off,
    ``DatabaseTooNew`` for a schema newer than this program, and ``DatabaseLocked``/
    ``DatabaseReadOnly`` when a needed upgrade cannot take the write lock or write at all.

    ``reading``: the caller only reads (check, dump, export). A SQLite file that cannot be
    written, or that sits in a folder that cannot be written, is then opened read-only (the
    store's ``read_only`` says so) instead of refused.
    """
    path = sqlite_file(url) if reading and not create and _is_sqlite_address(url) else None
    if path is None or _writable(path):
        try:
            store = _open_store(url, create=create, busy_timeout=busy_timeout)
        except DatabaseNeedsUpgrade:
            raise
        except DatabaseReadOnly:
            if path is None:
                raise  # a writer, or not a SQLite file: the message says why it cannot write
        else:
            # An address that itself asks for reading only (SQLite's mode=ro or immutable).
            store.read_only = bool(re.search(r"[?&](mode=ro|immutable=1)\b", url))
            return store
    for read_only_url in read_only_urls(path):
        try:
            store = _open_store(read_only_url, create=False, busy_timeout=busy_timeout)
        except DatabaseNeedsUpgrade:
            raise
        except DatabaseReadOnly:
            continue
        store.read_only = True
        return store
    raise DatabaseUnreadable(where=t("db.where", where=display_location(url)))


def _open_store(url: str, *, create: bool, busy_timeout: float) -> Store:
    try:
        where = t("db.where", where=display_location(url))
        sqlite = is_sqlite(url)
    except (ArgumentError, NoSuchModuleError, ValueError) as error:
        raise BadAddress(where=_without_password(url), detail=error) from error
    if sqlite:
        path = sqlite_file(url)
        if path is not None:
            if not create and not path.exists():
                # Refuse rather than let SQLite create an empty file that hides the mistake.
                raise DatabaseMissing(where=where)
            if create:
                path.parent.mkdir(parents=True, exist_ok=True)
                _create_private(path)
    try:
        engine = create_store_engine(url, busy_timeout=busy_timeout)
    except (ArgumentError, NoSuchModuleError, ValueError, ImportError) as error:
        raise BadAddress(where=display_location(url), detail=error) from error
    try:
        ensure_schema(engine, create=create, where=where)
    except (ValueError, TypeError) as damaged:
        # Only the stored schema version is parsed while opening: it was tampered with.
        engine.dispose()
        raise DatabaseDamaged(found=damaged) from damaged
    except DatabaseMissing as missing:
        engine.dispose()
        if missing.params.get("where"):
            raise
        raise DatabaseMissing(where=where) from missing  # e.g. no such PostgreSQL database
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)
