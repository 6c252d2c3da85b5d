"""From a parsed TOML document to a :class:`Roster`, or to the full list of what is wrong.

Reading goes in three sweeps so that one mistake is reported once, where it is: every row's own
keys (types, missing and unknown keys, a post's shifts), then rules between keys of one row (a
leave's ``to`` after its ``from``, a duty naming exactly one place), then what rows say about
each other (duplicate ids, references, shift names). Only a file with no problem at all becomes
domain objects.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from roster_tui.domain.entities import dated_shifts
from roster_tui.domain.kinds import KIND_NAMED, KINDS
from roster_tui.domain.model import Roster, Settings, ShiftPattern, Subdistrict
from roster_tui.interchange.problems import Plain
from roster_tui.interchange.report import Report, Where
from roster_tui.interchange.tables import (
    FORMAT,
    NESTED,
    ROWS,
    SETTINGS,
    SHIFT,
    SUBDISTRICT,
    TOP_LEVEL,
    Field,
    Row,
    read_row,
    unknown_key,
)

# Each array of tables holds one kind of row, in the registry's order.
assert list(ROWS) == [kind.name for kind in KINDS], "every kind of row needs its table in ROWS"
_ATTRIBUTES = {"from": "start", "to": "end", "shift_rows": "shifts"}


class _Post:
    """What the rest of the file may say about one post: the names of its shifts."""

    def __init__(self) -> None:
        self.shift_names: set[str] = set()  # of every pattern
        self.patterns: list[tuple[dt.date | None, set[str]]] = []  # each from its first day
        self.shifts_known = True  # False when the shifts or a shift's name could not be read

    def names_on(self, day: object) -> set[str]:
        """The shift names of the pattern holding on ``day`` (all of them for no date)."""
        if not isinstance(day, dt.date):
            return self.shift_names
        held = self.shift_names
        for since, names in self.patterns:
            if since is None or since <= day:
                held = names
        return held


def _check_format(report: Report, doc: dict[str, Any]) -> None:
    top = Where()
    if "format" not in doc:
        report.add(top, "format", "import.format_missing", expected=Plain(FORMAT))
        return
    value = doc["format"]
    if value != FORMAT:
        report.add(top, "format", "import.format_wrong", expected=Plain(FORMAT), value=value)
        if isinstance(value, str) and value.startswith("roster-tui/"):
            # Another version's file: listing all its other differences would only bury this.
            report.raise_if_any()


def _written_as(name: str, value: object) -> str:
    """How a table is written in the file: ``[name]`` or ``[[name]]``."""
    return f"[{name}]" if isinstance(value, dict) else f"[[{name}]]"


PLAIN_TABLES = ("subdistrict", "settings")  # written [name]; every other table is [[name]]


def _unknown_top_level(report: Report, key: str, value: object) -> None:
    line = report.lines.table_line(key)
    is_table = isinstance(value, dict) or (
        isinstance(value, list) and bool(value) and all(isinstance(row, dict) for row in value)
    )
    if not is_table:
        unknown_key(report, Where(), key, list(TOP_LEVEL), line=line)
        return
    tables = [name for name in TOP_LEVEL if name != "format"]
    # The file says which shape it used; name the table meant in the shape it must have.
    table = Plain(_written_as(key, value))
    close = difflib.get_close_matches(key, tables, n=1, cutoff=0.6)
    if close:
        meant = close[0]
        suggestion = Plain(f"[{meant}]" if meant in PLAIN_TABLES else f"[[{meant}]]")
        report.add(
            Where(),
            None,
            "import.table_unknown_close",
            line=line,
            table=table,
            suggestion=suggestion,
        )
    else:
        allowed = Plain(", ".join(tables))
        report.add(Where(), None, "import.table_unknown", line=line, table=table, allowed=allowed)


def _read_table(
    report: Report, doc: dict[str, Any], name: str, schema: dict[str, Field], *, required: bool
) -> Row | None:
    if name not in doc:
        if required:
            report.add(Where(), name, "import.table_missing", table=Plain(f"[{name}]"))
        return None
    return read_row(report, Where(name), doc[name], schema)


def _read_shifts(report: Report, row: Row, raw: dict[str, Any], post: _Post) -> None:
    """A post's ``[[post.shift]]`` rows: at least one, names unique within the post."""
    shifts = raw.get("shift")
    if shifts is None or shifts == []:
        report.add(row.where, "shift", "import.post_no_shift")
        row.ok = post.shifts_known = False
        return
    if not isinstance(shifts, list):
        report.add(row.where, "shift", "import.expected_array", table=Plain("[[post.shift]]"))
        row.ok = post.shifts_known = False
        return
    patterns: list[tuple[dt.date | None, ShiftPattern]] = []
    first_row: dict[str, int] = {}
    since: dt.date | None = None  # the day the pattern of the rows so far begins
    for index, shift_raw in enumerate(shifts, start=1):
        shift = read_row(report, row.where.nested("shift", index), shift_raw, SHIFT)
        day = shift.values.pop("from", None)
        if index == 1:  # a first row with from: the post has no shifts before that day
            post.patterns.append((None, set()))
        if day != since:  # a new pattern begins: its day comes after the one before
            if day is None or (since is not None and day <= since):  # type: ignore[operator]
                report.add(shift.where, "from", "import.shift_from_order")
                shift.ok = post.shifts_known = False
            elif isinstance(day, dt.date):
                since, first_row = day, {}
                post.patterns.append((day, set()))
        name = shift.values.get("name")
        if not isinstance(name, str):
            post.shifts_known = False
        elif name in first_row:
            report.add(
                shift.where, "name", "import.shift_duplicate", value=name, first=first_row[name]
            )
            shift.ok = False
        else:
            first_row[name] = index
            post.shift_names.add(name)
            post.patterns[-1][1].add(name)
        if shift.ok:
            patterns.append((since, ShiftPattern(**shift.values)))  # type: ignore[arg-type]
        row.ok = row.ok and shift.ok
    row.values["shift_rows"], row.values["earlier"] = dated_shifts(patterns)


