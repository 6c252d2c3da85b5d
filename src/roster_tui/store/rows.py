"""Domain entities ↔ table rows: each kind's codec, and reading a whole sub-district.

A :class:`RowCodec` knows, for one kind of row (:mod:`roster_tui.domain.kinds`), its table, the
values of its own row, the rows of the lists it owns and its reader (:mod:`.readers`, which
reads in bulk); the kind says the key (``id`` or the surrogate ``uid``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table

from roster_tui.domain.changes import Change
from roster_tui.domain.entities import shift_rows
from roster_tui.domain.kinds import KIND_OF_CLASS, KINDS, Entity, Kind, kind_of
from roster_tui.domain.model import (
    Community,
    Compound,
    Contact,
    Duty,
    Household,
    Leave,
    Override,
    PartyGroup,
    Person,
    Post,
    Request,
    Rotation,
    Settings,
    Street,
)
from roster_tui.store import tables as T
from roster_tui.store.readers import (
    read_communities,
    read_compounds,
    read_contacts,
    read_duties,
    read_households,
    read_leaves,
    read_overrides,
    read_party_groups,
    read_people,
    read_posts,
    read_requests,
    read_rotations,
    read_streets,
)
from roster_tui.store.settings_row import apply_settings, read_settings, settings_values

Row = dict[str, Any]
ChildRows = list[tuple[Table, Row]]


def _json_list(values: Iterable[str] | None) -> str | None:
    return None if values is None else json.dumps(list(values), ensure_ascii=False)


Reader = Callable[[Connection, Any], list[Any]]
Writer = Callable[[Connection, Change], Change]


@dataclass(frozen=True, slots=True)
class RowCodec:
    kind: Kind
    table: Table
    own_row: Callable[[Any], Row]  # the row's values, without seq, uid and version
    read: Reader  # (connection, only this key or None) -> the rows, in list order
    child_rows: Callable[[Any, Any], ChildRows] = lambda entity, key: []
    children: tuple[tuple[Table, str], ...] = ()  # (child table, its column naming the owner)
    # A row kept elsewhere than in a table of its own writes its changes itself.
    write: Writer | None = None

    @property
    def key(self) -> str:
        return self.kind.key

    def key_of(self, entity: Entity) -> Any:
        return getattr(entity, self.kind.key)


def _party_group_children(group: PartyGroup, key: str) -> ChildRows:
    return [
        (T.PARTY_GROUP_COMPOUND, {"party_group": key, "position": i, "compound": compound})
        for i, compound in enumerate(group.compounds)
    ]


def _post_children(post: Post, key: str) -> ChildRows:
    return [
        (
            T.POST_SHIFT,
            {
                "post": key,
                "position": i,
                "name": s.name,
                "start": s.start,
                "end": s.end,
                "need": s.need,
                "need_role": None if s.need_role is None else s.need_role.value,
                "since": since,
            },
        )
        for i, (since, s) in enumerate(shift_rows(post))
    ]


def _rotation_children(rotation: Rotation, key: str) -> ChildRows:
    return [
        (T.ROTATION_MEMBER, {"rotation": key, "position": i, "person": person})
        for i, person in enumerate(rotation.members)
    ]


def _override_children(override: Override, key: int) -> ChildRows:
    rows: ChildRows = []
    for change, people in (("remove", override.remove), ("add", override.add)):
        rows.extend(
            (T.OVERRIDE_PERSON, {"override": key, "change": change, "position": i, "person": p})
            for i, p in enumerate(people)
        )
    return rows


def _codec(
    cls: type, table: Table, own_row: Callable[[Any], Row], read: Reader, *rest: Any
) -> RowCodec:
    return RowCodec(KIND_OF_CLASS[cls], table, own_row, read, *rest)


# Each kind's codec, under the kind's name.
CODECS: dict[str, RowCodec] = {
    codec.kind.name: codec
    for codec in (
        RowCodec(
            KIND_OF_CLASS[Settings], T.META, settings_values, read_settings, write=apply_settings
        ),
        _codec(Community, T.COMMUNITY, lambda c: {"id": c.id, "name": c.name}, read_communities),
        _codec(
            Street,
            T.STREET,
            lambda s: {"id": s.id, "name": s.name, "community": s.community},
            read_streets,
        ),
        _codec(
            Compound,
            T.COMPOUND,
            lambda c: {
                "id": c.id,
                "name": c.name,
                "community": c.community,
                "kind": c.kind.value,
                "street": c.street,
                "households": c.households,
            },
            read_compounds,
        ),
        _codec(
            PartyGroup,
            T.PARTY_GROUP,
            lambda g: {"id": g.id, "name": g.name, "community": g.community, "leader": g.leader},
            read_party_groups,
            _party_group_children,
            ((T.PARTY_GROUP_COMPOUND, "party_group"),),
        ),
        _codec(
            Person,
            T.PERSON,
            lambda p: {
                "id": p.id,
                "name": p.name,
                "phone": p.phone,
                "community": p.community,
                "roles": _json_list(r.value for r in p.roles),
                "party_group": p.party_group,
                "max_hours_per_week": p.max_hours_per_week,
                "available": _json_list(p.available),
                "active": p.active,
                "inactive_from": p.inactive_from,
            },
            read_people,
        ),
        _codec(
            Post,
            T.POST,
            lambda p: {"id": p.id, "name": p.name, "compound": p.compound},
            read_posts,
            _post_children,
            ((T.POST_SHIFT, "post"),),
        ),
        _codec(
            Rotation,
            T.ROTATION,
            lambda r: {
                "id": r.id,
                "post": r.post,
                "start": r.start,
                "end": r.end,
                "shifts": _json_list(r.shifts),
                "per_slot": r.per_slot,
            },
            read_rotations,
            _rotation_children,
            ((T.ROTATION_MEMBER, "rotation"),),
        ),
        _codec(
            Override,
            T.OVERRIDE,
            lambda o: {"post": o.post, "date": o.date, "shift": o.shift},
            read_overrides,
            _override_children,
            ((T.OVERRIDE_PERSON, "override"),),
        ),
        _codec(
            Leave,
            T.LEAVE,
            lambda lv: {"person": lv.person, "start": lv.start, "end": lv.end, "reason": lv.reason},
            read_leaves,
        ),
        _codec(
            Duty,
            T.DUTY,
            lambda d: {
                "person": d.person,
                "compound": d.compound,
                "street": d.street,
                "role": d.role,
            },
            read_duties,
        ),
        _codec(
            Household,
            T.HOUSEHOLD,
            lambda h: {
                "id": h.id,
                "compound": h.compound,
                "address": h.address,
                "head": h.head,
                "phone": h.phone,
                "people": h.people,
                "start": h.start,
                "days": h.days,
                "carer": h.carer,
                "notes": h.notes,
            },
            read_households,
        ),
        _codec(
            Contact,
            T.CONTACT,
            lambda c: {
                "household": c.household,
                "date": c.date,
                "made_by": c.by,  # ``by`` is a reserved word in SQL
                "how": c.how.value,
                "temperature": c.temperature,
                "needs": c.needs,
            },
            read_contacts,
        ),
        _codec(
            Request,
            T.REQUEST,
            lambda r: {
                "id": r.id,
                "household": r.household,
                "kind": r.kind.value,
                "asked": r.asked,
                "what": r.what,
                "handler": r.handler,
                "done": r.done,
            },
            read_requests,
        ),
    )
}


def codec_for(entity: Entity) -> RowCodec:
    return CODECS[kind_of(entity).name]


def read_all(conn: Connection, skip: Collection[str] = ()) -> dict[str, list[Any]]:
    """Every row of every kind, as the Roster's lists by their attribute names; the lists
    named in ``skip`` are left empty (unread)."""
    return {
        kind.list_name: [] if kind.list_name in skip else CODECS[kind.name].read(conn, None)
        for kind in KINDS
    }


def read_one(conn: Connection, cls: type, key: Any) -> Any:
    """The stored entity of class ``cls`` whose id (or uid) is ``key``, or None."""
    found = CODECS[KIND_OF_CLASS[cls].name].read(conn, key)
    return found[0] if found else None
