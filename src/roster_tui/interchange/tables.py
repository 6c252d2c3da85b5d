"""The shape of every table of the interchange file (docs/format.md), and reading one row of it.

A schema lists each key a table may hold: how to read its value, whether it is required, and
which table's ids it names. Keys are written exactly as in the file; the domain's attribute
names differ only for a leave's ``from``/``to``.
"""

from __future__ import annotations

import difflib
from collections.abc import KeysView, Mapping
from dataclasses import dataclass, field

from roster_tui.domain.entities import TEMPERATURE_MAX, TEMPERATURE_MIN
from roster_tui.domain.model import CompoundKind, ContactMethod, RequestKind, Role, Settings
from roster_tui.interchange import fields as f
from roster_tui.interchange.problems import Plain
from roster_tui.interchange.report import Report, Where

FORMAT = "roster-tui/1"


@dataclass(frozen=True, slots=True)
class Field:
    read: f.Reader
    required: bool = True
    ref: str | None = None  # the table whose ids this value (or each item of it) must name


def _optional(read: f.Reader, ref: str | None = None) -> Field:
    return Field(read, required=False, ref=ref)


_ID = Field(f.text)
_NAME = Field(f.text)

# Bounds: the most a sub-district could need (docs/reliability.md "Bounds"). Past them a value is
# a typing mistake or a trap that would make the check spin or a date overflow, so it is refused.
HOURS_PER_WEEK = 168  # every hour of the week
MAX_NEED = 100  # people one shift of one post needs
MAX_PER_SLOT = 50  # people a rotation puts on one slot
MAX_HOUSEHOLDS_PER_CARER = 100
MAX_DAYS = 366  # quarantine lasts days or weeks, never beyond a year
MAX_PEOPLE_IN_HOUSEHOLD = 100
MAX_HOUSEHOLDS_IN_COMPOUND = 100_000
MAX_REQUEST_HOURS = 720  # a request due a month after it was asked is a typo

SUBDISTRICT: dict[str, Field] = {"name": _NAME, "timezone": Field(f.zone)}

SETTINGS: dict[str, Field] = {
    "min_rest_hours": _optional(f.number(minimum=0, inclusive=True, maximum=HOURS_PER_WEEK)),
    "max_hours_per_week": _optional(f.number(minimum=0, inclusive=False, maximum=HOURS_PER_WEEK)),
    "max_households_per_carer": _optional(f.integer(1, MAX_HOUSEHOLDS_PER_CARER)),
    "quarantine_days": _optional(f.integer(1, MAX_DAYS)),
    "request_hours": _optional(f.whole_minutes_of_hours(MAX_REQUEST_HOURS)),
    "fever_temperature": _optional(f.number_between(TEMPERATURE_MIN, TEMPERATURE_MAX)),
}
assert set(SETTINGS) == set(Settings.__dataclass_fields__) - {"id", "version"}  # the store's

SHIFT: dict[str, Field] = {
    "name": _NAME,
    "start": Field(f.shift_start),
    "end": Field(f.shift_end),
    "need": Field(f.integer(1, MAX_NEED)),
    "need_role": _optional(f.choice(Role)),
    "from": _optional(f.date),  # the day the row's pattern begins; unset: the post's first
}