def _read_rows(
    report: Report, doc: dict[str, Any], posts: dict[str, _Post]
) -> dict[str, list[Row]]:
    rows: dict[str, list[Row]] = {}
    for name, schema in ROWS.items():
        rows[name] = []
        raw_rows = doc.get(name, [])
        if not isinstance(raw_rows, list):
            line = report.lines.table_line(name)
            report.add(
                Where(), name, "import.expected_array", table=Plain(f"[[{name}]]"), line=line
            )
            continue
        for index, raw in enumerate(raw_rows, start=1):
            row_id = raw.get("id") if isinstance(raw, dict) and "id" in schema else None
            where = Where(name, index, row_id if isinstance(row_id, str) and row_id else None)
            row = read_row(report, where, raw, schema, NESTED.get(name, frozenset()))
            if name == "post" and isinstance(raw, dict):
                post = _Post()
                _read_shifts(report, row, raw, post)
                if isinstance(row.values.get("id"), str):
                    posts.setdefault(row.values["id"], post)  # type: ignore[arg-type]
            rows[name].append(row)
    return rows


def _flag(report: Report, row: Row, key: str | None, message: str, **params: Any) -> None:
    report.add(row.where, key, message, **params)
    row.ok = False


def _check_within_rows(report: Report, rows: dict[str, list[Row]]) -> None:
    for row in rows["leave"]:
        start, end = row.values.get("from"), row.values.get("to")
        if start is not None and end is not None and end <= start:  # type: ignore[operator]
            _flag(report, row, "to", "import.leave_to_not_after_from", start=start, end=end)
    for row in rows["rotation"]:
        start, end = row.values.get("start"), row.values.get("end")
        if start is not None and end is not None and end < start:  # type: ignore[operator]
            _flag(report, row, "end", "import.rotation_end_before_start", start=start, end=end)
    for row in rows["request"]:
        asked, done = row.values.get("asked"), row.values.get("done")
        if asked is not None and done is not None and done < asked:  # type: ignore[operator]
            _flag(report, row, "done", "import.request_done_before_asked", asked=asked, done=done)
    for row in rows["duty"]:
        if row.written is None:
            continue
        places = row.written & {"compound", "street"}
        if not places:
            _flag(report, row, "compound", "import.duty_needs_place")
        elif len(places) == 2:
            _flag(report, row, "street", "import.duty_two_places")


