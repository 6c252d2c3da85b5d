"""A conflict names what the secretary was doing: the shift they edited, not "swap #216"."""

from __future__ import annotations

import dataclasses

import pytest
from editors import MONDAY, shared_roster

from roster_tui.domain.changes import Change
from roster_tui.store.errors import ConflictError
from roster_tui.store.repository import Store


def test_two_secretaries_assigning_the_same_shift_are_told_which_shift(store: Store) -> None:
    store.import_roster(shared_roster(), replace=False, user="admin")
    mine, theirs = store.load_roster(), store.load_roster()
    slot = theirs.overrides[0]
    store.apply(
        [Change(slot, dataclasses.replace(slot, add=("p1-0",)))],
        user="them",
        action="assign",
        summary="p1-0",
    )
    stale = mine.overrides[0]
    with pytest.raises(ConflictError) as conflict:
        store.apply(
            [Change(stale, dataclasses.replace(stale, add=("p0-0",)))],
            user="me",
            action="assign",
            summary="p0-0",
        )
    message = str(conflict.value)
    assert f"x001 {MONDAY.isoformat()} 白班" in message
    assert "swap" not in message and "#" not in message
