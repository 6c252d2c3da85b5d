"""A VTIMEZONE for the sub-district's zone, computed from the system's zone data (RFC 5545 §3.6.5).

Only the observances that matter for the exported dates are written: the one in force when the
week starts and any change (a DST switch) up to its end. Zones without changes, like
Asia/Shanghai, get a single STANDARD observance.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

_UTC = dt.UTC
_LOOK_BACK = dt.timedelta(days=400)  # far enough to find the last change before the week


def _offset(zone: ZoneInfo, instant: dt.datetime) -> dt.timedelta:
    offset = instant.astimezone(zone).utcoffset()
    assert offset is not None
    return offset


def _first_instant_with(zone: ZoneInfo, low: dt.datetime, high: dt.datetime) -> dt.datetime:
    """The first minute in ``(low, high]`` whose offset is that of ``high``."""
    target = _offset(zone, high)
    lo, hi = 0, int((high - low).total_seconds() // 60)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if _offset(zone, low + dt.timedelta(minutes=mid)) == target:
            hi = mid
        else:
            lo = mid
    return low + dt.timedelta(minutes=hi)


def transitions(zone: ZoneInfo, start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    """UTC instants in ``(start, end]`` at which the zone's offset changes."""
    found = []
    step = dt.timedelta(hours=12)  # no zone changes its offset twice within half a day
    here, offset = start, _offset(zone, start)
    while here < end:
        there = min(here + step, end)
        next_offset = _offset(zone, there)
        if next_offset != offset:
            found.append(_first_instant_with(zone, here, there))
        here, offset = there, next_offset
    return found


def format_offset(offset: dt.timedelta) -> str:
    """``+0800``, ``-0500``, ``+0545``; seconds only when the zone has them."""
    seconds = int(offset.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{secs:02d}" if secs else "")


def _observance(
    zone: ZoneInfo, at: dt.datetime | None, before: dt.timedelta, after_instant: dt.datetime
) -> list[str]:
    local_after = after_instant.astimezone(zone)
    after = local_after.utcoffset()
    assert after is not None
    kind = "DAYLIGHT" if local_after.dst() else "STANDARD"
    start = (
        "19700101T000000" if at is None else f"{(at + before).replace(tzinfo=None):%Y%m%dT%H%M%S}"
    )
    return [
        f"BEGIN:{kind}",
        f"DTSTART:{start}",
        f"TZOFFSETFROM:{format_offset(before)}",
        f"TZOFFSETTO:{format_offset(after)}",
        f"TZNAME:{local_after.tzname() or format_offset(after)}",
        f"END:{kind}",
    ]


def vtimezone_lines(tzid: str, first: dt.date, last: dt.date) -> list[str]:
    """The VTIMEZONE component covering local dates ``first`` … ``last`` (unfolded lines)."""
    zone = ZoneInfo(tzid)
    begin = dt.datetime.combine(first, dt.time(), _UTC) - dt.timedelta(days=1)
    finish = dt.datetime.combine(last, dt.time(), _UTC) + dt.timedelta(days=2)
    earlier = transitions(zone, begin - _LOOK_BACK, begin)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}"]
    if earlier:
        change = earlier[-1]
        before = _offset(zone, change - dt.timedelta(minutes=1))
        lines += _observance(zone, change, before, change)
    else:
        lines += _observance(zone, None, _offset(zone, begin), begin)
    for change in transitions(zone, begin, finish):
        before = _offset(zone, change - dt.timedelta(minutes=1))
        lines += _observance(zone, change, before, change)
    lines.append("END:VTIMEZONE")
    return lines
