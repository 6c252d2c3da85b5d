"""包街包院, party groups and quarantine care: the gaps no shift creates."""

from __future__ import annotations

import dataclasses

from builders import DUTY_HOLDER, day, household, leave, of_kind, person, roster

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import Compound, CompoundKind, Duty, PartyGroup, Roster, Settings
from roster_tui.engine.check import check


def gaps(r: Roster, first: str, last: str | None = None) -> list[Gap]:
    return check(r, day(first), day(last or first))


# -- streets, compounds and party groups ------------------------------------------------------


def test_a_complete_roster_has_no_gaps() -> None:
    assert gaps(roster(), "2026-12-01", "2026-12-07") == []


def test_duty_held_by_an_inactive_person_leaves_street_and_compound_unassigned() -> None:
    r = roster()
    r.people = [dataclasses.replace(p, active=False) for p in r.people]
    found = gaps(r, "2026-12-01")
    assert found == [
        Gap(GapKind.STREET_UNASSIGNED, street="s1"),
        Gap(GapKind.COMPOUND_UNASSIGNED, compound="k1"),
    ]


def test_a_street_duty_does_not_cover_the_compounds_on_that_street() -> None:
    r = roster()
    r.duties = [Duty(DUTY_HOLDER, street="s1")]
    assert gaps(r, "2026-12-01") == [Gap(GapKind.COMPOUND_UNASSIGNED, compound="k1")]


def test_an_unmanaged_compound_needs_a_party_group_listing_it() -> None:
    r = roster()
    r.compounds = [
        Compound("k1", "农科路12号院", "c1", CompoundKind.UNMANAGED),
        Compound("k2", "桐柏路3号院", "c1", CompoundKind.UNMANAGED),
        Compound("k3", "建设路7号楼", "c1", CompoundKind.RENTAL),
    ]
    r.duties = [
        Duty(DUTY_HOLDER, street="s1"),
        *(Duty(DUTY_HOLDER, compound=k) for k in ["k1", "k2", "k3"]),
    ]
    r.party_groups = [PartyGroup("g1", "党小组", "c1", compounds=("k2",))]
    assert gaps(r, "2026-12-01") == [Gap(GapKind.NO_PARTY_GROUP, compound="k1")]


def test_structural_gaps_do_not_depend_on_the_range() -> None:
    r = roster()
    r.duties = []
    assert gaps(r, "2020-01-01") == gaps(r, "2026-12-01", "2027-01-31")
    assert len(gaps(r, "2020-01-01")) == 2


# -- household_uncared ------------------------------------------------------------------------


def uncared(r: Roster, first: str, last: str | None = None) -> list[tuple[str | None, ...]]:
    found = of_kind(gaps(r, first, last), GapKind.HOUSEHOLD_UNCARED)
    return [(g.household, g.compound, g.reason, g.person) for g in found]


def test_a_household_without_a_carer_is_uncared_while_it_is_active_in_the_range() -> None:
    r = roster(households=[household("h1", "2026-12-01")])  # 14 days: 1st to 14th
    assert uncared(r, "2026-12-14", "2026-12-20") == [("h1", "k1", "missing", None)]
    assert uncared(r, "2026-12-15", "2026-12-20") == []
    assert uncared(r, "2026-11-20", "2026-11-30") == []


def test_a_household_with_its_own_days_is_active_that_many_days() -> None:
    r = roster(households=[household("h1", "2026-12-01", days=3)])
    assert uncared(r, "2026-12-03") != []
    assert uncared(r, "2026-12-04") == []
    r.settings = Settings(quarantine_days=3)
    r.households = [household("h1", "2026-12-01")]
    assert uncared(r, "2026-12-04") == []


def test_an_inactive_carer_leaves_the_household_uncared_before_any_leave_counts() -> None:
    r = roster(
        people=[person("c", active=False)],
        households=[household("h1", "2026-12-01", carer="c")],
        leaves=[leave("c", "2026-12-02T00:00", "2026-12-03T00:00")],
    )
    assert uncared(r, "2026-12-01", "2026-12-07") == [("h1", "k1", "inactive", "c")]


def test_carer_leave_counts_during_any_part_of_an_active_day_in_the_range() -> None:
    def with_leave(
        start: str, end: str, first: str = "2026-12-10", last: str = "2026-12-25"
    ) -> list:
        r = roster(
            people=[person("c")],
            households=[household("h1", "2026-12-01", carer="c")],  # active to the 14th
            leaves=[leave("c", start, end)],
        )
        return uncared(r, first, last)

    assert with_leave("2026-12-14T23:00", "2026-12-15T02:00") == [("h1", "k1", "leave", "c")]
    assert with_leave("2026-12-15T00:00", "2026-12-16T00:00") == []  # after its last day
    assert with_leave("2026-12-09T08:00", "2026-12-10T00:00") == []  # before the range
    assert with_leave("2026-12-13T08:00", "2026-12-13T09:00", last="2026-12-12") == []


# -- carer_overloaded -------------------------------------------------------------------------


def test_carer_overloaded_reports_the_peak_and_the_first_day_it_is_reached() -> None:
    r = roster(
        people=[person("c"), person("d")],
        households=[
            household("h1", "2026-12-01", carer="c"),
            household("h2", "2026-12-03", carer="c"),
            household("h3", "2026-12-05", carer="c", days=3),  # 5th to 7th
            household("h4", "2026-12-10", carer="c"),
            household("h5", "2026-12-01", carer="d"),
            household("h6", "2026-12-01", carer="d"),
        ],
        settings=Settings(max_households_per_carer=2),
    )
    found = of_kind(gaps(r, "2026-12-01", "2026-12-20"), GapKind.CARER_OVERLOADED)
    assert found == [
        Gap(GapKind.CARER_OVERLOADED, person="c", date=day("2026-12-05"), count=3, max=2)
    ]
    assert of_kind(gaps(r, "2026-12-08", "2026-12-09"), GapKind.CARER_OVERLOADED) == []
    (later,) = of_kind(gaps(r, "2026-12-08", "2026-12-20"), GapKind.CARER_OVERLOADED)
    assert (later.date, later.count) == (day("2026-12-10"), 3)
