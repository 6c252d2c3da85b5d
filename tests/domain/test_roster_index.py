"""One index per roster: rows by id built once, and never stale after the roster changes."""

from __future__ import annotations

import dataclasses
import threading

from roster_tui.domain.changes import Change
from roster_tui.domain.model import Community, Person, Post, Roster, ShiftPattern, Subdistrict


def _roster() -> Roster:
    return Roster(
        Subdistrict("文化路街道"),
        communities=[Community("c1", "东风社区")],
        people=[
            Person("p1", "张伟", "13800000001", "c1"),
            Person("p2", "李娜", "13800000002", "c1"),
        ],
        posts=[Post("x1", "东门", "k1", (ShiftPattern("白班", 480, 1200, 1),))],
    )


def test_rows_are_found_by_id_and_the_dict_is_built_once() -> None:
    roster = _roster()
    assert roster.index.people["p2"].name == "李娜"
    assert roster.index.posts["x1"].name == "东门"
    assert roster.index.people is roster.index.people  # kept on the roster, not rebuilt


def test_loading_builds_no_index_until_one_is_asked_for() -> None:
    roster = _roster()
    assert roster._by_key == {}
    _ = roster.index.people
    assert set(roster._by_key) == {"person"}


def test_an_edit_through_apply_is_seen_even_when_it_keeps_the_list_length() -> None:
    roster = _roster()
    old = roster.index.people["p1"]
    renamed = dataclasses.replace(old, name="张伟伟")
    roster.apply(Change(old, renamed))
    assert roster.index.people["p1"].name == "张伟伟"
    roster.apply(Change(None, Person("p3", "王芳", "13800000003", "c1")))
    roster.apply(Change(roster.index.people["p2"], None))
    assert sorted(roster.index.people) == ["p1", "p3"]


def test_a_list_replaced_or_appended_to_directly_is_indexed_again() -> None:
    roster = _roster()
    _ = roster.index.people
    roster.people.append(Person("p9", "赵六", "13800000009", "c1"))
    assert "p9" in roster.index.people
    roster.people = [Person("q1", "钱七", "13800000010", "c1")]
    assert list(roster.index.people) == ["q1"]


def test_a_copy_has_its_own_index_and_edits_to_it_leave_the_original_alone() -> None:
    roster = _roster()
    original = roster.index.people
    copy = roster.with_own_lists()
    copy.apply(Change(copy.index.people["p1"], None))
    assert "p1" not in copy.index.people
    assert roster.index.people is original and "p1" in original
    replaced = dataclasses.replace(roster, people=[])
    assert dict(replaced.index.people) == {}


def test_readers_in_several_threads_all_see_every_row() -> None:
    roster = _roster()
    roster.people = [Person(f"p{i}", f"人{i}", "13800000000", "c1") for i in range(5000)]
    seen: list[int] = []

    def read() -> None:
        seen.append(len(roster.index.people))

    threads = [threading.Thread(target=read) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [5000] * 8
