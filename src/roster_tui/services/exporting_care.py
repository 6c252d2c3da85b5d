"""The care loop's sheets as the exports need them: what the loop knows at the sheet's moment.

``export contacts`` prints a carer's round for a day, ``export requests`` the requests open at a
moment (and those done in the day before it). The services judge the loop (latest readings, due
times, overdue) with the same rules as ``check`` and Today; the writers only arrange it.
"""

from __future__ import annotations

import datetime as dt

from roster_tui.domain.model import Roster
from roster_tui.engine.care import due_timestamp
from roster_tui.engine.clock import ZoneClock
from roster_tui.export.care_tables import CareFacts, open_at
from roster_tui.export.view import WeekView
from roster_tui.services.care import due_of, latest_readings

CARE_SHEETS = ("contacts", "requests")
CARE_FORMATS = ("csv", "html", "pdf", "txt")


def care_facts(roster: Roster, now: dt.datetime, day: dt.date | None = None) -> CareFacts:
    """The loop at ``now`` (zone-aware): readings up to ``day`` (default: now's date), every
    request's due time, and which requests are past due and not done by ``now``."""
    clock = ZoneClock(roster.subdistrict.timezone)
    local_now = now.astimezone(clock.zone).replace(tzinfo=None)
    day = day or local_now.date()
    instant = now.timestamp()
    overdue = frozenset(
        r.id
        for r in roster.requests
        if open_at(r, local_now) and due_timestamp(r, roster, clock) <= instant
    )
    return CareFacts(
        day=day,
        now=local_now,
        readings=latest_readings(roster, day),
        due={r.id: due_of(r, roster, clock) for r in roster.requests},
        overdue=overdue,
    )


def render_care(
    view: WeekView,
    facts: CareFacts,
    what: str,
    fmt: str,
    *,
    lang: str | None,
    printed_at: dt.datetime | None = None,
    width: int | None = None,
    encoding: str | None = None,
) -> bytes:
    """The sheet's bytes; ``what`` and ``fmt`` are one of CARE_SHEETS and CARE_FORMATS."""
    from roster_tui.export import care_sheets, care_text

    if fmt == "csv":
        encoding = encoding or "utf-8-sig"
        return care_sheets.write_care_csv(view, facts, what, lang=lang, encoding=encoding)
    layout = care_sheets.care_layout(view, facts, what, lang)
    if fmt == "txt":
        text = care_text.write_care_text(view, layout, printed_at=printed_at, width=width or 80)
        return text.encode("utf-8")
    if fmt == "pdf":
        return care_sheets.write_care_pdf(view, layout, printed_at=printed_at)
    return care_sheets.write_care_html(view, layout, printed_at=printed_at).encode("utf-8")
