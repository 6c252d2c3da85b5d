"""Keeping an in-memory roster in step with committed changes, without reloading everything.

After an edit the store hands back the changes as stored (with new versions and row ids); laying
them over the roster the screen already holds makes the next frame right within milliseconds,
while a background reload stays the source of truth for what others changed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from roster_tui.domain.changes import Change, Entity
from roster_tui.domain.model import (
    Community,
    Compound,
    Duty,
    Household,
    Leave,
    Override,
    PartyGroup,
    Person,
    Post,
    Roster,
    Rotation,
    Street,
)

# Which Roster list holds each entity type.
ROSTER_FIELD: dict[type, str] = {
    Community: "communities",
    Street: "streets",
    Compound: "compounds",
    PartyGroup: "party_groups",
    Person: "people",
    Post: "posts",
    Rotation: "rotations",
    Override: "overrides",
    Leave: "leaves",
    Duty: "duties",
    Household: "households",
}


def identity(entity: Entity) -> tuple[type, Any]:
    """What names a row: its id, or for id-less rows the store's uid."""
    key = getattr(entity, "id", None)
    if key is None:
        key = ("uid", entity.uid) if entity.uid is not None else ("value", entity)  # type: ignore[union-attr]
    return (type(entity), key)


def apply_changes(roster: Roster, changes: Iterable[Change]) -> Roster:
    """A new roster with ``changes`` laid over ``roster`` (the old one is left as it was)."""
    lists: dict[str, list[Any]] = {}
    for change in changes:
        entity = change.after if change.after is not None else change.before
        assert entity is not None
        name = ROSTER_FIELD[type(entity)]
        rows = lists.setdefault(name, list(getattr(roster, name)))
        if change.before is not None:
            wanted = identity(change.before)
            index = next((i for i, r in enumerate(rows) if identity(r) == wanted), None)
            if index is not None:
                if change.after is None:
                    del rows[index]
                else:
                    rows[index] = change.after
                continue
        if change.after is not None:
            rows.append(change.after)
    return dataclasses.replace(roster, **lists)
