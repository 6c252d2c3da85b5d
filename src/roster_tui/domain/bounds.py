"""The largest values a sub-district could need: what the import accepts and the CLI asks about.

Chosen from the work, not the machine: a street office plans weeks within this century, a post
needs a handful of people, a household a few. Values past these bounds are typing mistakes, and
some are traps (``per_slot = 1e12`` made every check spin; a start in 9999 overflowed dates), so
the import refuses them. The same limits keep every integer far below 2^31, which PostgreSQL's
``integer`` columns need as much as SQLite's.
"""

from __future__ import annotations

import datetime as dt

FIRST_YEAR, LAST_YEAR = 2000, 2100
FIRST_DAY, LAST_DAY = dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31)


def in_years(day: dt.date) -> bool:
    """True when ``day`` lies within the years the program plans for."""
    return FIRST_DAY <= day <= LAST_DAY
