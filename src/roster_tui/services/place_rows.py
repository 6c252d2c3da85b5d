"""A place typed into a form, checked by the interchange file's own rules (SPEC §2).

A form hands over what was typed, by field. Each row is read with the very schema ``import``
reads the file with (required keys, types, bounds, choices, which table an id must name), then
checked against the roster it joins (the rows it names exist, a post's shift names are unique,
a rotation ends after it starts and names only its post's shifts). Every problem comes back at
once, by field, in the user's language; nothing is written here.

New rows get an id the user never types: the next free one of the table's usual shape.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from roster_tui.domain.kinds import KIND_NAMED
from roster_tui.domain.model import (
    Community,
    Compound,
    PartyGroup,
    Post,
    Roster,
    Rotation,
    Settings,
    ShiftPattern,
    Street,
)
from roster_tui.i18n import t
from roster_tui.services.people import next_id

# The shape of a new row's id, by table: prefix and digits (c01, s01, k001, g01, x001, r001).
ID_SHAPES: dict[str, tuple[str, int]] = {
    "community": ("c", 2),
    "street": ("s", 2),
    "compound": ("k", 3),
    "party_group": ("g", 2),
    "post": ("x", 3),
    "rotation": ("r", 3),
}
# Fields a form types as text that the file holds as whole numbers.
_WHOLE_NUMBERS = frozenset({"households", "need", "per_slot"})

Typed = Mapping[str, object]  # field -> text, id, list of ids, or None for nothing chosen


class SetupErrors(ValueError):
    """What is wrong with each field, by field name (``shift2`` for the second shift row)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("\n".join(errors.values()))
        self.errors = errors


def new_id(roster: Roster, table: str) -> str:
    prefix, width = ID_SHAPES[table]
    rows = getattr(roster, KIND_NAMED[table].list_name)
    return next_id((row.id for row in rows), prefix, width)


def _as_file_value(field: str, value: object) -> object:
    """The form's text as the file would hold it; blank means the key is not written."""
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
        if field in _WHOLE_NUMBERS and value.isdigit():
            return int(value)
    if isinstance(value, tuple):
        return list(value)  # a TOML array reads as a list
    return value


def _read(
    table: str, typed: Typed, schema: Mapping[str, Any] | None = None
) -> tuple[dict[str, object], dict[str, str]]:
    """The row's values as ``import`` reads them, and each field's first problem."""
    # Imported on first use: the interchange package is not needed to start the app.
    from roster_tui.interchange.report import Report, Where
    from roster_tui.interchange.tables import ROWS, read_row

    raw = {key: _as_file_value(key, value) for key, value in typed.items()}
    raw = {key: value for key, value in raw.items() if value is not None}
    report = Report("", "")
    row = read_row(report, Where(table), raw, schema if schema is not None else ROWS[table])
    errors: dict[str, str] = {}
    for problem in report.problems:
        errors.setdefault(problem.key or "", problem.text())
    return row.values, errors


def _check_refs(
    roster: Roster, table: str, values: dict[str, object], errors: dict[str, str]
) -> None:
    """Every id the row names must be a row of the roster (the file's dangling check)."""
    from roster_tui.interchange.tables import ROWS

    for key, spec in ROWS[table].items():
        if spec.ref is None or key in errors or key not in values:
            continue
        known = {row.id for row in getattr(roster, KIND_NAMED[spec.ref].list_name)}
        value = values[key]
        items = value if isinstance(value, tuple) else (value,)
        missing = next((item for item in items if item not in known), None)
        if missing is not None:
            errors[key] = t("setup.error.gone", value=str(missing))


def _checked(roster: Roster, table: str, typed: Typed, row_id: str) -> dict[str, object]:
    values, errors = _read(table, {"id": row_id, **typed})
    _check_refs(roster, table, values, errors)
    if errors:
        raise SetupErrors(errors)
    values.pop("id", None)
    return values


def _keep(before: Any, cls: type, row_id: str, values: dict[str, object]) -> Any:
    if before is None:
        return cls(id=row_id, **values)
    return dataclasses.replace(before, **values)


