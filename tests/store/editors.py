"""Secretaries editing one database from several processes, and what a consistent read holds.

Each edit, in one transaction, adds a person of the editor's own to one of a few shared shift
overrides (a row with child rows, the kind a torn read gets wrong) and records a duty for that
person. So any consistent reading of the database has exactly one duty per person added to an
override, and every edit whose save succeeded must still be in place at the end.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import time
from collections import Counter
from multiprocessing.synchronize import Barrier
from typing import Any

from roster_tui.domain.changes import Change
from roster_tui.domain.model import (
    Community,
    Compound,
    CompoundKind,
    Duty,
    Override,
    Person,
    Post,
    Roster,
    ShiftPattern,
    Street,
    Subdistrict,
)
from roster_tui.store.db import open_store
from roster_tui.store.errors import ConflictError
from roster_tui.store.repository import Store

EDITORS = 3
PEOPLE_EACH = 100
SLOTS = 3
# Each editor saves at least this many edits, however long a loaded machine makes them take:
# a test that runs for a fixed time alone saw two edits in all on a busy machine.
SAVED_EACH = 4
MONDAY = dt.date(2026, 11, 30)


def shared_roster() -> Roster:
    return Roster(
        Subdistrict("文化路街道"),
        communities=[Community("c01", "东风社区")],
        streets=[Street("s01", "文化路", "c01")],
        compounds=[Compound("k001", "农科路12号院", "c01", CompoundKind.UNMANAGED, "s01")],
        people=[
            Person(f"p{e}-{n}", f"人{e}-{n}", f"138{e:02d}{n:06d}", "c01")
            for e in range(EDITORS)
            for n in range(PEOPLE_EACH)
        ],
        posts=[Post("x001", "东门", "k001", (ShiftPattern("白班", 480, 1200, 2),))],
        overrides=[Override("x001", MONDAY + dt.timedelta(days=d), "白班") for d in range(SLOTS)],
    )


def torn(roster: Roster) -> bool:
    """True when a reading pairs overrides and duties from different moments."""
    added = Counter(p for o in roster.overrides for p in o.add)
    duties = Counter(d.person for d in roster.duties)
    return added != duties


def add_to(store: Store, slot: Override, person: str, *, user: str) -> None:
    """One edit, saved in one transaction: ``person`` added to ``slot``, with a duty of theirs."""
    after = dataclasses.replace(slot, add=(*slot.add, person))
    store.apply(
        [Change(slot, after), Change(None, Duty(person, street="s01"))],
        user=user,
        action="assign",
        summary=person,
    )


def edit_for(
    seconds: float, url: str, editor: int, go: Barrier, results: Any, stop: Any = None
) -> None:
    """One secretary: read the roster, add one of their people to a slot, save; repeat.

    For ``seconds`` and until SAVED_EACH edits are saved, and then, given a ``stop`` event,
    until it is set: a test that reads while others edit keeps them editing until it has read
    enough, however slow the machine.
    """
    store = open_store(url)
    saved: list[tuple[int, str]] = []
    conflicts = torn_reads = 0
    rng = random.Random(editor)
    people = iter(f"p{editor}-{n}" for n in range(PEOPLE_EACH))
    go.wait()
    deadline = time.monotonic() + seconds
    try:
        while (
            time.monotonic() < deadline
            or len(saved) < SAVED_EACH
            or (stop is not None and not stop.is_set())
        ):
            roster = store.load_roster()
            torn_reads += torn(roster)
            slot = rng.choice(roster.overrides)
            person = next(people, None)
            if person is None:
                break
            try:
                add_to(store, slot, person, user=f"editor{editor}")
            except ConflictError:
                conflicts += 1
                continue
            assert slot.uid is not None
            saved.append((slot.uid, person))
        results.put((editor, saved, conflicts, torn_reads, None))
    except Exception as error:
        results.put((editor, saved, conflicts, torn_reads, f"{type(error).__name__}: {error}"))
    finally:
        store.close()


def lost_edits(roster: Roster, saved: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The saved edits the final roster no longer holds."""
    adds = {o.uid: set(o.add) for o in roster.overrides}
    return [(uid, person) for uid, person in saved if person not in adds.get(uid, set())]
