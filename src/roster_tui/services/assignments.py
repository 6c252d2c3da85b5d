"""Turning a secretary's edit of one shift instance into ``[[override]]`` rows (docs/format.md).

Every hand edit is an override, so rotations stay intact. One instance keeps at most one override
row: its ``add`` is who is on it beyond the rotation, its ``remove`` who the rotation put there
but is not. Normalising this way matters because a removal wins over any add (docs/format.md):
adding back someone once removed must drop the removal, not stack another row.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from roster_tui.domain.changes import Change
from roster_tui.domain.model import Override, Roster
from roster_tui.engine.expand import rotation_picks

InstanceKey = tuple[str, dt.date, str]


def overrides_of(roster: Roster, key: InstanceKey) -> list[Override]:
    post, date, shift = key
    return [o for o in roster.overrides if (o.post, o.date, o.shift) == (post, date, shift)]


def assigned_people(
    roster: Roster, key: InstanceKey, picks: tuple[str, ...] | None = None
) -> tuple[str, ...]:
    """Who is assigned now: rotation picks plus adds, less removes."""
    if picks is None:
        picks = rotation_picks(roster, key)
    adds: list[str] = []
    removes: set[str] = set()
    for override in overrides_of(roster, key):
        adds.extend(override.add)
        removes.update(override.remove)
    ordered = list(dict.fromkeys([*picks, *adds]))
    return tuple(p for p in ordered if p not in removes)


def set_assigned(
    roster: Roster,
    key: InstanceKey,
    wanted: Iterable[str],
    picks: tuple[str, ...] | None = None,
) -> list[Change]:
    """Changes that make the instance's assigned people exactly ``wanted``."""
    wanted = tuple(dict.fromkeys(wanted))
    if picks is None:
        picks = rotation_picks(roster, key)
    add = tuple(p for p in wanted if p not in picks)
    remove = tuple(p for p in picks if p not in wanted)
    existing = overrides_of(roster, key)
    post, date, shift = key
    changes: list[Change] = []
    if existing:
        keep, *extra = existing
        if add or remove:
            changes.append(Change(keep, dataclasses.replace(keep, add=add, remove=remove)))
        else:
            changes.append(Change(keep, None))
        changes.extend(Change(o, None) for o in extra)
    elif add or remove:
        changes.append(Change(None, Override(post, date, shift, remove=remove, add=add)))
    return changes


def assign(roster: Roster, key: InstanceKey, person: str) -> list[Change]:
    picks = rotation_picks(roster, key)
    return set_assigned(roster, key, [*assigned_people(roster, key, picks), person], picks)


def unassign(roster: Roster, key: InstanceKey, person: str) -> list[Change]:
    picks = rotation_picks(roster, key)
    now = assigned_people(roster, key, picks)
    return set_assigned(roster, key, [p for p in now if p != person], picks)


def replace(roster: Roster, key: InstanceKey, leaving: str, coming: str) -> list[Change]:
    """``coming`` takes ``leaving``'s place on the instance (换人), in the same turn order."""
    now = assigned_people(roster, key)
    return set_assigned(roster, key, [coming if p == leaving else p for p in now])


def swap(roster: Roster, first: InstanceKey, a: str, second: InstanceKey, b: str) -> list[Change]:
    """``a`` leaves ``first`` for ``second`` and ``b`` the other way (换班)."""
    now_first = [b if p == a else p for p in assigned_people(roster, first)]
    if first == second:
        return set_assigned(roster, first, now_first)
    now_second = [a if p == b else p for p in assigned_people(roster, second)]
    return [*set_assigned(roster, first, now_first), *set_assigned(roster, second, now_second)]


def copy_to_days(roster: Roster, key: InstanceKey, days: Iterable[dt.date]) -> list[Change]:
    """The instance's people put on the same post and shift on each of ``days`` (复制到整周)."""
    people = assigned_people(roster, key)
    post, source_day, shift = key
    changes: list[Change] = []
    for day in days:
        if day != source_day:
            changes.extend(set_assigned(roster, (post, day, shift), people))
    return changes
