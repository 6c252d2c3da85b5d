"""Coverage gaps (缺口), the check's vocabulary, and ``check --json``'s shape (docs/format.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any

from roster_tui.domain.week import Week


class GapKind(StrEnum):
    UNDERSTAFFED = "understaffed"
    MISSING_ROLE = "missing_role"
    DOUBLE_BOOKED = "double_booked"
    SHORT_REST = "short_rest"
    OVERTIME = "overtime"
    UNAVAILABLE = "unavailable"
    STREET_UNASSIGNED = "street_unassigned"
    COMPOUND_UNASSIGNED = "compound_unassigned"
    NO_PARTY_GROUP = "no_party_group"
    HOUSEHOLD_UNCARED = "household_uncared"
    CARER_OVERLOADED = "carer_overloaded"
    HOUSEHOLD_UNCONTACTED = "household_uncontacted"
    FEVER = "fever"
    REQUEST_OVERDUE = "request_overdue"


class UnavailableReason(StrEnum):
    INACTIVE = "inactive"
    LEAVE = "leave"
    AVAILABILITY = "availability"


class UncaredReason(StrEnum):
    MISSING = "missing"
    INACTIVE = "inactive"
    LEAVE = "leave"


@dataclass(frozen=True, slots=True)
class Gap:
    """One gap. Only the fields that apply to its kind are set (docs/format.md, its JSON table)."""

    kind: GapKind
    person: str | None = None
    post: str | None = None
    date: dt.date | None = None
    shift: str | None = None
    start: dt.datetime | None = None  # zone-aware
    end: dt.datetime | None = None  # zone-aware
    need: int | None = None
    have: int | None = None
    people: tuple[str, ...] | None = None
    role: str | None = None
    other_post: str | None = None
    other_date: dt.date | None = None
    other_shift: str | None = None
    hours: float | None = None
    week: Week | None = None
    max: float | None = None
    reason: str | None = None
    street: str | None = None
    compound: str | None = None
    household: str | None = None
    count: int | None = None
    temperature: float | None = None
    request: str | None = None
    request_kind: str | None = None
    asked: str | None = None  # local wall clock, YYYY-MM-DDTHH:MM
    due: str | None = None  # local wall clock, YYYY-MM-DDTHH:MM

    def to_json(self) -> dict[str, Any]:
        """The ``check --json`` object: ISO dates, ISO datetimes with seconds and offset."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            if isinstance(value, dt.datetime):
                value = value.isoformat(timespec="seconds")
            elif isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, Week):
                value = str(value)
            elif isinstance(value, StrEnum):
                value = value.value
            out[f.name] = value
        return out
