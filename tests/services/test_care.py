"""The care loop's read model: today's round, fevers until a normal reading, handlers, requests."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pendulum
import pytest

from roster_tui.domain.model import Contact, ContactMethod, RequestKind, Role, Roster
from roster_tui.interchange import load_roster_file
from roster_tui.services.care import (
    HandlerKind,
    common_contact,
    fever_households,
    open_requests,
    rank_handlers,
    request_from_need,
    todays_round,
)
from roster_tui.services.demo import demo_roster, sample_file

TODAY = dt.date(2026, 12, 2)
NOW = pendulum.datetime(2026, 12, 2, 9, tz="Asia/Shanghai")


@pytest.fixture(scope="module")
def demo() -> Roster:
    return demo_roster(load_roster_file(sample_file()), TODAY)


def test_the_round_lists_every_household_in_quarantine_today_neediest_first(demo: Roster) -> None:
    rows = todays_round(demo, NOW)
    active = {h.id for h in demo.households if h.active_on(TODAY, demo.settings)}
    assert {row.household.id for row in rows} == active
    contacted = {c.household for c in demo.contacts if c.date == TODAY}
    assert all(row.contacted_today == (row.household.id in contacted) for row in rows)
    # The demo's morning: one fever first, then the overdue request, then those not yet called.
    assert rows[0].fever and not any(row.fever for row in rows[1:])
    assert rows[1].overdue_requests == 1
    keys = [row.attention for row in rows]
    assert keys == sorted(keys)
    assert any(not row.contacted_today for row in rows) and any(r.contacted_today for r in rows)


def test_a_fever_stays_until_a_later_contact_records_a_normal_reading(demo: Roster) -> None:
    (feverish,) = fever_households(demo, TODAY)
    tomorrow = TODAY + dt.timedelta(days=1)
    assert fever_households(demo, tomorrow) == {feverish}  # no reading since: still a fever
    normal = Contact(feverish, tomorrow, "p001", ContactMethod.VISIT, temperature=36.6)
    cleared = dataclasses.replace(demo, contacts=[*demo.contacts, normal])
    assert fever_households(cleared, tomorrow) == set()
    assert fever_households(cleared, TODAY) == {feverish}  # what was, stays as it was


def test_open_requests_come_by_due_time_overdue_first(demo: Roster) -> None:
    pending = open_requests(demo, NOW)
    assert [r.done for r in pending] == [None, None]
    assert pending[0].asked < pending[1].asked


def test_handlers_are_the_households_community_volunteers_first_never_inactive(
    demo: Roster,
) -> None:
    request = open_requests(demo, NOW)[0]
    choices = rank_handlers(demo, request, TODAY)
    compound = next(h.compound for h in demo.households if h.id == request.household)
    community = next(c.community for c in demo.compounds if c.id == compound)
    first = choices[0]
    assert first.same_community and first.person.community == community
    assert first.kind is HandlerKind.VOLUNTEER and Role.VOLUNTEER in first.person.roles
    assert all(choice.person.active for choice in choices)
    same = [c for c in choices if c.same_community]
    assert [c.kind for c in same] == sorted(c.kind for c in same)


def test_a_need_becomes_a_request_of_the_right_kind_with_a_new_id(demo: Roster) -> None:
    household = demo.households[0]
    asked = dt.datetime(2026, 12, 2, 9, 0)
    need = dataclasses.replace(common_contact(household, "p001", TODAY), needs="就医：产检报备")
    request = request_from_need(demo, need, asked)
    assert request.kind is RequestKind.MEDICAL_OUTING and request.what == "就医：产检报备"
    assert request.id not in {r.id for r in demo.requests}
    rice = dataclasses.replace(need, needs="大米10斤")
    assert request_from_need(demo, rice, asked).kind is RequestKind.SUPPLIES


def test_the_common_contact_is_a_phone_call_today_with_nothing_noted(demo: Roster) -> None:
    contact = common_contact(demo.households[0], "p001", TODAY)
    assert (contact.how, contact.date, contact.temperature, contact.needs) == (
        ContactMethod.PHONE,
        TODAY,
        None,
        None,
    )
