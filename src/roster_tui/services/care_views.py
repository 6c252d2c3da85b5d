"""The care loop for one scope (a community, or the whole sub-district when None): the open
requests as the board lists them, and the alerts Today shows.

A household belongs to the community of its compound; a request to its household's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from roster_tui.domain.model import Household, Request, Roster
from roster_tui.engine.clock import ZoneClock
from roster_tui.services.care import (
    due_of,
    fever_households,
    is_overdue,
    open_requests,
    todays_round,
)


@dataclasses.dataclass(frozen=True, slots=True)
class BoardRow:
    """One open request on the board."""

    request: Request
    household: Household | None
    due: dt.datetime  # local wall-clock time
    overdue: bool
    fever: bool  # its household's latest reading is a fever


def in_scope(roster: Roster, household: Household | None, community: str | None) -> bool:
    if community is None:
        return True
    compound = roster.index.compounds.get(household.compound) if household else None
    return compound is not None and compound.community == community


def requests_board(
    roster: Roster, now: dt.datetime, community: str | None, fevers: set[str] | None = None
) -> list[BoardRow]:
    """The scope's open requests by due time: the overdue ones first, by nature.

    ``fevers``: the households with a fever today, when the caller has them already.
    """
    clock = ZoneClock(roster.subdistrict.timezone)
    if fevers is None:
        fevers = fever_households(roster, now.astimezone(clock.zone).date())
    households = roster.index.households
    rows = []
    for request in open_requests(roster, now):
        household = households.get(request.household)
        if in_scope(roster, household, community):
            rows.append(
                BoardRow(
                    request,
                    household,
                    due_of(request, roster, clock),
                    is_overdue(request, roster, now, clock),
                    request.household in fevers,
                )
            )
    return rows


@dataclasses.dataclass(frozen=True, slots=True)
class CareAlerts:
    """What Today raises for the scope: nobody called yet today, fevers, overdue requests."""

    uncontacted: list[Household]  # in quarantine today, no contact yet, neediest first
    fevers: list[tuple[Household, float]]  # the latest reading, a fever until a normal one
    overdue: list[BoardRow]
    open_requests: int  # overdue or not


def care_alerts(roster: Roster, now: dt.datetime, community: str | None) -> CareAlerts:
    households = [h for h in roster.households if in_scope(roster, h, community)]
    rows = todays_round(roster, now, households)
    # A request's household is in the scope, so the round knows its fever already.
    board = requests_board(roster, now, community, {row.household.id for row in rows if row.fever})
    return CareAlerts(
        [row.household for row in rows if not row.contacted_today],
        [
            (row.household, row.last_temperature)
            for row in rows
            if row.fever and row.last_temperature is not None
        ],
        [row for row in board if row.overdue],
        len(board),
    )
