"""Readers for single values of the interchange file, one per kind of field (docs/format.md).

Each reader takes the value tomllib produced and returns the domain's value, or raises
:class:`Bad` naming the catalog message (and, for lists, which item is wrong). They check only
the value itself; what a value refers to is checked once every table has been read.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import zoneinfo
from collections.abc import Callable
from enum import StrEnum
from functools import cache
from typing import Any, TypeVar

import pendulum

from roster_tui.domain.availability import AvailabilityError, parse_window
from roster_tui.domain.bounds import FIRST_YEAR, LAST_YEAR, in_years
from roster_tui.domain.clock import parse_hhmm
from roster_tui.domain.contact import is_phone
from roster_tui.interchange.problems import Plain

E = TypeVar("E", bound=StrEnum)
Reader = Callable[[object], object]

# ASCII digits only: ``\d`` would also take full-width ones.
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_LOCAL_DATETIME = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})")
_HHMM = re.compile(r"[0-9]{2}:[0-9]{2}")
# Names the zone database holds that do not name a place: they would mean different zones on
# different machines, or none.
_NOT_PLACES = frozenset({"localtime", "posixrules", "Factory"})


class Bad(Exception):
    """A value that cannot be read: a catalog key, its parameters, and the list item if any."""

    def __init__(self, message: str, item: int | None = None, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.item = item
        self.params: dict[str, Any] = params


def _is_int(value: object) -> bool:
    return type(value) is int  # bool is an int to Python, never to us


# Longest text a value may hold: a long note fits many times over, a megabyte name does not.
MAX_TEXT = 2000


def _check_text(value: str, item: int | None = None) -> str:
    if "\0" in value:
        raise Bad("import.text_nul", item=item)  # PostgreSQL cannot store it; SQLite could
    if len(value) > MAX_TEXT:
        raise Bad("import.text_too_long", item=item, maximum=MAX_TEXT, length=len(value))
    return value


def text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Bad("import.expected_text", value=value)
    if len(value) > MAX_TEXT or "\0" in value:
        _check_text(value)  # says which
    return value


def phone(value: object) -> str:
    """A phone number as the forms take it: a Chinese mobile or a landline with area code."""
    written = text(value)
    if not is_phone(written):
        raise Bad("import.phone_bad", value=value)
    return written


def integer(minimum: int, maximum: int) -> Callable[[object], int]:
    def read(value: object) -> int:
        if not _is_int(value) or value < minimum:  # type: ignore[operator]
            raise Bad("import.expected_int", minimum=minimum, value=value)
        if value > maximum:  # type: ignore[operator]
            raise Bad("import.too_large", maximum=maximum, value=value)
        return value  # type: ignore[return-value]

    return read


def number(*, minimum: float, inclusive: bool, maximum: float) -> Callable[[object], float]:
    """Hours and the like: an integer or a finite float, ``>= minimum`` or ``> minimum``."""

    def read(value: object) -> float:
        ok = (_is_int(value) or type(value) is float) and math.isfinite(value)  # type: ignore[arg-type]
        if ok:
            ok = value >= minimum if inclusive else value > minimum  # type: ignore[operator]
        if not ok:
            message = "import.expected_number_min" if inclusive else "import.expected_number_above"
            raise Bad(message, minimum=minimum, value=value)
        if value > maximum:  # type: ignore[operator]
            raise Bad("import.too_large", maximum=maximum, value=value)
        return value  # type: ignore[return-value]

    return read


def _within_years(day: dt.date, value: object) -> None:
    if not in_years(day):
        raise Bad("import.date_out_of_range", first=FIRST_YEAR, last=LAST_YEAR, value=value)


def number_between(minimum: float, maximum: float) -> Callable[[object], float]:
    """A reading such as a temperature: an integer or a finite float in ``[minimum, maximum]``."""

    def read(value: object) -> float:
        ok = (_is_int(value) or type(value) is float) and math.isfinite(value)  # type: ignore[arg-type]
        if not ok or not minimum <= value <= maximum:  # type: ignore[operator]
            raise Bad(
                "import.expected_number_between", minimum=minimum, maximum=maximum, value=value
            )
        return float(value)  # type: ignore[arg-type]

    return read


def whole_minutes_of_hours(maximum: float) -> Callable[[object], float]:
    """Hours from 0 to ``maximum`` that make a whole number of minutes (1.5, not 1.51)."""
    within = number(minimum=0, inclusive=True, maximum=maximum)

    def read(value: object) -> float:
        hours = within(value)
        if abs(hours * 60 - round(hours * 60)) > 1e-9:
            raise Bad("import.expected_whole_minutes", value=value)
        return hours

    return read


def boolean(value: object) -> bool:
    if not isinstance(value, bool):
        raise Bad("import.expected_bool", value=value)
    return value


def choice(kind: type[E]) -> Callable[[object], E]:
    choices = Plain(" | ".join(member.value for member in kind))
    members: dict[str, E] = {member.value: member for member in kind}  # kind(value), faster

    def read(value: object) -> E:
        if isinstance(value, str) and (member := members.get(value)) is not None:
            return member
        raise Bad("import.expected_choice", choices=choices, value=value)

    return read


def date(value: object) -> dt.date:
    """A TOML date or a ``"YYYY-MM-DD"`` string."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        _within_years(value, value)
        return value
    if isinstance(value, str) and (match := _DATE.fullmatch(value)):
        try:
            day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
        else:
            _within_years(day, value)
            return day
    raise Bad("import.expected_date", value=value)


