"""Narrowing the week grid to a community, compound, post or person, as typed in the filter."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum

from roster_tui.domain.gaps import Gap
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Roster
from roster_tui.engine.expand import InstanceKey
from roster_tui.services.gap_fixes import gap_key, person_shifts
from roster_tui.services.people import person_matches
from roster_tui.services.week_grid import GroupRow, ShiftRow


def filter_rows(
    rows: list[GroupRow | ShiftRow], roster: Roster, query: str
) -> list[GroupRow | ShiftRow]:
    """Rows whose community, compound or post names hold ``query``, or that have a matching
    person on any day; group headings are kept only above rows that stay."""
    query = query.strip()
    if not query:
        return rows
    matching_people = person_matches(roster, query)
    kept: list[GroupRow | ShiftRow] = []
    heading: GroupRow | None = None
    heading_matches = False
    for row in rows:
        if isinstance(row, GroupRow):
            heading = row
            heading_matches = query in row.community or query in row.compound.name
            continue
        on_row = {p for cell in row.cells if cell is not None for p in cell.assigned}
        if heading_matches or query in row.post.name or on_row & matching_people:
            if (
                heading is not None
                and (not kept or kept[-1] is not heading)
                and heading not in kept
            ):
                kept.append(heading)
            kept.append(row)
    return kept


def rows_in_scope(rows: list[GroupRow | ShiftRow], scope: str | None) -> list[GroupRow | ShiftRow]:
    """The rows of one community's compounds (None: every row)."""
    if scope is None:
        return rows
    return [
        row
        for row in rows
        if (row.compound.community if isinstance(row, GroupRow) else row.community) == scope
    ]


def gaps_on_rows(
    gaps: Iterable[Gap],
    rows: list[GroupRow | ShiftRow],
    instances: Mapping[InstanceKey, ShiftInstance],
) -> list[Gap]:
    """The gaps on shifts that ``rows`` show: a shift's own, a pair's either half, a week of
    too many hours by any of its shifts. Gaps on no shift (households, party groups) are on no
    row: a filtered grid does not show them."""
    shown = {cell.key for row in rows if isinstance(row, ShiftRow) for cell in row.cells if cell}

    def on_a_row(gap: Gap) -> bool:
        own = gap_key(gap)
        if own in shown:
            return True
        return any(key in shown for key in person_shifts(gap, instances))

    return [gap for gap in gaps if on_a_row(gap)]


class EmptyGrid(Enum):
    """Why a week grid shows no shift."""

    NO_POSTS = "no_posts"  # the scope has no post at all
    NO_SHIFTS = "no_shifts"  # its posts have no shift in the week
    NO_MATCH = "no_match"  # the filter hides every shift there is


def why_empty(
    scoped: list[GroupRow | ShiftRow], shown: list[GroupRow | ShiftRow]
) -> EmptyGrid | None:
    """Why ``shown`` (``scoped`` after the filter) has no shift; None when it has one."""
    if any(isinstance(row, ShiftRow) for row in shown):
        return None
    if any(isinstance(row, ShiftRow) for row in scoped):
        return EmptyGrid.NO_MATCH
    return EmptyGrid.NO_SHIFTS if scoped else EmptyGrid.NO_POSTS
