"""The week grid's instances and gaps, worked out once per week and kept current across edits.

A week is worked out through the engine's :class:`~roster_tui.engine.incremental.GapTracker`,
which costs no more than one full check and leaves the week ready for edits: an assign,
remove, replace or swap changes the people of one or two instances, so only those instances,
their own gaps and the gaps of the people who came or went can change. The grid then redraws
the rows of those instances instead of expanding and checking its whole week again.

The first week shown may start from the tracker the today screen keeps of this week. The last
few weeks shown are kept, each following the rosters it is handed while only
overrides change, so stepping back to a week (``[`` after ``]``) finds it worked out. Any other
edit or a reload works a week out afresh.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from roster_tui.domain.gaps import Gap
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Override, Roster
from roster_tui.domain.week import Week
from roster_tui.engine.expand import InstanceKey
from roster_tui.engine.incremental import GapTracker
from roster_tui.services.overview import frozen_moment, override_changes

Seed = Callable[[Roster, Week], GapTracker | None]


@dataclass(frozen=True, slots=True)
class WeekState:
    """A week of one roster: its instances (by date, post, then shift order) and its gaps."""

    instances: list[ShiftInstance]
    gaps: list[Gap]  # every gap of the week, in the order the check gives


@dataclass(frozen=True, slots=True)
class WeekUpdate:
    """What an edit did to a week: every gap now, and the instances it changed."""

    gaps: list[Gap]  # every gap of the week, in the order the check gives
    instances: dict[InstanceKey, ShiftInstance]  # the changed instances, as they are now


@dataclass(slots=True)
class _Kept:
    tracker: GapTracker
    roster: Roster  # the roster the tracker stands at
    made: float  # when it was built (monotonic seconds)


class WeekGaps:
    """The gap trackers of the weeks the grid showed last. Safe to call from worker threads.

    Without a fixed day the care loop's gaps are judged at the moment a tracker is built, so a
    week looked at again after :attr:`FRESH` seconds is worked out again, and another screen's
    tracker is taken only while as fresh; edits keep theirs.
    """

    KEEP = 3  # weeks kept: the one shown and the ones either side of it
    FRESH = 60.0

    def __init__(self, fixed_today: dt.date | None = None, seed: Seed | None = None) -> None:
        """``seed``: a tracker another screen already has of a roster's week, if any (a copy,
        which this one then edits on its own)."""
        self._fixed_today = fixed_today
        self._seed = seed
        self._lock = threading.Lock()
        self._kept: dict[Week, _Kept] = {}  # the most recently used last

    def week(self, roster: Roster, week: Week) -> WeekState:
        """``week`` in ``roster``: from a kept tracker when it can follow, else afresh."""
        with self._lock:
            kept = self._kept.pop(week, None)
            stale = kept is not None and time.monotonic() - kept.made > self.FRESH
            if stale and self._fixed_today is None:
                kept = None
            tracker = self._follow(kept, roster) if kept is not None else None
            if tracker is None:
                kept = self._build(roster, week)
                tracker = kept.tracker
            assert kept is not None
            self._keep(week, kept)
            return WeekState(tracker.instances, tracker.gaps)

    def update(self, before: Roster, roster: Roster, week: Week) -> WeekUpdate | None:
        """``week`` in ``roster``, from ``before`` (the roster the grid shows); None when
        something besides overrides changed, and only the full way will do."""
        changes = override_changes(before, roster)
        if changes is None:
            return None
        with self._lock:
            kept = self._kept.pop(week, None)
            tracker = self._follow(kept, before) if kept is not None else None
            if tracker is None:
                kept = self._build(before, week)
                tracker = kept.tracker
            assert kept is not None
            try:
                tracker.apply(changes)
            except ValueError:  # the tracker lost step with the roster: the full way
                return None
            kept.roster = roster
            self._keep(week, kept)
            keys = {
                (row.post, row.date, row.shift)
                for change in changes
                for row in (change.before, change.after)
                if isinstance(row, Override)
            }
            found = {key: tracker.instance(key) for key in keys}
            changed = {key: instance for key, instance in found.items() if instance is not None}
            return WeekUpdate(tracker.gaps, changed)

    def forget(self) -> None:
        """Work every week out afresh from now on."""
        with self._lock:
            self._kept.clear()

    def _follow(self, kept: _Kept, roster: Roster) -> GapTracker | None:
        """The kept tracker moved on to ``roster``; None when only a new one will do."""
        if kept.roster is roster:
            return kept.tracker
        changes = override_changes(kept.roster, roster)
        if changes is None:
            return None
        try:
            kept.tracker.apply(changes)
        except ValueError:  # lost step with the roster
            return None
        kept.roster = roster
        return kept.tracker

    def _build(self, roster: Roster, week: Week) -> _Kept:
        tracker = self._seed(roster, week) if self._seed is not None else None
        if tracker is not None and self._fixed_today is None:
            moment = tracker.now
            if abs((dt.datetime.now(moment.tzinfo) - moment).total_seconds()) > self.FRESH:
                tracker = None  # its care gaps were judged too long ago
        if tracker is None:
            tracker = GapTracker(roster, week.monday, week.sunday, now=self._now(roster))
        return _Kept(tracker, roster, time.monotonic())

    def _keep(self, week: Week, kept: _Kept) -> None:
        self._kept[week] = kept
        while len(self._kept) > self.KEEP:
            del self._kept[next(iter(self._kept))]

    def _now(self, roster: Roster) -> dt.datetime | None:
        if self._fixed_today is None:
            return None
        return frozen_moment(self._fixed_today, roster.subdistrict.timezone)
