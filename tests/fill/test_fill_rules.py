"""The fill's hard rules, preferences and explanations, one situation at a time."""

from __future__ import annotations

import datetime as dt

from fill_rosters import MONDAY, WEEK, district, leave, person, shift

from roster_tui.domain.model import Household, Override, Role, Rotation, Settings
from roster_tui.engine.eligibility import Blocker, WeekContext
from roster_tui.engine.fill import fill_seats
from roster_tui.engine.fill.exact import improve_exactly
from roster_tui.engine.fill.state import FillState
from roster_tui.i18n import set_language
from roster_tui.services.candidates import CandidateRanker
from roster_tui.services.fill import plan_fill, shortfall_line

TUESDAY = MONDAY + dt.timedelta(days=1)


def only_monday(*patterns):  # type: ignore[no-untyped-def]
    """Overrides that fill every day but Monday with a free hand, so only Monday is open."""
    return [
        Override(
            "x1", MONDAY + dt.timedelta(days=d), p.name, add=tuple(f"f{i}" for i in range(p.need))
        )
        for d in range(1, 7)
        for p in patterns
    ]


def _free_hands(need: int) -> tuple[str, ...]:
    return tuple(f"f{i}" for i in range(need))


def fillers(patterns) -> list:  # type: ignore[no-untyped-def]
    need = max(p.need for p in patterns)
    return [person(f"f{i}", Role.PARTY_MEMBER, community="c2") for i in range(need)]


def seats_for(roster):  # type: ignore[no-untyped-def]
    result = fill_seats(WeekContext.build(roster, WEEK))
    return result, [(p.key[1], p.key[2], p.person) for p in result.proposals]


def test_only_active_people_off_leave_and_available_are_added() -> None:
    night = shift("夜", "20:00", "08:00")
    roster = district(
        shifts=[night],
        people=[
            person("gone", active=False),
            person("away"),
            person("days", available=["daily 08:00-20:00"]),
            person("ok"),
            *fillers([night]),
        ],
        leaves=[leave("away", "2026-11-30T00:00", "2026-12-01T12:00")],
        overrides=only_monday(night),
    )
    result, added = seats_for(roster)
    assert added == [(MONDAY, "夜", "ok")]
    assert result.shortfalls == ()


def test_a_gap_nobody_can_take_says_why_for_each_person() -> None:
    set_language("zh")
    night = shift("夜", "20:00", "08:00")
    roster = district(
        shifts=[night],
        people=[
            person("gone", active=False),
            person("away"),
            person("days", available=["daily 08:00-20:00"]),
            *fillers([night]),
        ],
        leaves=[leave("away", "2026-11-30T00:00", "2026-12-01T12:00")],
        overrides=only_monday(night),
    )
    result, added = seats_for(roster)
    assert added == []
    (short,) = result.shortfalls
    reasons = dict(short.reasons)
    assert reasons["gone"] is Blocker.INACTIVE
    assert reasons["away"] is Blocker.LEAVE
    assert reasons["days"] is Blocker.AVAILABILITY
    line = shortfall_line(short, roster)
    assert "仍缺 1 人" in line and "1 人请假" in line and "1 人已停用" in line


def test_rest_and_overlap_keep_people_off_neighbouring_shifts() -> None:
    day, evening = shift("白", "08:00", "16:00"), shift("中", "16:00", "24:00")
    roster = district(
        shifts=[day, evening],
        people=[person("a"), person("b"), *fillers([day, evening])],
        rotations=[Rotation("r1", "x1", ("a",), MONDAY, MONDAY, shifts=("白",))],
        overrides=only_monday(day, evening),
        settings=Settings(min_rest_hours=8),
    )
    _, added = seats_for(roster)
    assert added == [(MONDAY, "中", "b")]  # a has just come off the day shift
    blockers = WeekContext.build(roster, WEEK)
    slot = blockers.eligibility.slot(MONDAY, evening)
    assert Blocker.SHORT_REST in blockers.eligibility.blockers(roster.people[1], slot)
    assert Blocker.DOUBLE_BOOKED in blockers.eligibility.blockers(
        roster.people[1], blockers.eligibility.slot(MONDAY, day)
    )


def test_no_one_goes_over_their_weekly_hours() -> None:
    day = shift("白", "08:00", "16:00")
    roster = district(shifts=[day], people=[person("a", max_hours=16)])
    result, added = seats_for(roster)
    assert [who for _, _, who in added] == ["a", "a"]
    assert len(result.shortfalls) == 5
    assert all(dict(s.reasons)["a"] is Blocker.OVERTIME for s in result.shortfalls)


def test_a_missing_role_is_brought_by_a_holder_even_when_numbers_are_met() -> None:
    day = shift("白", "08:00", "16:00", need=1, role=Role.PARTY_MEMBER)
    roster = district(
        shifts=[day],
        people=[person("v", Role.VOLUNTEER), person("pm", Role.PARTY_MEMBER)],
        rotations=[Rotation("r1", "x1", ("v",), MONDAY)],
    )
    result, _ = seats_for(roster)
    assert {(p.person, p.role) for p in result.proposals} == {("pm", Role.PARTY_MEMBER)}
    assert len(result.proposals) == 7
    assert result.shortfalls == ()


