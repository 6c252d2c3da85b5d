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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, RowMapping, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from roster_tui.domain.changes import AuditEntry, Change
from roster_tui.domain.kinds import KINDS, Entity, kind_of
from roster_tui.domain.model import Override, Roster, Settings, Subdistrict
from roster_tui.i18n import t
from roster_tui.store import rows as R
from roster_tui.store import tables as T
from roster_tui.store.engine import WRITE_OPTION, classify, translated_errors
from roster_tui.store.errors import (
    ConflictError,
    DatabaseEmpty,
    DuplicateId,
    NotEmpty,
    NothingToUndo,
)
from roster_tui.store.serialize import changes_from_text, changes_to_text

IMPORT_ACTION = "import"
UNDO_ACTION = "undo"
SUBDISTRICT_KEY = "subdistrict"
SETTINGS_KEY = "settings"
# Marks a database that `roster-tui demo` wrote; only such a database may be replaced by a demo.
DEMO_KEY = "demo"


CALENDAR_PREFIX = "calendar:"


def describe(entity: Entity) -> str:
    """``"人员 p001"``: the kind of row and its id (or store uid) for messages.

    A shift's hand edits are named by the shift they change: the same row holds an assign, a
    removal or a swap, and a secretary knows the shift, not a row number.
    """
    if isinstance(entity, Override):
        return t("db.entity.override_on", post=entity.post, date=entity.date, shift=entity.shift)
    key = getattr(entity, "id", None) or f"#{entity.uid}"  # type: ignore[union-attr]
    return f"{t('db.entity.' + kind_of(entity).name)} {key}"


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

    def load_roster(self) -> Roster:
        with self._reading() as conn:
            meta = _read_meta(conn)
            if SUBDISTRICT_KEY not in meta:
                raise DatabaseEmpty()
            return Roster(
                subdistrict=Subdistrict(**meta[SUBDISTRICT_KEY]),
                settings=Settings(**meta.get(SETTINGS_KEY, {})),
                **R.read_all(conn),
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
                    delete(T.META).where(T.META.c.key.in_([SUBDISTRICT_KEY, SETTINGS_KEY]))
                )
            elif _has_data(conn):
                raise NotEmpty()
            _write_meta(conn, SUBDISTRICT_KEY, dataclasses.asdict(roster.subdistrict))
            _write_meta(conn, SETTINGS_KEY, dataclasses.asdict(roster.settings))
            conn.execute(delete(T.META).where(T.META.c.key == DEMO_KEY))
            if demo:
                _write_meta(conn, DEMO_KEY, True)
            _bulk_insert(conn, roster)
            if self._postgresql:
                _advance_sequences(conn)
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
            stored = tuple(_apply_one(conn, change) for change in changes)
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
            stored = tuple(_apply_one(conn, _as_current(conn, change)) for change in inverse)
            summary = t("db.audit.undo", summary=original.summary)
            entry = _record(conn, user=user, action=UNDO_ACTION, summary=summary, changes=stored)
            conn.execute(update(a).where(a.c.id == entry.id).values(undoes=original.id))
            conn.execute(update(a).where(a.c.id == original.id).values(undone_by=entry.id))
            return entry


def _as_current(conn: Connection, change: Change) -> Change:
    """An undo step checked by content: the row must still be what the action left.

    Versions alone would refuse a second undo in a row, because the first undo raised the
    version of a row it put back; so the row is compared field by field, and the change then
    carries the current version for the usual optimistic check within this transaction.
    """
    expected = change.before
    if expected is None:
        sample = change.after
        assert sample is not None
        codec = R.codec_for(sample)
        if codec.key_of(sample) is not None and R.read_one(
            conn, type(sample), codec.key_of(sample)
        ):
            raise ConflictError(what=describe(sample))  # someone made that row again meanwhile
        return change
    current = R.read_one(conn, type(expected), R.codec_for(expected).key_of(expected))
    if current is None or current != expected:
        raise ConflictError(what=describe(expected))
    return Change(current, change.after)


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


