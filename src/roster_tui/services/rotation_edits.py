"""Rotation edits that apply from a date: what has happened keeps the rotation it had.

Changing a rotation's members, order, shifts or per_slot ends the old rotation the day before
the chosen date and starts a new one on it. The new member list is turned so that whoever the
old rotation had due on that day is still due first: the cycle goes on where it stood.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from roster_tui.domain.changes import Change
from roster_tui.domain.model import Roster, Rotation
from roster_tui.engine.expand import rotation_picks


def changes_the_cycle(before: Rotation, after: Rotation) -> bool:
    """Whether the edit touches who is picked (members, order, shifts, per_slot)."""
    return (before.members, before.shifts, before.per_slot) != (
        after.members,
        after.shifts,
        after.per_slot,
    )


def apply_from(chosen: dt.date | None, earliest: dt.date) -> dt.date:
    """The day an edit applies from: the user's choice, or ``earliest`` (the first day on which
    no shift has started) when none was made or the choice has fallen behind it since."""
    return chosen if chosen is not None and chosen >= earliest else earliest


def parse_apply_from(text: str, earliest: dt.date) -> dt.date | str:
    """The typed day an edit applies from, or the catalog key of what is wrong with it."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        return "places.from.bad"
    return day if day >= earliest else "places.from.started"


def dates_problem(
    before: Rotation, start: dt.date, end: dt.date | None, earliest: dt.date
) -> str | None:
    """Why new dates for ``before`` would change a shift that has started, or None.

    Days before ``earliest`` have begun: a start may move only when both the old and the new
    start lie on or after it, and an end only when neither leaves a started day uncovered
    (an end the day before ``earliest`` is the latest day that may already be over).
    """
    if start != before.start and min(start, before.start) < earliest:
        return "places.dates.start_started"
    last_started = earliest - dt.timedelta(days=1)
    ends = [d for d in (end, before.end) if d is not None]
    if end != before.end and min(ends) < last_started:
        return "places.dates.end_started"
    return None


def _new_id(roster: Roster, base: str, day: dt.date) -> str:
    taken = {r.id for r in roster.rotations}
    candidate = f"{base}-{day:%Y%m%d}"
    n = 2
    while candidate in taken:
        candidate, n = f"{base}-{day:%Y%m%d}-{n}", n + 1
    return candidate


def due_first(roster: Roster, rotation: Rotation, day: dt.date) -> str | None:
    """The member the rotation puts first on ``day``'s first covered shift."""
    post = next((p for p in roster.posts if p.id == rotation.post), None)
    if post is None:
        return None
    alone = dataclasses.replace(roster, rotations=[rotation])
    for shift in sorted(post.shifts_on(day), key=lambda s: s.start):
        picks = rotation_picks(alone, (post.id, day, shift.name))
        if picks:
            return picks[0]
    return None


def dated_edit(roster: Roster, before: Rotation, after: Rotation, day: dt.date) -> list[Change]:
    """The edit as it applies from ``day``: in place when the rotation starts on or after it."""
    if not changes_the_cycle(before, after) or day <= before.start:
        return [Change(before, after)]
    if before.end is not None and before.end < day:
        return []  # the rotation is over by then: nothing of it lies ahead
    members = list(after.members)
    due = due_first(roster, before, day)
    # The person due that day, or the next one in the old order who is still a member.
    order = list(before.members)
    if due in order:
        order = order[order.index(due) :] + order[: order.index(due)]
    first = next((m for m in order if m in members), None)
    if first is not None:
        i = members.index(first)
        members = members[i:] + members[:i]
    ended = dataclasses.replace(before, end=day - dt.timedelta(days=1))
    started = Rotation(
        id=_new_id(roster, before.id, day),
        post=before.post,
        members=tuple(members),
        start=day,
        end=before.end,
        shifts=after.shifts,
        per_slot=after.per_slot,
    )
    return [Change(before, ended), Change(None, started)]