# The arrays of tables, in the order the file lists them and the writer writes them.
ROWS: dict[str, dict[str, Field]] = {
    "community": {"id": _ID, "name": _NAME},
    "street": {"id": _ID, "name": _NAME, "community": Field(f.text, ref="community")},
    "compound": {
        "id": _ID,
        "name": _NAME,
        "community": Field(f.text, ref="community"),
        "street": _optional(f.text, ref="street"),
        "kind": Field(f.choice(CompoundKind)),
        "households": _optional(f.integer(0, MAX_HOUSEHOLDS_IN_COMPOUND)),
    },
    "party_group": {
        "id": _ID,
        "name": _NAME,
        "community": Field(f.text, ref="community"),
        "compounds": Field(f.text_list(non_empty=False), ref="compound"),
        "leader": _optional(f.text, ref="person"),
    },
    "person": {
        "id": _ID,
        "name": _NAME,
        "phone": Field(f.phone),
        "community": Field(f.text, ref="community"),
        "roles": Field(f.choice_list(Role)),
        "party_group": _optional(f.text, ref="party_group"),
        "max_hours_per_week": _optional(
            f.number(minimum=0, inclusive=False, maximum=HOURS_PER_WEEK)
        ),
        "available": _optional(f.windows),
        "active": _optional(f.boolean),
    },
    "post": {
        "id": _ID,
        "name": _NAME,
        "compound": Field(f.text, ref="compound"),
        # ``shift`` is an array of tables of its own, read with SHIFT by the validator.
    },
    "rotation": {
        "id": _ID,
        "post": Field(f.text, ref="post"),
        "members": Field(f.text_list(non_empty=True), ref="person"),
        "start": Field(f.date),
        "end": _optional(f.date),
        "shifts": _optional(f.text_list(non_empty=True)),
        "per_slot": _optional(f.integer(1, MAX_PER_SLOT)),
    },
    "override": {
        "post": Field(f.text, ref="post"),
        "date": Field(f.date),
        "shift": Field(f.text),
        "remove": _optional(f.text_list(non_empty=False), ref="person"),
        "add": _optional(f.text_list(non_empty=False), ref="person"),
    },
    "leave": {
        "person": Field(f.text, ref="person"),
        "from": Field(f.local_datetime),
        "to": Field(f.local_datetime),
        "reason": _optional(f.text),
    },
    "duty": {
        "person": Field(f.text, ref="person"),
        "compound": _optional(f.text, ref="compound"),
        "street": _optional(f.text, ref="street"),
        "role": _optional(f.text),
    },
    "household": {
        "id": _ID,
        "compound": Field(f.text, ref="compound"),
        "address": Field(f.text),
        "head": Field(f.text),
        "phone": Field(f.phone),
        "people": Field(f.integer(1, MAX_PEOPLE_IN_HOUSEHOLD)),
        "start": Field(f.date),
        "days": _optional(f.integer(1, MAX_DAYS)),
        "carer": _optional(f.text, ref="person"),
        "notes": _optional(f.text),
    },
    "contact": {
        "household": Field(f.text, ref="household"),
        "date": Field(f.date),
        "by": Field(f.text, ref="person"),
        "how": Field(f.choice(ContactMethod)),
        "temperature": _optional(f.number_between(TEMPERATURE_MIN, TEMPERATURE_MAX)),
        "needs": _optional(f.text),
    },
    "request": {
        "id": _ID,
        "household": Field(f.text, ref="household"),
        "kind": Field(f.choice(RequestKind)),
        "asked": Field(f.local_datetime),
        "what": Field(f.text),
        "handler": _optional(f.text, ref="person"),
        "done": _optional(f.local_datetime),
    },
}

# Keys a table may hold that its schema reads elsewhere.
NESTED: dict[str, frozenset[str]] = {"post": frozenset({"shift"})}

TOP_LEVEL = ("format", "subdistrict", "settings", *ROWS)
_ABSENT = object()  # what a table gives for a key it does not hold


@dataclass(slots=True)
class Row:
    """One row as read: its place, the values that read well, and whether all of it did."""

    where: Where
    values: dict[str, object] = field(default_factory=dict)
    written: KeysView[str] | None = None  # the keys the file gives; None: not even a table
    ok: bool = True


def unknown_key(
    report: Report, where: Where, key: str, allowed: list[str], *, line: int | None = None
) -> str | None:
    """A key the table does not have: most likely a typo, so name the key that was meant.

    Returns that key, if one is close enough to guess.
    """
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        report.add(where, key, "import.key_unknown_close", line=line, suggestion=Plain(close[0]))
        return close[0]
    report.add(where, key, "import.key_unknown", line=line, allowed=Plain(", ".join(allowed)))
    return None


def read_row(
    report: Report,
    where: Where,
    raw: object,
    schema: Mapping[str, Field],
    nested: frozenset[str] = frozenset(),
) -> Row:
    """Read one table's keys against ``schema``, reporting every missing, unknown or bad key."""
    row = Row(where)
    if not isinstance(raw, dict):
        report.add(where, None, "import.expected_table", value=raw)
        row.ok = False
        return row
    before = len(report.problems)
    row.written = raw.keys()
    meant = set()  # keys a typo stood for: reported once, as the typo
    if not schema.keys() >= row.written:  # the rows of a good file skip this loop
        for key in raw:
            if key not in schema and key not in nested:
                meant.add(unknown_key(report, where, key, [*schema, *sorted(nested)]))
    values = row.values
    for key, spec in schema.items():
        value = raw.get(key, _ABSENT)
        if value is _ABSENT:
            if spec.required and key not in meant:
                report.add(where, key, "import.key_missing")
            continue
        try:
            values[key] = spec.read(value)
        except f.Bad as bad:
            report.add(where, key, bad.message, item=bad.item, **bad.params)
    row.ok = len(report.problems) == before
    return row