def _check_ids(report: Report, rows: dict[str, list[Row]]) -> dict[str, dict[str, int]]:
    """Every table's ids (first row holding each), reporting the rows that repeat one."""
    ids: dict[str, dict[str, int]] = {}
    for name, table_rows in rows.items():
        seen = ids.setdefault(name, {})
        for row in table_rows:
            row_id = row.values.get("id")
            if not isinstance(row_id, str):
                continue
            if row_id in seen:
                _flag(report, row, "id", "import.duplicate_id", value=row_id, first=seen[row_id])
            else:
                seen[row_id] = row.where.index or 0
    return ids


def _check_references(
    report: Report,
    rows: dict[str, list[Row]],
    ids: dict[str, dict[str, int]],
    posts: dict[str, _Post],
) -> None:
    for name, schema in ROWS.items():
        refs = [(key, spec.ref) for key, spec in schema.items() if spec.ref is not None]
        for row in rows[name]:
            for key, target in refs:
                value = row.values.get(key)
                known = ids[target]
                table = Plain(f"[[{target}]]")
                if isinstance(value, str):
                    if value not in known:
                        _flag(report, row, key, "import.dangling", value=value, table=table)
                elif isinstance(value, tuple):
                    for item, element in enumerate(value, start=1):
                        if element not in known:
                            report.add(
                                row.where,
                                key,
                                "import.dangling",
                                item=item,
                                value=element,
                                table=table,
                            )
                            row.ok = False
    for name, key in (("rotation", "shifts"), ("override", "shift")):
        for row in rows[name]:
            post_id = row.values.get("post")
            post = posts.get(post_id) if isinstance(post_id, str) else None
            value = row.values.get(key)
            if post is None or not post.shifts_known or value is None:
                continue
            names: tuple[str, ...] = (value,) if isinstance(value, str) else value  # type: ignore[assignment]
            # An override names a shift of its date's pattern; a rotation, one of any pattern.
            allowed = post.names_on(row.values.get("date") if name == "override" else None)
            for item, shift in enumerate(names, start=1):
                if shift not in allowed:
                    report.add(
                        row.where,
                        key,
                        "import.shift_unknown",
                        item=item if isinstance(value, tuple) else None,
                        value=shift,
                        post=post_id,
                    )
                    row.ok = False


def _entities(name: str, rows: list[Row]) -> list[object]:
    cls = KIND_NAMED[name].cls
    plain = _ATTRIBUTES.keys().isdisjoint  # true of most rows: their keys are attribute names
    return [
        cls(**row.values)
        if plain(row.values)
        else cls(**{_ATTRIBUTES.get(key, key): value for key, value in row.values.items()})
        for row in rows
    ]


def validate(doc: dict[str, Any], report: Report) -> Roster:
    """The roster ``doc`` describes; raises ``InterchangeError`` with every problem found."""
    _check_format(report, doc)
    for key, value in doc.items():
        if key not in TOP_LEVEL:
            _unknown_top_level(report, key, value)
    subdistrict = _read_table(report, doc, "subdistrict", SUBDISTRICT, required=True)
    settings = _read_table(report, doc, "settings", SETTINGS, required=False)
    posts: dict[str, _Post] = {}
    rows = _read_rows(report, doc, posts)
    _check_within_rows(report, rows)
    ids = _check_ids(report, rows)
    _check_references(report, rows, ids, posts)
    report.raise_if_any()

    assert subdistrict is not None  # a missing one was reported above
    roster = Roster(
        subdistrict=Subdistrict(**subdistrict.values),  # type: ignore[arg-type]
        settings=Settings(**settings.values) if settings else Settings(),  # type: ignore[arg-type]
    )
    for kind in KINDS:
        getattr(roster, kind.list_name).extend(_entities(kind.name, rows[kind.name]))
    return roster
