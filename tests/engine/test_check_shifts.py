"""Gaps of shifts and the people on them: staffing, roles, pairs, hours, availability."""

from __future__ import annotations

from builders import (
    day,
    leave,
    of_kind,
    override,
    person,
    post,
    roster,
    rotation,
    shift,
)

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import Role, Roster, Settings
from roster_tui.engine.check import check, check_instances
from roster_tui.engine.expand import expand_instances


def gaps(r: Roster, first: str, last: str | None = None) -> list[Gap]:
    return check(r, day(first), day(last or first))


def on(post_id: str, date: str, shift_name: str, *people: str) -> object:
    return override(post_id, date, shift_name, add=people)


# -- understaffed and missing_role -----------------------------------------------------------


def test_an_uncovered_post_is_understaffed_on_every_shift() -> None:
    r = roster(posts=[post("x1", shift("白班", "08:00", "20:00", need=2))])
    found = of_kind(gaps(r, "2026-12-01", "2026-12-02"), GapKind.UNDERSTAFFED)
    assert [(g.date, g.need, g.have, g.people) for g in found] == [
        (day("2026-12-01"), 2, 0, ()),
        (day("2026-12-02"), 2, 0, ()),
    ]


def test_understaffed_counts_only_counted_people() -> None:
    r = roster(
        people=[person("a"), person("b")],
        posts=[post("x1", shift("白班", "08:00", "20:00", need=2))],
        rotations=[rotation("r1", "x1", ["a", "b"], "2026-12-01")],
        leaves=[leave("b", "2026-12-01T00:00", "2026-12-02T00:00")],
    )
    (found,) = of_kind(gaps(r, "2026-12-01", "2026-12-02"), GapKind.UNDERSTAFFED)
    assert (found.date, found.have, found.people) == (day("2026-12-01"), 1, ("a",))
    assert found.start is not None and found.start.isoformat() == "2026-12-01T08:00:00+08:00"


def test_missing_role_when_no_counted_person_holds_it_or_nobody_is_counted() -> None:
    guarded = shift("白班", "08:00", "20:00", need=1, role=Role.PARTY_MEMBER)
    r = roster(
        people=[person("vol", Role.VOLUNTEER), person("pm", Role.PARTY_MEMBER, active=False)],
        posts=[post("x1", guarded), post("x2", guarded), post("x3", guarded)],
        overrides=[on("x1", "2026-12-01", "白班", "vol"), on("x3", "2026-12-01", "白班", "pm")],
    )
    found = of_kind(gaps(r, "2026-12-01"), GapKind.MISSING_ROLE)
    assert [(g.post, g.role) for g in found] == [
        ("x1", "party_member"),
        ("x2", "party_member"),
        ("x3", "party_member"),
    ]


def test_a_counted_holder_of_the_role_satisfies_it() -> None:
    guarded = shift("白班", "08:00", "20:00", need=2, role=Role.PARTY_MEMBER)
    r = roster(
        people=[person("vol", Role.VOLUNTEER), person("pm", Role.VOLUNTEER, Role.PARTY_MEMBER)],
        posts=[post("x1", guarded)],
        overrides=[on("x1", "2026-12-01", "白班", "vol", "pm")],
    )
    assert gaps(r, "2026-12-01") == []


# -- unavailable ------------------------------------------------------------------------------


def test_unavailable_gives_the_first_reason_of_inactive_leave_availability() -> None:
    r = roster(
        people=[
            person("gone", active=False, available=[]),
            person("away", available=[]),
            person("busy", available=["mon-fri 09:00-17:00"]),
        ],
        posts=[post("x1", shift("白班", "08:00", "20:00", need=3))],
        overrides=[on("x1", "2026-12-01", "白班", "gone", "away", "busy")],
        leaves=[
            leave("gone", "2026-12-01T00:00", "2026-12-02T00:00"),
            leave("away", "2026-12-01T00:00", "2026-12-02T00:00"),
        ],
    )
    found = of_kind(gaps(r, "2026-12-01"), GapKind.UNAVAILABLE)
    assert {(g.person, g.reason) for g in found} == {
        ("gone", "inactive"),
        ("away", "leave"),
        ("busy", "availability"),
    }
    assert all((g.post, g.shift, g.date) == ("x1", "白班", day("2026-12-01")) for g in found)


