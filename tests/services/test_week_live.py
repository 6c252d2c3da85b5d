"""The week grid's trackers: kept per week, following edits, started from another screen's."""

from __future__ import annotations

import datetime as dt

from roster_tui.domain.model import Override
from roster_tui.domain.week import Week
from roster_tui.engine.check import check
from roster_tui.engine.incremental import GapTracker
from roster_tui.services.overview import frozen_moment
from roster_tui.services.week_live import WeekGaps

from .test_overview import WEDNESDAY, _roster, _with_override

WEEK = Week.of(WEDNESDAY)


def test_a_kept_week_follows_an_edit_and_gives_what_a_full_check_gives() -> None:
    roster = _roster()
    weeks = WeekGaps(WEDNESDAY)
    first = weeks.week(roster, WEEK)
    weeks.week(roster, WEEK + 1)  # another week in between: both kept
    edited = _with_override(roster, Override("x2", WEDNESDAY, "白班", add=("q1",)))
    again = weeks.week(edited, WEEK)
    now = frozen_moment(WEDNESDAY, roster.subdistrict.timezone)
    assert again.gaps == check(edited, WEEK.monday, WEEK.sunday, now=now) != first.gaps
    assert weeks.week(roster, WEEK).gaps == first.gaps  # back the other way


def test_another_screens_tracker_is_taken_only_while_its_care_gaps_are_fresh() -> None:
    roster = _roster()
    asked: list[GapTracker] = []

    def seed(at: dt.datetime) -> GapTracker:
        tracker = GapTracker(roster, WEEK.monday, WEEK.sunday, now=at)
        asked.append(tracker)
        return tracker

    now = dt.datetime.now(dt.timezone(dt.timedelta(hours=8)))
    fresh = WeekGaps(None, seed=lambda r, w: seed(now))
    fresh.week(roster, WEEK)
    assert fresh._kept[WEEK].tracker is asked[-1]
    stale = WeekGaps(None, seed=lambda r, w: seed(now - dt.timedelta(hours=1)))
    stale.week(roster, WEEK)
    assert stale._kept[WEEK].tracker is not asked[-1]  # worked out afresh, judged now
