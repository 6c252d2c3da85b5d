"""Shift instances and rotation expansion (docs/format.md)."""

from __future__ import annotations

import datetime as dt

from builders import (
    day,
    leave,
    override,
    person,
    post,
    roster,
    rotation,
    shift,
)

from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Roster
from roster_tui.engine.expand import Expander, expand_instances, rotation_picks

DAY_SHIFT = shift("白班", "08:00", "20:00", need=2)
NIGHT_SHIFT = shift("夜班", "20:00", "08:00", need=1)


def instances(
    r: Roster, first: str, last: str | None = None
) -> dict[tuple[str, str], ShiftInstance]:
    found = expand_instances(r, day(first), day(last or first))
    return {(i.date.isoformat(), i.shift.name): i for i in found}


def assigned(r: Roster, first: str, last: str | None = None) -> dict[tuple[str, str], tuple]:
    return {key: i.assigned for key, i in instances(r, first, last).items()}


# -- when an instance starts and ends ------------------------------------------------------


def test_every_shift_of_every_post_has_an_instance_on_every_date_even_uncovered() -> None:
    r = roster(posts=[post("x1", DAY_SHIFT, NIGHT_SHIFT), post("x2", DAY_SHIFT)])
    found = expand_instances(r, day("2026-12-01"), day("2026-12-03"))
    assert len(found) == 3 * 3
    assert {i.key for i in found} == {
        (p, day(d), s)
        for d in ("2026-12-01", "2026-12-02", "2026-12-03")
        for p, s in (("x1", "白班"), ("x1", "夜班"), ("x2", "白班"))
    }
    assert all(i.assigned == () for i in found)


def test_overnight_shift_ends_the_next_day_in_the_subdistrict_zone() -> None:
    night = instances(roster(posts=[post("x1", NIGHT_SHIFT)]), "2026-12-01")["2026-12-01", "夜班"]
    assert night.start.isoformat() == "2026-12-01T20:00:00+08:00"
    assert night.end.isoformat() == "2026-12-02T08:00:00+08:00"
    assert night.hours == 12


def test_a_shift_ending_at_24_00_ends_at_the_next_midnight() -> None:
    late = shift("晚班", "16:00", "24:00")
    found = instances(roster(posts=[post("x1", late)]), "2026-12-01")["2026-12-01", "晚班"]
    assert found.end.isoformat() == "2026-12-02T00:00:00+08:00"
    assert found.hours == 8


def test_end_equal_to_start_is_a_24_hour_shift() -> None:
    whole = shift("全天", "08:00", "08:00")
    found = instances(roster(posts=[post("x1", whole)]), "2026-12-01")["2026-12-01", "全天"]
    assert found.end.isoformat() == "2026-12-02T08:00:00+08:00"
    assert found.hours == 24


def test_a_24_hour_shift_lasts_23_or_25_hours_across_a_dst_change() -> None:
    whole = shift("全天", "08:00", "08:00")
    r = roster(posts=[post("x1", whole)], timezone="Europe/Berlin")
    spring = instances(r, "2026-03-28")["2026-03-28", "全天"]
    autumn = instances(r, "2026-10-24")["2026-10-24", "全天"]
    assert spring.start.isoformat() == "2026-03-28T08:00:00+01:00"
    assert spring.end.isoformat() == "2026-03-29T08:00:00+02:00"
    assert spring.hours == 23
    assert autumn.hours == 25


# -- rotation expansion ----------------------------------------------------------------------


def test_each_instance_takes_its_need_from_a_running_position() -> None:
    r = roster(
        posts=[post("x1", DAY_SHIFT, NIGHT_SHIFT)],
        rotations=[rotation("r1", "x1", ["a", "b", "c", "d"], "2026-12-01")],
    )
    assert assigned(r, "2026-12-01", "2026-12-03") == {
        ("2026-12-01", "白班"): ("a", "b"),
        ("2026-12-01", "夜班"): ("c",),
        ("2026-12-02", "白班"): ("d", "a"),
        ("2026-12-02", "夜班"): ("b",),
        ("2026-12-03", "白班"): ("c", "d"),
        ("2026-12-03", "夜班"): ("a",),
    }


def test_a_rotation_that_began_before_the_range_is_counted_from_its_own_start() -> None:
    r = roster(
        posts=[post("x1", DAY_SHIFT, NIGHT_SHIFT)],
        rotations=[rotation("r1", "x1", ["a", "b", "c", "d"], "2026-12-01")],
    )
    assert assigned(r, "2026-12-03") == {
        ("2026-12-03", "白班"): ("c", "d"),
        ("2026-12-03", "夜班"): ("a",),
    }
    # A year on, the position is still counted from the first day.
    later = day("2026-12-01") + dt.timedelta(days=365)
    position = 365 * 3
    expected = tuple("abcd"[(position + j) % 4] for j in range(2))
    assert rotation_picks(r, ("x1", later, "白班")) == expected


