"""The week roster as rows (post × shift, grouped by community and compound) and day cells."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Compound, Post, Roster, ShiftPattern
from roster_tui.domain.week import Week


@dataclass(frozen=True, slots=True)
class GroupRow:
    """A heading line: one compound of one community."""

    community: str
    compound: Compound


@dataclass(frozen=True, slots=True)
class ShiftRow:
    post: Post
    shift: ShiftPattern
    cells: tuple[ShiftInstance | None, ...]  # Monday … Sunday
    community: str


def build_rows(
    roster: Roster, week: Week, instances: list[ShiftInstance]
) -> list[GroupRow | ShiftRow]:
    compounds = roster.index.compounds
    communities = roster.index.communities
    by_key: dict[tuple[str, str], dict[dt.date, ShiftInstance]] = defaultdict(dict)
    for instance in instances:
        by_key[(instance.post.id, instance.shift.name)][instance.date] = instance
    days = week.days
    community_order = {c.id: i for i, c in enumerate(roster.communities)}
    compound_order = {c.id: i for i, c in enumerate(roster.compounds)}

    def post_order(post: Post) -> tuple[int, int, str]:
        compound = compounds.get(post.compound)
        community = compound.community if compound else ""
        return (
            community_order.get(community, 1 << 30),
            compound_order.get(post.compound, 0),
            post.id,
        )

    rows: list[GroupRow | ShiftRow] = []
    current: str | None = None
    for post in sorted(roster.posts, key=post_order):
        compound = compounds.get(post.compound)
        if compound is None:
            continue
        community = (
            communities[compound.community].name if compound.community in communities else ""
        )
        if post.compound != current:
            rows.append(GroupRow(community, compound))
            current = post.compound
        # One row per shift name (the grid's rows are keyed so), its latest form; in a week
        # whose shift times change, each cell's instance has its own day's form and times.
        for shift in post.shifts_between(days[0], days[-1], by_name=True):
            found = by_key.get((post.id, shift.name), {})
            rows.append(
                ShiftRow(post, shift, tuple(found.get(d) for d in days), compound.community)
            )
    return rows


# Gaps that sit on one instance; pair gaps sit on the later instance of the pair (docs/format.md).
CELL_GAP_KINDS = (
    GapKind.UNDERSTAFFED,
    GapKind.MISSING_ROLE,
    GapKind.UNAVAILABLE,
    GapKind.DOUBLE_BOOKED,
    GapKind.SHORT_REST,
)


def gaps_by_cell(gaps: list[Gap]) -> dict[tuple[str, dt.date, str], list[Gap]]:
    """The gaps shown on each cell, by (post, date, shift)."""
    found: dict[tuple[str, dt.date, str], list[Gap]] = defaultdict(list)
    for gap in gaps:
        if gap.kind in CELL_GAP_KINDS and gap.post and gap.date and gap.shift:
            found[(gap.post, gap.date, gap.shift)].append(gap)
    return found
