"""Calendars: RFC 5545 that a phone imports, updates on re-import, and keeps in local time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from zoneinfo import ZoneInfo

import icalendar

from roster_tui.domain.week import Week
from roster_tui.export import Scope, WeekView, write_ics
from roster_tui.export.ics_writer import fold, issue

from .sample import MONDAY, PRINTED_AT, build_roster, make_instance

SHANGHAI = ZoneInfo("Asia/Shanghai")


def events(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def test_a_person_gets_one_event_per_shift_they_stand(view_of: Callable[[Scope], WeekView]) -> None:
    found = events(write_ics(view_of(Scope.person("p004")), lang="zh", printed_at=PRINTED_AT))
    starts = sorted(e.decoded("DTSTART") for e in found)
    assert starts == [
        dt.datetime(2026, 12, 1, 8, tzinfo=SHANGHAI),
        dt.datetime(2026, 12, 2, 20, tzinfo=SHANGHAI),
        dt.datetime(2026, 12, 5, 20, tzinfo=SHANGHAI),
        dt.datetime(2026, 12, 6, 8, tzinfo=SHANGHAI),
    ]
    night = next(e for e in found if e.decoded("DTSTART").day == 2)
    assert night.decoded("DTEND") == dt.datetime(2026, 12, 3, 8, tzinfo=SHANGHAI)
    assert str(night["SUMMARY"]) == "夜班 · 农科路12号院东门"


def test_times_carry_the_subdistrict_tzid_with_its_vtimezone(
    view_of: Callable[[Scope], WeekView],
) -> None:
    data = write_ics(view_of(Scope.person("p004")), lang="zh", printed_at=PRINTED_AT)
    calendar = icalendar.Calendar.from_ical(data)
    zones = list(calendar.walk("VTIMEZONE"))
    assert [str(z["TZID"]) for z in zones] == ["Asia/Shanghai"]
    assert all(e["DTSTART"].params["TZID"] == "Asia/Shanghai" for e in events(data))
    assert b"DTSTAMP:20261128T013000Z" in data  # 09:30 in Shanghai


def test_uids_and_sequences_are_stable_while_nothing_changes(
    view_of: Callable[[Scope], WeekView],
) -> None:
    first = write_ics(view_of(Scope.post("x001")), printed_at=PRINTED_AT)
    _, issued = issue(view_of(Scope.post("x001")))
    later = write_ics(view_of(Scope.post("x001")), issued=issued)
    uids = [str(e["UID"]) for e in events(first)]
    assert uids == [str(e["UID"]) for e in events(later)]
    assert len(set(uids)) == len(uids) == 14
    assert {int(e["SEQUENCE"]) for e in events(later)} == {0}


def test_the_same_shift_has_different_uids_in_two_peoples_calendars(
    view_of: Callable[[Scope], WeekView],
) -> None:
    mine = {
        e.decoded("DTSTART"): str(e["UID"])
        for e in events(write_ics(view_of(Scope.person("p001"))))
    }
    theirs = {
        e.decoded("DTSTART"): str(e["UID"])
        for e in events(write_ics(view_of(Scope.person("p002"))))
    }
    shared = set(mine) & set(theirs)
    assert shared and all(mine[s] != theirs[s] for s in shared)


def test_a_shift_the_person_no_longer_counts_on_is_cancelled(
    view_of: Callable[[Scope], WeekView],
) -> None:
    view = view_of(Scope.person("p001"))
    _, issued = issue(view)
    view.instances = [
        replace(i, counted=()) if i.date.weekday() == 0 else i for i in view.instances
    ]
    found = events(write_ics(view, issued=issued))
    monday = [e for e in found if e.decoded("DTSTART").date() == MONDAY]
    assert [(str(e["STATUS"]), int(e["SEQUENCE"])) for e in monday] == [("CANCELLED", 1)]


def test_lines_end_in_crlf_and_fold_at_75_octets(view_of: Callable[[Scope], WeekView]) -> None:
    data = write_ics(view_of(Scope.whole()), lang="zh", printed_at=PRINTED_AT)
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    physical = data.split(b"\r\n")
    assert max(len(line) for line in physical) <= 75
    assert any(line.startswith(b" ") for line in physical)
    for line in physical:
        line.decode("utf-8")  # never a UTF-8 character split across a fold


def test_folding_keeps_multibyte_characters_whole() -> None:
    line = "DESCRIPTION:" + "𠮷" * 40
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))


def test_text_is_escaped_and_sanitized() -> None:
    roster = build_roster()
    people = [p for p in roster.people if p.id != "p001"]
    chief = next(p for p in roster.people if p.id == "p001")
    roster.people = [replace(chief, name="张,伟;\\x\x1b"), *people]
    monday = dt.date(2026, 11, 30)
    instance = make_instance(roster, "x001", monday, "白班", ("p001", "p002"))
    data = write_ics(WeekView(roster, Week(monday), [instance], Scope.person("p002")))
    assert b"\x1b" not in data
    assert "张\\,伟\\;\\\\x\\\\x1b".encode() in data.replace(b"\r\n ", b"")
    description = str(events(data)[0]["DESCRIPTION"])
    assert "张,伟;\\x\\x1b" in description


def test_a_dst_week_gets_both_observances_and_a_23_hour_day() -> None:
    roster = build_roster("America/New_York")
    monday = dt.date(2026, 3, 2)  # DST starts on Sunday 2026-03-08
    sunday = monday + dt.timedelta(days=6)
    instances = [make_instance(roster, "x002", sunday, "全天", ("p002",))]
    data = write_ics(WeekView(roster, Week(monday), instances, Scope.person("p002")))
    zone = next(iter(icalendar.Calendar.from_ical(data).walk("VTIMEZONE")))
    kinds = [c.name for c in zone.subcomponents]
    assert kinds == ["STANDARD", "DAYLIGHT"]
    (event,) = events(data)
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert end.astimezone(dt.UTC) - start.astimezone(dt.UTC) == dt.timedelta(hours=23)
    assert start.utcoffset() == dt.timedelta(hours=-5) and end.utcoffset() == dt.timedelta(hours=-4)