def test_instances_take_turns_by_start_time_not_by_how_the_post_lists_them() -> None:
    r = roster(
        posts=[post("x1", NIGHT_SHIFT, DAY_SHIFT)],  # night listed first, starts later
        rotations=[rotation("r1", "x1", ["a", "b", "c"], "2026-12-01")],
    )
    assert assigned(r, "2026-12-01") == {
        ("2026-12-01", "白班"): ("a", "b"),
        ("2026-12-01", "夜班"): ("c",),
    }


def test_shifts_starting_together_take_turns_in_the_posts_order() -> None:
    first, second = shift("甲", "08:00", "12:00"), shift("乙", "08:00", "16:00")
    r = roster(
        posts=[post("x1", first, second)],
        rotations=[rotation("r1", "x1", ["a", "b"], "2026-12-01")],
    )
    assert assigned(r, "2026-12-01") == {("2026-12-01", "甲"): ("a",), ("2026-12-01", "乙"): ("b",)}


def test_a_start_skipped_by_dst_takes_its_turn_after_the_starts_before_it() -> None:
    skipped, after = shift("甲", "02:30", "12:00"), shift("乙", "03:00", "12:00")
    r = roster(
        posts=[post("x1", skipped, after)],
        rotations=[rotation("r1", "x1", ["a", "b", "c"], "2026-03-28")],
        timezone="Europe/Berlin",
    )
    found = instances(r, "2026-03-28", "2026-03-29")
    # 02:30 does not exist on 29 March in Berlin: it becomes 03:30, after the 03:00 start.
    assert found["2026-03-29", "甲"].start.isoformat() == "2026-03-29T03:30:00+02:00"
    assert {key: i.assigned for key, i in found.items()} == {
        ("2026-03-28", "甲"): ("a",),
        ("2026-03-28", "乙"): ("b",),
        ("2026-03-29", "乙"): ("c",),
        ("2026-03-29", "甲"): ("a",),
    }


def test_per_slot_sets_how_many_each_instance_takes() -> None:
    r = roster(
        posts=[post("x1", DAY_SHIFT, NIGHT_SHIFT)],
        rotations=[rotation("r1", "x1", ["a", "b", "c"], "2026-12-01", per_slot=1)],
    )
    assert assigned(r, "2026-12-01", "2026-12-02") == {
        ("2026-12-01", "白班"): ("a",),
        ("2026-12-01", "夜班"): ("b",),
        ("2026-12-02", "白班"): ("c",),
        ("2026-12-02", "夜班"): ("a",),
    }


def test_a_person_picked_twice_for_one_instance_is_one_person() -> None:
    triple = shift("白班", "08:00", "20:00", need=3)
    r = roster(
        posts=[post("x1", triple)], rotations=[rotation("r1", "x1", ["a", "b"], "2026-12-01")]
    )
    assert assigned(r, "2026-12-01", "2026-12-02") == {
        ("2026-12-01", "白班"): ("a", "b"),
        ("2026-12-02", "白班"): ("b", "a"),  # the position moved on by 3, not by 2
    }


def test_a_rotation_covers_only_its_shifts_and_dates_end_inclusive() -> None:
    r = roster(
        posts=[post("x1", DAY_SHIFT, NIGHT_SHIFT)],
        rotations=[
            rotation("r1", "x1", ["a", "b", "c"], "2026-12-02", "2026-12-03", shifts=["夜班"])
        ],
    )
    found = assigned(r, "2026-12-01", "2026-12-04")
    assert found["2026-12-01", "夜班"] == ()
    assert found["2026-12-02", "夜班"] == ("a",)
    assert found["2026-12-03", "夜班"] == ("b",)
    assert found["2026-12-04", "夜班"] == ()
    assert all(found[d, "白班"] == () for d in ("2026-12-02", "2026-12-03"))


def test_several_rotations_may_cover_one_post() -> None:
    r = roster(
        posts=[post("x1", DAY_SHIFT)],
        rotations=[
            rotation("r2", "x1", ["c", "d"], "2026-12-01", per_slot=1),
            rotation("r1", "x1", ["a", "b"], "2026-12-01", per_slot=1),
        ],
    )
    assert assigned(r, "2026-12-01") == {("2026-12-01", "白班"): ("a", "c")}


# -- overrides -----------------------------------------------------------------------------


