"""Shift instances: one post's shift on one date, with who is on it (docs/format.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from roster_tui.domain.model import Post, ShiftPattern


@dataclass(slots=True, unsafe_hash=True)
class ShiftInstance:
    """(post, date, shift) with its zone-aware bounds and the people the rules see on it.

    Read-only by convention, not ``frozen``: a check over four weeks builds 25,000 of them, and
    a frozen dataclass's ``__init__`` (one ``object.__setattr__`` per field) took a sixth of
    the whole check's time.

    ``assigned`` = rotation picks ∪ override adds − override removes, in rotation order then
    override order; ``counted`` ⊆ ``assigned`` are those active, not on leave and available.
    """

    post: Post
    shift: ShiftPattern
    date: dt.date
    start: dt.datetime
    end: dt.datetime
    assigned: tuple[str, ...]
    counted: tuple[str, ...]

    @property
    def key(self) -> tuple[str, dt.date, str]:
        return (self.post.id, self.date, self.shift.name)

    @property
    def hours(self) -> float:
        """Elapsed hours (a 24-hour shift on a DST day lasts 23 or 25)."""
        return (self.end - self.start).total_seconds() / 3600

    @property
    def need(self) -> int:
        return self.shift.need

    @property
    def have(self) -> int:
        return len(self.counted)

    @property
    def understaffed(self) -> bool:
        return self.have < self.need
