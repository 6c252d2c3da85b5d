"""The care loop for one scope: the requests board and Today's alerts."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pendulum
import pytest

from roster_tui.domain.model import Contact, ContactMethod, Roster
from roster_tui.interchange import load_roster_file
from roster_tui.services.care import open_requests
from roster_tui.services.care_views import care_alerts, in_scope, requests_board
from roster_tui.services.demo import demo_roster, sample_file

TODAY = dt.date(2026, 12, 2)
NOW = pendulum.datetime(2026, 12, 2, 9, tz="Asia/Shanghai")


@pytest.fixture(scope="module")
def demo() -> Roster:
    return demo_roster(load_roster_file(sample_file()), TODAY)


def community_of(roster: Roster, household: str) -> str:
    return roster.index.compounds[roster.index.households[household].compound].community


def test_the_board_holds_the_scopes_open_requests_overdue_first(demo: Roster) -> None:
    whole = requests_board(demo, NOW, None)
    assert [row.request for row in whole] == open_requests(demo, NOW)
    assert [row.overdue for row in whole] == sorted((row.overdue for row in whole), reverse=True)
    assert any(row.overdue for row in whole)
    for community in demo.index.communities:
        rows = requests_board(demo, NOW, community)
        assert {row.request.id for row in rows} == {
            row.request.id
            for row in whole
            if community_of(demo, row.request.household) == community
        }


def test_alerts_name_fevers_overdue_requests_and_households_not_called(demo: Roster) -> None:
    alerts = care_alerts(demo, NOW, None)
    contacted = {c.household for c in demo.contacts if c.date == TODAY}
    active = {h.id for h in demo.households if h.active_on(TODAY, demo.settings)}
    assert {h.id for h in alerts.uncontacted} == active - contacted
    assert [h.id for h, _ in alerts.fevers] and all(t >= 37.3 for _, t in alerts.fevers)
    assert [row.request.id for row in alerts.overdue] == [
        row.request.id for row in requests_board(demo, NOW, None) if row.overdue
    ]
    assert alerts.open_requests == len(open_requests(demo, NOW))


def test_a_normal_reading_later_clears_the_fever_alert(demo: Roster) -> None:
    (household, _), *_ = care_alerts(demo, NOW, None).fevers
    assert household.carer is not None
    later = dt.datetime(2026, 12, 3, 9, tzinfo=NOW.tzinfo)
    normal = Contact(household.id, later.date(), household.carer, ContactMethod.VISIT, 36.5)
    cleared = dataclasses.replace(demo, contacts=[*demo.contacts, normal])
    assert household.id not in {h.id for h, _ in care_alerts(cleared, later, None).fevers}


def test_alerts_of_a_community_keep_to_it(demo: Roster) -> None:
    for community in demo.index.communities:
        alerts = care_alerts(demo, NOW, community)
        households = [*alerts.uncontacted, *(h for h, _ in alerts.fevers)]
        assert all(in_scope(demo, h, community) for h in households)
        assert all(in_scope(demo, row.household, community) for row in alerts.overdue)
