"""Local wall-clock times turned into zone-aware instants, once each.

A roster over four weeks has only a few hundred distinct (date, time of day) pairs, while it has
tens of thousands of shift instances; pendulum's zone arithmetic is the costly part, so every
pair is computed once and then looked up. Elapsed time (rests, overlaps, hours) is compared as
POSIX timestamps, which makes a 24-hour shift on a DST day last 23 or 25 hours by itself.
"""

from __future__ import annotations

import datetime as dt

import pendulum

from roster_tui.domain.model import MINUTES_PER_DAY, ShiftPattern

_ONE_DAY = dt.timedelta(days=1)

Bounds = tuple[dt.datetime, dt.datetime, float, float]  # start, end, and their timestamps


class ZoneClock:
    """Instants in one IANA zone, cached by local date and minute of the day."""

    def __init__(self, zone: str) -> None:
        self.zone = pendulum.timezone(zone)
        self._instants: dict[tuple[dt.date, int], tuple[dt.datetime, float]] = {}
        self._bounds: dict[tuple[dt.date, int, int], Bounds] = {}

    def instant(self, day: dt.date, minute: int) -> tuple[dt.datetime, float]:
        """The zone-aware datetime at ``minute`` after local midnight of ``day``, and its timestamp.

        ``minute`` may be 1440 (24:00, the next midnight). A wall-clock time that a DST change
        skips moves forward, and one that happens twice is the later one (pendulum's rule).
        """
        key = (day, minute)
        found = self._instants.get(key)
        if found is None:
            if minute >= MINUTES_PER_DAY:
                found = self.instant(day + _ONE_DAY, minute - MINUTES_PER_DAY)
            else:
                moment = pendulum.datetime(
                    day.year, day.month, day.day, minute // 60, minute % 60, tz=self.zone
                )
                found = (moment, moment.timestamp())
            self._instants[key] = found
        return found

    def timestamp(self, naive: dt.datetime) -> float:
        """The POSIX timestamp of a naive local wall-clock datetime (leave bounds)."""
        minute = naive.hour * 60 + naive.minute
        return self.instant(naive.date(), minute)[1] + naive.second + naive.microsecond / 1e6

    def bounds(self, day: dt.date, shift: ShiftPattern) -> Bounds:
        """Start and end of ``shift`` on ``day`` (ending the next day where end <= start)."""
        key = (day, shift.start, shift.end)
        found = self._bounds.get(key)
        if found is None:
            start, start_ts = self.instant(day, shift.start)
            end_day = day + _ONE_DAY if shift.end <= shift.start else day
            end, end_ts = self.instant(end_day, shift.end)
            found = (start, end, start_ts, end_ts)
            self._bounds[key] = found
        return found
