"""The week grid's safeguards: started shifts are corrected only on purpose, bulk copies are
previewed first. Kept beside the screen so the screen stays about moving and picking."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from roster_tui.domain.model import Roster
from roster_tui.domain.text import printable
from roster_tui.domain.week import Week
from roster_tui.i18n import t
from roster_tui.services.assignments import InstanceKey
from roster_tui.services.impact import gap_lines, impact
from roster_tui.services.past import started
from roster_tui.services.workspace import copy_week_changes
from roster_tui.tui.dialogs.confirm import ConfirmDialog

if TYPE_CHECKING:
    from roster_tui.tui.screens.week_edits import WeekEdits


def ask_if_started(
    screen: WeekEdits, roster: Roster, keys: list[InstanceKey], go: Callable[[bool], None]
) -> None:
    """``go(False)`` at once when no cell has started; else ``go(True)`` after a confirmation."""
    now = screen.roster_app.now()
    begun = [key for key in keys if started(roster, key, now)]
    if not begun:
        go(False)
        return
    lines = [t("safety.past.line", where=screen.where_key(key)) for key in begun]
    lines.append(t("safety.past.hint"))

    def answered(yes: bool | None) -> None:
        if yes:
            go(True)

    screen.app.push_screen(ConfirmDialog(t("safety.past.title"), lines), answered)


def preview_copy_week(screen: WeekEdits, roster: Roster, key: InstanceKey, people: str) -> None:
    """Copy to the week: which days, which stay (started), the gaps it opens; then ask."""
    changes, days, begun = copy_week_changes(roster, key, screen.roster_app.now())
    if not days:
        screen.notify(t("safety.copy.nothing"))
        return
    week = Week.of(key[1])
    found = impact(roster, changes, week.monday, week.sunday)
    lines = [
        t("safety.copy.who", people=people, where=screen.where_key(key)),
        t("safety.copy.days", count=len(days), days=_days(days)),
    ]
    if begun:
        lines.append(t("safety.copy.kept", count=len(begun), days=_days(begun)))
    lines += gap_lines(roster, found)

    def answered(yes: bool | None) -> None:
        if yes:
            screen.roster_app.edit(lambda ws: ws.copy_to_week(roster, key, screen.roster_app.now()))

    title = t("safety.copy.title", count=len(changes))
    screen.app.push_screen(ConfirmDialog(title, [printable(line) for line in lines]), answered)


def _days(days: list[dt.date]) -> str:
    return t("safety.days.separator").join(
        f"{d.month}/{d.day} {t(f'weekday.{d.weekday()}')}" for d in days
    )
