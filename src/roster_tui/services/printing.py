"""Editions of a printed week: 第N版 counts the changes made since the week was first printed.

Every change that can alter a printed sheet of the week counts: shifts, people, places, duties
(the leaders named on the roster) and the households in quarantine that week. The care loop's
daily contacts and requests are on no weekly sheet, so recording them makes no new edition.

A print is recorded in the audit log as an action ``print:<ISO week>`` with no changes, so the
history shows who printed what and when, and undo passes over it. The edition of a week is one
more than the number of recorded changes after its first print that touch that week.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from roster_tui.domain.changes import AuditEntry, Change
from roster_tui.domain.model import Contact, Household, Leave, Override, Request, Rotation
from roster_tui.domain.week import Week

PRINT_PREFIX = "print:"
IMPORT_ACTION = "import"  # a whole new roster: it changes every week


def print_action(week: Week) -> str:
    return f"{PRINT_PREFIX}{week}"


def _touches(change: Change, week: Week) -> bool:
    """Whether a change can alter what the week's roster shows."""
    monday, sunday = week.monday, week.sunday
    for row in (change.before, change.after):
        if row is None:
            continue
        if isinstance(row, Override):
            if monday <= row.date <= sunday:
                return True
        elif isinstance(row, Leave):
            if row.start.date() <= sunday and row.end.date() >= monday:
                return True
        elif isinstance(row, Rotation):
            if row.start <= sunday and (row.end is None or row.end >= monday):
                return True
        elif isinstance(row, Contact | Request):
            continue  # the daily care loop: no weekly sheet shows it (the care sheets have none)
        elif isinstance(row, Household):
            # The households sheet of the week: a carer, head or address of a household in
            # quarantine on any day of it (its own length is unknown here without settings,
            # so any household that started within a generous bound counts).
            if row.start <= sunday and row.start + dt.timedelta(days=row.days or 60) >= monday:
                return True
        else:
            return True  # people, posts, places: names and shifts the sheet shows
    return False


def edition(first_print: AuditEntry | None, since: Iterable[AuditEntry], week: Week) -> int:
    """The edition the next print of the week carries: one more than the recorded changes
    ``since`` its first print that touch the week (1 when it was never printed)."""
    if first_print is None:
        return 1
    changed = sum(
        1
        for entry in since
        if entry.id > first_print.id
        and not entry.action.startswith(PRINT_PREFIX)
        and (entry.action == IMPORT_ACTION or any(_touches(c, week) for c in entry.changes))
    )
    return changed + 1
