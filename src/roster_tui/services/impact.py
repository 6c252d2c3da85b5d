"""What a bulk action would do, worked out before anything is written: for its preview."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from roster_tui.domain.changes import Change
from roster_tui.domain.gaps import Gap
from roster_tui.domain.model import Roster
from roster_tui.engine.check import check
from roster_tui.engine.describe import describe_gap
from roster_tui.engine.expand import expand_instances
from roster_tui.i18n import t
from roster_tui.services.snapshot import apply_changes

PREVIEW_DAYS = 14  # a deactivation or a leave is judged over the next two weeks


@dataclass(frozen=True, slots=True)
class Impact:
    new_gaps: tuple[Gap, ...]  # gaps the action opens in the window
    closed_gaps: int  # gaps it closes there

    def gap_lines(self, roster: Roster, limit: int = 8) -> list[str]:
        return [describe_gap(gap, roster) for gap in self.new_gaps[:limit]]


def _key(gap: Gap) -> str:
    return repr(gap.to_json())


def impact(roster: Roster, changes: Sequence[Change], first: dt.date, last: dt.date) -> Impact:
    """The gaps ``changes`` would open and close between ``first`` and ``last``."""
    before = {_key(g): g for g in check(roster, first, last)}
    after_roster = apply_changes(roster, changes)
    after = {_key(g): g for g in check(after_roster, first, last)}
    opened = tuple(g for k, g in after.items() if k not in before)
    closed = sum(1 for k in before if k not in after)
    return Impact(opened, closed)


def gap_lines(roster: Roster, found: Impact) -> list[str]:
    """The preview's lines about gaps: how many open (the first few named), how many close."""
    lines = [t("safety.preview.gaps", count=len(found.new_gaps))]
    lines += [f"  {line}" for line in found.gap_lines(roster)]
    if len(found.new_gaps) > 8:
        lines.append(t("safety.preview.more", count=len(found.new_gaps) - 8))
    if found.closed_gaps:
        lines.append(t("safety.preview.closed", count=found.closed_gaps))
    return lines


def person_lines(roster: Roster, person: str, first: dt.date, last: dt.date) -> list[str]:
    """A person's shifts, duties and households in the window: what losing them affects."""
    shifts = sum(1 for i in expand_instances(roster, first, last) if person in i.assigned)
    duties = sum(1 for d in roster.duties if d.person == person)
    households = sum(
        1 for h in roster.households if h.carer == person and h.end_date(roster.settings) > first
    )
    return [
        t("safety.preview.window", first=first.isoformat(), last=last.isoformat()),
        t("safety.preview.person", shifts=shifts, duties=duties, households=households),
    ]