def local_datetime(value: object) -> dt.datetime:
    """Leave bounds: ``"YYYY-MM-DDTHH:MM"``, local wall-clock time, no offset.

    A TOML local date-time on a whole minute is read too; one with an offset is not, since the
    file's times are all in the sub-district's zone.
    """
    if isinstance(value, dt.datetime):
        if value.tzinfo is None and value.second == 0 and value.microsecond == 0:
            _within_years(value.date(), value)
            return value
    elif isinstance(value, str) and (match := _LOCAL_DATETIME.fullmatch(value)):
        try:
            year, month, day, hour, minute = (int(part) for part in match.groups())
            moment = dt.datetime(year, month, day, hour, minute)
        except ValueError:
            pass
        else:
            _within_years(moment.date(), value)
            return moment
    raise Bad("import.expected_datetime", value=value)


def _minutes(value: object, *, allow_24: bool) -> int:
    if isinstance(value, dt.time) and value.second == 0 and value.microsecond == 0:
        return value.hour * 60 + value.minute
    if isinstance(value, str) and _HHMM.fullmatch(value):
        if value == "24:00" and not allow_24:
            raise Bad("import.time_24_not_start", value=value)
        try:
            return parse_hhmm(value, allow_24=allow_24)
        except ValueError:
            pass
    raise Bad("import.expected_time", value=value)


def shift_start(value: object) -> int:
    return _minutes(value, allow_24=False)


def shift_end(value: object) -> int:
    return _minutes(value, allow_24=True)


@cache
def _zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones()) - _NOT_PLACES


def zone(value: object) -> str:
    name = text(value)
    if name not in _zone_names():
        raise Bad("import.zone_unknown", value=value)
    try:
        pendulum.timezone(name)
    except (ValueError, OSError) as exc:
        raise Bad("import.zone_unknown", value=value) from exc
    return name


def text_list(*, non_empty: bool) -> Callable[[object], tuple[str, ...]]:
    """A list of non-empty strings (ids, shift names); ``non_empty``: the list itself too."""

    def read(value: object) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise Bad("import.expected_text_list", value=value)
        if non_empty and not value:
            raise Bad("import.expected_non_empty_list")
        for item, element in enumerate(value, start=1):
            if not isinstance(element, str) or not element.strip():
                raise Bad("import.expected_text", item=item, value=element)
            _check_text(element, item)
        return tuple(value)

    return read


def choice_list(kind: type[E]) -> Callable[[object], tuple[E, ...]]:
    read_one = choice(kind)
    choices = Plain(" | ".join(member.value for member in kind))

    def read(value: object) -> tuple[E, ...]:
        if not isinstance(value, list):
            raise Bad("import.expected_choice_list", choices=choices, value=value)
        chosen = []
        for item, element in enumerate(value, start=1):
            try:
                chosen.append(read_one(element))
            except Bad as bad:
                bad.item = item
                raise
        return tuple(chosen)

    return read


def windows(value: object) -> tuple[str, ...]:
    """Availability windows, kept as written; ``[]`` is a real value: never available."""
    if not isinstance(value, list):
        raise Bad("import.expected_window_list", value=value)
    for item, element in enumerate(value, start=1):
        if not isinstance(element, str):
            raise Bad("import.window_bad", item=item, value=element)
        _check_text(element, item)
        try:
            parse_window(element)
        except AvailabilityError as exc:
            raise Bad("import.window_bad", item=item, value=element) from exc
    return tuple(value)
