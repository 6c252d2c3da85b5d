"""The audit log's JSON keeps every field of every entity, versions and uids included."""

from __future__ import annotations

import dataclasses
import json

from roster_tui.domain.changes import Change
from roster_tui.domain.model import Roster
from roster_tui.store.serialize import changes_from_text, changes_to_text, entity_to_json


def _every_entity(roster: Roster) -> list[object]:
    return [
        entity
        for name in (
            "communities",
            "streets",
            "compounds",
            "party_groups",
            "people",
            "posts",
            "rotations",
            "overrides",
            "leaves",
            "duties",
            "households",
        )
        for entity in getattr(roster, name)
    ]


def test_every_entity_survives_the_trip_through_json_with_its_store_fields(
    roster: Roster,
) -> None:
    stamped = [
        dataclasses.replace(e, version=7, **({"uid": 3} if hasattr(e, "uid") else {}))
        for e in _every_entity(roster)
    ]
    changes = [Change(None, e) for e in stamped] + [Change(e, None) for e in stamped]

    back = changes_from_text(changes_to_text(changes))

    assert back == tuple(changes)
    for original, again in zip(changes, back, strict=True):
        entity, other = original.after or original.before, again.after or again.before
        assert type(other) is type(entity)
        assert other.version == 7  # type: ignore[union-attr]
        assert getattr(other, "uid", None) == getattr(entity, "uid", None)


def test_the_json_is_plain_text_a_person_can_read(roster: Roster) -> None:
    person = roster.people[0]

    data = entity_to_json(person)

    assert json.loads(json.dumps(data)) == data
    assert data["roles"] == ["party_member", "cadre"]
    assert data["available"] == list(person.available or ())
    assert "张伟" in changes_to_text([Change(None, person)])
