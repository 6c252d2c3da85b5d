"""Alembic's environment for the store: it runs on the connection, and in the transaction, that
``roster_tui.store.migrate`` opened and holds the write lock of; nothing here connects."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from sqlmodel.sql.sqltypes import AutoString

from roster_tui.store.tables import METADATA


def render_item(kind: str, item: Any, _context: Any) -> str | Literal[False]:
    """Write SQLModel's string type as a plain ``sa.String()`` in a generated revision.

    A revision must not depend on the models or on SQLModel: it is history.
    """
    if kind == "type" and isinstance(item, AutoString):
        return "sa.String()"
    return False


context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=METADATA,
    render_as_batch=True,  # SQLite alters a table by copying it; batch mode does that
    render_item=render_item,
    compare_type=True,
)
with context.begin_transaction():  # joins the caller's transaction: one for the whole upgrade
    context.run_migrations()