# -- double_booked and short_rest -------------------------------------------------------------


def pair(found: Gap) -> tuple[object, ...]:
    return (found.kind, found.person, found.post, found.shift, found.other_post, found.other_shift)


def test_overlapping_instances_are_double_booked_and_the_later_start_is_reported() -> None:
    r = roster(
        people=[person("a")],
        posts=[
            post("x1", shift("白班", "08:00", "20:00")),
            post("x0", shift("午班", "10:00", "14:00")),
        ],
        overrides=[on("x1", "2026-12-01", "白班", "a"), on("x0", "2026-12-01", "午班", "a")],
    )
    (found,) = of_kind(gaps(r, "2026-12-01"), GapKind.DOUBLE_BOOKED)
    assert pair(found) == (GapKind.DOUBLE_BOOKED, "a", "x0", "午班", "x1", "白班")
    assert found.other_date == day("2026-12-01")


def test_pair_ties_go_to_the_later_end_then_the_greater_post_then_the_later_shift() -> None:
    def later_of(*posts_and_shifts: tuple[str, str, str, str]) -> tuple[str | None, ...]:
        posts: dict[str, list] = {}
        for post_id, name, start, end in posts_and_shifts:
            posts.setdefault(post_id, []).append(shift(name, start, end))
        r = roster(
            people=[person("a")],
            posts=[post(pid, *shifts) for pid, shifts in posts.items()],
            overrides=[on(pid, "2026-12-01", name, "a") for pid, name, _, _ in posts_and_shifts],
        )
        (found,) = of_kind(gaps(r, "2026-12-01"), GapKind.DOUBLE_BOOKED)
        return (found.post, found.shift, found.other_post, found.other_shift)

    longer = later_of(("x2", "短", "08:00", "12:00"), ("x1", "长", "08:00", "20:00"))
    assert longer == ("x1", "长", "x2", "短")
    greater_post = later_of(("x1", "甲", "08:00", "20:00"), ("x2", "乙", "08:00", "20:00"))
    assert greater_post == ("x2", "乙", "x1", "甲")
    later_shift = later_of(("x1", "乙", "08:00", "20:00"), ("x1", "甲", "08:00", "20:00"))
    assert later_shift == ("x1", "甲", "x1", "乙")


def test_a_shift_ending_when_the_next_starts_is_not_double_booked_but_short_rest() -> None:
    r = roster(
        people=[person("a")],
        posts=[post("x1", shift("早", "00:00", "08:00"), shift("中", "08:00", "16:00"))],
        overrides=[on("x1", "2026-12-01", "早", "a"), on("x1", "2026-12-01", "中", "a")],
    )
    found = gaps(r, "2026-12-01")
    assert of_kind(found, GapKind.DOUBLE_BOOKED) == []
    (rest,) = of_kind(found, GapKind.SHORT_REST)
    assert (rest.shift, rest.other_shift, rest.hours) == ("中", "早", 0)


def test_short_rest_reports_every_pair_not_only_neighbours_with_the_rest_given() -> None:
    r = roster(
        people=[person("a")],
        posts=[
            post(
                "x1",
                shift("甲", "08:00", "12:00"),
                shift("乙", "13:00", "14:00"),
                shift("丙", "15:00", "16:00"),
            )
        ],
        overrides=[on("x1", "2026-12-01", name, "a") for name in ("甲", "乙", "丙")],
    )
    found = of_kind(gaps(r, "2026-12-01"), GapKind.SHORT_REST)
    assert sorted((g.other_shift, g.shift, g.hours) for g in found) == [
        ("乙", "丙", 1),
        ("甲", "丙", 3),
        ("甲", "乙", 1),
    ]


def test_enough_rest_is_no_gap_and_min_rest_comes_from_the_settings() -> None:
    r = roster(
        people=[person("a")],
        posts=[post("x1", shift("早", "00:00", "06:00"), shift("晚", "16:00", "22:00"))],
        overrides=[on("x1", "2026-12-01", "早", "a"), on("x1", "2026-12-01", "晚", "a")],
    )
    assert of_kind(gaps(r, "2026-12-01"), GapKind.SHORT_REST) == []
    r.settings = Settings(min_rest_hours=12)
    (found,) = of_kind(gaps(r, "2026-12-01"), GapKind.SHORT_REST)
    assert found.hours == 10


