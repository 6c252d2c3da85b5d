"""The week view: which instances, in which order, and who answers for a compound."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from roster_tui.domain.model import Roster
from roster_tui.export import Scope, WeekView

from .sample import MONDAY, WEEK, build_instances, make_instance


def test_the_view_covers_its_week_monday_to_sunday(roster: Roster) -> None:
    view = WeekView(roster, WEEK, [])
    assert (view.monday, view.sunday) == (MONDAY, MONDAY + dt.timedelta(days=6))
    assert view.days == list(WEEK.days)


@pytest.mark.parametrize("scope", [Scope.community("c99"), Scope.person("p99"), Scope.post("x99")])
def test_a_scope_must_name_an_existing_id(roster: Roster, scope: Scope) -> None:
    with pytest.raises(ValueError, match="99"):
        WeekView(roster, WEEK, [], scope)


def test_instances_outside_the_week_are_left_out(roster: Roster) -> None:
    before = make_instance(roster, "x002", MONDAY - dt.timedelta(days=1), "全天", ("p002",))
    after = make_instance(roster, "x002", MONDAY + dt.timedelta(days=7), "全天", ("p002",))
    view = WeekView(roster, WEEK, [before, *build_instances(roster), after])
    assert len(view.instances) == 35
    assert {i.date for i in view.instances} == set(view.days)


def test_instances_follow_the_roster_order_whatever_order_they_come_in(roster: Roster) -> None:
    shuffled = build_instances(roster)
    random.Random(7).shuffle(shuffled)
    view = WeekView(roster, WEEK, shuffled)
    keys = [(i.post.id, i.date, i.shift.name) for i in view.instances]
    assert keys[:3] == [
        ("x001", MONDAY, "白班"),
        ("x001", MONDAY, "夜班"),
        ("x001", MONDAY + dt.timedelta(days=1), "白班"),
    ]
    assert [k[0] for k in keys] == sorted(k[0] for k in keys)


def test_a_community_scope_keeps_its_own_compounds(roster: Roster) -> None:
    view = WeekView(roster, WEEK, build_instances(roster), Scope.community("c02"))
    assert {i.post.id for i in view.instances} == {"x003"}
    assert [c.id for c in view.compounds_in_scope()] == ["k003", "k004"]
    assert view.streets_in_scope() == []


def test_a_post_scope_keeps_that_post_and_its_compound(roster: Roster) -> None:
    view = WeekView(roster, WEEK, build_instances(roster), Scope.post("x002"))
    assert {i.post.id for i in view.instances} == {"x002"}
    assert [c.id for c in view.compounds_in_scope()] == ["k002"]


def test_the_duty_leader_is_the_active_holder_of_the_lead_duty(roster: Roster) -> None:
    view = WeekView(roster, WEEK, [])
    leader = view.duty_leader("k001")
    assert leader is not None and leader[0].id == "p001"  # 包保责任人, listed after 楼栋长
    found = view.duty_leader("k002")
    assert found is not None and found[0].id == "p002"
    assert view.duty_leader("k003") is None  # the only holder is inactive
    assert view.duty_leader("k004") is None


def test_households_of_the_week_are_those_in_quarantine_on_one_of_its_days(
    roster: Roster,
) -> None:
    view = WeekView(roster, WEEK, [])
    assert [h.id for h in view.households_in_scope()] == ["h0001", "h0002", "h0003"]
    later = WeekView(roster, WEEK + 2, [])
    assert [h.id for h in later.households_in_scope()] == []
    carer = WeekView(roster, WEEK, [], Scope.person("p006"))
    assert [h.id for h in carer.households_in_scope()] == ["h0003"]
