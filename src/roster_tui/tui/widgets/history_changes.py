"""A recorded change told in words: what kind of row, which one, and each field before → after.

Ids become names through the current roster (a person or place since removed shows its id), so
the history reads like the secretary's own notes rather than like the database.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import pendulum

from roster_tui.domain.changes import Change
from roster_tui.domain.kinds import Entity, kind_of
from roster_tui.domain.model import (
    CompoundKind,
    Contact,
    ContactMethod,
    Duty,
    Household,
    Leave,
    Override,
    Person,
    Post,
    Request,
    RequestKind,
    Role,
    Rotation,
    Settings,
    ShiftPattern,
)
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.tui.widgets.place_detail import shift_line
from roster_tui.tui.widgets.place_names import PlaceNames

STORE_FIELDS = ("version", "uid")  # bookkeeping, not what anyone changed
LIST_SEPARATOR = "、"


@dataclasses.dataclass(frozen=True, slots=True)
class ChangeText:
    title: str
    lines: list[str]


def local_time(at: dt.datetime, zone: str) -> str:
    """An audit instant (UTC; naive means UTC) as wall-clock time in the sub-district's zone."""
    moment = pendulum.instance(at if at.tzinfo else at.replace(tzinfo=dt.UTC))
    return moment.in_timezone(zone).format("YYYY-MM-DD HH:mm")


def entity_label(entity: Entity, names: PlaceNames) -> str:
    """``人员 张伟（p001）``, ``包保 张伟 → 文化路`` … the kind of row and which one."""
    kind = t(f"db.entity.{kind_of(entity).name}")
    if isinstance(entity, Settings):
        return kind  # there is one: the kind names it
    if isinstance(entity, Duty):
        place = (
            names.street(entity.street) if entity.street else names.compound(entity.compound or "")
        )
        which = t("history.label.duty", person=names.person_name(entity.person), place=place)
    elif isinstance(entity, Leave):
        which = names.person_name(entity.person)
    elif isinstance(entity, Override):
        which = f"{names.post(entity.post)} {entity.date.isoformat()} {printable(entity.shift)}"
    elif isinstance(entity, Rotation):
        which = t("history.label.with_id", name=names.post(entity.post), id=printable(entity.id))
    elif isinstance(entity, Household):
        which = t("history.label.with_id", name=printable(entity.address), id=printable(entity.id))
    elif isinstance(entity, Contact):
        which = f"{names.household(entity.household)} {entity.date.isoformat()}"
    elif isinstance(entity, Request):
        which = t("history.label.with_id", name=printable(entity.what), id=printable(entity.id))
    else:
        name = printable(getattr(entity, "name", ""))
        which = t("history.label.with_id", name=name, id=printable(getattr(entity, "id", "")))
    return f"{kind} {which}"


def describe_change(change: Change, names: PlaceNames) -> ChangeText:
    before, after = change.before, change.after
    shown = after if after is not None else before
    assert shown is not None
    label = entity_label(shown, names)
    if before is None or after is None:
        verb = "history.change.added" if before is None else "history.change.removed"
        lines = [
            t("history.field_value", field=_field_label(name), value=_value(shown, name, names))
            for name in _fields(shown)
            if getattr(shown, name) not in (None, ())
        ]
        return ChangeText(t(verb, what=label), lines)
    lines = []
    for name in _fields(after):
        old, new = getattr(before, name), getattr(after, name)
        if old != new:
            lines.append(
                t(
                    "history.field_change",
                    field=_field_label(name),
                    before=_value(before, name, names),
                    after=_value(after, name, names),
                )
            )
    return ChangeText(t("history.change.edited", what=label), lines)


def _fields(entity: Entity) -> list[str]:
    return [f.name for f in dataclasses.fields(entity) if f.name not in STORE_FIELDS]


def _field_label(name: str) -> str:
    return t(f"history.field.{name}")


def _people(names: PlaceNames) -> Callable[[Any], str]:
    return lambda ids: LIST_SEPARATOR.join(names.person_name(i) for i in ids)


def _value(entity: Entity, name: str, names: PlaceNames) -> str:
    value = getattr(entity, name)
    if value is None:
        return _none_value(entity, name)
    single_ids: dict[str, Callable[[str], str]] = {
        "person": names.person_name,
        "leader": names.person_name,
        "carer": names.person_name,
        "by": names.person_name,
        "handler": names.person_name,
        "household": names.household,
        "community": names.community,
        "street": names.street,
        "compound": names.compound,
        "post": names.post,
        "party_group": names.group,
    }
    if name in single_ids:
        return single_ids[name](value)
    if name in ("members", "add", "remove"):
        return _people(names)(value)
    if name == "compounds":
        return LIST_SEPARATOR.join(names.compound(c) for c in value)
    if name == "shifts" and isinstance(entity, Post):
        return "；".join(shift_line(s) for s in value if isinstance(s, ShiftPattern))
    if name == "earlier" and isinstance(entity, Post):
        return (
            "；".join(
                t("history.value.until", day=era.until.isoformat())
                + ("，".join(shift_line(s) for s in era.shifts) or _empty())  # before a new post
                for era in value
            )
            or _empty()
        )
    if isinstance(value, bool):
        return t("history.value.yes") if value else t("history.value.no")
    if isinstance(value, Role | CompoundKind):
        prefix = "role" if isinstance(value, Role) else "kind"
        return t(f"{prefix}.{value.value}")
    if isinstance(value, ContactMethod | RequestKind):
        prefix = "contact.how" if isinstance(value, ContactMethod) else "request.kind"
        return t(f"{prefix}.{value.value}")
    if isinstance(value, tuple):
        if name == "roles":
            return LIST_SEPARATOR.join(t(f"role.{r.value}") for r in value) or _empty()
        return LIST_SEPARATOR.join(printable(str(v)) for v in value) or _empty()
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return printable(str(value))


def _none_value(entity: Entity, name: str) -> str:
    """What an empty optional field means for this kind of row."""
    if isinstance(entity, Rotation):
        meaning = {"end": "places.rotation.open_end", "shifts": "places.rotation.all_shifts"}
        meaning["per_slot"] = "places.rotation.by_need"
        if name in meaning:
            return t(meaning[name])
    if isinstance(entity, Person) and name == "available":
        return t("history.value.always")
    if isinstance(entity, Person | Household) and name in ("max_hours_per_week", "days"):
        return t("history.value.default")
    return _empty()


def _empty() -> str:
    return t("tui.none")
