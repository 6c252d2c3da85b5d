"""The gap tracker: one edit, only the gaps it touches, the same answer as a full check."""

from __future__ import annotations

import dataclasses

import pytest
from builders import day, leave, of_kind, override, person, post, roster, rotation, shift

from roster_tui.domain.changes import Change
from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import Roster
from roster_tui.engine.check import check
from roster_tui.engine.incremental import GapTracker

FIRST, LAST = day("2026-12-01"), day("2026-12-07")


def week_roster() -> Roster:
    return roster(
        people=[person("a"), person("b"), person("c")],
        posts=[
            post("x1", shift("白班", "08:00", "20:00", need=2), shift("夜班", "20:00", "08:00"))
        ],
        rotations=[rotation("r1", "x1", ["a", "b", "c"], "2026-12-01", shifts=["白班"])],
    )


def test_adding_a_person_closes_the_understaffed_gap_and_reports_the_delta() -> None:
    tracker = GapTracker(week_roster(), FIRST, LAST)
    night = ("x1", day("2026-12-02"), "夜班")
    assert any(
        g.kind == GapKind.UNDERSTAFFED and (g.post, g.date, g.shift) == night for g in tracker.gaps
    )
    delta = tracker.apply(Change(None, override("x1", "2026-12-02", "夜班", add=["a"])))
    assert not delta.rechecked
    assert [g.kind for g in delta.removed] == [GapKind.UNDERSTAFFED]
    # a was on the day shift till 20:00 and now on the night shift from 20:00: no rest, and
    # 12 more hours on top of four day shifts that week.
    assert {(g.kind, g.person) for g in delta.added} == {
        (GapKind.SHORT_REST, "a"),
        (GapKind.OVERTIME, "a"),
    }
    assert tracker.instance(night).counted == ("a",)  # type: ignore[union-attr]
    assert tracker.gaps == check(tracker.roster, FIRST, LAST)
    assert tracker.total == len(tracker.gaps)


def test_removing_a_rotation_pick_and_undoing_it_restores_the_gaps() -> None:
    tracker = GapTracker(week_roster(), FIRST, LAST)
    start = tracker.gaps
    removal = override("x1", "2026-12-03", "白班", remove=["c"])
    tracker.apply(Change(None, removal))
    assert tracker.counts()[GapKind.UNDERSTAFFED] == 7 + 1
    tracker.apply(Change(removal, None))
    assert tracker.gaps == start


def test_an_override_outside_the_range_changes_no_gap_but_is_kept() -> None:
    tracker = GapTracker(week_roster(), FIRST, LAST)
    start = tracker.gaps
    outside = override("x1", "2026-12-20", "夜班", add=["a"])
    delta = tracker.apply(Change(None, outside))
    assert (delta.added, delta.removed) == ((), ())
    assert tracker.gaps == start
    assert outside in tracker.roster.overrides


def test_the_callers_roster_is_never_edited() -> None:
    mine = week_roster()
    tracker = GapTracker(mine, FIRST, LAST)
    tracker.apply(Change(None, override("x1", "2026-12-02", "夜班", add=["a"])))
    assert mine.overrides == []


def test_a_fork_follows_its_own_edits_and_leaves_the_original_as_it_was() -> None:
    original = GapTracker(week_roster(), FIRST, LAST)
    start, counts = original.gaps, original.counts()
    fork = original.fork()
    night = ("x1", day("2026-12-02"), "夜班")
    fork.apply(Change(None, override("x1", "2026-12-02", "夜班", add=["a"])))
    assert fork.gaps == check(fork.roster, FIRST, LAST) != start
    assert fork.instance(night).counted == ("a",)  # type: ignore[union-attr]
    assert original.gaps == start and original.counts() == counts
    assert original.instance(night).counted == ()  # type: ignore[union-attr]
    assert original.roster.overrides == [] and original.gaps == check(original.roster, FIRST, LAST)
    removal = override("x1", "2026-12-03", "白班", remove=["c"])
    original.apply(Change(None, removal))
    assert original.gaps == check(original.roster, FIRST, LAST)
    assert removal not in fork.roster.overrides


def test_other_changes_take_a_full_recheck_with_the_same_result() -> None:
    r = week_roster()
    tracker = GapTracker(r, FIRST, LAST)
    away = leave("a", "2026-12-01T00:00", "2026-12-03T00:00")
    delta = tracker.apply(Change(None, away))
    assert delta.rechecked
    assert {g.kind for g in delta.added} == {GapKind.UNAVAILABLE, GapKind.UNDERSTAFFED}
    assert tracker.gaps == check(tracker.roster, FIRST, LAST)
    holder = tracker.roster.people[0]  # the duty holder of the street and the compound
    gone = dataclasses.replace(holder, active=False)
    tracker.apply(Change(holder, gone))
    assert tracker.roster.people[0] == gone
    assert tracker.gaps == check(tracker.roster, FIRST, LAST)
    assert of_kind(tracker.gaps, GapKind.STREET_UNASSIGNED) == [
        Gap(GapKind.STREET_UNASSIGNED, street="s1")
    ]


def test_a_change_to_a_row_that_is_not_there_is_refused() -> None:
    r = week_roster()
    with pytest.raises(ValueError):
        r.apply(Change(override("x1", "2026-12-02", "夜班", add=["z"]), None))


def test_rows_without_an_id_match_by_store_uid_when_they_have_one() -> None:
    r = week_roster()
    stored = dataclasses.replace(override("x1", "2026-12-02", "夜班", add=["a"]), uid=7)
    r.overrides.append(stored)
    seen = dataclasses.replace(stored, add=("b",))  # an editor's stale view of row 7
    replaced = r.apply(Change(seen, None))
    assert replaced == stored and r.overrides == []


def test_new_rule_settings_recheck_everything_and_undoing_them_restores_the_gaps() -> None:
    tracker = GapTracker(week_roster(), FIRST, LAST)
    start = tracker.gaps
    before = tracker.roster.settings
    longer_rest = dataclasses.replace(before, min_rest_hours=36)  # a day shift every 3rd day
    delta = tracker.apply(Change(before, longer_rest))
    assert delta.rechecked and {g.kind for g in delta.added} == {GapKind.SHORT_REST}
    assert tracker.roster.settings == longer_rest
    assert tracker.gaps == check(tracker.roster, FIRST, LAST)
    tracker.apply(Change(longer_rest, before))
    assert tracker.gaps == start


def test_the_settings_row_is_replaced_never_added_or_dropped() -> None:
    tracker = GapTracker(week_roster(), FIRST, LAST)
    settings = tracker.roster.settings
    with pytest.raises(ValueError):
        tracker.roster.apply(Change(None, settings))
    with pytest.raises(ValueError):
        tracker.roster.apply(Change(dataclasses.replace(settings, quarantine_days=3), settings))
