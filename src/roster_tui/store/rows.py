"""Domain entities ↔ table rows: what each entity writes, and reading a whole sub-district.

A :class:`RowCodec` knows, for one entity type, its table, its key (``id`` or the surrogate
``uid``), the values of its own row and the rows of the lists it owns. Reading is done per table
in bulk (one query each, grouped in Python) because that is what makes a full load fast.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, select

from roster_tui.domain.changes import Entity
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
from roster_tui.store import tables as T

Row = dict[str, Any]
ChildRows = list[tuple[Table, Row]]


def _json_list(values: Iterable[str] | None) -> str | None:
    return None if values is None else json.dumps(list(values), ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class RowCodec:
    table: Table
    key: str  # "id" or "uid"
    own_row: Callable[[Any], Row]  # the row's values, without seq, uid and version
    child_rows: Callable[[Any, Any], ChildRows] = lambda entity, key: []
    children: tuple[tuple[Table, str], ...] = ()  # (child table, its column naming the owner)

    def key_of(self, entity: Entity) -> Any:
        return getattr(entity, self.key)


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
            },
        )
        for i, s in enumerate(post.shifts)
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


CODECS: dict[type, RowCodec] = {
    Community: RowCodec(T.COMMUNITY, "id", lambda c: {"id": c.id, "name": c.name}),
    Street: RowCodec(
        T.STREET, "id", lambda s: {"id": s.id, "name": s.name, "community": s.community}
    ),
    Compound: RowCodec(
        T.COMPOUND,
        "id",
        lambda c: {
            "id": c.id,
            "name": c.name,
            "community": c.community,
            "kind": c.kind.value,
            "street": c.street,
            "households": c.households,
        },
    ),
    PartyGroup: RowCodec(
        T.PARTY_GROUP,
        "id",
        lambda g: {"id": g.id, "name": g.name, "community": g.community, "leader": g.leader},
        _party_group_children,
        ((T.PARTY_GROUP_COMPOUND, "party_group"),),
    ),
    Person: RowCodec(
        T.PERSON,
        "id",
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
        },
    ),
    Post: RowCodec(
        T.POST,
        "id",
        lambda p: {"id": p.id, "name": p.name, "compound": p.compound},
        _post_children,
        ((T.POST_SHIFT, "post"),),
    ),
    Rotation: RowCodec(
        T.ROTATION,
        "id",
        lambda r: {
            "id": r.id,
            "post": r.post,
            "start": r.start,
            "end": r.end,
            "shifts": _json_list(r.shifts),
            "per_slot": r.per_slot,
        },
        _rotation_children,
        ((T.ROTATION_MEMBER, "rotation"),),
    ),
    Override: RowCodec(
        T.OVERRIDE,
        "uid",
        lambda o: {"post": o.post, "date": o.date, "shift": o.shift},
        _override_children,
        ((T.OVERRIDE_PERSON, "override"),),
    ),
    Leave: RowCodec(
        T.LEAVE,
        "uid",
        lambda lv: {"person": lv.person, "start": lv.start, "end": lv.end, "reason": lv.reason},
    ),
    Duty: RowCodec(
        T.DUTY,
        "uid",
        lambda d: {"person": d.person, "compound": d.compound, "street": d.street, "role": d.role},
    ),
    Household: RowCodec(
        T.HOUSEHOLD,
        "id",
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
    ),
}


def codec_for(entity: Entity) -> RowCodec:
    return CODECS[type(entity)]


def _rows(conn: Connection, table: Table, order: str, only: Any) -> Any:
    """All rows of an entity table in list order, or the one whose key is ``only``."""
    query = select(table).order_by(table.c[order])
    if only is not None:
        query = query.where(table.c[order if order == "uid" else "id"] == only)
    return conn.execute(query)


def _grouped(
    conn: Connection, table: Table, owner: str, value: Callable[[Any], Any], only: Any
) -> Any:
    """Child rows as ``{owner key: [value, ...]}`` in position order (of ``only``'s owner)."""
    query = select(table).order_by(table.c[owner], table.c.position)
    if only is not None:
        query = query.where(table.c[owner] == only)
    groups: defaultdict[Any, list[Any]] = defaultdict(list)
    for row in conn.execute(query):
        groups[row._mapping[owner]].append(value(row))
    return groups


def _loads(text: str | None) -> tuple[str, ...] | None:
    return None if text is None else tuple(json.loads(text))


def read_communities(conn: Connection, only: Any = None) -> list[Community]:
    t = T.COMMUNITY
    return [Community(r.id, r.name, version=r.version) for r in _rows(conn, t, "seq", only)]


def read_streets(conn: Connection, only: Any = None) -> list[Street]:
    t = T.STREET
    return [
        Street(r.id, r.name, r.community, version=r.version) for r in _rows(conn, t, "seq", only)
    ]


def read_compounds(conn: Connection, only: Any = None) -> list[Compound]:
    t = T.COMPOUND
    return [
        Compound(r.id, r.name, r.community, CompoundKind(r.kind), r.street, r.households, r.version)
        for r in _rows(conn, t, "seq", only)
    ]


def read_party_groups(conn: Connection, only: Any = None) -> list[PartyGroup]:
    t = T.PARTY_GROUP
    compounds = _grouped(conn, T.PARTY_GROUP_COMPOUND, "party_group", lambda r: r.compound, only)
    return [
        PartyGroup(r.id, r.name, r.community, tuple(compounds[r.id]), r.leader, r.version)
        for r in _rows(conn, t, "seq", only)
    ]


def read_people(conn: Connection, only: Any = None) -> list[Person]:
    t = T.PERSON
    roles = {role.value: role for role in Role}
    return [
        Person(
            r.id,
            r.name,
            r.phone,
            r.community,
            tuple(roles[v] for v in json.loads(r.roles)),
            r.party_group,
            r.max_hours_per_week,
            _loads(r.available),
            r.active,
            r.version,
        )
        for r in _rows(conn, t, "seq", only)
    ]


def read_posts(conn: Connection, only: Any = None) -> list[Post]:
    t = T.POST
    shifts = _grouped(
        conn,
        T.POST_SHIFT,
        "post",
        lambda r: ShiftPattern(
            r.name, r.start, r.end, r.need, None if r.need_role is None else Role(r.need_role)
        ),
        only,
    )
    return [
        Post(r.id, r.name, r.compound, tuple(shifts[r.id]), r.version)
        for r in _rows(conn, t, "seq", only)
    ]


def read_rotations(conn: Connection, only: Any = None) -> list[Rotation]:
    t = T.ROTATION
    members = _grouped(conn, T.ROTATION_MEMBER, "rotation", lambda r: r.person, only)
    return [
        Rotation(
            r.id,
            r.post,
            tuple(members[r.id]),
            r.start,
            r.end,
            _loads(r.shifts),
            r.per_slot,
            r.version,
        )
        for r in _rows(conn, t, "seq", only)
    ]


def read_overrides(conn: Connection, only: Any = None) -> list[Override]:
    t = T.OVERRIDE
    people = _grouped(conn, T.OVERRIDE_PERSON, "override", lambda r: (r.change, r.person), only)
    result = []
    for r in _rows(conn, t, "uid", only):
        names = people[r.uid]
        result.append(
            Override(
                r.post,
                r.date,
                r.shift,
                remove=tuple(p for change, p in names if change == "remove"),
                add=tuple(p for change, p in names if change == "add"),
                uid=r.uid,
                version=r.version,
            )
        )
    return result


def read_leaves(conn: Connection, only: Any = None) -> list[Leave]:
    t = T.LEAVE
    return [
        Leave(r.person, r.start, r.end, r.reason, uid=r.uid, version=r.version)
        for r in _rows(conn, t, "uid", only)
    ]


def read_duties(conn: Connection, only: Any = None) -> list[Duty]:
    t = T.DUTY
    return [
        Duty(r.person, r.compound, r.street, r.role, uid=r.uid, version=r.version)
        for r in _rows(conn, t, "uid", only)
    ]


def read_households(conn: Connection, only: Any = None) -> list[Household]:
    t = T.HOUSEHOLD
    return [
        Household(
            r.id,
            r.compound,
            r.address,
            r.head,
            r.phone,
            r.people,
            r.start,
            r.days,
            r.carer,
            r.notes,
            r.version,
        )
        for r in _rows(conn, t, "seq", only)
    ]


READERS: dict[type, Callable[[Connection, Any], list[Any]]] = {
    Community: read_communities,
    Street: read_streets,
    Compound: read_compounds,
    PartyGroup: read_party_groups,
    Person: read_people,
    Post: read_posts,
    Rotation: read_rotations,
    Override: read_overrides,
    Leave: read_leaves,
    Duty: read_duties,
    Household: read_households,
}


def read_one(conn: Connection, kind: type, key: Any) -> Any:
    """The stored entity of type ``kind`` whose id (or uid) is ``key``, or None."""
    found = READERS[kind](conn, key)
    return found[0] if found else None
