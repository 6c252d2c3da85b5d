"""Releasing a household from quarantine today (解除隔离), after showing what it changes."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from textual.app import App

from roster_tui.domain.changes import Change
from roster_tui.domain.model import Household, Roster
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.households import released_today
from roster_tui.tui.dialogs.preview import ask_with_preview

if TYPE_CHECKING:
    from roster_tui.tui.app import RosterApp


def ask_release(app: RosterApp, roster: Roster, before: Household, today: dt.date) -> None:
    """Ask (with the gaps it brings) and release ``before`` today; refused when it cannot be."""
    if before.end_date(roster.settings) <= today:
        app.notify(t("tui.households.already_released"), timeout=4)
        return
    try:
        after = released_today(before, today)
    except ValueError:
        app.notify(t("tui.households.cannot_release"), severity="warning", timeout=6)
        return
    carer = roster.index.people.get(before.carer) if before.carer else None
    ask_with_preview(
        cast("App[object]", app),
        roster,
        t("safety.release.title", household=printable(before.address)),
        [
            t("safety.release.when", day=today.isoformat()),
            t("safety.release.carer", person=printable(carer.name) if carer else "-"),
        ],
        [Change(before, after)],
        today,
        lambda: app.edit(lambda ws: ws.save_household(before, after)),
    )
