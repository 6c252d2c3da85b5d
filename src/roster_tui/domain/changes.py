"""Edits as data: what the store applies in one transaction and the audit log records.

A :class:`Change` says what a row was (``before``, carrying the version the editor saw) and
what it becomes (``after``). ``before=None`` inserts, ``after=None`` deletes. Undo is the same
changes with ``before`` and ``after`` swapped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from roster_tui.domain.kinds import Entity


@dataclass(frozen=True, slots=True)
class Change:
    before: Entity | None
    after: Entity | None

    def __post_init__(self) -> None:
        if self.before is None and self.after is None:
            raise ValueError("a change needs a before or an after")
        if (
            self.before is not None
            and self.after is not None
            and type(self.before) is not type(self.after)
        ):
            raise ValueError("a change keeps its entity type")

    def inverse(self) -> Change:
        return Change(before=self.after, after=self.before)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One recorded user action: who, when, what (and the changes, for undo)."""

    id: int
    user: str
    at: dt.datetime  # UTC
    action: str  # machine name, e.g. "assign", "leave.add", "undo"
    summary: str  # human-readable, in the language of whoever made it
    changes: tuple[Change, ...]
    undone_by: int | None = None  # the audit id of the undo that reversed this entry
