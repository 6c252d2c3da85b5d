"""Importing a whole sub-district and loading it back."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from store_samples import small_roster

from roster_tui.domain.changes import Change
from roster_tui.domain.model import Leave, Roster, Rotation
from roster_tui.store.errors import BrokenReference, DatabaseEmpty, DuplicateId, NotEmpty
from roster_tui.store.repository import Store


def test_import_then_load_gives_an_equal_roster(store: Store, roster: Roster) -> None:
    store.import_roster(roster, replace=False, user="admin")

    assert store.load_roster() == roster


def test_load_keeps_every_list_in_the_order_it_was_imported(loaded: Store, roster: Roster) -> None:
    again = loaded.load_roster()

    assert [c.id for c in again.communities] == ["c02", "c01"]
    assert again.party_groups[0].compounds == ("k001", "k002")
    assert [s.name for s in again.posts[0].shifts] == ["白班", "夜班"]
    assert again.overrides[0].add == ("p004", "p003")
    assert again.people[0].available == ("mon-fri 18:00-24:00", "sat,sun 00:00-24:00")


def test_loaded_rows_carry_their_version_and_uid(loaded: Store) -> None:
    again = loaded.load_roster()

    assert all(p.version == 1 for p in again.people)
    uids = [lv.uid for lv in again.leaves] + [d.uid for d in again.duties]
    assert None not in uids
    assert len({o.uid for o in again.overrides}) == len(again.overrides)


def test_never_available_and_always_available_stay_apart(loaded: Store) -> None:
    people = {p.id: p for p in loaded.load_roster().people}

    assert people["p003"].available == ()
    assert people["p002"].available is None


def test_a_fresh_database_is_empty_and_has_nothing_to_load(store: Store) -> None:
    assert store.is_empty()
    with pytest.raises(DatabaseEmpty):
        store.load_roster()


def test_a_second_import_without_replace_is_refused_and_writes_nothing(
    loaded: Store, roster: Roster
) -> None:
    version = loaded.data_version()
    other = dataclasses.replace(roster, communities=roster.communities[:1])

    with pytest.raises(NotEmpty):
        loaded.import_roster(other, replace=False, user="admin")

    assert loaded.load_roster() == roster
    assert loaded.data_version() == version
    assert len(loaded.history()) == 1


def test_import_with_replace_swaps_the_whole_sub_district(loaded: Store, roster: Roster) -> None:
    smaller = dataclasses.replace(
        roster,
        rotations=roster.rotations[:1],
        leaves=[Leave("p002", roster.leaves[0].start, roster.leaves[0].end)],
    )

    loaded.import_roster(smaller, replace=True, user="admin")

    assert loaded.load_roster() == smaller


def test_replace_that_fails_on_a_dangling_reference_keeps_the_old_data(
    loaded: Store, roster: Roster
) -> None:
    broken = small_roster()
    broken.rotations.append(Rotation("r009", "x001", ("p404",), roster.rotations[0].start))

    with pytest.raises(BrokenReference):
        loaded.import_roster(broken, replace=True, user="admin")

    assert loaded.load_roster() == roster


def test_replace_that_fails_half_way_on_a_duplicate_id_keeps_the_old_data(
    loaded: Store, roster: Roster
) -> None:
    broken = small_roster()
    broken.households.append(broken.households[0])

    with pytest.raises(DuplicateId):
        loaded.import_roster(broken, replace=True, user="admin")

    assert loaded.load_roster() == roster
    assert [e.action for e in loaded.history()] == ["import"]


def test_import_is_recorded_once_in_the_history(loaded: Store) -> None:
    (entry,) = loaded.history()

    assert entry.action == "import"
    assert entry.user == "admin"
    assert entry.at.utcoffset() == dt.timedelta(0)
    assert "文化路街道" in entry.summary


def test_a_new_leave_gets_the_next_uid_after_the_imported_ones(
    loaded: Store, roster: Roster
) -> None:
    leave = Leave("p002", roster.leaves[0].start, roster.leaves[0].end)
    entry = loaded.apply([Change(None, leave)], user="u", action="leave.add", summary="")

    stored = entry.changes[0].after
    assert isinstance(stored, Leave)
    assert stored.uid == len(roster.leaves) + 1
    assert loaded.load_roster().leaves[-1].uid == stored.uid
