"""Undo: a user's latest action reversed, checked like any edit, and remembered across restarts."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from roster_tui.domain.changes import Change
from roster_tui.domain.model import Community, Leave, Person, Roster
from roster_tui.store.db import open_store
from roster_tui.store.errors import ConflictError, NothingToUndo
from roster_tui.store.repository import Store


def person(roster: Roster, pid: str) -> Person:
    return next(p for p in roster.people if p.id == pid)


def rename(store: Store, pid: str, name: str, user: str) -> None:
    before = person(store.load_roster(), pid)
    store.apply(
        [Change(before, dataclasses.replace(before, name=name))],
        user=user,
        action="e",
        summary=name,
    )


def test_undo_of_an_edit_restores_the_before_state_in_a_fresh_store(
    loaded: Store, db_url: str, roster: Roster
) -> None:
    rename(loaded, "p001", "张伟伟", user="li")
    loaded.close()

    reopened = open_store(db_url)
    entry = reopened.undo_last(user="li")
    reopened.close()

    again = open_store(db_url)
    assert again.load_roster() == roster
    original = next(e for e in again.history() if e.action == "e")
    assert original.undone_by == entry.id
    assert entry.action == "undo" and entry.summary.endswith("张伟伟")
    again.close()


def test_undo_takes_the_users_latest_action_not_someone_elses(loaded: Store) -> None:
    rename(loaded, "p001", "甲", user="li")
    rename(loaded, "p002", "乙", user="wang")

    loaded.undo_last(user="li")

    now = loaded.load_roster()
    assert person(now, "p001").name == "张伟"
    assert person(now, "p002").name == "乙"


def test_repeated_undo_walks_back_through_the_users_actions(loaded: Store, roster: Roster) -> None:
    rename(loaded, "p001", "甲", user="li")
    rename(loaded, "p001", "乙", user="li")

    loaded.undo_last(user="li")
    assert person(loaded.load_roster(), "p001").name == "甲"
    loaded.undo_last(user="li")
    assert loaded.load_roster() == roster
    with pytest.raises(NothingToUndo):
        loaded.undo_last(user="li")


def test_undo_is_refused_when_the_row_changed_since(loaded: Store) -> None:
    rename(loaded, "p001", "甲", user="li")
    rename(loaded, "p001", "乙", user="wang")

    with pytest.raises(ConflictError):
        loaded.undo_last(user="li")

    assert person(loaded.load_roster(), "p001").name == "乙"
    assert all(e.undone_by is None for e in loaded.history())


def test_undo_of_an_insert_deletes_the_row(loaded: Store, roster: Roster) -> None:
    leave = Leave("p002", dt.datetime(2026, 12, 8), dt.datetime(2026, 12, 9), "外出")
    loaded.apply([Change(None, leave)], user="li", action="leave.add", summary="")

    loaded.undo_last(user="li")

    assert loaded.load_roster() == roster


def test_undo_of_a_delete_puts_the_row_back_with_its_uid(loaded: Store, roster: Roster) -> None:
    leave = loaded.load_roster().leaves[0]
    loaded.apply([Change(leave, None)], user="li", action="leave.remove", summary="")

    entry = loaded.undo_last(user="li")

    restored = entry.changes[0].after
    assert isinstance(restored, Leave) and restored.uid == leave.uid
    assert restored.version > leave.version
    assert next(lv for lv in loaded.load_roster().leaves if lv.uid == leave.uid) == leave


def test_undo_of_a_batch_reverses_every_change(loaded: Store, roster: Roster) -> None:
    now = loaded.load_roster()
    p1 = person(now, "p001")
    loaded.apply(
        [
            Change(None, Community("c09", "新社区")),
            Change(p1, dataclasses.replace(p1, community="c09")),
        ],
        user="li",
        action="move",
        summary="",
    )

    loaded.undo_last(user="li")

    assert loaded.load_roster() == roster


def test_undo_neither_reverses_an_import_nor_an_undo(loaded: Store) -> None:
    with pytest.raises(NothingToUndo):
        loaded.undo_last(user="admin")

    rename(loaded, "p001", "甲", user="admin")
    loaded.undo_last(user="admin")
    with pytest.raises(NothingToUndo):
        loaded.undo_last(user="admin")


def test_actions_before_a_replacing_import_can_no_longer_be_undone(
    loaded: Store, roster: Roster
) -> None:
    rename(loaded, "p001", "甲", user="li")
    loaded.import_roster(roster, replace=True, user="admin")

    with pytest.raises(NothingToUndo):
        loaded.undo_last(user="li")
