"""The rule settings' one row: kept as JSON in ``meta``, read and written like any other row.

The settings have lived in ``meta`` since the first release, so they stay there (no migration).
The JSON holds only the settings themselves, exactly as before, so an earlier release still
reads a database this one wrote; the row's ``version`` sits beside it under a key of its own
(the id is fixed and not stored). A database written before settings could be edited has no
version: it reads as 0, and the first edit makes it 1. An edit is checked against the version
it was read at, as for every table's rows.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from roster_tui.domain.changes import Change
from roster_tui.domain.model import Settings
from roster_tui.i18n import t
from roster_tui.store import tables as T
from roster_tui.store.errors import ConflictError

SETTINGS_KEY = "settings"
SETTINGS_VERSION_KEY = "settings_version"
KEYS = (SETTINGS_KEY, SETTINGS_VERSION_KEY)
_NOT_STORED = ("id", "version")


def settings_from_meta(value: dict[str, Any] | None, version: int | None) -> Settings:
    """The settings as ``meta`` holds them (absent: the defaults), at ``version``."""
    return Settings(**(value or {}), version=version or 0)


def settings_values_json(settings: Settings) -> str:
    """The settings' own values, as ``meta`` has always held them."""
    values = dataclasses.asdict(settings)
    for key in _NOT_STORED:
        values.pop(key)
    return json.dumps(values, ensure_ascii=False)


def write_settings_meta(conn: Connection, settings: Settings) -> None:
    conn.execute(delete(T.META).where(T.META.c.key.in_(KEYS)))
    conn.execute(
        insert(T.META),
        [
            {"key": SETTINGS_KEY, "value": settings_values_json(settings)},
            {"key": SETTINGS_VERSION_KEY, "value": json.dumps(settings.version)},
        ],
    )


def read_settings(conn: Connection, only: Any) -> list[Settings]:
    """The one settings row (``only``, when given, must be its id)."""
    rows = conn.execute(select(T.META.c.key, T.META.c.value).where(T.META.c.key.in_(KEYS)))
    meta = {row.key: json.loads(row.value) for row in rows}
    settings = settings_from_meta(meta.get(SETTINGS_KEY), meta.get(SETTINGS_VERSION_KEY))
    return [settings] if only is None or only == settings.id else []


def settings_values(settings: Settings) -> dict[str, Any]:
    """The row's own values, as the other kinds' codecs give them (no version)."""
    values = dataclasses.asdict(settings)
    values.pop("version")
    return values


def apply_settings(conn: Connection, change: Change) -> Change:
    """Replace the settings when they are still at the version the editor read."""
    before, after = change.before, change.after
    if not isinstance(before, Settings) or not isinstance(after, Settings):
        raise ValueError("the settings are edited, never added or removed")
    if after.id != before.id:
        raise ValueError("an edit cannot change the row's key")
    current = read_settings(conn, None)[0]
    if current.version != before.version:
        raise ConflictError(what=t("db.entity.settings"))
    stored = dataclasses.replace(after, version=before.version + 1)
    write_settings_meta(conn, stored)
    return Change(before, stored)
