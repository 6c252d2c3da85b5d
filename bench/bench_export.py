"""Exporting the large sub-district's week in every format (target: ≤ 1 s per format)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from roster_tui.domain.model import Roster
from roster_tui.services.exporting import SUPPORTED, ExportRequest, render


def measure_exports(report, roster: Roster, monday: dt.date, work: Path) -> None:  # type: ignore[no-untyped-def]
    for what, formats in SUPPORTED.items():
        for fmt in formats:
            request = ExportRequest(what=what, fmt=fmt, monday=monday, lang="zh")
            began = time.perf_counter()
            data = render(roster, request)
            seconds = time.perf_counter() - began
            (work / f"{what}.{fmt}").write_bytes(data)
            report.add(
                f"export {what} {fmt} (whole sub-district week)",
                f"{seconds * 1000:.0f} ms",
                "<= 1000 ms",
                seconds <= 1,
            )
