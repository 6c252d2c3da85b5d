"""The today screen's figures for the scope (one community or the whole sub-district), and
the whole first screen read ahead of the UI.

The screen works these out in thread workers as the roster changes. At start-up the command
works them out before the terminal UI even starts (:func:`read_startup`), so the first frame
already holds them: no worker then competes with the UI's own start for the interpreter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import Roster
from roster_tui.domain.names import namesakes
from roster_tui.domain.week import Week
from roster_tui.services.care_views import CareAlerts, care_alerts
from roster_tui.services.overview import (
    DutyNow,
    HouseholdSummary,
    PlaceIndex,
    RangeGaps,
    counts_worst_first,
    current_moment,
    duty_at,
    frozen_moment,
    gaps_of_community,
    household_summary,
)
from roster_tui.services.scope import resolve_scope
from roster_tui.services.workspace import Workspace


def moment_of(roster: Roster, fixed_today: dt.date | None) -> dt.datetime:
    """Now in the sub-district's zone; with a fixed today, 09:00 that day (stable tests)."""
    zone = roster.subdistrict.timezone
    if fixed_today is not None:
        return frozen_moment(fixed_today, zone)
    return current_moment(zone)


@dataclass(frozen=True, slots=True)
class DutyView:
    """Who is on duty at the moment and the households, for the scope."""

    duty: DutyNow
    households: HouseholdSummary
    shared: frozenset[str]  # names more than one person carries


def duty_view(roster: Roster, community: str | None, moment: dt.datetime) -> DutyView:
    duty = duty_at(roster, PlaceIndex(roster).posts_of(community), moment)
    day = dt.date(moment.year, moment.month, moment.day)  # not pendulum's, slower to add to
    households = household_summary(roster, community, day)
    return DutyView(duty, households, namesakes(roster.people))


def week_gap_counts(
    roster: Roster, community: str | None, week_gaps: RangeGaps, today: dt.date
) -> list[tuple[GapKind, int]]:
    """The scope's gaps in the ISO week of ``today``, counted by kind, worst first."""
    return counts_worst_first(scope_gaps(roster, community, week_gaps, today))


def scope_gaps(
    roster: Roster, community: str | None, week_gaps: RangeGaps, today: dt.date
) -> list[Gap]:
    """The scope's gaps in the ISO week of ``today``."""
    week = Week.of(today)
    gaps = week_gaps.gaps(roster, week.monday, week.sunday)
    return gaps_of_community(gaps, PlaceIndex(roster), community)


@dataclass(frozen=True, slots=True)
class TodayView:
    """Everything the today screen shows, for ``roster`` as it was read."""

    roster: Roster
    community: str | None  # None: the whole sub-district
    moment: dt.datetime
    duty_view: DutyView
    gap_counts: list[tuple[GapKind, int]]
    week_gaps: RangeGaps  # holds the week's gap tracker, for the screen to keep current
    alerts: CareAlerts  # the care loop's


@dataclass(frozen=True, slots=True)
class Startup:
    """The roster, its data version and the first screen, read before the terminal UI starts."""

    roster: Roster
    version: int
    today: TodayView


def read_startup(
    workspace: Workspace, preferred_scope: str | None, fixed_today: dt.date | None = None
) -> Startup:
    version = workspace.data_version()  # first: a write in between then shows as a change
    roster = workspace.load()
    community = resolve_scope(roster, preferred_scope)
    moment = moment_of(roster, fixed_today)
    today = fixed_today or dt.date(moment.year, moment.month, moment.day)  # not pendulum's
    week_gaps = RangeGaps(fixed_today)
    counts = week_gap_counts(roster, community, week_gaps, today)
    duty = duty_view(roster, community, moment)
    alerts = care_alerts(roster, moment, community)
    view = TodayView(roster, community, moment, duty, counts, week_gaps, alerts)
    return Startup(roster, version, view)
