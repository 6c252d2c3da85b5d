"""Making a database's schema the current one: the cheap check on every open.

Opening a current database reads its version records (:mod:`roster_tui.store.version`) in one
statement and takes no write lock, so a read-only database opens for reading. Anything else (a
new database, an older one, the first release's database that has no ``alembic_version`` yet)
goes to :mod:`roster_tui.store.migrate`, which is the only module that imports Alembic: a normal
start never pays for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Engine

from roster_tui.store.engine import translated_errors
from roster_tui.store.errors import (
    DatabaseLocked,
    DatabaseMissing,
    DatabaseNeedsUpgrade,
    DatabaseReadOnly,
    DatabaseTooNew,
)
from roster_tui.store.version import (
    CURRENT_VERSION,
    VERSION_KEY,
    revision_id,
    set_version,
    stored_schema,
    stored_version,
)

# The version records' names, for the callers that know this module.
__all__ = [
    "CURRENT_VERSION",
    "VERSION_KEY",
    "ensure_schema",
    "set_version",
    "stored_version",
]


def ensure_schema(
    engine: Engine,
    *,
    create: bool,
    where: str = "",
    current: int = CURRENT_VERSION,
    extra_versions: Sequence[Path] = (),
) -> None:
    """Check the schema; create it (when ``create``) or upgrade an older one.

    ``current`` and ``extra_versions`` (folders of further revisions) let tests migrate to a
    schema this release does not have.
    """
    with translated_errors(), engine.connect() as conn, conn.begin():
        found = stored_schema(conn)
    if found is not None and found.version == current and found.revision == revision_id(current):
        return
    if found is not None and found.version > current:
        raise DatabaseTooNew(found=found.version, known=current)
    if found is None and not create:
        raise DatabaseMissing(where=where)

    from roster_tui.store import migrate  # Alembic is loaded only when there is work to do

    try:
        migrate.bring_to(engine, current, create=create, extra_versions=extra_versions)
    except (DatabaseReadOnly, DatabaseLocked) as error:
        if found is not None and found.version == current and found.revision is None:
            # The first release's database, current but not yet marked as revision 1: it can
            # be read now and is marked the next time it can be written.
            return
        if found is not None and isinstance(error, DatabaseReadOnly):
            raise DatabaseNeedsUpgrade(found=found.version, known=current) from error
        raise
