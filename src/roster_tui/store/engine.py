"""Engines for SQLite and PostgreSQL, and database errors translated into ``StoreError``.

SQLite is shared by several secretaries over SSH, so every connection runs in WAL mode (readers
never block the writer), waits up to ``busy_timeout`` for a lock, enforces foreign keys, and
every write takes the write lock up front with ``BEGIN IMMEDIATE``: a deferred transaction that
read first and then tried to write could fail with "database is locked" without waiting. The
driver's own transaction handling is switched off so SQLAlchemy's ``begin`` decides the BEGIN.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import StaticPool

from roster_tui.store.errors import (
    BrokenReference,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseReadOnly,
    DriverMissing,
    DuplicateId,
    StoreError,
)

# Execution option that marks a connection whose transactions will write.
WRITE_OPTION = "roster_write"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_store_engine(url: str, *, busy_timeout: float) -> Engine:
    if is_sqlite(url):
        return _sqlite_engine(url, busy_timeout)
    return _postgresql_engine(url, busy_timeout)


def _in_memory(url: str) -> bool:
    return make_url(url).database in (None, "", ":memory:")


def _sqlite_engine(url: str, busy_timeout: float) -> Engine:
    if _in_memory(url):
        # One connection for every thread, or each thread would see its own empty database
        # (for tests; the same connection cannot run two transactions at once).
        engine = create_engine(
            url,
            connect_args={"timeout": busy_timeout, "check_same_thread": False},
            poolclass=StaticPool,
        )
    else:
        engine = create_engine(url, connect_args={"timeout": busy_timeout})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" below issues BEGIN
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")  # a commit survives a power cut
        # A read-only or locked file keeps its mode; writes will say why they fail.
        with suppress(sqlite3.OperationalError):
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _postgresql_engine(url: str, busy_timeout: float) -> Engine:
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except ImportError as missing:
        # SQLite needs nothing more; PostgreSQL's driver is the [postgres] extra.
        raise DriverMissing(
            backend="PostgreSQL",
            driver=make_url(url).get_driver_name(),
            extra="roster-tui[postgres]",
            detail=str(missing),
        ) from missing

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Row locks wait as long as SQLite's busy timeout, then fail as "locked".
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = {int(busy_timeout * 1000)}")
        dbapi_connection.commit()

    return engine


# SQLSTATEs of PostgreSQL (psycopg) → our errors.
_PG_STATES: dict[str, type[StoreError]] = {
    "23505": DuplicateId,  # unique_violation
    "23503": BrokenReference,  # foreign_key_violation
    "55P03": DatabaseLocked,  # lock_not_available
    "40P01": DatabaseLocked,  # deadlock_detected
    "25006": DatabaseReadOnly,  # read_only_sql_transaction
    "42501": DatabaseReadOnly,  # insufficient_privilege
    "42P01": DatabaseMissing,  # undefined_table
    "3D000": DatabaseMissing,  # invalid_catalog_name: no such database
}

# Fragments of messages → our errors: sqlite3 exposes no stable codes on Python 3.11, and
# PostgreSQL reports a missing database while connecting, before any SQLSTATE exists.
_SQLITE_MESSAGES: tuple[tuple[str, type[StoreError]], ...] = (
    ("database is locked", DatabaseLocked),
    ("database table is locked", DatabaseLocked),
    ("readonly database", DatabaseReadOnly),
    ("read-only", DatabaseReadOnly),
    ("no such table", DatabaseMissing),
    ("unable to open database file", DatabaseMissing),
    ("unique constraint failed", DuplicateId),
    ("foreign key constraint failed", BrokenReference),
    ('database "', DatabaseMissing),  # psycopg: database "x" does not exist
)


def classify(error: DBAPIError) -> StoreError:
    """The ``StoreError`` a driver error means; a plain one carrying the detail otherwise."""
    original = error.orig
    state = getattr(original, "sqlstate", None)
    if state is not None:
        kind = _PG_STATES.get(state)
        return kind() if kind is not None else StoreError(detail=str(original).strip())
    message = str(original).lower()
    for fragment, kind in _SQLITE_MESSAGES:
        if fragment in message:
            return kind()
    return StoreError(detail=str(original).strip())


@contextmanager
def translated_errors() -> Iterator[None]:
    """Re-raise driver errors as ``StoreError`` subclasses, keeping the original as cause."""
    try:
        yield
    except DBAPIError as error:
        raise classify(error) from error
