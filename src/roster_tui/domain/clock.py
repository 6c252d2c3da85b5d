"""Times of day as users write them, and the sub-district's clock (ISO weeks: domain/week.py)."""

from __future__ import annotations

import datetime as dt
import re

from roster_tui.domain.model import MINUTES_PER_DAY

_HHMM = re.compile(r"^(\d{2}):(\d{2})$")


def today_in(zone: str) -> dt.date:
    """Today's date in the sub-district's zone: the one "today" of every figure and sheet."""
    import pendulum  # here, not at the top: most users of this module only parse and format

    now = pendulum.now(zone)
    # A plain date, not pendulum's: its arithmetic, done for every day a check walks, is slower.
    return dt.date(now.year, now.month, now.day)


def now_in(zone: str) -> dt.datetime:
    """The current moment in the sub-district's zone (zone-aware): the care loop's "now"."""
    import pendulum

    return pendulum.now(zone)


def at_wall_clock(moment: dt.datetime, zone: str) -> dt.datetime:
    """A naive local wall-clock time in ``zone``, made zone-aware (pendulum's DST rules)."""
    import pendulum

    return pendulum.instance(moment, tz=zone)


def parse_hhmm(text: str, *, allow_24: bool = True) -> int:
    """``"08:30"`` → 510. ``"24:00"`` → 1440 when ``allow_24``. Raises ``ValueError``."""
    match = _HHMM.match(text)
    if not match:
        raise ValueError(text)
    hours, minutes = int(match[1]), int(match[2])
    if hours == 24 and minutes == 0 and allow_24:
        return MINUTES_PER_DAY
    if hours > 23 or minutes > 59:
        raise ValueError(text)
    return hours * 60 + minutes


def format_hhmm(minutes: int) -> str:
    """1440 → ``"24:00"``; 510 → ``"08:30"``."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def wall_clock(moment: dt.datetime) -> str:
    """A local wall-clock time as the interchange file writes it: ``2026-12-02T09:30``.

    Formatted by hand: ``strftime("%Y")`` does not pad years before 1000 on every platform.
    """
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
        f"T{moment.hour:02d}:{moment.minute:02d}"
    )


_WALL_CLOCK = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$")


def parse_wall_clock(text: str) -> dt.datetime:
    """``"2026-12-02T09:30"`` → a naive local datetime. Raises ``ValueError``."""
    match = _WALL_CLOCK.match(text)
    if not match:
        raise ValueError(text)
    year, month, day, hour, minute = (int(part) for part in match.groups())
    return dt.datetime(year, month, day, hour, minute)
