"""Exporting the large sub-district's week in every format (target: ≤ 1 s per format)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from roster_tui.domain.model import Roster
from roster_tui.domain.week import Week
from roster_tui.services.exporting import SUPPORTED, ExportRequest, render
from roster_tui.services.exporting_care import CARE_SHEETS


def _request(roster: Roster, what: str, fmt: str, monday: dt.date) -> ExportRequest:
    """The week's sheet; a care sheet on the week's Wednesday morning (the round of Thursday)."""
    if what == "person":  # one person's duty sheet: the first person of the roster's
        person = roster.people[0].id
        return ExportRequest(what=what, fmt=fmt, week=Week(monday), person=person, lang="zh")
    if what not in CARE_SHEETS:
        return ExportRequest(what=what, fmt=fmt, week=Week(monday), lang="zh")
    zone = ZoneInfo(roster.subdistrict.timezone)
    now = dt.datetime.combine(monday + dt.timedelta(days=2), dt.time(9), zone)
    day = now.date() + dt.timedelta(days=1) if what == "contacts" else None
    return ExportRequest(what, fmt, Week(monday), audience="internal", lang="zh", day=day, now=now)


def measure_exports(report, roster: Roster, monday: dt.date, work: Path) -> None:  # type: ignore[no-untyped-def]
    for what, formats in SUPPORTED.items():
        for fmt in formats:
            request = _request(roster, what, fmt, monday)
            began = time.perf_counter()
            data = render(roster, request)
            seconds = time.perf_counter() - began
            (work / f"{what}.{fmt}").write_bytes(data)
            span = "day" if what in CARE_SHEETS else "week"
            whose = "one person's" if what == "person" else "whole sub-district"
            report.add(
                f"export {what} {fmt} ({whose} {span})",
                f"{seconds * 1000:.0f} ms",
                "<= 1000 ms",
                seconds <= 1,
            )
