"""What can go wrong with the database, as exceptions whose text a secretary can act on.

Every error carries its catalog key and parameters, so a screen can show it again in another
language; ``str(error)`` is the text in the language current when it was raised.
"""

from __future__ import annotations

from typing import ClassVar

from roster_tui.i18n import t


class StoreError(Exception):
    """Base of every database problem the store reports."""

    key = "db.error.generic"
    defaults: ClassVar[dict[str, object]] = {"detail": ""}

    def __init__(self, **params: object) -> None:
        self.params: dict[str, object] = {**self.defaults, **params}
        super().__init__(t(self.key, None, **self.params))


class DatabaseMissing(StoreError):
    """No database at the address, or one without our tables: run import first."""

    key = "db.error.missing"
    defaults: ClassVar[dict[str, object]] = {"where": ""}


class DatabaseEmpty(DatabaseMissing):
    """The tables exist but no sub-district was ever imported."""

    key = "db.error.empty"
    defaults: ClassVar[dict[str, object]] = {}


class DatabaseLocked(StoreError):
    """Another program still held the write lock when the wait ran out."""

    key = "db.error.locked"
    defaults: ClassVar[dict[str, object]] = {}


class DatabaseReadOnly(StoreError):
    key = "db.error.read_only"
    defaults: ClassVar[dict[str, object]] = {}


class DatabaseUnreadable(DatabaseReadOnly):
    """A database that cannot be written could not be opened for reading either."""

    key = "db.error.read_only_unreadable"
    defaults: ClassVar[dict[str, object]] = {"where": ""}


class DriverMissing(StoreError):
    """The URL names a database whose driver is an optional extra that was not installed."""

    key = "db.error.driver_missing"
    defaults: ClassVar[dict[str, object]] = {"backend": "", "driver": "", "extra": "", "detail": ""}


class DatabaseTooNew(StoreError):
    """The database was written by a newer roster-tui than this one."""

    key = "db.error.too_new"
    defaults: ClassVar[dict[str, object]] = {"found": "?", "known": "?"}


class DatabaseNeedsUpgrade(DatabaseReadOnly):
    """An older database that must be upgraded before use, opened where it cannot be written."""

    key = "db.error.needs_upgrade"
    defaults: ClassVar[dict[str, object]] = {"found": "?", "known": "?"}


class BackupFailed(StoreError):
    """The copy of a SQLite file taken before an upgrade could not be written."""

    key = "db.error.backup"
    defaults: ClassVar[dict[str, object]] = {"path": "", "error": ""}


class ConflictError(StoreError):
    """Someone changed or removed the row since it was read (optimistic check)."""

    key = "db.error.conflict"
    defaults: ClassVar[dict[str, object]] = {"what": ""}


class DuplicateId(StoreError):
    key = "db.error.duplicate"
    defaults: ClassVar[dict[str, object]] = {"what": ""}


class BrokenReference(StoreError):
    """A change would leave a reference to a row that does not exist (or remove one in use)."""

    key = "db.error.reference"
    defaults: ClassVar[dict[str, object]] = {"what": ""}


class NotEmpty(StoreError):
    """Import without replace into a database that already holds a sub-district."""

    key = "db.error.not_empty"
    defaults: ClassVar[dict[str, object]] = {}


class NotADemo(StoreError):
    """``roster-tui demo`` pointed at a database that holds real data."""

    key = "safety.demo_refused"
    defaults: ClassVar[dict[str, object]] = {"where": ""}

    def __init__(self, *, where: str = "", own: bool = False) -> None:
        # In the demo's own file the way out is deleting it, not leaving out --db.
        self.key = "safety.demo_own_refused" if own else "safety.demo_refused"
        super().__init__(where=where)


class NothingToUndo(StoreError):
    key = "db.error.nothing_to_undo"
    defaults: ClassVar[dict[str, object]] = {}


class BadAddress(StoreError):
    """``--db`` or ``ROSTER_DB`` is not a database address SQLAlchemy understands."""

    key = "db.error.bad_address"
    defaults: ClassVar[dict[str, object]] = {"where": "", "detail": ""}


class DatabaseDamaged(StoreError):
    """The schema version record cannot be read: tampered with or damaged."""

    key = "db.error.damaged"
    defaults: ClassVar[dict[str, object]] = {"found": "?"}