def _bulk_insert(conn: Connection, roster: Roster) -> None:
    """Every row of the roster, one executemany per table, uids numbered in list order."""
    batches: dict[Any, list[dict[str, Any]]] = {table: [] for table in T.DATA_TABLES}
    for kind in KINDS:
        codec = R.CODECS[kind.name]
        for position, entity in enumerate(getattr(roster, kind.list_name)):
            row = codec.own_row(entity)
            row["version"] = 1
            key: Any
            if codec.key == "uid":
                key = row["uid"] = position + 1
            else:
                key = codec.key_of(entity)
                row["seq"] = position
            batches[codec.table].append(row)
            for child_table, child in codec.child_rows(entity, key):
                batches[child_table].append(child)
    for table in T.DATA_TABLES:
        if batches[table]:
            conn.execute(insert(table), batches[table])


def _advance_sequences(conn: Connection) -> None:
    """After explicit uids, move PostgreSQL's sequences past them for the next insert."""
    for table in (codec.table for codec in R.CODECS.values() if codec.key == "uid"):
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'uid'), "
                f"(SELECT COALESCE(MAX(uid), 0) + 1 FROM {table.name}), false)"
            )
        )


def _insert_children(conn: Connection, codec: R.RowCodec, entity: Entity, key: Any) -> None:
    by_table: dict[Any, list[dict[str, Any]]] = {}
    for table, row in codec.child_rows(entity, key):
        by_table.setdefault(table, []).append(row)
    for table, rows in by_table.items():
        conn.execute(insert(table), rows)


def _apply_one(conn: Connection, change: Change) -> Change:
    """Write one change; the change as stored (new version, new uid) comes back."""
    before, after = change.before, change.after
    sample = after if after is not None else before
    assert sample is not None
    codec = R.codec_for(sample)
    table = codec.table
    if before is None:
        assert after is not None
        return Change(None, _insert(conn, codec, after))
    key = codec.key_of(before)
    if key is None:
        raise ValueError(f"{describe(before)}: the stored row is unknown (no uid)")
    if after is not None and codec.key_of(after) not in (None, key):
        raise ValueError(f"{describe(before)}: an edit cannot change the row's key")
    matches = (table.c[codec.key] == key, table.c.version == before.version)
    if after is None:
        if conn.execute(delete(table).where(*matches)).rowcount != 1:
            raise ConflictError(what=describe(before))
        return change
    version = before.version + 1
    values = codec.own_row(after) | {"version": version}
    if conn.execute(update(table).where(*matches).values(values)).rowcount != 1:
        raise ConflictError(what=describe(before))
    for child_table, owner in codec.children:
        conn.execute(delete(child_table).where(child_table.c[owner] == key))
    _insert_children(conn, codec, after, key)
    stored = dataclasses.replace(after, version=version)
    if codec.key == "uid":
        stored = dataclasses.replace(stored, uid=key)
    return Change(before, stored)


def _insert(conn: Connection, codec: R.RowCodec, entity: Entity) -> Entity:
    table = codec.table
    # A row put back by undo keeps its uid and continues its version count.
    values = codec.own_row(entity) | {"version": entity.version + 1}
    try:
        if codec.key == "id":
            next_seq = select(func.coalesce(func.max(table.c.seq), -1) + 1).scalar_subquery()
            conn.execute(insert(table).values(values | {"seq": next_seq}))
            key = codec.key_of(entity)
        else:
            if codec.key_of(entity) is not None:
                values["uid"] = codec.key_of(entity)
            key = conn.execute(insert(table).values(values).returning(table.c.uid)).scalar_one()
    except IntegrityError as error:
        found = classify(error)
        if isinstance(found, DuplicateId):
            raise DuplicateId(what=describe(entity)) from error
        raise
    _insert_children(conn, codec, entity, key)
    stored = dataclasses.replace(entity, version=values["version"])
    if codec.key == "uid":
        stored = dataclasses.replace(stored, uid=key)
    return stored


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
