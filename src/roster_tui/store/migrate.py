"""Creating and upgrading the schema with Alembic, one transaction holding the write lock.

Only :func:`roster_tui.store.schema.ensure_schema` calls this, and only when the database is not
current, so Alembic is imported by the rare open that has work to do; a new database at the
newest revision is created and stamped without it. The migrations live in ``store/migrations``
(``env.py`` and ``versions/``); no ``alembic.ini`` is needed, the configuration is built here.

Upgrading, in order: take the write lock (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: an advisory
lock for the schema), read the version again (someone may have upgraded meanwhile), prove the
database writable, copy a SQLite file next to itself with the online backup API (owner-only),
mark the first release's database as revision 1, run the migrations, record the new
``schema_version``, and commit. Anything failing rolls all of it back: SQLite and PostgreSQL
both change their schema inside a transaction. On SQLite the foreign keys are off while the
migrations run, as SQLite asks for table rebuilds (batch mode would otherwise cascade the
deletes of a dropped table to its children), and checked in full before the commit.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    text,
)

from roster_tui.store import tables as T
from roster_tui.store.engine import WRITE_OPTION, translated_errors
from roster_tui.store.errors import (
    BackupFailed,
    BrokenReference,
    DatabaseDamaged,
    DatabaseMissing,
    DatabaseTooNew,
)
from roster_tui.store.version import (
    CURRENT_VERSION,
    StoredSchema,
    revision_id,
    set_version,
    stored_schema,
)

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Alembic's version table as its stamp makes it (``MigrationContext``'s defaults).
ALEMBIC_VERSION = Table(
    "alembic_version",
    MetaData(),
    Column("version_num", String(32), nullable=False),
    PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
)


def alembic_config(conn: Connection | None = None, extra_versions: Sequence[Path] = ()) -> Config:
    """Alembic's configuration for the store's migrations, running on ``conn``."""
    from alembic.config import Config

    config = Config()
    folders = [MIGRATIONS / "versions", *extra_versions]
    config.set_main_option("script_location", _escaped(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", os.pathsep.join(map(_escaped, folders)))
    config.attributes["connection"] = conn
    return config


def _escaped(path: Path) -> str:
    return str(path).replace("%", "%%")  # the options are ConfigParser values


def bring_to(
    engine: Engine, version: int, *, create: bool, extra_versions: Sequence[Path] = ()
) -> None:
    """Create the schema at ``version``, or upgrade the database to it (see the module text)."""
    with translated_errors(), engine.connect().execution_options(**{WRITE_OPTION: True}) as conn:
        sqlite = conn.dialect.name == "sqlite"
        with _foreign_keys_off(conn) if sqlite else nullcontext(), conn.begin():
            if not sqlite:
                conn.execute(
                    text("SELECT pg_advisory_xact_lock(hashtext(:key || current_schema()))"),
                    {"key": "roster-tui schema "},
                )
            found = stored_schema(conn)
            if found is None:
                if not create:
                    raise DatabaseMissing()
                _create(conn, version, extra_versions)
                return
            from alembic import command
            from alembic.script import ScriptDirectory

            config = alembic_config(conn, extra_versions)
            if not _needs_upgrade(found, version, ScriptDirectory.from_config(config)):
                return
            if sqlite:
                _back_up(conn, found.version)
            if found.revision is None:
                command.stamp(config, revision_id(found.version))
            command.upgrade(config, revision_id(version))
            set_version(conn, version)
            if sqlite:
                _check_references(conn)


def _create(conn: Connection, version: int, extra_versions: Sequence[Path]) -> None:
    T.METADATA.create_all(conn, tables=list(T.ALL_TABLES))
    conn.execute(T.REVISION.insert().values(id=1, counter=0))
    set_version(conn, version)
    if version == CURRENT_VERSION and not extra_versions:
        # The newest revision, whose file a test proves is there: stamped as Alembic stamps,
        # without loading Alembic (about 0.1 s) for every new database.
        ALEMBIC_VERSION.create(conn)
        conn.execute(ALEMBIC_VERSION.insert().values(version_num=revision_id(version)))
        return
    from alembic import command

    command.stamp(alembic_config(conn, extra_versions), revision_id(version))


def _needs_upgrade(found: StoredSchema, version: int, script: ScriptDirectory) -> bool:
    """Whether ``found`` is older than ``version``; refuses what this program cannot know."""
    if found.version > version:
        raise DatabaseTooNew(found=found.version, known=version)
    if found.revision is None:
        if found.version != 1:  # only the first release wrote no revision
            raise DatabaseDamaged(found=found.version)
        return True
    known = {script.revision for script in script.walk_revisions()}
    if found.revision not in known:
        number = int(found.revision) if found.revision.isdigit() else None
        if number is not None and number > version:
            raise DatabaseTooNew(found=number, known=version)
        raise DatabaseDamaged(found=found.revision)
    if found.revision != revision_id(found.version):
        raise DatabaseDamaged(found=f"{found.version} / {found.revision}")
    return found.version < version


@contextmanager
def _foreign_keys_off(conn: Connection) -> Iterator[None]:
    """SQLite's foreign keys off for the connection (only possible outside a transaction)."""
    raw = conn.connection.dbapi_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys = ON")


def _check_references(conn: Connection) -> None:
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise BrokenReference(what=", ".join(sorted({str(row[0]) for row in broken})))


def _back_up(conn: Connection, version: int) -> Path | None:
    """Copy the SQLite file under the write lock, before anything in it changes.

    A harmless write first proves the database writable, so a read-only one is refused
    without leaving a copy behind. None for an in-memory database.
    """
    conn.execute(T.REVISION.update().values(counter=T.REVISION.c.counter))
    database = conn.exec_driver_sql("PRAGMA database_list").fetchone()
    if database is None or not database[2]:
        return None
    source = Path(database[2])
    target = _free_name(source, version)
    try:
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as error:
        raise BackupFailed(path=str(target), error=error.strerror or str(error)) from error
    try:
        with closing(sqlite3.connect(source)) as reader, closing(sqlite3.connect(target)) as copy:
            reader.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    except sqlite3.Error as error:
        target.unlink(missing_ok=True)
        raise BackupFailed(path=str(target), error=str(error)) from error
    return target


def _free_name(source: Path, version: int) -> Path:
    """``roster.sqlite.before-upgrade-from-1.bak``, numbered when that name is taken."""
    stem = f"{source.name}.before-upgrade-from-{version}"
    candidate = source.with_name(f"{stem}.bak")
    number = 2
    while candidate.exists():
        candidate = source.with_name(f"{stem}.{number}.bak")
        number += 1
    return candidate


def write_revision(url: str, message: str) -> Path:
    """Write the next revision, its operations worked out from the models (for developers).

    ``url`` is a database at the current head; review what Alembic wrote before committing it.
    """
    from alembic import command

    from roster_tui.store.engine import create_store_engine

    engine = create_store_engine(url, busy_timeout=5)
    try:
        with engine.connect() as conn:
            config = alembic_config(conn)
            script = command.revision(
                config, message, autogenerate=True, rev_id=revision_id(CURRENT_VERSION + 1)
            )
    finally:
        engine.dispose()
    assert script is not None and not isinstance(script, list)
    return Path(script.path)
