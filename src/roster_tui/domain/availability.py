"""Weekly availability windows: ``"mon-fri 18:00-24:00"`` and friends (docs/format.md).

A person's windows are laid on a week of wall-clock minutes (Monday 00:00 = 0) and joined where
they touch or overlap, across the week's end too, so ``"sat,sun 00:00-24:00"`` and
``"sun 20:00-24:00", "mon 00:00-08:00"`` each read as one window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from roster_tui.domain.clock import parse_hhmm
from roster_tui.domain.model import MINUTES_PER_DAY

WEEK_MINUTES = 7 * MINUTES_PER_DAY
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class AvailabilityError(ValueError):
    """A window that does not parse; ``str()`` is the offending text."""


def _parse_days(text: str) -> list[int]:
    if text == "daily":
        return list(range(7))
    days: list[int] = []
    for part in text.split(","):
        if "-" in part:
            first, _, last = part.partition("-")
            if first not in DAY_NAMES or last not in DAY_NAMES:
                raise AvailabilityError(text)
            i, j = DAY_NAMES.index(first), DAY_NAMES.index(last)
            span = (j - i) % 7  # a range that wraps the week: fri-mon
            days.extend((i + k) % 7 for k in range(span + 1))
        elif part in DAY_NAMES:
            days.append(DAY_NAMES.index(part))
        else:
            raise AvailabilityError(text)
    return days


def parse_window(text: str) -> list[tuple[int, int]]:
    """One window string → raw ``(start, end)`` minute-of-week intervals (end may pass a week)."""
    days_text, sep, times = text.strip().partition(" ")
    start_text, dash, end_text = times.strip().partition("-")
    if not sep or not dash:
        raise AvailabilityError(text)
    try:
        days = _parse_days(days_text.strip().lower())
        start = parse_hhmm(start_text.strip(), allow_24=False)
        end = parse_hhmm(end_text.strip())
    except ValueError as exc:
        raise AvailabilityError(text) from exc
    if end <= start:
        end += MINUTES_PER_DAY
    return [(d * MINUTES_PER_DAY + start, d * MINUTES_PER_DAY + end) for d in days]


@dataclass(frozen=True, slots=True)
class WeeklyAvailability:
    """Joined windows on the weekly circle; ``always`` when they cover the whole week."""

    windows: tuple[tuple[int, int], ...]
    always: bool = False

    @classmethod
    def parse(cls, texts: Iterable[str]) -> WeeklyAvailability:
        raw = sorted(iv for text in texts for iv in parse_window(text))
        merged: list[list[int]] = []
        for start, end in raw:
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        # Join across the week's end: the last window running into the first one.
        if len(merged) > 1 and merged[-1][1] >= merged[0][0] + WEEK_MINUTES:
            last = merged.pop()
            merged[0] = [last[0], max(last[1], merged[0][1] + WEEK_MINUTES)]
        always = any(end - start >= WEEK_MINUTES for start, end in merged)
        return cls(tuple((s, e) for s, e in merged), always)

    def holds(self, start: dt.datetime, end: dt.datetime) -> bool:
        """Whether one window holds all of ``[start, end)``, given as naive local wall-clock."""
        if self.always:
            return True
        offset = start.weekday() * MINUTES_PER_DAY + start.hour * 60 + start.minute
        length = (end - start).total_seconds() / 60
        for lo, hi in self.windows:
            for shift in (-WEEK_MINUTES, 0, WEEK_MINUTES):
                if lo + shift <= offset and offset + length <= hi + shift:
                    return True
        return False
