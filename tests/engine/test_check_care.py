"""The care loop's gaps, walked rule by rule: uncontacted days, fevers and overdue requests."""

from __future__ import annotations

import dataclasses

import pendulum
from builders import contact, day, household, of_kind, person, request, roster

from roster_tui.domain.changes import Change
from roster_tui.domain.gaps import GapKind
from roster_tui.domain.model import Settings
from roster_tui.engine.check import check
from roster_tui.engine.incremental import GapTracker

MON, SUN = day("2026-11-30"), day("2026-12-06")


def at(text: str, zone: str = "Asia/Shanghai") -> pendulum.DateTime:
    return pendulum.parse(text, tz=zone)  # type: ignore[return-value]


WED_NOON = at("2026-12-02T12:00")


def uncontacted(gaps: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(g.household, g.date.isoformat()) for g in of_kind(gaps, GapKind.HOUSEHOLD_UNCONTACTED)]


def test_every_active_day_up_to_today_without_a_contact_is_one_gap() -> None:
    r = roster(people=[person("c")], households=[household("h1", "2026-12-01", carer="c")])
    gaps = check(r, MON, SUN, now=WED_NOON)
    # Active from Tuesday; Monday is before its quarantine, Thursday on is after today.
    assert uncontacted(gaps) == [("h1", "2026-12-01"), ("h1", "2026-12-02")]
    assert all(g.person == "c" and g.compound == "k1" for g in gaps if g.household == "h1")


def test_a_contact_by_anyone_on_the_day_counts_and_only_for_its_own_household() -> None:
    r = roster(
        people=[person("c"), person("v")],
        households=[household("h1", "2026-12-01", carer="c"), household("h2", "2026-12-01")],
        contacts=[contact("h1", "2026-12-01", by="v"), contact("h1", "2026-12-02", by="c")],
    )
    assert uncontacted(check(r, MON, SUN, now=WED_NOON)) == [
        ("h2", "2026-12-01"),
        ("h2", "2026-12-02"),
    ]


def test_a_household_is_not_owed_contact_after_its_quarantine_ends() -> None:
    r = roster(households=[household("h1", "2026-11-25", days=7)])  # active to Dec 1 inclusive
    gaps = check(r, MON, SUN, now=at("2026-12-06T20:00"))
    assert uncontacted(gaps) == [("h1", "2026-11-30"), ("h1", "2026-12-01")]
    assert of_kind(gaps, GapKind.HOUSEHOLD_UNCONTACTED)[0].person is None  # no carer named


def test_today_is_the_date_of_now_in_the_subdistricts_zone() -> None:
    r = roster(households=[household("h1", "2026-12-01")])
    # 23:30 UTC on Dec 1 is already 07:30 on Dec 2 in Shanghai.
    gaps = check(r, MON, SUN, now=at("2026-12-01T23:30", "UTC"))
    assert uncontacted(gaps) == [("h1", "2026-12-01"), ("h1", "2026-12-02")]


def test_a_reading_at_or_above_the_fever_line_is_a_gap_per_contact() -> None:
    r = roster(
        people=[person("c")],
        households=[household("h1", "2026-12-01", carer="c")],
        contacts=[
            contact("h1", "2026-12-01", by="c", temperature=37.3),  # at the line: a fever
            contact("h1", "2026-12-02", by="c", temperature=37.2),
            contact("h1", "2026-12-03", by="c"),  # no reading
        ],
    )
    (fever,) = of_kind(check(r, MON, SUN, now=WED_NOON), GapKind.FEVER)
    assert (fever.household, fever.date, fever.temperature, fever.person) == (
        "h1",
        day("2026-12-01"),
        37.3,
        "c",
    )


