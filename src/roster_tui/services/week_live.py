"""The week grid's instances and gaps, kept current across edits by the gap tracker.

An assign, remove, replace or swap changes the people of one or two instances, so only those
instances, their own gaps and the gaps of the people who came or went can change
(:class:`~roster_tui.engine.incremental.GapTracker`). The grid then redraws the rows of those
instances instead of expanding and checking its whole week again. Any other edit, a reload or
another week takes the full way.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

from roster_tui.domain.gaps import Gap
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Override, Roster
from roster_tui.domain.week import Week
from roster_tui.engine.expand import InstanceKey
from roster_tui.engine.incremental import GapTracker
from roster_tui.services.overview import frozen_moment, override_changes


@dataclass(frozen=True, slots=True)
class WeekUpdate:
    """What an edit did to a week: every gap now, and the instances it changed."""

    gaps: list[Gap]  # every gap of the week, in the order the check gives
    instances: dict[InstanceKey, ShiftInstance]  # the changed instances, as they are now


class WeekGaps:
    """One week's gap tracker, following the rosters the grid is handed.

    The tracker is built at the first edit of a week (a week only looked at never needs one)
    and kept while the edits go on. Safe to call from several worker threads.
    """

    def __init__(self, fixed_today: dt.date | None = None) -> None:
        self._fixed_today = fixed_today
        self._lock = threading.Lock()
        self._tracker: GapTracker | None = None
        self._roster: Roster | None = None  # the roster the tracker stands at

    def update(self, before: Roster, roster: Roster, week: Week) -> WeekUpdate | None:
        """``week`` in ``roster``, from ``before`` (the roster the grid shows); None when
        something besides overrides changed, and only the full way will do."""
        changes = override_changes(before, roster)
        if changes is None:
            return None
        with self._lock:
            tracker = self._tracker
            if (
                tracker is None
                or self._roster is not before
                or (tracker.first, tracker.last) != (week.monday, week.sunday)
            ):
                tracker = GapTracker(before, week.monday, week.sunday, now=self._now(before))
            self._tracker = self._roster = None  # until the changes are in
            try:
                tracker.apply(changes)
            except ValueError:  # the tracker lost step with the roster: the full way
                return None
            self._tracker, self._roster = tracker, roster
            keys = {
                (row.post, row.date, row.shift)
                for change in changes
                for row in (change.before, change.after)
                if isinstance(row, Override)
            }
            found = {key: tracker.instance(key) for key in keys}
            changed = {key: instance for key, instance in found.items() if instance is not None}
            return WeekUpdate(tracker.gaps, changed)

    def _now(self, roster: Roster) -> dt.datetime | None:
        if self._fixed_today is None:
            return None
        return frozen_moment(self._fixed_today, roster.subdistrict.timezone)
