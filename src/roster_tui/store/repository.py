"""The store: a whole sub-district in and out, audited edits, undo, and a change counter.

Each public call is one connection and one transaction: Core statements only, no ORM objects,
so nothing to expire and nothing shared between threads. Writes bump the ``revision`` counter
first, which on PostgreSQL also queues concurrent writers one after another (no deadlocks
between edits), and on SQLite costs nothing extra under ``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, RowMapping, delete, func, insert, select, update

from roster_tui.domain.changes import AuditEntry, Change
from roster_tui.domain.model import Roster, Subdistrict
from roster_tui.i18n import t
from roster_tui.store import rows as R
from roster_tui.store import tables as T
from roster_tui.store.engine import WRITE_OPTION, translated_errors
from roster_tui.store.errors import (
    DatabaseEmpty,
    NotEmpty,
    NothingToUndo,
)
from roster_tui.store.serialize import changes_from_text, changes_to_text
from roster_tui.store.settings_row import (
    SETTINGS_KEY,
    SETTINGS_VERSION_KEY,
    settings_from_meta,
    write_settings_meta,
)
from roster_tui.store.writes import advance_sequences, apply_one, as_current, bulk_insert

IMPORT_ACTION = "import"
UNDO_ACTION = "undo"
SUBDISTRICT_KEY = "subdistrict"
# Marks a database that `roster-tui demo` wrote; only such a database may be replaced by a demo.
DEMO_KEY = "demo"


CALENDAR_PREFIX = "calendar:"


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Store:
    """A roster database. Build it with :func:`roster_tui.store.db.open_store`."""

    def __init__(self, engine: Engine, *, read_only: bool = False) -> None:
        self.engine = engine
        self.read_only = read_only  # opened for reading only: the file cannot be written
        self._write_engine = engine.execution_options(**{WRITE_OPTION: True})
        self._postgresql = engine.dialect.name == "postgresql"

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        """One snapshot for the whole read. SQLite's read transaction already is one.

        PostgreSQL's default, READ COMMITTED, gives each statement its own: a roster read table
        by table could pair a row's new version with its old child rows, and the next save,
        passing the version check, would silently undo a colleague's edit.
        """
        with translated_errors(), self.engine.begin() as conn:
            if self._postgresql:
                # First statement of the transaction, so it applies to this one only; a
                # connection-level option would be reset to READ WRITE afterwards, overriding
                # a server that makes every transaction read-only by default.
                conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield conn

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        with translated_errors(), self._write_engine.begin() as conn:
            conn.execute(update(T.REVISION).values(counter=T.REVISION.c.counter + 1))
            yield conn

    # -- reading ---------------------------------------------------------------------------
    def data_version(self) -> int:
        """A number that changes whenever anyone commits a write (poll it to see others' edits)."""
        with self._reading() as conn:
            return int(conn.execute(select(T.REVISION.c.counter)).scalar_one())

    def is_empty(self) -> bool:
        with self._reading() as conn:
            return not _has_data(conn)

    def is_demo(self) -> bool:
        """True when the data here is the demo's (an import of real data clears the mark)."""
        with self._reading() as conn:
            row = conn.execute(select(T.META.c.value).where(T.META.c.key == DEMO_KEY)).first()
            return row is not None and json.loads(row.value) is True

    # -- calendars issued --------------------------------------------------------------------
    # What each calendar file last told a phone, so the next file can cancel what was removed.
    # Bookkeeping of the exports, like the data version: not roster data, never undone, kept
    # across imports (the phones still hold the events).

    def calendar_issued(self, key: str) -> dict[str, Any]:
        with self._reading() as conn:
            row = conn.execute(
                select(T.META.c.value).where(T.META.c.key == f"{CALENDAR_PREFIX}{key}")
            ).first()
            return dict(json.loads(row.value)) if row is not None else {}

    def remember_calendar(self, key: str, issued: dict[str, Any]) -> None:
        with self._writing() as conn:
            _write_meta(conn, f"{CALENDAR_PREFIX}{key}", issued)

    def load_roster(self, skip: Collection[str] = ()) -> Roster:
        """The whole roster; the lists named in ``skip`` (e.g. ``"contacts"``) left empty."""
        with self._reading() as conn:
            meta = _read_meta(conn)
            if SUBDISTRICT_KEY not in meta:
                raise DatabaseEmpty()
            return Roster(
                subdistrict=Subdistrict(**meta[SUBDISTRICT_KEY]),
                settings=settings_from_meta(meta.get(SETTINGS_KEY), meta.get(SETTINGS_VERSION_KEY)),
                **R.read_all(conn, skip),
            )

    def history(
        self,
        *,
        limit: int | None = 100,
        offset: int = 0,
        action: str | None = None,
        after: int | None = None,
    ) -> list[AuditEntry]:
        """Recorded actions, newest first; only `action`'s, or only those after entry `after`."""
        a = T.AUDIT
        query = select(a)
        if action is not None:
            query = query.where(a.c.action == action)
        if after is not None:
            query = query.where(a.c.id > after)
        query = query.order_by(a.c.id.desc()).limit(limit).offset(offset)
        with self._reading() as conn:
            return [_audit_entry(row._mapping) for row in conn.execute(query)]

    # -- writing ---------------------------------------------------------------------------
    def import_roster(
        self, roster: Roster, *, replace: bool, user: str, demo: bool = False
    ) -> None:
        """Write a whole sub-district in one transaction: it lands whole or not at all.

        ``demo`` marks the data as the demo's; any other import removes the mark, so real data
        imported over a demo is never taken for a demo again.
        """
        with self._writing() as conn:
            if replace:
                for table in reversed(T.DATA_TABLES):
                    conn.execute(delete(table))
                conn.execute(
                    delete(T.META).where(
                        T.META.c.key.in_([SUBDISTRICT_KEY, SETTINGS_KEY, SETTINGS_VERSION_KEY])
                    )
                )
            elif _has_data(conn):
                raise NotEmpty()
            _write_meta(conn, SUBDISTRICT_KEY, dataclasses.asdict(roster.subdistrict))
            # Written, like every row, at version 1.
            write_settings_meta(conn, dataclasses.replace(roster.settings, version=1))
            conn.execute(delete(T.META).where(T.META.c.key == DEMO_KEY))
            if demo:
                _write_meta(conn, DEMO_KEY, True)
            bulk_insert(conn, roster)
            if self._postgresql:
                advance_sequences(conn)
            summary = t(
                "db.audit.import",
                subdistrict=roster.subdistrict.name,
                communities=len(roster.communities),
                people=len(roster.people),
                posts=len(roster.posts),
                households=len(roster.households),
            )
            _record(conn, user=user, action=IMPORT_ACTION, summary=summary, changes=())

    def apply(
        self, changes: Sequence[Change], *, user: str, action: str, summary: str
    ) -> AuditEntry:
        """Apply every change in one audited transaction, each checked against its version.

        The returned entry's changes carry what was stored: new versions and new uids.
        """
        with self._writing() as conn:
            stored = tuple(apply_one(conn, change) for change in changes)
            return _record(conn, user=user, action=action, summary=summary, changes=stored)

    def undo_last(self, *, user: str) -> AuditEntry:
        """Reverse ``user``'s latest action not yet undone (imports and undos are not undone)."""
        a = T.AUDIT
        with self._writing() as conn:
            last_import = conn.execute(
                select(func.max(a.c.id)).where(a.c.action == IMPORT_ACTION)
            ).scalar()
            target = conn.execute(
                select(a)
                .where(
                    a.c.user_name == user,
                    a.c.action.not_in([IMPORT_ACTION, UNDO_ACTION]),
                    a.c.undone_by.is_(None),
                    a.c.id > (last_import or 0),
                )
                .order_by(a.c.id.desc())
                .limit(1)
            ).first()
            if target is None:
                raise NothingToUndo()
            original = _audit_entry(target._mapping)
            inverse = [change.inverse() for change in reversed(original.changes)]
            stored = tuple(apply_one(conn, as_current(conn, change)) for change in inverse)
            summary = t("db.audit.undo", summary=original.summary)
            entry = _record(conn, user=user, action=UNDO_ACTION, summary=summary, changes=stored)
            conn.execute(update(a).where(a.c.id == entry.id).values(undoes=original.id))
            conn.execute(update(a).where(a.c.id == original.id).values(undone_by=entry.id))
            return entry


def _has_data(conn: Connection) -> bool:
    # Every entity hangs off a community, so a sub-district or a community means data.
    meta = conn.execute(select(T.META.c.key).where(T.META.c.key == SUBDISTRICT_KEY)).first()
    community = conn.execute(select(T.COMMUNITY.c.id).limit(1)).first()
    return meta is not None or community is not None


def _read_meta(conn: Connection) -> dict[str, Any]:
    return {row.key: json.loads(row.value) for row in conn.execute(select(T.META))}


def _write_meta(conn: Connection, key: str, value: object) -> None:
    conn.execute(delete(T.META).where(T.META.c.key == key))
    conn.execute(insert(T.META).values(key=key, value=json.dumps(value, ensure_ascii=False)))


def _record(
    conn: Connection, *, user: str, action: str, summary: str, changes: Sequence[Change]
) -> AuditEntry:
    at = _utc_now()
    audit_id = conn.execute(
        insert(T.AUDIT)
        .values(
            user_name=user,
            at=at,
            action=action,
            summary=summary,
            changes=changes_to_text(changes),
        )
        .returning(T.AUDIT.c.id)
    ).scalar_one()
    return AuditEntry(
        id=audit_id,
        user=user,
        at=at.replace(tzinfo=dt.UTC),
        action=action,
        summary=summary,
        changes=tuple(changes),
    )


def _audit_entry(row: RowMapping) -> AuditEntry:
    return AuditEntry(
        id=row["id"],
        user=row["user_name"],
        at=row["at"].replace(tzinfo=dt.UTC),
        action=row["action"],
        summary=row["summary"],
        changes=changes_from_text(row["changes"]),
        undone_by=row["undone_by"],
    )