def test_fever_line_comes_from_the_settings_and_the_contact_must_be_in_range() -> None:
    r = roster(
        households=[household("h1", "2026-11-20")],
        contacts=[
            contact("h1", "2026-11-29", temperature=39.0),
            contact("h1", "2026-12-01", temperature=38.0),
        ],
        settings=Settings(fever_temperature=38.5),
    )
    assert of_kind(check(r, MON, SUN, now=WED_NOON), GapKind.FEVER) == []


def test_an_open_request_is_overdue_once_its_due_time_has_come() -> None:
    r = roster(
        people=[person("v")],
        households=[household("h1", "2026-12-01")],
        requests=[request("q1", "h1", "2026-12-01T12:00", handler="v")],
    )
    assert of_kind(check(r, MON, SUN, now=at("2026-12-02T11:59")), GapKind.REQUEST_OVERDUE) == []
    (gap,) = of_kind(check(r, MON, SUN, now=WED_NOON), GapKind.REQUEST_OVERDUE)  # due exactly now
    assert gap.to_json() == {
        "kind": "request_overdue",
        "request": "q1",
        "household": "h1",
        "compound": "k1",
        "request_kind": "supplies",
        "asked": "2026-12-01T12:00",
        "due": "2026-12-02T12:00",
        "person": "v",
    }


def test_a_done_request_or_one_asked_outside_the_range_is_never_overdue() -> None:
    r = roster(
        households=[household("h1", "2026-11-20")],
        requests=[
            request("q1", "h1", "2026-12-01T08:00", done="2026-12-05T08:00"),  # late, but done
            request("q2", "h1", "2026-11-29T08:00"),  # asked the Sunday before the range
        ],
    )
    assert of_kind(check(r, MON, SUN, now=at("2026-12-06T23:00")), GapKind.REQUEST_OVERDUE) == []


def test_due_is_elapsed_time_printed_as_wall_clock_across_a_dst_change() -> None:
    r = roster(
        households=[household("h1", "2026-03-20")],
        requests=[request("q1", "h1", "2026-03-28T12:00")],
        timezone="Europe/Berlin",
    )
    gaps = check(
        r, day("2026-03-23"), day("2026-03-29"), now=at("2026-03-29T18:00", "Europe/Berlin")
    )
    (gap,) = of_kind(gaps, GapKind.REQUEST_OVERDUE)
    assert gap.due == "2026-03-29T13:00"  # 24 hours later, but clocks went forward an hour
    assert gap.person is None


def test_request_hours_set_the_due_time() -> None:
    r = roster(
        households=[household("h1", "2026-12-01")],
        requests=[request("q1", "h1", "2026-12-02T10:30")],
        settings=Settings(request_hours=1.5),
    )
    (gap,) = of_kind(check(r, MON, SUN, now=WED_NOON), GapKind.REQUEST_OVERDUE)
    assert gap.due == "2026-12-02T12:00"


def test_the_tracker_takes_a_contact_without_a_full_recheck_and_agrees_with_check() -> None:
    r = roster(
        people=[person("c")],
        households=[household("h1", "2026-12-01", carer="c"), household("h2", "2026-12-01")],
        requests=[request("q1", "h2", "2026-12-01T08:00")],
    )
    tracker = GapTracker(r, MON, SUN, now=WED_NOON)
    added = contact("h1", "2026-12-02", by="c", temperature=38.0)
    delta = tracker.apply(Change(None, added))
    assert not delta.rechecked
    assert [(g.kind, g.date) for g in delta.removed] == [
        (GapKind.HOUSEHOLD_UNCONTACTED, day("2026-12-02"))
    ]
    assert [g.kind for g in delta.added] == [GapKind.FEVER]
    done = dataclasses.replace(r.requests[0], done=pendulum.datetime(2026, 12, 2, 9).naive())
    delta = tracker.apply(Change(r.requests[0], done))
    assert [g.kind for g in delta.removed] == [GapKind.REQUEST_OVERDUE] and not delta.added
    r.contacts.append(added)
    r.requests[0] = done
    assert tracker.gaps == check(r, MON, SUN, now=WED_NOON)
