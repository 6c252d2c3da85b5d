"""Domain entities as JSON-ready dicts and back, for the audit log's before/after.

Each dict holds every field of the entity (``version`` and ``uid`` included, so an undo can
check and target the exact row); dates and times are ISO text. A change is stored as
``{"type": "person", "before": {...} | None, "after": {...} | None}``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from roster_tui.domain.changes import Change, Entity
from roster_tui.domain.model import (
    Community,
    Compound,
    CompoundKind,
    Duty,
    Household,
    Leave,
    Override,
    PartyGroup,
    Person,
    Post,
    Role,
    Rotation,
    ShiftPattern,
    Street,
)

TYPE_NAMES: dict[type, str] = {
    Community: "community",
    Street: "street",
    Compound: "compound",
    PartyGroup: "party_group",
    Person: "person",
    Post: "post",
    Rotation: "rotation",
    Override: "override",
    Leave: "leave",
    Duty: "duty",
    Household: "household",
}
TYPES_BY_NAME: dict[str, type] = {name: kind for kind, name in TYPE_NAMES.items()}


def type_name(entity: Entity) -> str:
    return TYPE_NAMES[type(entity)]


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if isinstance(value, ShiftPattern):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value  # str (StrEnum included), int, float, bool, None


def entity_to_json(entity: Entity) -> dict[str, Any]:
    return {f.name: _plain(getattr(entity, f.name)) for f in dataclasses.fields(entity)}


def _tuple(value: list[Any] | None) -> tuple[Any, ...] | None:
    return None if value is None else tuple(value)


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _shift(data: dict[str, Any]) -> ShiftPattern:
    role = data.get("need_role")
    return ShiftPattern(
        name=data["name"],
        start=data["start"],
        end=data["end"],
        need=data["need"],
        need_role=None if role is None else Role(role),
    )


# Fields whose JSON form is not the value itself, per entity type.
_DECODERS: dict[type, dict[str, Callable[[Any], Any]]] = {
    Community: {},
    Street: {},
    Compound: {"kind": CompoundKind},
    PartyGroup: {"compounds": tuple},
    Person: {"roles": lambda roles: tuple(Role(r) for r in roles), "available": _tuple},
    Post: {"shifts": lambda shifts: tuple(_shift(s) for s in shifts)},
    Rotation: {
        "members": tuple,
        "start": dt.date.fromisoformat,
        "end": _date,
        "shifts": _tuple,
    },
    Override: {"date": dt.date.fromisoformat, "remove": tuple, "add": tuple},
    Leave: {"start": dt.datetime.fromisoformat, "end": dt.datetime.fromisoformat},
    Duty: {},
    Household: {"start": dt.date.fromisoformat},
}


def entity_from_json(name: str, data: dict[str, Any]) -> Entity:
    kind = TYPES_BY_NAME[name]
    decoders = _DECODERS[kind]
    fields = {
        key: decoders[key](value) if key in decoders else value for key, value in data.items()
    }
    entity: Entity = kind(**fields)
    return entity


def change_to_json(change: Change) -> dict[str, Any]:
    sample = change.after if change.after is not None else change.before
    assert sample is not None
    return {
        "type": type_name(sample),
        "before": None if change.before is None else entity_to_json(change.before),
        "after": None if change.after is None else entity_to_json(change.after),
    }


def change_from_json(data: dict[str, Any]) -> Change:
    name = data["type"]
    before, after = data["before"], data["after"]
    return Change(
        before=None if before is None else entity_from_json(name, before),
        after=None if after is None else entity_from_json(name, after),
    )


def changes_to_text(changes: Sequence[Change]) -> str:
    return json.dumps([change_to_json(c) for c in changes], ensure_ascii=False)


def changes_from_text(text: str) -> tuple[Change, ...]:
    return tuple(change_from_json(item) for item in json.loads(text))
