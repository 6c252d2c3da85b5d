"""Writing rows: one change at a time against the version it was read at, or a roster in bulk.

Every edit names the row it changes as it was read (``before``, with its version); the write
matches on key and version, so an edit made meanwhile by someone else is refused
(:class:`ConflictError`) instead of lost. The :class:`~roster_tui.store.repository.Store` runs
these inside its transactions and records each action in the audit log.
"""

from __future__ import annotations

import dataclasses
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from roster_tui.domain.changes import Change
from roster_tui.domain.kinds import KINDS, Entity, kind_of
from roster_tui.domain.model import Override, Roster
from roster_tui.i18n import t
from roster_tui.store import rows as R
from roster_tui.store import tables as T
from roster_tui.store.engine import classify
from roster_tui.store.errors import ConflictError, DuplicateId


def describe(entity: Entity) -> str:
    """``"人员 p001"``: the kind of row and its id (or store uid) for messages.

    A shift's hand edits are named by the shift they change: the same row holds an assign, a
    removal or a swap, and a secretary knows the shift, not a row number.
    """
    if isinstance(entity, Override):
        return t("db.entity.override_on", post=entity.post, date=entity.date, shift=entity.shift)
    key = getattr(entity, "id", None) or f"#{entity.uid}"  # type: ignore[union-attr]
    return f"{t('db.entity.' + kind_of(entity).name)} {key}"


def as_current(conn: Connection, change: Change) -> Change:
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


def bulk_insert(conn: Connection, roster: Roster) -> None:
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
            insert_many(conn, table, batches[table])


def insert_many(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """``conn.execute(insert(table), rows)`` for rows that all hold the same keys, by the
    driver's own executemany: the statement compiled once and each value passed through its
    column type's bind processor (SQLite's dates become text) as SQLAlchemy would, without its
    bookkeeping for every row (a fifth of the time of the large sub-district's contacts)."""
    names = list(rows[0])
    dialect = conn.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=names)
    processors = [
        (name, processor)
        for name in names
        if (processor := table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
    ]
    if processors:
        rows = [row.copy() for row in rows]
        for row in rows:
            for name, processor in processors:
                value = row[name]
                if value is not None:
                    row[name] = processor(value)
    params: list[Any] = rows
    if compiled.positional:
        keys = compiled.positiontup or []
        order = itemgetter(*keys) if len(keys) > 1 else lambda row: (row[keys[0]],)
        params = [order(row) for row in rows]
    conn.exec_driver_sql(str(compiled), params)


def advance_sequences(conn: Connection) -> None:
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


def apply_one(conn: Connection, change: Change) -> Change:
    """Write one change; the change as stored (new version, new uid) comes back."""
    before, after = change.before, change.after
    sample = after if after is not None else before
    assert sample is not None
    codec = R.codec_for(sample)
    if codec.write is not None:
        return codec.write(conn, change)
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
