"""The schema's version, its creation, and the upgrade steps that bring an older database along.

The version lives in ``meta`` under ``schema_version``. ``STEPS[i]`` upgrades a database from
version ``i + 1`` to ``i + 2``; all steps needed run in one write transaction with the version
bump after each, so an upgrade that fails leaves the database exactly as it was. A database newer
than this program is refused rather than guessed at.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from sqlalchemy import Connection, Engine, inspect, select

from roster_tui.store import tables as T
from roster_tui.store.engine import WRITE_OPTION, translated_errors
from roster_tui.store.errors import DatabaseMissing, DatabaseTooNew

CURRENT_VERSION = 1
VERSION_KEY = "schema_version"

Step = Callable[[Connection], None]

# Version 1 is the first schema; later versions append their upgrade here.
STEPS: tuple[Step, ...] = ()


def stored_version(conn: Connection) -> int | None:
    """The schema version recorded in the database, or None when it has no schema at all."""
    if not inspect(conn).has_table(T.META.name):
        return None
    value = conn.execute(select(T.META.c.value).where(T.META.c.key == VERSION_KEY)).scalar()
    return None if value is None else int(json.loads(value))


def set_version(conn: Connection, version: int) -> None:
    conn.execute(T.META.delete().where(T.META.c.key == VERSION_KEY))
    conn.execute(T.META.insert().values(key=VERSION_KEY, value=json.dumps(version)))


def create_schema(conn: Connection, version: int = CURRENT_VERSION) -> None:
    T.METADATA.create_all(conn, tables=list(T.ALL_TABLES))
    conn.execute(T.REVISION.insert().values(id=1, counter=0))
    set_version(conn, version)


def ensure_schema(
    engine: Engine,
    *,
    create: bool,
    where: str = "",
    steps: Sequence[Step] = STEPS,
    current: int = CURRENT_VERSION,
) -> None:
    """Check the schema; create it (when ``create``) or upgrade it when it is missing or older.

    The common case, a current schema, costs one read and takes no write lock, so a read-only
    database still opens for reading.
    """
    with translated_errors():
        with engine.connect() as conn, conn.begin():
            version = stored_version(conn)
        if version == current:
            return
        if version is not None and version > current:
            raise DatabaseTooNew(found=version, known=current)
        if version is None and not create:
            raise DatabaseMissing(where=where)
        with engine.connect().execution_options(**{WRITE_OPTION: True}) as conn, conn.begin():
            # Someone may have created or upgraded it while we waited for the lock.
            version = stored_version(conn)
            if version is None:
                create_schema(conn, current)
                return
            if version > current:
                raise DatabaseTooNew(found=version, known=current)
            for target in range(version + 1, current + 1):
                steps[target - 2](conn)
                set_version(conn, target)
