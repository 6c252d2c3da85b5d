"""Which schema a database holds: the two records that say so, read cheaply on every open.

Two records say where a database stands. ``meta.schema_version`` is the number every release
reads (the first one refuses anything above 1, so a database upgraded later is never misread by
it); Alembic's ``alembic_version`` names the migration revision, ``"0001"`` for version 1.
:func:`stored_schema` reads both in one statement.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, String, column, inspect, null, select, table

from roster_tui.store import tables as T
from roster_tui.store.errors import DatabaseDamaged

VERSIONS = Path(__file__).resolve().parent / "migrations" / "versions"


def _newest_revision() -> int:
    """The number of the newest revision file (``0002_….py`` → 2), without importing Alembic.

    Each revision's id is its file's number; a test proves it, and that they form one line.
    """
    numbers = [int(p.name[:4]) for p in VERSIONS.glob("[0-9][0-9][0-9][0-9]_*.py")]
    return max(numbers)


CURRENT_VERSION = _newest_revision()
VERSION_KEY = "schema_version"

ALEMBIC_TABLE = table("alembic_version", column("version_num", String))


def revision_id(version: int) -> str:
    """The Alembic revision of a schema version: ``1`` → ``"0001"``."""
    return f"{version:04d}"


@dataclass(frozen=True, slots=True)
class StoredSchema:
    version: int  # meta.schema_version
    revision: str | None  # alembic_version.version_num; None before the first migration


def parse_version(value: str | None) -> int:
    """``meta.schema_version`` as a number; anything but a positive integer is refused."""
    try:
        version = json.loads(value) if value is not None else None
    except ValueError:
        version = None
    if type(version) is not int or version < 1:
        raise DatabaseDamaged(found=value)
    return version


def stored_schema(conn: Connection) -> StoredSchema | None:
    """Where the database stands, or None when it has no schema at all."""
    names = set(inspect(conn).get_table_names())
    if T.META.name not in names:
        return None
    value = select(T.META.c.value).where(T.META.c.key == VERSION_KEY).scalar_subquery()
    revision = (
        select(ALEMBIC_TABLE.c.version_num).limit(1).scalar_subquery()
        if ALEMBIC_TABLE.name in names
        else null()
    )
    row = conn.execute(select(value, revision)).one()
    return StoredSchema(parse_version(row[0]), row[1])


def stored_version(conn: Connection) -> int | None:
    """The schema version recorded in the database, or None when it has no schema at all."""
    found = stored_schema(conn)
    return None if found is None else found.version


def set_version(conn: Connection, version: int) -> None:
    conn.execute(T.META.delete().where(T.META.c.key == VERSION_KEY))
    conn.execute(T.META.insert().values(key=VERSION_KEY, value=json.dumps(version)))
