"""A phone applying calendar files by UID and SEQUENCE always shows the person's real shifts.

The model client does what phone calendars do with a published file: an event it has not seen
is added; an event it has seen is replaced only when the file's SEQUENCE is higher. After every
edit the office exports the person's calendar again, and what the phone shows as confirmed
must equal the shifts the person really holds, whatever removed or moved one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from icalendar import Calendar

from roster_tui.domain.instances import ShiftInstance
from roster_tui.export import Scope, WeekView, write_ics
from roster_tui.export.ics_writer import Issued, issue

from .sample import MONDAY, WEEK, build_instances, build_roster

PERSON = "p002"  # 李娜: day shifts and nights at the east gate, whole days at the south gate
Phone = dict[str, tuple[int, str, dt.datetime, dt.datetime]]


def apply(phone: Phone, data: bytes) -> None:
    for event in Calendar.from_ical(data).walk("VEVENT"):
        uid, sequence = str(event["UID"]), int(event.get("SEQUENCE", 0))
        known = phone.get(uid)
        if known is None or sequence > known[0]:
            phone[uid] = (sequence, str(event["STATUS"]), event["DTSTART"].dt, event["DTEND"].dt)


def shown(phone: Phone) -> set[tuple[dt.datetime, dt.datetime]]:
    return {(start, end) for _, status, start, end in phone.values() if status == "CONFIRMED"}


def real(instances: list[ShiftInstance]) -> set[tuple[dt.datetime, dt.datetime]]:
    return {(i.start, i.end) for i in instances if PERSON in i.counted}


def _without(instance: ShiftInstance, person: str) -> ShiftInstance:
    kept = tuple(p for p in instance.assigned if p != person)
    return replace(
        instance, assigned=kept, counted=tuple(p for p in instance.counted if p != person)
    )


def _with(instance: ShiftInstance, person: str) -> ShiftInstance:
    return replace(
        instance, assigned=(*instance.assigned, person), counted=(*instance.counted, person)
    )


def _edit(instances: list[ShiftInstance], post: str, day: int, shift: str, change) -> None:  # type: ignore[no-untyped-def]
    for index, instance in enumerate(instances):
        if instance.key == (post, MONDAY + dt.timedelta(days=day), shift):
            instances[index] = change(instance)


def test_the_phone_always_shows_the_real_shifts_over_a_series_of_edits() -> None:
    roster = build_roster()
    instances = build_instances(roster)
    phone: Phone = {}
    issued: dict[str, Issued] = {}

    def export_and_apply() -> None:
        nonlocal issued
        view = WeekView(roster, WEEK, instances, Scope.person(PERSON))
        apply(phone, write_ics(view, lang="zh", issued=issued))
        _, issued = issue(view, "zh", issued)
        assert shown(phone) == real(instances)

    export_and_apply()
    assert len(shown(phone)) == 8
    # An override takes her off Monday's day shift.
    _edit(instances, "x001", 0, "白班", lambda i: _without(i, PERSON))
    export_and_apply()
    # Tuesday's night moves an hour earlier (same post, date and shift: same UID).
    _edit(
        instances,
        "x001",
        1,
        "夜班",
        lambda i: replace(
            i, start=i.start - dt.timedelta(hours=1), end=i.end - dt.timedelta(hours=1)
        ),
    )
    export_and_apply()
    # A swap: her Friday night goes to 赵六's Thursday night at the rental compound.
    _edit(instances, "x001", 4, "夜班", lambda i: _without(i, PERSON))
    _edit(instances, "x003", 3, "夜班", lambda i: _with(i, PERSON))
    export_and_apply()
    # A rotation change gives Wednesday's south gate day to someone else.
    _edit(instances, "x002", 2, "全天", lambda i: replace(_without(i, PERSON), counted=("p010",)))
    export_and_apply()
    # Leave: counted no more on Saturday's south gate day, though still assigned.
    _edit(instances, "x002", 6, "全天", lambda i: replace(i, counted=()))
    export_and_apply()
    # And back on Monday: the cancelled event comes back with a higher SEQUENCE.
    _edit(instances, "x001", 0, "白班", lambda i: _with(i, PERSON))
    export_and_apply()


def test_sequence_grows_when_the_time_changes() -> None:
    roster = build_roster()
    instances = build_instances(roster)
    view = WeekView(roster, WEEK, instances, Scope.person(PERSON))
    before, issued = issue(view, "zh", {})
    _edit(instances, "x001", 1, "夜班", lambda i: replace(i, start=i.start - dt.timedelta(hours=1)))
    after, _ = issue(WeekView(roster, WEEK, instances, Scope.person(PERSON)), "zh", issued)
    moved = {e.uid: e.sequence for e, _ in after}
    unchanged = {e.uid: e.sequence for e, _ in before}
    changed = [uid for uid in moved if moved[uid] != unchanged.get(uid)]
    assert len(changed) == 1 and moved[changed[0]] == 1