def test_nobody_holding_the_role_is_said_plainly() -> None:
    set_language("zh")
    day = shift("白", "08:00", "16:00", need=1, role=Role.PARTY_MEMBER)
    roster = district(
        shifts=[day],
        people=[person("v", Role.VOLUNTEER), person("w", Role.VOLUNTEER)],
        rotations=[Rotation("r1", "x1", ("v",), MONDAY)],
    )
    result, added = seats_for(roster)
    assert added == []
    assert len(result.shortfalls) == 7
    line = shortfall_line(result.shortfalls[0], roster)
    assert "没有在岗的党员" in line


def test_same_community_comes_first_then_the_same_party_group() -> None:
    day = shift("白", "08:00", "16:00")
    people = [
        person("other", community="c2"),
        person("near", community="c1"),
        person("group", community="c1", group="g1"),
    ]
    roster = district(shifts=[day], people=people)
    _, added = seats_for(roster)
    assert added[0][2] == "group"
    ranker = CandidateRanker.for_week(roster, WEEK)
    monday = next(i for i in ranker.context.instances if i.date == MONDAY)
    assert [c.person.id for c in ranker.rank(monday)][:3] == ["group", "near", "other"]


def test_load_is_spread_to_the_lighter_person() -> None:
    day, night = shift("白", "08:00", "16:00"), shift("夜", "00:00", "08:00")
    roster = district(
        shifts=[day, night],
        people=[person("busy"), person("light"), *fillers([day, night])],
        rotations=[Rotation("r1", "x1", ("busy",), TUESDAY, shifts=("夜",))],
        overrides=[o for o in only_monday(day, night) if o.shift == "白"],
    )
    roster.overrides.append(Override("x1", MONDAY, "夜", add=("f0",)))
    _, added = seats_for(roster)
    assert added == [(MONDAY, "白", "light")]


def test_the_same_data_gives_the_same_plan() -> None:
    day = shift("白", "08:00", "16:00", need=2)
    roster = district(shifts=[day], people=[person(f"p{i}") for i in range(6)])
    assert plan_fill(roster, WEEK).changes == plan_fill(roster, WEEK).changes


def test_shorter_shifts_are_preferred_when_hours_are_what_runs_out() -> None:
    """With only 24 hours to give, three 8-hour seats beat one 24-hour seat."""
    whole, early = shift("全", "09:00", "09:00"), shift("早", "00:00", "08:00")
    roster = district(shifts=[whole, early], people=[person("a", max_hours=24)])
    _, added = seats_for(roster)
    assert sorted(shift for _, shift, _ in added) == ["早", "早", "早"]


def test_an_uncared_household_gets_a_carer_from_its_community_under_the_cap() -> None:
    def cared(id_: str, carer: str) -> Household:
        return Household(id_, "k1", f"{id_}号楼", "王某", "139", 2, MONDAY, carer=carer)

    roster = district(
        people=[person("far", community="c2"), person("full"), person("light")],
        households=[
            Household("h0", "k1", "1号楼", "李某", "139", 2, MONDAY),
            *(cared(f"k{i}", "keeper") for i in range(2)),
            *(cared(f"f{i}", "full") for i in range(2)),
            cared("l0", "light"),
        ],
        settings=Settings(max_households_per_carer=2),
    )
    plan = plan_fill(roster, WEEK)
    # Same community before the lighter "far"; "full" and the keeper are at the cap.
    assert [(c.household.id, c.person) for c in plan.care.carers] == [("h0", "light")]


def test_a_household_nobody_can_take_is_explained() -> None:
    roster = district(
        people=[person("full"), person("away")],
        households=[
            Household("h0", "k1", "1号楼", "李某", "139", 2, MONDAY),
            Household("h1", "k1", "2号楼", "王某", "139", 2, MONDAY, carer="full"),
        ],
        leaves=[leave("away", "2026-12-05T00:00", "2026-12-06T00:00")],
        settings=Settings(max_households_per_carer=1),
    )
    roster.people[0] = person("keeper", Role.CADRE, available=(), active=False)
    plan = plan_fill(roster, WEEK)
    assert plan.care.carers == ()
    (short,) = plan.care.shortfalls
    assert dict(short.reasons) == {
        "keeper": Blocker.INACTIVE,
        "full": Blocker.AT_CAP,
        "away": Blocker.LEAVE,
    }


def test_an_unheld_street_gets_a_cadre_of_its_community() -> None:
    roster = district(
        people=[
            person("vol", Role.VOLUNTEER, community="c2"),
            person("cadre_far", Role.CADRE, community="c1"),
            person("cadre", Role.CADRE, community="c2"),
        ]
    )
    roster.duties = [d for d in roster.duties if d.street != "s2"]
    plan = plan_fill(roster, WEEK)
    assert [(d.person, d.street) for d in plan.care.duties] == [("cadre", "s2")]


def test_the_exact_model_undoes_a_placement_that_blocks_the_only_person_for_another_seat() -> None:
    """a took Monday's early shift, which b could have had, and b can do nothing else: the
    week solved exactly gives every early shift to b and every day shift to a."""
    roster = district(
        people=[person("a"), person("b", available=["daily 00:00-08:00"])],
        shifts=[shift("早", "00:00", "08:00"), shift("白", "08:00", "20:00")],
        settings=Settings(min_rest_hours=8, max_hours_per_week=100),
    )
    state = FillState(WeekContext.build(roster, WEEK))
    early = next(i for i, d in enumerate(state.demands) if d.instance.key == ("x1", MONDAY, "早"))
    state.place(early, "a", None)
    assert state.filled() == 1
    assert improve_exactly(state)
    assert state.filled() == state.wanted == 14
    assert {p.person for p in state.proposals if p.key[2] == "早"} == {"b"}
