"""What has already happened: shifts that have started are the record, not a plan to edit.

Bulk actions (copy to the week, auto-fill, deactivation, rotation edits) leave every started
shift as it is; a single started cell may still be corrected by hand after a confirmation, and
the history says so.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

import pendulum

from roster_tui.domain.model import Person, Roster
from roster_tui.engine.clock import ZoneClock
from roster_tui.services.assignments import InstanceKey


def now_in(roster: Roster) -> dt.datetime:
    """The present moment, zone-aware, in the sub-district's zone."""
    return pendulum.now(roster.subdistrict.timezone)


def started(
    roster: Roster, key: InstanceKey, now: dt.datetime, clock: ZoneClock | None = None
) -> bool:
    """Whether the shift instance ``key`` has begun by ``now`` (an unknown one counts as not)."""
    post_id, day, shift_name = key
    post = next((p for p in roster.posts if p.id == post_id), None)
    pattern = post.shift(shift_name, day) if post else None
    if pattern is None:
        return False
    clock = clock or ZoneClock(roster.subdistrict.timezone)
    return clock.bounds(day, pattern)[2] <= now.timestamp()


def first_open_day(
    roster: Roster, now: dt.datetime, starts: Iterable[int] | None = None
) -> dt.date:
    """The first day on which no shift has started yet (today, or tomorrow once one began): of
    any post, or only of shifts starting at ``starts`` (minutes after midnight: a new post's)."""
    clock = ZoneClock(roster.subdistrict.timezone)
    today = now.astimezone(clock.zone).date()
    if starts is None:
        starts = [s.start for post in roster.posts for s in post.shifts_on(today)]
    moments = [clock.instant(today, start)[1] for start in starts]
    return today if all(moment > now.timestamp() for moment in moments) else today + dt.timedelta(1)


def open_days(
    roster: Roster, key: InstanceKey, days: list[dt.date], now: dt.datetime
) -> tuple[list[dt.date], list[dt.date]]:
    """``days`` split into those whose shift (of ``key``'s post) has not started, and the rest."""
    clock = ZoneClock(roster.subdistrict.timezone)
    post, _, shift = key
    open_: list[dt.date] = []
    begun: list[dt.date] = []
    for day in days:
        (begun if started(roster, (post, day, shift), now, clock) else open_).append(day)
    return open_, begun


def deactivated(person: Person, now: dt.datetime) -> Person:
    """``person`` made inactive at ``now`` (in the sub-district's zone, as :func:`now_in` gives
    it): shifts that have started by then keep them."""
    moment = now.replace(tzinfo=None, second=0, microsecond=0)  # local wall clock, like leave
    return dataclasses.replace(person, active=False, inactive_from=moment)
