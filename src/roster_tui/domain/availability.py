"""Weekly availability windows: ``"mon-fri 18:00-24:00"`` and friends (docs/format.md).

Chinese is read too (``周一至周五 18:00-24:00``, ``每天``, ``周末``): :func:`canonical_window`
turns it into the English form, which is what is stored; a window without times is the whole day.

A person's windows are laid on a week of wall-clock minutes (Monday 00:00 = 0) and joined where
they touch or overlap, across the week's end too, so ``"sat,sun 00:00-24:00"`` and
``"sun 20:00-24:00", "mon 00:00-08:00"`` each read as one window.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from roster_tui.domain.clock import parse_hhmm
from roster_tui.domain.model import MINUTES_PER_DAY

WEEK_MINUTES = 7 * MINUTES_PER_DAY
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class AvailabilityError(ValueError):
    """A window that does not parse; ``str()`` is the offending text."""


_ZH_DAY_NUMBERS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
_ZH_DAY = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天七])")
_ZH_WORDS = (("每天", "daily"), ("每日", "daily"), ("天天", "daily"))
_ZH_GROUPS = (("工作日", "mon-fri"), ("周末", "sat,sun"))
_TIMES = re.compile(
    r"([0-9]{1,2})[:：]([0-9]{2})\s*[-－—~～至到]\s*([0-9]{1,2})[:：]([0-9]{2})\s*$"
)


def canonical_window(text: str) -> str:
    """``周一至周五 18:00-24:00`` → ``mon-fri 18:00-24:00``; ``每天`` → ``daily 00:00-24:00``.

    English windows come back as they are (lower-cased days). Raises AvailabilityError.
    """
    raw = text.strip()
    found = _TIMES.search(raw)
    if found:
        h1, m1, h2, m2 = found.groups()
        times = f"{int(h1):02d}:{m1}-{int(h2):02d}:{m2}"
        days = raw[: found.start()].strip()
    else:
        times, days = "00:00-24:00", raw
    for word, english in _ZH_WORDS + _ZH_GROUPS:
        days = days.replace(word, english)
    days = _ZH_DAY.sub(lambda m: DAY_NAMES[_ZH_DAY_NUMBERS[m.group(1)]], days)
    days = re.sub(r"\s*[至到~～—－]\s*", "-", days)
    days = re.sub(r"\s*[、，,和及]\s*", ",", days).lower()
    if not days or " " in days or not days.isascii():
        raise AvailabilityError(text)
    window = f"{days} {times}"
    parse_window(window)
    return window


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
    if not text.isascii():
        text = canonical_window(text)
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