def test_pair_rules_look_only_inside_the_range() -> None:
    r = roster(
        people=[person("a")],
        posts=[
            post("x1", shift("夜班", "20:00", "08:00")),
            post("x2", shift("白班", "08:00", "20:00")),
        ],
        overrides=[on("x1", "2026-11-30", "夜班", "a"), on("x2", "2026-12-01", "白班", "a")],
    )
    assert of_kind(gaps(r, "2026-12-01"), GapKind.SHORT_REST) == []
    assert len(of_kind(gaps(r, "2026-11-30", "2026-12-01"), GapKind.SHORT_REST)) == 1


# -- overtime ---------------------------------------------------------------------------------


def test_overtime_is_per_iso_week_with_an_overnight_shift_counted_by_its_start_date() -> None:
    night = shift("夜班", "20:00", "08:00")
    r = roster(
        people=[person("a", max_hours=20)],
        posts=[post("x1", night)],
        # Saturday and Sunday nights of 2026-W49; the Sunday one ends on Monday of W50.
        overrides=[on("x1", "2026-12-05", "夜班", "a"), on("x1", "2026-12-06", "夜班", "a")],
    )
    (found,) = of_kind(gaps(r, "2026-11-30", "2026-12-13"), GapKind.OVERTIME)
    assert (found.person, str(found.week), found.hours, found.max) == ("a", "2026-W49", 24, 20)


def test_overtime_uses_the_settings_max_and_only_instances_in_the_range() -> None:
    day_shift = shift("白班", "08:00", "20:00")
    r = roster(
        people=[person("a")],
        posts=[post("x1", day_shift)],
        overrides=[on("x1", f"2026-12-0{d}", "白班", "a") for d in range(1, 6)],  # Tue to Sat
        settings=Settings(max_hours_per_week=40),
    )
    (found,) = of_kind(gaps(r, "2026-11-30", "2026-12-06"), GapKind.OVERTIME)
    assert (found.hours, found.max) == (60, 40)
    assert of_kind(gaps(r, "2026-12-03", "2026-12-06"), GapKind.OVERTIME) == []


def test_overtime_hours_are_elapsed_hours_across_dst() -> None:
    whole = shift("全天", "08:00", "08:00")
    r = roster(
        people=[person("a", max_hours=72)],
        posts=[post("x1", whole)],
        overrides=[on("x1", d, "全天", "a") for d in ("2026-10-21", "2026-10-23", "2026-10-24")],
        timezone="Europe/Berlin",
    )
    (found,) = of_kind(gaps(r, "2026-10-19", "2026-10-25"), GapKind.OVERTIME)
    assert found.hours == 24 + 24 + 25


# -- reuse ------------------------------------------------------------------------------------


def test_check_instances_gives_what_check_gives_from_already_expanded_instances() -> None:
    r = roster(
        people=[person("a"), person("b", available=["mon-fri 08:00-20:00"])],
        posts=[
            post("x1", shift("白班", "08:00", "20:00", need=2), shift("夜班", "20:00", "08:00"))
        ],
        rotations=[rotation("r1", "x1", ["a", "b", "c"], "2026-11-01")],
    )
    wider = expand_instances(r, day("2026-11-29"), day("2026-12-08"))
    assert check_instances(r, wider, day("2026-12-01"), day("2026-12-06")) == gaps(
        r, "2026-12-01", "2026-12-06"
    )


def test_understaffed_lists_counted_people_whatever_the_order_of_the_overrides() -> None:
    adds = [on("x1", "2026-12-01", "全天", "b"), on("x1", "2026-12-01", "全天", "a")]
    for order in (adds, adds[::-1]):
        r = roster(
            people=[person("a"), person("b")],
            posts=[post("x1", shift("全天", "08:00", "08:00", need=3))],
            overrides=order,
        )
        (found,) = of_kind(gaps(r, "2026-12-01"), GapKind.UNDERSTAFFED)
        assert found.people == ("a", "b")