def community_from(roster: Roster, before: Community | None, typed: Typed) -> Community:
    row_id = before.id if before else new_id(roster, "community")
    return _keep(before, Community, row_id, _checked(roster, "community", typed, row_id))


def street_from(roster: Roster, before: Street | None, typed: Typed) -> Street:
    row_id = before.id if before else new_id(roster, "street")
    return _keep(before, Street, row_id, _checked(roster, "street", typed, row_id))


def compound_from(roster: Roster, before: Compound | None, typed: Typed) -> Compound:
    """``typed``: name, community, street (None: on no street), kind, households."""
    row_id = before.id if before else new_id(roster, "compound")
    values = _checked(roster, "compound", typed, row_id)
    values.setdefault("street", None)
    values.setdefault("households", None)
    return _keep(before, Compound, row_id, values)


def post_from(
    roster: Roster,
    before: Post | None,
    typed: Typed,
    shifts: Sequence[Typed],
    *,
    effective: dt.date | None = None,
) -> Post:
    """``shifts``: one row per shift (name, start, end, need, need_role); blank rows are skipped.

    A shift's problems come back under ``shift1``, ``shift2``… (its row in the form). New shifts
    for an existing post hold from ``effective`` on (None: from the start): the days before keep
    the shifts they had. A new post's shifts begin on ``effective`` (None: they always held), so
    the days before it have no shifts to staff.
    """
    from roster_tui.interchange.tables import SHIFT

    row_id = before.id if before else new_id(roster, "post")
    errors: dict[str, str] = {}
    values: dict[str, object] = {}
    try:
        values = _checked(roster, "post", typed, row_id)
    except SetupErrors as bad:
        errors.update(bad.errors)
    patterns: list[ShiftPattern] = []
    seen: set[str] = set()
    for number, shift in enumerate(shifts, start=1):
        if not any(_as_file_value(k, v) is not None for k, v in shift.items() if k != "need_role"):
            continue
        read, problems = _read("shift", shift, SHIFT)
        where = f"shift{number}"
        if problems:
            field, problem = next(iter(problems.items()))
            errors[where] = t(
                "setup.error.shift_field", field=t(f"setup.shift.{field}"), problem=problem
            )
        elif read["name"] in seen:
            errors[where] = t("setup.error.shift_twice", name=str(read["name"]))
        else:
            seen.add(str(read["name"]))
            patterns.append(ShiftPattern(**read))  # type: ignore[arg-type]
    if not patterns and not any(key.startswith("shift") for key in errors):
        errors["shift1"] = t("setup.error.no_shift")
    if before is not None:
        kept = {p.name for p in patterns}
        _keep_named_shifts(roster, before, kept, errors, effective)
    if errors:
        raise SetupErrors(errors)
    values["shifts"] = tuple(patterns)
    post = _keep(before, Post, row_id, values)
    if before is None and effective is not None:
        post = dataclasses.replace(post, shifts=()).with_shifts_from(effective, post.shifts)
    elif before is not None and effective is not None and post.shifts != before.shifts:
        kept = dataclasses.replace(post, shifts=before.shifts)
        post = kept.with_shifts_from(effective, post.shifts)
    return post


def typed_starts(shifts: Sequence[Typed]) -> list[int]:
    """The start (minutes after midnight) of each typed shift whose start reads as a time."""
    from roster_tui.interchange.fields import Bad, shift_start

    starts = []
    for shift in shifts:
        try:
            starts.append(shift_start(_as_file_value("start", shift.get("start"))))
        except Bad:
            continue
    return starts


