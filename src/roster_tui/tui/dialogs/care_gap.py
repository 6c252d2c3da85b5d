"""Where the care loop's gaps and alerts are closed, opened over whatever screen found them.

household_uncontacted opens the contact form for the gap's day, fever the household's card,
request_overdue the requests board on that request with its handler picker. Today's alerts
open the household's card, the board on the request, or today's round.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import Roster
from roster_tui.i18n import t
from roster_tui.tui.dialogs.care_round import RoundDialog
from roster_tui.tui.dialogs.contact_form import open_contact_form
from roster_tui.tui.dialogs.household_card import HouseholdCard
from roster_tui.tui.dialogs.requests_board import RequestsBoard

if TYPE_CHECKING:
    from roster_tui.tui.app import RosterApp

CARE_KINDS = frozenset({GapKind.HOUSEHOLD_UNCONTACTED, GapKind.FEVER, GapKind.REQUEST_OVERDUE})


def care_gap_hint(kind: GapKind) -> str | None:
    """What Enter does on a care-loop gap (None for the other kinds)."""
    return t(f"tui.care.gap.{kind.value}") if kind in CARE_KINDS else None


def open_care_gap(app: RosterApp, roster: Roster, gap: Gap) -> bool:
    """Open where ``gap`` is closed; False when it is not a care-loop gap (or names nothing)."""
    household = roster.index.households.get(gap.household or "")
    if gap.kind not in CARE_KINDS or household is None:
        return False
    if gap.kind is GapKind.HOUSEHOLD_UNCONTACTED:
        open_contact_form(app, roster, household, gap.date)
    elif gap.kind is GapKind.FEVER:
        app.push_screen(HouseholdCard(roster, household, app.fixed_today))
    else:
        board = RequestsBoard(roster, app.fixed_today, app.scope, focus=gap.request, pick=True)
        app.push_screen(board)
    return True


def open_alert(app: RosterApp, roster: Roster, alert: str) -> bool:
    """Open what a Today alert line names (``fever:h0001``, ``request:q0001``, ``round…``,
    ``requests…``); False for a line that is not an alert. Each line's id is its own."""
    what, _, ident = alert.partition(":")
    if what == "fever" and ident in roster.index.households:
        app.push_screen(HouseholdCard(roster, roster.index.households[ident], app.fixed_today))
    elif what == "request":
        app.push_screen(RequestsBoard(roster, app.fixed_today, app.scope, focus=ident))
    elif what == "requests":
        app.push_screen(RequestsBoard(roster, app.fixed_today, app.scope))
    elif what == "round":
        app.push_screen(RoundDialog(roster, app.fixed_today, app.scope))
    else:
        return False
    return True
