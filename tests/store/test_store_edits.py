"""Edits: inserts, updates and deletes checked against the version the editor saw."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from roster_tui.domain.changes import Change
from roster_tui.domain.model import Community, Leave, Override, Person, Post, Roster, ShiftPattern
from roster_tui.store.errors import BrokenReference, ConflictError, DuplicateId
from roster_tui.store.repository import Store


def person(roster: Roster, pid: str) -> Person:
    return next(p for p in roster.people if p.id == pid)


def test_an_update_raises_the_version_and_is_what_loads_next(loaded: Store) -> None:
    before = person(loaded.load_roster(), "p002")
    after = dataclasses.replace(before, phone="13912345678")

    entry = loaded.apply([Change(before, after)], user="li", action="person.edit", summary="改电话")

    stored = entry.changes[0].after
    assert isinstance(stored, Person) and stored.version == 2
    assert person(loaded.load_roster(), "p002") == after
    assert person(loaded.load_roster(), "p002").version == 2


def test_an_insert_of_an_id_less_row_hands_back_its_uid(loaded: Store, roster: Roster) -> None:
    override = Override("x001", dt.date(2026, 12, 9), "夜班", add=("p001", "p002"))

    entry = loaded.apply([Change(None, override)], user="li", action="swap", summary="顶班")

    stored = entry.changes[0].after
    assert isinstance(stored, Override) and stored.uid is not None and stored.version == 1
    reloaded = next(o for o in loaded.load_roster().overrides if o.uid == stored.uid)
    assert reloaded == override


def test_an_insert_is_appended_after_the_imported_rows(loaded: Store) -> None:
    loaded.apply([Change(None, Community("c00", "新社区"))], user="li", action="add", summary="")

    assert [c.id for c in loaded.load_roster().communities] == ["c02", "c01", "c00"]


def test_a_delete_removes_the_row_and_its_lists(loaded: Store) -> None:
    roster = loaded.load_roster()
    post = next(p for p in roster.posts if p.id == "x002")
    override = next(o for o in roster.overrides if o.post == "x002")

    loaded.apply(
        [Change(override, None), Change(post, None)], user="li", action="post.remove", summary=""
    )

    assert [p.id for p in loaded.load_roster().posts] == ["x001"]


def test_an_update_replaces_a_posts_shifts_in_their_new_order(loaded: Store) -> None:
    post = next(p for p in loaded.load_roster().posts if p.id == "x001")
    after = dataclasses.replace(
        post, shifts=(post.shifts[1], ShiftPattern("早班", 6 * 60, 8 * 60, 1), post.shifts[0])
    )

    loaded.apply([Change(post, after)], user="li", action="post.edit", summary="")

    assert next(p for p in loaded.load_roster().posts if p.id == "x001").shifts == after.shifts


def test_a_stale_version_is_a_conflict_and_nothing_of_the_batch_is_written(
    loaded: Store,
) -> None:
    roster = loaded.load_roster()
    p1, p2 = person(roster, "p001"), person(roster, "p002")
    loaded.apply(
        [Change(p2, dataclasses.replace(p2, name="张三"))], user="wang", action="e", summary=""
    )
    version = loaded.data_version()

    with pytest.raises(ConflictError) as raised:
        loaded.apply(
            [
                Change(p1, dataclasses.replace(p1, phone="1")),
                Change(p2, dataclasses.replace(p2, phone="2")),  # p2 as it was before wang
            ],
            user="li",
            action="e",
            summary="",
        )

    now = loaded.load_roster()
    assert person(now, "p001") == p1
    assert person(now, "p002").name == "张三" and person(now, "p002").phone == p2.phone
    assert loaded.data_version() == version
    assert "p002" in str(raised.value)


def test_deleting_a_row_someone_already_deleted_is_a_conflict(loaded: Store) -> None:
    leave = loaded.load_roster().leaves[0]
    loaded.apply([Change(leave, None)], user="wang", action="leave.remove", summary="")

    with pytest.raises(ConflictError):
        loaded.apply([Change(leave, None)], user="li", action="leave.remove", summary="")


def test_inserting_an_id_that_exists_is_refused(loaded: Store, roster: Roster) -> None:
    copy = dataclasses.replace(person(roster, "p001"), name="另一个张伟")

    with pytest.raises(DuplicateId) as raised:
        loaded.apply([Change(None, copy)], user="li", action="person.add", summary="")

    assert "p001" in str(raised.value)
    assert person(loaded.load_roster(), "p001").name == "张伟"


def test_a_reference_to_a_missing_person_is_refused(loaded: Store) -> None:
    leave = Leave("p999", dt.datetime(2026, 12, 1), dt.datetime(2026, 12, 2))

    with pytest.raises(BrokenReference):
        loaded.apply([Change(None, leave)], user="li", action="leave.add", summary="")

    assert len(loaded.load_roster().leaves) == 2


def test_deleting_a_person_still_on_a_rotation_is_refused(loaded: Store) -> None:
    p4 = person(loaded.load_roster(), "p004")

    with pytest.raises(BrokenReference):
        loaded.apply([Change(p4, None)], user="li", action="person.remove", summary="")

    assert person(loaded.load_roster(), "p004") == p4


def test_history_records_who_what_and_the_stored_changes_newest_first(loaded: Store) -> None:
    p2 = person(loaded.load_roster(), "p002")
    after = dataclasses.replace(p2, active=False)
    loaded.apply([Change(p2, after)], user="li", action="person.deactivate", summary="停用张伟")
    new = Post("x009", "新卡点", "k001", (ShiftPattern("全天", 0, 0, 1),))
    loaded.apply([Change(None, new)], user="wang", action="post.add", summary="加卡点")

    latest, earlier, first = loaded.history()

    assert (latest.user, latest.action, latest.summary) == ("wang", "post.add", "加卡点")
    assert latest.changes == (Change(None, new),)
    assert earlier.changes[0].after == after and earlier.changes[0].after.version == 2
    assert first.action == "import"
    assert [e.id for e in loaded.history(limit=1, offset=1)] == [earlier.id]


def test_every_commit_changes_the_data_version(loaded: Store) -> None:
    seen = {loaded.data_version()}
    p2 = person(loaded.load_roster(), "p002")
    loaded.apply(
        [Change(p2, dataclasses.replace(p2, name="甲"))], user="li", action="e", summary=""
    )
    seen.add(loaded.data_version())
    loaded.undo_last(user="li")
    seen.add(loaded.data_version())

    assert len(seen) == 3


def test_an_edit_cannot_move_a_row_to_another_key(loaded: Store) -> None:
    p1 = person(loaded.load_roster(), "p001")

    with pytest.raises(ValueError):
        loaded.apply(
            [Change(p1, dataclasses.replace(p1, id="p100"))], user="li", action="e", summary=""
        )