def test_overrides_add_and_remove_people_and_a_removal_wins_whatever_the_order() -> None:
    base = dict(
        posts=[post("x1", DAY_SHIFT)],
        rotations=[rotation("r1", "x1", ["a", "b"], "2026-12-01")],
    )
    add_z = override("x1", "2026-12-01", "白班", add=["z", "a"])
    remove_a_and_z = override("x1", "2026-12-01", "白班", remove=["a", "z"])
    add_y = override("x1", "2026-12-01", "白班", add=["y"])
    for order in ([add_z, remove_a_and_z, add_y], [add_y, remove_a_and_z, add_z]):
        found = assigned(roster(**base, overrides=order), "2026-12-01")  # type: ignore[arg-type]
        assert sorted(found["2026-12-01", "白班"]) == ["b", "y"]


def test_rotation_picks_ignore_overrides() -> None:
    r = roster(
        posts=[post("x1", DAY_SHIFT)],
        rotations=[rotation("r1", "x1", ["a", "b"], "2026-12-01")],
        overrides=[override("x1", "2026-12-01", "白班", add=["z"], remove=["a"])],
    )
    assert rotation_picks(r, ("x1", day("2026-12-01"), "白班")) == ("a", "b")
    assert rotation_picks(r, ("x1", day("2026-12-01"), "no such shift")) == ()


# -- who counts ----------------------------------------------------------------------------


def counted(r: Roster, date: str, shift_name: str) -> tuple[str, ...]:
    return instances(r, date)[date, shift_name].counted


def test_inactive_people_are_assigned_but_not_counted() -> None:
    r = roster(
        people=[person("a"), person("b", active=False)],
        posts=[post("x1", DAY_SHIFT)],
        rotations=[rotation("r1", "x1", ["a", "b"], "2026-12-01")],
    )
    found = instances(r, "2026-12-01")["2026-12-01", "白班"]
    assert found.assigned == ("a", "b")
    assert found.counted == ("a",)


def test_leave_is_half_open_and_only_overlap_stops_counting() -> None:
    def with_leave(start: str, end: str) -> tuple[str, ...]:
        r = roster(
            people=[person("a")],
            posts=[post("x1", shift("白班", "08:00", "20:00"))],
            rotations=[rotation("r1", "x1", ["a"], "2026-12-01")],
            leaves=[leave("a", start, end)],
        )
        return counted(r, "2026-12-01", "白班")

    assert with_leave("2026-11-30T08:00", "2026-12-01T08:00") == ("a",)
    assert with_leave("2026-12-01T20:00", "2026-12-02T08:00") == ("a",)
    assert with_leave("2026-12-01T19:59", "2026-12-02T08:00") == ()
    assert with_leave("2026-12-01T07:00", "2026-12-01T08:01") == ()


def test_windows_that_touch_hold_a_shift_running_across_them() -> None:
    whole = shift("全天", "08:00", "08:00")

    def on_saturday(*available: str) -> tuple[str, ...]:
        r = roster(
            people=[person("a", available=available)],
            posts=[post("x1", whole)],
            rotations=[rotation("r1", "x1", ["a"], "2026-12-05")],  # a Saturday
        )
        return counted(r, "2026-12-05", "全天")

    assert on_saturday("sat,sun 00:00-24:00") == ("a",)
    assert on_saturday("sat 08:00-24:00", "sun 00:00-07:00") == ()
    assert on_saturday() == ()  # available = []: never available


def test_windows_join_across_the_end_of_the_week() -> None:
    def on_sunday_night(*available: str) -> tuple[str, ...]:
        r = roster(
            people=[person("a", available=available)],
            posts=[post("x1", NIGHT_SHIFT)],
            rotations=[rotation("r1", "x1", ["a"], "2026-12-06")],  # a Sunday
        )
        return counted(r, "2026-12-06", "夜班")

    assert on_sunday_night("sun 20:00-24:00", "mon 00:00-08:00") == ("a",)
    assert on_sunday_night("sun 20:00-08:00") == ("a",)
    assert on_sunday_night("sun 20:00-24:00") == ()


def test_the_expander_answers_single_instances_like_the_range() -> None:
    r = roster(
        posts=[post("x1", DAY_SHIFT, NIGHT_SHIFT)],
        rotations=[rotation("r1", "x1", ["a", "b", "c"], "2026-11-20")],
        overrides=[override("x1", "2026-12-02", "夜班", add=["z"])],
    )
    expander = Expander(r)
    for found in expander.instances(day("2026-12-01"), day("2026-12-03")):
        assert expander.instance(*found.key) == found
    assert expander.instance("x1", day("2026-12-01"), "no such shift") is None


def test_the_collector_pause_nests_across_threads_and_restores_the_setting() -> None:
    import gc
    import threading

    from roster_tui.engine.gc_pause import gc_paused

    assert gc.isenabled()
    inner_done = threading.Event()
    with gc_paused():
        assert not gc.isenabled()

        def other() -> None:
            with gc_paused():
                assert not gc.isenabled()
            inner_done.set()

        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
        assert inner_done.is_set() and not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a collector that was off stays off
    finally:
        gc.enable()
