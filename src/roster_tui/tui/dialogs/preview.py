"""Previews of single-key bulk actions (deactivate, leave, release): what they touch, then ask."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from textual.app import App

from roster_tui.domain.changes import Change
from roster_tui.domain.model import Roster
from roster_tui.domain.text import printable
from roster_tui.services.impact import PREVIEW_DAYS, gap_lines, impact
from roster_tui.tui.dialogs.confirm import ConfirmDialog


def ask_with_preview(
    app: App[object],
    roster: Roster,
    title: str,
    lines: list[str],
    changes: Sequence[Change],
    first: dt.date,
    go: Callable[[], None],
    last: dt.date | None = None,
) -> None:
    """Show ``lines`` and the gaps ``changes`` open from ``first`` on; ``go`` once confirmed."""
    last = last or first + dt.timedelta(days=PREVIEW_DAYS - 1)
    shown = [*lines, *gap_lines(roster, impact(roster, changes, first, last))]

    def answered(yes: bool | None) -> None:
        if yes:
            go()

    app.push_screen(ConfirmDialog(title, [printable(line) for line in shown]), answered)
