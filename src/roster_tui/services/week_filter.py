"""Narrowing the week grid to a community, compound, post or person, as typed in the filter."""

from __future__ import annotations

from enum import Enum

from roster_tui.domain.model import Roster
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
