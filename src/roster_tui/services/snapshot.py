"""Keeping an in-memory roster in step with committed changes, without reloading everything.

After an edit the store hands back the changes as stored (with new versions and row ids); laying
them over the roster the screen already holds makes the next frame right within milliseconds,
while a background reload stays the source of truth for what others changed.
"""

from __future__ import annotations

from collections.abc import Iterable

from roster_tui.domain.changes import Change
from roster_tui.domain.model import Roster


def apply_changes(roster: Roster, changes: Iterable[Change]) -> Roster:
    """A new roster with ``changes`` laid over ``roster`` (the old one is left as it was).

    Raises ``ValueError`` when a change's ``before`` row is not in ``roster``: the caller then
    holds a stale roster and must reload.
    """
    copied = roster.with_own_lists()
    for change in changes:
        copied.apply(change)
    return copied
