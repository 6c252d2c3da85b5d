"""Domain entities ↔ table rows: what each entity writes, and reading a whole sub-district.

A :class:`RowCodec` knows, for one kind of row (:mod:`roster_tui.domain.kinds`), its table, the
values of its own row, the rows of the lists it owns and how to read them all back; the kind
says the key (``id`` or the surrogate ``uid``). Reading is done per table
in bulk (one query each, grouped in Python) because that is what makes a full load fast.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import starmap
from typing import Any

from sqlalchemy import Connection, Table, select

from roster_tui.domain.kinds import KIND_OF_CLASS, KINDS, Entity, Kind, kind_of
from roster_tui.domain.model import (
    Community,
    Compound,
    CompoundKind,
    Contact,
    ContactMethod,
    Duty,
    Household,
    Leave,
    Override,
    PartyGroup,
    Person,
    Post,
    Request,
    RequestKind,
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


Reader = Callable[[Connection, Any], list[Any]]


@dataclass(frozen=True, slots=True)
class RowCodec:
    kind: Kind
    table: Table
    own_row: Callable[[Any], Row]  # the row's values, without seq, uid and version
    read: Reader  # (connection, only this key or None) -> the rows, in list order
    child_rows: Callable[[Any, Any], ChildRows] = lambda entity, key: []
    children: tuple[tuple[Table, str], ...] = ()  # (child table, its column naming the owner)

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


def _rows(conn: Connection, table: Table, columns: str, only: Any) -> Sequence[Any]:
    """Rows of an entity table as tuples of ``columns`` (in that order), in list order.

    With ``only``, just the row whose key is ``only``. Tuples are unpacked straight into the
    dataclasses: attribute access on every row would cost more than the query.
    """
    key = table.c.uid if "uid" in table.c else table.c.id
    order = table.c.uid if "uid" in table.c else table.c.seq
    query = select(*(table.c[name] for name in columns.split())).order_by(order)
    if only is not None:
        query = query.where(key == only)
    return conn.execute(query).all()


def _grouped(conn: Connection, table: Table, owner: str, columns: str, only: Any) -> Any:
    """Child rows as ``{owner key: [(columns...), ...]}`` in position order."""
    query = select(table.c[owner], *(table.c[name] for name in columns.split()))
    query = query.order_by(table.c[owner], table.c.position)
    if only is not None:
        query = query.where(table.c[owner] == only)
    groups: defaultdict[Any, list[Any]] = defaultdict(list)
    for key, *values in conn.execute(query).all():
        groups[key].append(values[0] if len(values) == 1 else tuple(values))
    return groups


class _JsonTuples:
    """JSON list text → tuple, remembering each distinct text (people share role lists)."""

    def __init__(self, convert: Callable[[Any], Any] = lambda value: value) -> None:
        self._seen: dict[str | None, tuple[Any, ...] | None] = {None: None}
        self._convert = convert

    def __call__(self, text: str | None) -> Any:
        try:
            return self._seen[text]
        except KeyError:
            assert text is not None
            value = self._seen[text] = tuple(self._convert(v) for v in json.loads(text))
            return value


def read_communities(conn: Connection, only: Any = None) -> list[Community]:
    return list(starmap(Community, _rows(conn, T.COMMUNITY, "id name version", only)))


def read_streets(conn: Connection, only: Any = None) -> list[Street]:
    return list(starmap(Street, _rows(conn, T.STREET, "id name community version", only)))


def read_compounds(conn: Connection, only: Any = None) -> list[Compound]:
    columns = "id name community kind street households version"
    return [
        Compound(id_, name, community, CompoundKind(kind), street, households, version)
        for id_, name, community, kind, street, households, version in _rows(
            conn, T.COMPOUND, columns, only
        )
    ]


def read_party_groups(conn: Connection, only: Any = None) -> list[PartyGroup]:
    compounds = _grouped(conn, T.PARTY_GROUP_COMPOUND, "party_group", "compound", only)
    return [
        PartyGroup(id_, name, community, tuple(compounds[id_]), leader, version)
        for id_, name, community, leader, version in _rows(
            conn, T.PARTY_GROUP, "id name community leader version", only
        )
    ]


def read_people(conn: Connection, only: Any = None) -> list[Person]:
    roles, windows = _JsonTuples(Role), _JsonTuples()
    columns = (
        "id name phone community roles party_group max_hours_per_week available active "
        "inactive_from version"
    )
    return [
        Person(id_, name, phone, community, roles(role_list), group, hours, windows(avail), *rest)
        for id_, name, phone, community, role_list, group, hours, avail, *rest in _rows(
            conn, T.PERSON, columns, only
        )
    ]


def _shift(name: str, start: int, end: int, need: int, role: str | None) -> ShiftPattern:
    return ShiftPattern(name, start, end, need, None if role is None else Role(role))


def read_posts(conn: Connection, only: Any = None) -> list[Post]:
    shifts = _grouped(conn, T.POST_SHIFT, "post", "name start end need need_role", only)
    return [
        Post(id_, name, compound, tuple(starmap(_shift, shifts[id_])), version)
        for id_, name, compound, version in _rows(conn, T.POST, "id name compound version", only)
    ]


def read_rotations(conn: Connection, only: Any = None) -> list[Rotation]:
    members = _grouped(conn, T.ROTATION_MEMBER, "rotation", "person", only)
    names = _JsonTuples()
    columns = "id post start end shifts per_slot version"
    return [
        Rotation(id_, post, tuple(members[id_]), start, end, names(shifts), per_slot, version)
        for id_, post, start, end, shifts, per_slot, version in _rows(
            conn, T.ROTATION, columns, only
        )
    ]


def read_overrides(conn: Connection, only: Any = None) -> list[Override]:
    people = _grouped(conn, T.OVERRIDE_PERSON, "override", "change person", only)
    result = []
    for uid, post, date, shift, version in _rows(
        conn, T.OVERRIDE, "uid post date shift version", only
    ):
        names = people[uid]
        remove = tuple(p for change, p in names if change == "remove")
        add = tuple(p for change, p in names if change == "add")
        result.append(Override(post, date, shift, remove, add, uid, version))
    return result


def read_leaves(conn: Connection, only: Any = None) -> list[Leave]:
    columns = "person start end reason uid version"
    return list(starmap(Leave, _rows(conn, T.LEAVE, columns, only)))


def read_duties(conn: Connection, only: Any = None) -> list[Duty]:
    columns = "person compound street role uid version"
    return list(starmap(Duty, _rows(conn, T.DUTY, columns, only)))


def read_households(conn: Connection, only: Any = None) -> list[Household]:
    columns = "id compound address head phone people start days carer notes version"
    return list(starmap(Household, _rows(conn, T.HOUSEHOLD, columns, only)))


def read_contacts(conn: Connection, only: Any = None) -> list[Contact]:
    columns = "household date made_by how temperature needs uid version"
    return [
        Contact(household, date, by, ContactMethod(how), temperature, needs, uid, version)
        for household, date, by, how, temperature, needs, uid, version in _rows(
            conn, T.CONTACT, columns, only
        )
    ]


def read_requests(conn: Connection, only: Any = None) -> list[Request]:
    columns = "id household kind asked what handler done version"
    return [
        Request(id_, household, RequestKind(kind), asked, what, handler, done, version)
        for id_, household, kind, asked, what, handler, done, version in _rows(
            conn, T.REQUEST, columns, only
        )
    ]


def _codec(
    cls: type, table: Table, own_row: Callable[[Any], Row], read: Reader, *rest: Any
) -> RowCodec:
    return RowCodec(KIND_OF_CLASS[cls], table, own_row, read, *rest)


# Each kind's codec, under the kind's name.
CODECS: dict[str, RowCodec] = {
    codec.kind.name: codec
    for codec in (
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


def read_all(conn: Connection) -> dict[str, list[Any]]:
    """Every row of every kind, as the Roster's lists by their attribute names."""
    return {kind.list_name: CODECS[kind.name].read(conn, None) for kind in KINDS}


def read_one(conn: Connection, cls: type, key: Any) -> Any:
    """The stored entity of class ``cls`` whose id (or uid) is ``key``, or None."""
    found = CODECS[KIND_OF_CLASS[cls].name].read(conn, key)
    return found[0] if found else None