def _keep_named_shifts(
    roster: Roster,
    post: Post,
    kept: set[str],
    errors: dict[str, str],
    effective: dt.date | None = None,
) -> None:
    """A shift that a rotation or a swap names may not be dropped or renamed (no dangling name);
    the problem goes under the row the shift was on. New shifts from ``effective`` on leave the
    days before with their own: only swaps from that day and rotations running then count."""
    named = {
        o.shift
        for o in roster.overrides
        if o.post == post.id and (effective is None or o.date >= effective)
    }
    for rotation in roster.rotations:
        running = effective is None or rotation.end is None or rotation.end >= effective
        if rotation.post == post.id and rotation.shifts and running:
            named.update(rotation.shifts)
    for number, shift in enumerate(post.shifts, start=1):
        if shift.name in named and shift.name not in kept:
            errors.setdefault(f"shift{number}", t("setup.error.shift_in_use", name=shift.name))


def rotation_from(
    roster: Roster, before: Rotation | None, typed: Typed, *, earliest: dt.date | None = None
) -> Rotation:
    """``typed``: post, members (ids), start, end, shifts (names; None or empty: all), per_slot.

    ``earliest``: the first day on which no shift has started; a new rotation may not start
    before it (it would change shifts that have happened).
    """
    row_id = before.id if before else new_id(roster, "rotation")
    typed = dict(typed)
    if not typed.get("shifts"):
        typed.pop("shifts", None)
    values, errors = _read("rotation", {"id": row_id, **typed})
    _check_refs(roster, "rotation", values, errors)
    start, end = values.get("start"), values.get("end")
    if start is not None and end is not None and end < start:  # type: ignore[operator]
        errors["end"] = t("setup.error.end_before_start")
    if before is None and earliest is not None and start is not None and start < earliest:  # type: ignore[operator]
        errors["start"] = t("setup.error.start_started", day=earliest.isoformat())
    post = roster.index.posts.get(str(values.get("post", "")))
    names = values.get("shifts")
    if post is not None and isinstance(names, tuple):
        unknown = [name for name in names if post.shift(name) is None]
        if unknown:
            errors["shifts"] = t("setup.error.gone", value="、".join(unknown))
    if errors:
        raise SetupErrors(errors)
    values.pop("id", None)
    for optional in ("end", "shifts", "per_slot"):
        values.setdefault(optional, None)
    return _keep(before, Rotation, row_id, values)


def party_group_from(
    roster: Roster, before: PartyGroup | None, typed: Typed, members: Sequence[str]
) -> PartyGroup:
    """``typed``: name, community, compounds (ids), leader (an id or None), who must be one of
    ``members`` (the people the group will hold). A group that covers compounds needs an active
    member: nobody would answer for them, yet the compounds would count as covered."""
    row_id = before.id if before else new_id(roster, "party_group")
    compounds = typed.get("compounds") or ()
    assert isinstance(compounds, tuple | list)
    typed = {**typed, "compounds": tuple(compounds)}
    values, errors = _read("party_group", {"id": row_id, **typed})
    _check_refs(roster, "party_group", values, errors)
    people = roster.index.people
    if compounds and not any(m in people and people[m].active for m in members):
        errors["members"] = t("setup.error.group_no_members")
    leader = values.get("leader")
    if leader is not None and "leader" not in errors and leader not in members:
        errors["leader"] = t("setup.error.leader_not_member")
    if errors:
        raise SetupErrors(errors)
    values.pop("id", None)
    values.setdefault("leader", None)
    return _keep(before, PartyGroup, row_id, values)


def _as_number(text: object) -> object:
    """A number typed as text, as the file would hold it (text that is none stays text)."""
    if not isinstance(text, str):
        return text
    written = text.strip()
    for parse in (int, float):
        try:
            return parse(written)
        except ValueError:
            continue
    return written


def settings_from(before: Settings, typed: Typed) -> Settings:
    """``typed``: each setting's text by its key in the file; blank means the default value.

    Read with the file's own ``[settings]`` rules, so the bounds are the import's.
    """
    from roster_tui.interchange.tables import SETTINGS

    numbers = {key: _as_number(value) for key, value in typed.items() if key in SETTINGS}
    values, errors = _read("settings", numbers, SETTINGS)
    if errors:
        raise SetupErrors(errors)
    read = Settings(**values)  # type: ignore[arg-type]  # each value was read by its own rule
    return dataclasses.replace(before, **{key: getattr(read, key) for key in SETTINGS})
