"""Finding people, entering leave, one person's week and choosing carers (services.people)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from roster_tui.domain.gaps import GapKind
from roster_tui.domain.model import (
    Community,
    Compound,
    CompoundKind,
    Duty,
    Household,
    Leave,
    Person,
    Post,
    Roster,
    Rotation,
    Settings,
    ShiftPattern,
    Subdistrict,
)
from roster_tui.domain.week import Week
from roster_tui.engine.check import check
from roster_tui.engine.expand import expand_instances
from roster_tui.interchange import load_roster_file
from roster_tui.services.demo import demo_roster, sample_file
from roster_tui.services.households import (
    CarerBlock,
    HouseholdStatus,
    carer_loads,
    days_left,
    filter_households,
    household_status,
    rank_carers,
    released_today,
)
from roster_tui.services.overview import frozen_moment
from roster_tui.services.people import (
    LeaveInputError,
    LeaveProblem,
    make_leave,
    name_readings,
    next_id,
    person_roster,
    person_week,
    search_people,
)

TODAY = dt.date(2026, 12, 2)  # a Wednesday
MONDAY = dt.date(2026, 11, 30)


def person(pid: str, name: str, phone: str, community: str = "c01", **kw: object) -> Person:
    return Person(pid, name, phone, community, **kw)  # type: ignore[arg-type]


def household(hid: str, compound: str = "k001", **kw: object) -> Household:
    fields: dict[str, object] = {
        "address": f"{hid}号",
        "head": "李某",
        "phone": "13900000000",
        "people": 2,
        "start": dt.date(2026, 11, 25),
    }
    fields.update(kw)
    return Household(hid, compound, **fields)  # type: ignore[arg-type]


def make_roster(**kw: object) -> Roster:
    fields: dict[str, object] = {
        "subdistrict": Subdistrict("文化路街道"),
        "settings": Settings(max_households_per_carer=2, quarantine_days=14),
        "communities": [Community("c01", "东风社区"), Community("c02", "红旗社区")],
        "compounds": [
            Compound("k001", "农科路12号院", "c01", CompoundKind.UNMANAGED),
            Compound("k002", "红旗小区", "c02", CompoundKind.MANAGED),
        ],
        "people": [
            person("p001", "张伟", "13800000001"),
            person("p002", "王芳", "13800000002"),
            person("p003", "张伟", "13811112222", community="c02"),
            person("p004", "曾志伟", "13800000004"),
            person("p005", "吕洁", "13800000005"),
            person("p006", "周文", "13800000006"),
        ],
    }
    fields.update(kw)
    return Roster(**fields)  # type: ignore[arg-type]


# -- search ---------------------------------------------------------------------------------


def ids(people: list[Person]) -> list[str]:
    return [p.id for p in people]


def test_pinyin_initials_find_both_namesakes() -> None:
    found = ids(search_people(make_roster(), "zw"))
    assert found[:2] == ["p001", "p003"]


def test_pinyin_initials_prefix_ranks_after_exact_initials() -> None:
    # 周文 reads zw exactly; 曾志伟 (zzw) does not start with zw, so it is not found.
    found = ids(search_people(make_roster(), "zw"))
    assert found == ["p001", "p003", "p006"]


def test_surname_heteronym_reading_is_found() -> None:
    assert ids(search_people(make_roster(), "zzw")) == ["p004"]
    assert ids(search_people(make_roster(), "zengzhi")) == ["p004"]
    assert ids(search_people(make_roster(), "cengzhi")) == ["p004"]


def test_full_pinyin_prefix_with_spaces() -> None:
    assert ids(search_people(make_roster(), "zhang w")) == ["p001", "p003"]


def test_u_umlaut_reads_as_v_or_u() -> None:
    assert ids(search_people(make_roster(), "lvjie")) == ["p005"]
    assert ids(search_people(make_roster(), "lujie")) == ["p005"]


def test_name_substring_and_exact_name_come_first() -> None:
    assert ids(search_people(make_roster(), "志伟")) == ["p004"]
    assert ids(search_people(make_roster(), "张伟")) == ["p001", "p003"]


def test_phone_tail_finds_one_namesake() -> None:
    assert ids(search_people(make_roster(), "2222")) == ["p003"]


def test_empty_query_lists_everyone_in_roster_order() -> None:
    roster = make_roster()
    assert search_people(roster, "  ") == roster.people


def test_search_follows_a_replaced_people_list() -> None:
    roster = make_roster()
    assert search_people(roster, "lw") == []
    roster.people = [*roster.people, person("p007", "刘伟", "13800000007")]
    assert ids(search_people(roster, "lw")) == ["p007"]


def test_name_readings_are_lower_case() -> None:
    readings = name_readings("张伟")
    assert readings.initials == {"zw"}
    assert readings.full == {"zhangwei"}


def test_only_the_surname_has_other_readings() -> None:
    # 立 has a rare reading too; only 丁's other reading (zheng) is offered, and after the usual.
    readings = name_readings("丁立新")
    assert readings.initials == {"dlx"}
    assert readings.other_initials == {"zlx"}
    assert "zhenglixin" in readings.other_full


def test_rare_readings_of_given_names_do_not_match() -> None:
    roster = make_roster(people=[person("p1", "丁立新", "1"), person("p2", "张伟", "2")])
    assert ids(search_people(roster, "zw")) == ["p2"]


def test_next_id_is_one_past_the_highest() -> None:
    assert next_id(["p001", "p017", "x999", "pabc"], "p", 3) == "p018"
    assert next_id([], "h", 4) == "h0001"


# -- leave ----------------------------------------------------------------------------------


def test_leave_from_form_text() -> None:
    leave = make_leave("p001", "2026-12-02 08:00", " 2026-12-03 08:00 ", "  病假 ")
    assert leave == Leave("p001", dt.datetime(2026, 12, 2, 8), dt.datetime(2026, 12, 3, 8), "病假")


def test_leave_without_reason_keeps_none() -> None:
    assert make_leave("p001", "2026-12-02 08:00", "2026-12-02 09:00").reason is None


@pytest.mark.parametrize(
    ("start", "end", "problem"),
    [
        ("2026-12-02", "2026-12-03 08:00", LeaveProblem.FROM_FORMAT),
        ("2026-12-02 08:00", "2026-12-32 08:00", LeaveProblem.TO_FORMAT),
        ("2026-12-02 25:00", "2026-12-03 08:00", LeaveProblem.FROM_FORMAT),
        ("2026-12-02 08:00", "2026-12-02 08:00", LeaveProblem.ORDER),
        ("2026-12-03 08:00", "2026-12-02 08:00", LeaveProblem.ORDER),
    ],
)
def test_leave_is_refused_with_the_reason(start: str, end: str, problem: LeaveProblem) -> None:
    with pytest.raises(LeaveInputError) as caught:
        make_leave("p001", start, end)
    assert caught.value.problem is problem


# -- one person's week ----------------------------------------------------------------------


def week_roster() -> Roster:
    post = Post("x001", "东门", "k001", (ShiftPattern("白班", 8 * 60, 20 * 60, 1),))
    rotation = Rotation("r001", "x001", ("p001", "p002"), MONDAY)
    return make_roster(posts=[post], rotations=[rotation])


def test_person_week_lists_shifts_and_counted_hours() -> None:
    roster = week_roster()
    week = person_week(roster, roster.people[0], Week(MONDAY), TODAY)
    assert [i.date.day for i in week.shifts] == [30, 2, 4, 6]
    assert week.hours == 48
    assert week.gaps == []


def test_leave_turns_a_shift_into_an_unavailable_gap() -> None:
    roster = week_roster()
    roster.leaves = [Leave("p001", dt.datetime(2026, 12, 2), dt.datetime(2026, 12, 3))]
    week = person_week(roster, roster.people[0], Week(MONDAY), TODAY)
    assert week.hours == 36
    assert [(g.kind, g.reason, g.date) for g in week.gaps] == [
        (GapKind.UNAVAILABLE, "leave", TODAY)
    ]
    assert week.leaves == roster.leaves


def test_person_week_lists_current_households_and_duties() -> None:
    roster = week_roster()
    roster.households = [
        household("h1", carer="p001", start=dt.date(2026, 11, 1)),  # released before today
        household("h2", carer="p001"),
        household("h3", carer="p002"),
    ]
    roster.duties = [Duty("p001", compound="k001", role="包保责任人"), Duty("p002", street="s1")]
    week = person_week(roster, roster.people[0], Week(MONDAY), TODAY)
    assert [h.id for h in week.households] == ["h2"]
    assert [d.compound for d in week.duties] == ["k001"]


def test_one_persons_cut_of_the_roster_gives_the_same_shifts_and_gaps_as_the_whole() -> None:
    roster = demo_roster(load_roster_file(sample_file()), TODAY)
    sunday = MONDAY + dt.timedelta(days=6)
    instances = expand_instances(roster, MONDAY, sunday)
    gaps = check(roster, MONDAY, sunday, now=frozen_moment(TODAY, roster.subdistrict.timezone))
    assert any(g.person for g in gaps)  # the demo has people with gaps to compare
    for person in roster.people:
        week = person_week(roster, person, Week(MONDAY), TODAY)
        theirs = [i for i in instances if person.id in i.assigned]
        assert sorted(i.key for i in week.shifts) == sorted(i.key for i in theirs), person.id
        assert sorted(map(repr, week.gaps)) == sorted(
            repr(g) for g in gaps if g.person == person.id
        ), person.id


def test_person_roster_keeps_only_their_posts_and_households() -> None:
    roster = week_roster()
    roster.households = [household("h1", carer="p001"), household("h2", carer="p002")]
    own = person_roster(roster, "p003")
    assert own.posts == [] and own.households == []
    own = person_roster(roster, "p001")
    assert [p.id for p in own.posts] == ["x001"]
    assert {p.id for p in own.people} == {"p001", "p002"}
    assert [h.id for h in own.households] == ["h1"]


# -- households -----------------------------------------------------------------------------


def test_days_left_counts_today() -> None:
    settings = Settings(quarantine_days=14)
    last_day_today = household("h1", start=TODAY - dt.timedelta(days=13))
    assert days_left(last_day_today, settings, TODAY) == 1
    assert household_status(last_day_today, settings, TODAY) is HouseholdStatus.ACTIVE
    over = household("h2", start=TODAY - dt.timedelta(days=14))
    assert household_status(over, settings, TODAY) is HouseholdStatus.ENDED
    later = household("h3", start=TODAY + dt.timedelta(days=1))
    assert household_status(later, settings, TODAY) is HouseholdStatus.UPCOMING


def test_release_ends_the_quarantine_today() -> None:
    settings = Settings()
    released = released_today(household("h1", start=dt.date(2026, 11, 25)), TODAY)
    assert released.days == 7
    assert released.end_date(settings) == TODAY
    assert not released.active_on(TODAY, settings)
    assert released.active_on(TODAY - dt.timedelta(days=1), settings)


def test_release_refuses_a_quarantine_starting_today() -> None:
    with pytest.raises(ValueError):
        released_today(household("h1", start=TODAY), TODAY)


def test_filters_combine_and_sort_soonest_release_first() -> None:
    roster = make_roster(
        households=[
            household("h1", start=TODAY - dt.timedelta(days=5)),
            household("h2", start=TODAY - dt.timedelta(days=12), carer="p001"),  # tomorrow
            household("h3", start=TODAY - dt.timedelta(days=13)),  # today
            household("h4", compound="k002", start=TODAY - dt.timedelta(days=13)),
            household("h5", start=TODAY - dt.timedelta(days=20)),  # released
        ]
    )
    assert [h.id for h in filter_households(roster, TODAY)] == ["h3", "h4", "h2", "h1", "h5"]
    soon = filter_households(roster, TODAY, soon=True, compound="k001")
    assert [h.id for h in soon] == ["h3", "h2"]
    assert [h.id for h in filter_households(roster, TODAY, no_carer=True, soon=True)] == [
        "h3",
        "h4",
    ]
    assert [h.id for h in filter_households(roster, TODAY, text="红旗")] == ["h4"]


def test_carer_load_counts_households_in_quarantine_today() -> None:
    roster = make_roster(
        households=[
            household("h1", carer="p001"),
            household("h2", carer="p001", start=dt.date(2026, 11, 1)),  # released
            household("h3", carer="p002"),
        ]
    )
    assert carer_loads(roster, TODAY) == {"p001": 1, "p002": 1}


def test_carers_rank_same_community_and_light_load_first_and_capped_last() -> None:
    roster = make_roster(
        households=[
            household("h1", carer="p001"),
            household("h2", carer="p001"),  # p001 at the cap of 2
            household("h3", carer="p002"),
            household("new"),
        ],
        leaves=[Leave("p005", dt.datetime(2026, 12, 1), dt.datetime(2026, 12, 4))],
    )
    roster.people[5] = dataclasses.replace(roster.people[5], active=False)  # 周文
    choices = rank_carers(roster, roster.households[-1], TODAY)
    assert [(c.person.id, c.load, c.same_community, c.block) for c in choices] == [
        ("p004", 0, True, None),
        ("p002", 1, True, None),
        ("p003", 0, False, None),
        ("p005", 0, True, CarerBlock.ON_LEAVE),
        ("p001", 2, True, CarerBlock.AT_CAP),
    ]


def test_current_carer_at_the_cap_is_not_blocked_for_their_own_household() -> None:
    roster = make_roster(households=[household("h1", carer="p001"), household("h2", carer="p001")])
    choices = {c.person.id: c for c in rank_carers(roster, roster.households[0], TODAY)}
    assert choices["p001"].block is None
