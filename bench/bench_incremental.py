"""One assignment to an updated gap count, incrementally (target: <= 100 ms)."""

from __future__ import annotations

import datetime as dt
import statistics
import time

from roster_tui.domain.model import Roster
from roster_tui.engine.incremental import GapTracker
from roster_tui.services import assignments


def measure_incremental(report, roster: Roster, monday: dt.date) -> None:  # type: ignore[no-untyped-def]
    sunday = monday + dt.timedelta(days=6)
    began = time.perf_counter()
    tracker = GapTracker(roster, monday, sunday)
    report.add(
        "gap tracker build (one week)", f"{(time.perf_counter() - began) * 1000:.0f} ms", "", None
    )
    spare = [p.id for p in roster.people[-50:]]
    timings = []
    for i, post in enumerate(roster.posts[:30]):
        key = (post.id, monday + dt.timedelta(days=i % 7), post.shifts[0].name)
        began = time.perf_counter()
        changes = assignments.assign(roster, key, spare[i % len(spare)])
        tracker.apply(changes)
        _ = tracker.total
        timings.append(time.perf_counter() - began)
    median = statistics.median(timings)
    worst = max(timings)
    report.add(
        "one assignment -> gap count (median)",
        f"{median * 1000:.1f} ms",
        "<= 100 ms",
        median <= 0.1,
    )
    report.add(
        "one assignment -> gap count (worst of 30)",
        f"{worst * 1000:.1f} ms",
        "<= 100 ms",
        worst <= 0.1,
    )
