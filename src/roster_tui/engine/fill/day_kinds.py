"""Which days are workdays, weekend days and public holidays in mainland China.

The State Council's schedule changes every year: 春节 and 国庆 move, days off are swapped with
Saturdays or Sundays that become working days (调休). It comes from the ``holidays`` package
(its China calendar: the public holidays and their swapped days off, and ``weekend_workdays``
for the 调休 working weekend days), imported here only, when a fill runs: neither the TUI's
start nor ``check`` pays for it.
"""

from __future__ import annotations

import datetime as dt
import functools
from enum import StrEnum

from roster_tui.engine.expand import dates


class DayKind(StrEnum):
    WORKDAY = "workday"  # Monday to Friday, or a 调休 Saturday or Sunday that is worked
    WEEKEND = "weekend"  # a Saturday or Sunday that is not worked
    HOLIDAY = "holiday"  # a public holiday or a day off swapped in for one (除夕, 国庆, ...)


@functools.cache
def _china(years: tuple[int, ...]) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """(days off for a holiday, weekend days worked) of those years."""
    import holidays  # a fill's dependency only: see the module's docstring

    calendar = holidays.country_holidays("CN", years=years)
    return frozenset(calendar), frozenset(calendar.weekend_workdays)


def day_kinds(first: dt.date, last: dt.date) -> dict[dt.date, DayKind]:
    """Every day from ``first`` to ``last`` with its kind."""
    days_off, worked = _china(tuple(range(first.year, last.year + 1)))
    kinds: dict[dt.date, DayKind] = {}
    for day in dates(first, last):
        if day in days_off:
            kinds[day] = DayKind.HOLIDAY
        elif day.weekday() >= 5 and day not in worked:
            kinds[day] = DayKind.WEEKEND
        else:
            kinds[day] = DayKind.WORKDAY
    return kinds
