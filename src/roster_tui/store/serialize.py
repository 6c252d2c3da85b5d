"""Domain entities as JSON-ready dicts and back, for the audit log's before/after.

Each dict holds every field of the entity (``version`` and ``uid`` included, so an undo can
check and target the exact row); dates and times are ISO text. A change is stored as
``{"type": "person", "before": {...} | None, "after": {...} | None}``, the type being the
kind's name in :mod:`roster_tui.domain.kinds`. Fields are decoded from the dataclass's own
annotations, so a new kind of row needs no table here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import json
import types
import typing
from collections.abc import Callable, Sequence
from typing import Any

from roster_tui.domain.changes import Change
from roster_tui.domain.kinds import KIND_NAMED, Entity, kind_of

Decoder = Callable[[Any], Any]


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value  # str (StrEnum included), int, float, bool, None


def entity_to_json(entity: Entity) -> dict[str, Any]:
    return {f.name: _plain(getattr(entity, f.name)) for f in dataclasses.fields(entity)}


def _same(value: Any) -> Any:
    return value


def _decoder(annotation: Any) -> Decoder:
    """How to turn the JSON form of a value annotated ``annotation`` back into the value."""
    args = typing.get_args(annotation)
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        inner = [arg for arg in args if arg is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"cannot decode a union of several types: {annotation}")
        decode = _decoder(inner[0])
        return decode if decode is _same else lambda value: None if value is None else decode(value)
    if typing.get_origin(annotation) is tuple:
        item = _decoder(args[0])
        return tuple if item is _same else lambda values: tuple(item(v) for v in values)
    if annotation is dt.datetime:
        return dt.datetime.fromisoformat
    if annotation is dt.date:
        return dt.date.fromisoformat
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return annotation
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return _object_decoder(annotation)
    if annotation in (str, int, float, bool):
        return _same
    raise TypeError(f"no JSON decoding for {annotation!r}")


@functools.cache
def _field_decoders(cls: type) -> dict[str, Decoder]:
    """The decoders of the fields of ``cls`` whose JSON form is not the value itself."""
    hints = typing.get_type_hints(cls)
    decoders = {f.name: _decoder(hints[f.name]) for f in dataclasses.fields(cls)}
    return {name: decode for name, decode in decoders.items() if decode is not _same}


@functools.cache
def _object_decoder(cls: type) -> Decoder:
    def decode(data: dict[str, Any]) -> Any:
        decoders = _field_decoders(cls)
        return cls(
            **{
                key: decoders[key](value) if key in decoders else value
                for key, value in data.items()
            }
        )

    return decode


def entity_from_json(name: str, data: dict[str, Any]) -> Entity:
    entity: Entity = _object_decoder(KIND_NAMED[name].cls)(data)
    return entity


def change_to_json(change: Change) -> dict[str, Any]:
    sample = change.after if change.after is not None else change.before
    assert sample is not None
    return {
        "type": kind_of(sample).name,
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
