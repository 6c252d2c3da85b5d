"""The ISO week: the unit a roster is planned, checked, filled and printed in.

A week is named as people write it, ``2026-W49``, and starts on its Monday. ISO years have 52
or 53 weeks, and a week near New Year belongs to the year that holds its Thursday, so
``2026-W01`` starts on 2025-12-29: the calendar module knows these rules, and this value leans
on it rather than counting days itself.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# \d, not [0-9]: a week typed with full-width digits (２０２６-W４９) is the same week.
_ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, order=True, slots=True)
class Week:
    """One ISO week, held by its Monday. Ordered, hashable; ``week + 1`` is the next one."""

    monday: dt.date

    def __post_init__(self) -> None:
        if self.monday.weekday() != 0:
            raise ValueError(f"a week starts on a Monday, not on {self.monday.isoformat()}")

    @classmethod
    def of(cls, day: dt.date) -> Week:
        """The week that holds ``day`` (a datetime counts by its own date)."""
        if isinstance(day, dt.datetime):
            day = day.date()
        return cls(day - dt.timedelta(days=day.weekday()))

    @classmethod
    def parse(cls, text: str) -> Week:
        """``"2026-W49"`` → that week. Raises ``ValueError`` saying what is wrong with ``text``."""
        match = _ISO_WEEK.fullmatch(text)
        if not match:
            raise ValueError(f"not an ISO week like 2026-W49: {text!r}")
        year, number = int(match[1]), int(match[2])
        try:
            return cls(dt.date.fromisocalendar(year, number, 1))
        except ValueError:
            raise ValueError(f"ISO year {year} has no week {number}: {text!r}") from None

    @property
    def year(self) -> int:
        """The ISO year, which near New Year may differ from the Monday's calendar year."""
        return self.monday.isocalendar()[0]

    @property
    def number(self) -> int:
        """1 to 52, or 53 in a long ISO year."""
        return self.monday.isocalendar()[1]

    @property
    def sunday(self) -> dt.date:
        return self.monday + 6 * _DAY

    @property
    def days(self) -> tuple[dt.date, ...]:
        """The seven dates, Monday to Sunday."""
        return tuple(self.monday + i * _DAY for i in range(7))

    def __contains__(self, day: object) -> bool:
        if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
            return False  # a moment is not a day: ask with its date
        return self.monday <= day <= self.sunday

    def __add__(self, weeks: int) -> Week:
        if not isinstance(weeks, int):
            return NotImplemented
        return Week(self.monday + dt.timedelta(weeks=weeks))

    def __sub__(self, weeks: int) -> Week:
        if not isinstance(weeks, int):
            return NotImplemented
        return Week(self.monday - dt.timedelta(weeks=weeks))

    def __str__(self) -> str:
        year, number, _ = self.monday.isocalendar()
        return f"{year}-W{number:02d}"
