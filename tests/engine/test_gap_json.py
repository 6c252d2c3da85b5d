"""``check --json`` objects: every kind carries exactly the fields docs/format.md lists for it."""

from __future__ import annotations

import json

import pendulum
from builders import contact, day, household, leave, override, person, post, request, roster, shift

from roster_tui.domain.gaps import GapKind
from roster_tui.domain.model import Compound, CompoundKind, Role, Settings, Street
from roster_tui.engine.check import check

INSTANCE = {"post", "date", "shift", "start", "end"}
PAIR = {"person", *INSTANCE, "other_post", "other_date", "other_shift"}
FIELDS = {
    GapKind.UNDERSTAFFED: {*INSTANCE, "need", "have", "people"},
    GapKind.MISSING_ROLE: {*INSTANCE, "role"},
    GapKind.DOUBLE_BOOKED: PAIR,
    GapKind.SHORT_REST: {*PAIR, "hours"},
    GapKind.OVERTIME: {"person", "week", "hours", "max"},
    GapKind.UNAVAILABLE: {"person", *INSTANCE, "reason"},
    GapKind.STREET_UNASSIGNED: {"street"},
    GapKind.COMPOUND_UNASSIGNED: {"compound"},
    GapKind.NO_PARTY_GROUP: {"compound"},
    GapKind.HOUSEHOLD_UNCARED: {"household", "compound", "reason", "person"},
    GapKind.CARER_OVERLOADED: {"person", "date", "count", "max"},
    # ``compound`` is an extra field (allowed): it lets a screen scope the gap to a community.
    GapKind.HOUSEHOLD_UNCONTACTED: {"household", "compound", "date", "person"},
    GapKind.FEVER: {"household", "compound", "date", "temperature", "person"},
    GapKind.REQUEST_OVERDUE: {
        "request",
        "household",
        "compound",
        "request_kind",
        "asked",
        "due",
        "person",
    },
}
NOW = pendulum.datetime(2026, 12, 2, 12, 0, tz="Asia/Shanghai")


def every_kind() -> list[dict[str, object]]:
    guarded = shift("白班", "08:00", "20:00", need=2, role=Role.PARTY_MEMBER)
    r = roster(
        people=[person("a", max_hours=20), person("b", active=False), person("c")],
        posts=[post("x1", guarded), post("x2", shift("午班", "10:00", "14:00"))],
        overrides=[
            override("x1", "2026-12-01", "白班", add=["a", "b"]),
            override("x2", "2026-12-01", "午班", add=["a"]),
            override("x1", "2026-12-02", "白班", add=["a"]),
        ],
        leaves=[leave("c", "2026-12-02T00:00", "2026-12-03T00:00")],
        households=[
            household("h1", "2026-12-01"),
            household("h2", "2026-12-01", carer="c"),
            household("h3", "2026-12-01", carer="c"),
        ],
        settings=Settings(max_households_per_carer=1),
        contacts=[contact("h2", "2026-12-01", by="c", temperature=38.2)],
        requests=[request("q1", "h2", "2026-12-01T09:30", handler="a")],
    )
    r.streets.append(Street("s2", "桐柏路", "c1"))
    r.compounds.append(Compound("k2", "无名院", "c1", CompoundKind.UNMANAGED))
    gaps = check(r, day("2026-12-01"), day("2026-12-02"), now=NOW)
    return [json.loads(json.dumps(g.to_json())) for g in gaps]


def test_each_kind_has_exactly_its_spec_fields() -> None:
    found = every_kind()
    kinds = {g["kind"] for g in found}
    assert kinds >= set(FIELDS) - {GapKind.SHORT_REST}
    for gap in found:
        expected = FIELDS[GapKind(gap["kind"])]
        if gap.get("reason") == "missing" or (
            gap["kind"] == "household_uncontacted" and gap["household"] == "h1"
        ):
            expected = expected - {"person"}  # the carer, only when there is one
        assert set(gap) - {"kind"} == expected, gap
    assert any(g.get("reason") == "missing" for g in found)
    assert any(g["kind"] == "household_uncared" and "person" in g for g in found)


def test_short_rest_has_its_fields_and_hours_as_a_number() -> None:
    r = roster(
        people=[person("a")],
        posts=[post("x1", shift("早", "00:00", "06:00"), shift("晚", "10:00", "12:00"))],
        overrides=[override("x1", "2026-12-01", s, add=["a"]) for s in ("早", "晚")],
    )
    (gap,) = [g.to_json() for g in check(r, day("2026-12-01"), day("2026-12-01"))]
    assert set(gap) - {"kind"} == FIELDS[GapKind.SHORT_REST]
    assert gap["hours"] == 4
    assert gap["other_shift"] == "早" and gap["shift"] == "晚"


def test_times_are_iso_with_seconds_and_offset_and_dates_plain() -> None:
    r = roster(posts=[post("x1", shift("夜班", "20:00", "08:00"))])
    (gap,) = [g.to_json() for g in check(r, day("2026-12-01"), day("2026-12-01"))]
    assert gap == {
        "kind": "understaffed",
        "post": "x1",
        "date": "2026-12-01",
        "shift": "夜班",
        "start": "2026-12-01T20:00:00+08:00",
        "end": "2026-12-02T08:00:00+08:00",
        "need": 1,
        "have": 0,
        "people": [],
    }


def test_overtime_and_carer_json_values() -> None:
    found = every_kind()
    overtime = next(g for g in found if g["kind"] == "overtime")
    assert overtime == {
        "kind": "overtime",
        "person": "a",
        "week": "2026-W49",
        "hours": 28,
        "max": 20,
    }
    carer = next(g for g in found if g["kind"] == "carer_overloaded")
    assert carer == {
        "kind": "carer_overloaded",
        "person": "c",
        "date": "2026-12-01",
        "count": 2,
        "max": 1,
    }
