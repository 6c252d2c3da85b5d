"""The today and gaps screens' summaries, on a two-community sub-district built by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from roster_tui.domain.changes import Change
from roster_tui.domain.gaps import Gap, GapKind, UnavailableReason
from roster_tui.domain.kinds import ROW_LISTS
from roster_tui.domain.model import (
    Community,
    Compound,
    CompoundKind,
    Household,
    Leave,
    Override,
    Person,
    Post,
    Roster,
    Rotation,
    ShiftPattern,
    Street,
    Subdistrict,
)
from roster_tui.domain.week import Week
from roster_tui.engine.check import check
from roster_tui.services.overview import (
    FixPlace,
    PlaceIndex,
    RangeGaps,
    counts_worst_first,
    duty_at,
    fix_place,
    frozen_moment,
    gaps_of_community,
    grouped_rows,
    household_summary,
    override_changes,
)

ZONE = "Asia/Shanghai"
WEDNESDAY = dt.date(2026, 12, 2)
_UNTOUCHED = [name for name in ROW_LISTS if name != "overrides"]
DAY_SHIFT = ShiftPattern("白班", 8 * 60, 20 * 60, 2)
NIGHT_SHIFT = ShiftPattern("夜班", 20 * 60, 8 * 60, 1)


def _roster() -> Roster:
    people = [Person(f"p{i}", f"人{i}", f"1380000000{i}", "c1") for i in range(1, 5)]
    people.append(Person("q1", "外社区", "13900000001", "c2"))
    return Roster(
        subdistrict=Subdistrict("文化路街道", ZONE),
        communities=[Community("c1", "东风社区"), Community("c2", "红旗社区")],
        streets=[Street("s1", "文化路", "c1"), Street("s2", "红旗路", "c2")],
        compounds=[
            Compound("k1", "农科路12号院", "c1", CompoundKind.UNMANAGED, street="s1"),
            Compound("k2", "红旗小区", "c2", CompoundKind.MANAGED, street="s2"),
        ],
        people=people,
        posts=[
            Post("x1", "东门", "k1", (DAY_SHIFT, NIGHT_SHIFT)),
            Post("x2", "南门", "k2", (DAY_SHIFT,)),
        ],
        rotations=[Rotation("r1", "x1", ("p1", "p2", "p3", "p4"), WEDNESDAY)],
        households=[
            Household("h1", "k1", "1号楼101", "李某", "1", 2, WEDNESDAY - dt.timedelta(13)),
            Household("h2", "k1", "1号楼102", "王某", "2", 1, WEDNESDAY, carer="p1"),
            Household("h3", "k1", "1号楼103", "赵某", "3", 1, WEDNESDAY - dt.timedelta(20)),
            Household("h4", "k2", "2号楼201", "钱某", "4", 3, WEDNESDAY),
        ],
    )


def test_frozen_moment_is_nine_oclock_in_the_subdistrict_zone() -> None:
    moment = frozen_moment(WEDNESDAY, ZONE)
    assert moment.isoformat() == "2026-12-02T09:00:00+08:00"


def test_the_rotation_picks_are_on_duty_during_their_day_shift() -> None:
    roster = _roster()
    index = PlaceIndex(roster)
    duty = duty_at(roster, index.posts_of("c1"), frozen_moment(WEDNESDAY, ZONE))
    assert [(i.post.id, i.date, i.shift.name) for i in duty.running] == [("x1", WEDNESDAY, "白班")]
    assert duty.running[0].assigned == ("p1", "p2")


def test_an_overnight_shift_from_yesterday_is_running_after_midnight() -> None:
    roster = _roster()
    thursday = WEDNESDAY + dt.timedelta(days=1)
    duty = duty_at(roster, PlaceIndex(roster).posts_of("c1"), frozen_moment(thursday, ZONE, 3))
    assert [(i.date, i.shift.name, i.assigned) for i in duty.running] == [
        (WEDNESDAY, "夜班", ("p3",))
    ]


def test_the_next_handover_is_the_soonest_start_after_the_moment() -> None:
    roster = _roster()
    duty = duty_at(roster, PlaceIndex(roster).posts_of("c1"), frozen_moment(WEDNESDAY, ZONE))
    assert [(i.shift.name, i.start.isoformat()) for i in duty.handover] == [
        ("夜班", "2026-12-02T20:00:00+08:00")
    ]


def test_a_handover_exactly_at_the_moment_has_already_happened() -> None:
    roster = _roster()
    moment = frozen_moment(WEDNESDAY, ZONE, 20)
    duty = duty_at(roster, PlaceIndex(roster).posts_of("c1"), moment)
    assert [i.shift.name for i in duty.running] == ["夜班"]
    assert [i.start.isoformat() for i in duty.handover] == ["2026-12-03T08:00:00+08:00"]


def test_people_on_leave_are_on_duty_but_marked_absent_with_the_reason() -> None:
    roster = _roster()
    roster.leaves.append(Leave("p2", dt.datetime(2026, 12, 2), dt.datetime(2026, 12, 3)))
    duty = duty_at(roster, PlaceIndex(roster).posts_of("c1"), frozen_moment(WEDNESDAY, ZONE))
    running = duty.running[0]
    assert (running.assigned, running.counted) == (("p1", "p2"), ("p1",))
    assert duty.absent == {running.key: {"p2": UnavailableReason.LEAVE}}


def test_only_the_chosen_communitys_posts_are_shown() -> None:
    roster = _roster()
    duty = duty_at(roster, PlaceIndex(roster).posts_of("c2"), frozen_moment(WEDNESDAY, ZONE))
    assert [(i.post.id, i.assigned) for i in duty.running] == [("x2", ())]


def test_gaps_belong_to_the_post_then_the_place_then_the_person() -> None:
    index = PlaceIndex(_roster())
    assert index.community_of_gap(Gap(GapKind.DOUBLE_BOOKED, person="q1", post="x1")) == "c1"
    assert index.community_of_gap(Gap(GapKind.OVERTIME, person="q1")) == "c2"
    assert index.community_of_gap(Gap(GapKind.STREET_UNASSIGNED, street="s2")) == "c2"
    assert index.community_of_gap(Gap(GapKind.NO_PARTY_GROUP, compound="k1")) == "c1"
    uncared = Gap(GapKind.HOUSEHOLD_UNCARED, household="h4", compound="k2", reason="missing")
    assert index.community_of_gap(uncared) == "c2"


def test_gaps_of_a_community_leave_the_others_out() -> None:
    index = PlaceIndex(_roster())
    ours = Gap(GapKind.UNDERSTAFFED, post="x1", date=WEDNESDAY, shift="白班")
    theirs = Gap(GapKind.UNDERSTAFFED, post="x2", date=WEDNESDAY, shift="白班")
    assert gaps_of_community([ours, theirs], index, "c1") == [ours]


def test_counts_come_worst_first_with_ties_in_spec_order() -> None:
    gaps = [
        Gap(GapKind.OVERTIME, person="p1", week=Week.parse("2026-W49")),
        Gap(GapKind.STREET_UNASSIGNED, street="s1"),
        Gap(GapKind.UNDERSTAFFED, post="x1", date=WEDNESDAY, shift="白班"),
        Gap(GapKind.STREET_UNASSIGNED, street="s2"),
    ]
    assert counts_worst_first(gaps) == [
        (GapKind.STREET_UNASSIGNED, 2),
        (GapKind.UNDERSTAFFED, 1),
        (GapKind.OVERTIME, 1),
    ]


def test_household_summary_counts_active_ending_and_uncared_in_the_community() -> None:
    summary = household_summary(_roster(), "c1", WEDNESDAY)
    # h1 has its last day tomorrow, h2 started today with a carer, h3 ended a week ago.
    assert (summary.active, summary.ending, summary.without_carer) == (2, 1, 1)


def test_grouped_rows_run_by_kind_then_community_then_start() -> None:
    index = PlaceIndex(_roster())
    eight, twenty = frozen_moment(WEDNESDAY, ZONE, 8), frozen_moment(WEDNESDAY, ZONE, 20)
    gaps = [
        Gap(GapKind.STREET_UNASSIGNED, street="s2"),
        Gap(GapKind.UNDERSTAFFED, post="x2", date=WEDNESDAY, shift="白班", start=eight),
        Gap(GapKind.UNDERSTAFFED, post="x1", date=WEDNESDAY, shift="夜班", start=twenty),
        Gap(GapKind.UNDERSTAFFED, post="x1", date=WEDNESDAY, shift="白班", start=eight),
    ]
    rows = grouped_rows(gaps, index)
    assert [(r.gap.kind, r.community, r.gap.shift) for r in rows] == [
        (GapKind.UNDERSTAFFED, "c1", "白班"),
        (GapKind.UNDERSTAFFED, "c1", "夜班"),
        (GapKind.UNDERSTAFFED, "c2", "白班"),
        (GapKind.STREET_UNASSIGNED, "c2", None),
    ]
    assert [(r.first_of_kind, r.first_of_group) for r in rows] == [
        (True, True),
        (False, False),
        (False, True),
        (True, True),
    ]


def test_grouped_rows_keep_only_the_filtered_kind() -> None:
    index = PlaceIndex(_roster())
    gaps = [
        Gap(GapKind.STREET_UNASSIGNED, street="s2"),
        Gap(GapKind.UNDERSTAFFED, post="x2", date=WEDNESDAY, shift="白班"),
    ]
    rows = grouped_rows(gaps, index, GapKind.STREET_UNASSIGNED)
    assert [r.gap.kind for r in rows] == [GapKind.STREET_UNASSIGNED]


@pytest.mark.parametrize(
    ("kind", "place"),
    [
        (GapKind.UNDERSTAFFED, FixPlace.WEEK),
        (GapKind.UNAVAILABLE, FixPlace.WEEK),
        (GapKind.OVERTIME, FixPlace.WEEK),
        (GapKind.DOUBLE_BOOKED, FixPlace.WEEK),
        (GapKind.CARER_OVERLOADED, FixPlace.HOUSEHOLDS),
        (GapKind.HOUSEHOLD_UNCARED, FixPlace.HOUSEHOLDS),
        (GapKind.COMPOUND_UNASSIGNED, FixPlace.PLACES),
    ],
)
def test_each_gap_kind_is_fixed_on_its_screen(kind: GapKind, place: FixPlace) -> None:
    assert fix_place(kind) is place


def test_every_gap_kind_has_a_screen_to_fix_it() -> None:
    assert {fix_place(kind) for kind in GapKind} == set(FixPlace)


def _with_override(roster: Roster, override: Override) -> Roster:
    """What an edit laid over the roster in memory looks like: new lists, the same rows."""
    lists = {name: list(getattr(roster, name)) for name in _UNTOUCHED}
    return dataclasses.replace(roster, **lists, overrides=[*roster.overrides, override])


def test_override_changes_lists_the_overrides_that_came_and_went() -> None:
    roster = _roster()
    extra = Override("x2", WEDNESDAY, "白班", add=("q1",))
    edited = _with_override(roster, extra)
    assert override_changes(roster, edited) == [Change(None, extra)]
    assert override_changes(edited, roster) == [Change(extra, None)]


def test_override_changes_gives_up_when_anything_else_changed() -> None:
    roster = _roster()
    renamed = dataclasses.replace(roster.people[0], name="改名")
    edited = dataclasses.replace(roster, people=[renamed, *roster.people[1:]])
    assert override_changes(roster, edited) is None


def test_override_changes_gives_up_on_a_reload_even_of_equal_rows() -> None:
    roster = _roster()
    reloaded = dataclasses.replace(roster, people=[dataclasses.replace(p) for p in roster.people])
    assert override_changes(roster, reloaded) is None


def test_range_gaps_follow_an_override_edit_without_a_new_tracker() -> None:
    roster = _roster()
    first, last = Week.of(WEDNESDAY).monday, Week.of(WEDNESDAY).sunday
    source = RangeGaps()
    assert source.gaps(roster, first, last) == check(roster, first, last)
    tracker = source._tracker
    edited = _with_override(roster, Override("x2", WEDNESDAY, "白班", add=("q1",)))
    after = source.gaps(edited, first, last)
    assert after == check(edited, first, last)
    understaffed = [g for g in after if g.kind == GapKind.UNDERSTAFFED and g.post == "x2"]
    assert [g.have for g in understaffed if g.date == WEDNESDAY] == [1]
    assert source._tracker is tracker


def test_range_gaps_check_afresh_for_another_range_or_a_reload() -> None:
    roster = _roster()
    first, last = Week.of(WEDNESDAY).monday, Week.of(WEDNESDAY).sunday
    source = RangeGaps()
    source.gaps(roster, first, last)
    tracker = source._tracker
    later = (first + dt.timedelta(days=7), last + dt.timedelta(days=7))
    assert source.gaps(roster, *later) == check(roster, *later)
    assert source._tracker is not tracker
    reloaded = dataclasses.replace(roster, people=[*roster.people[:-1]])
    assert source.gaps(reloaded, *later) == check(reloaded, *later)
