"""Reading rows back into entities: one query per table, grouped in Python.

A full load reads every table once, in bulk, and builds the dataclasses straight from the row
tuples; child tables (a post's shifts, a rotation's members …) are read the same way and handed
to their owners by key. That is what makes loading the large sub-district fast. With ``only``,
each reader returns just the entity with that key (how undo checks a row against the database).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import starmap
from typing import Any

from sqlalchemy import Connection, Table, select

from roster_tui.domain.entities import dated_shifts
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


def _shift(
    name: str, start: int, end: int, need: int, role: str | None, since: dt.date | None
) -> tuple[dt.date | None, ShiftPattern]:
    return since, ShiftPattern(name, start, end, need, None if role is None else Role(role))


def read_posts(conn: Connection, only: Any = None) -> list[Post]:
    shifts = _grouped(conn, T.POST_SHIFT, "post", "name start end need need_role since", only)
    posts = []
    for id_, name, compound, version in _rows(conn, T.POST, "id name compound version", only):
        current, earlier = dated_shifts(starmap(_shift, shifts[id_]))
        posts.append(Post(id_, name, compound, current, version, earlier))
    return posts


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
