"""The week grid's heading lines: a compound's name, community and kind, or a post's name,
laid across the label and day columns as one line (the table draws no padding of its own)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.control import strip_control_codes
from rich.text import Span, Text

from roster_tui.tui.widgets.cells import clip

if TYPE_CHECKING:
    from roster_tui.tui.widgets.week_cells import GridLayout

PAD = " "  # the space each cell starts with
EMPTY = Text("")  # an empty cell (only ever read, as every cell here)


@lru_cache(maxsize=4096)
def lay_heading(parts: tuple[tuple[str, str], ...], layout: GridLayout) -> tuple[Text, ...]:
    """One line across every column, its words laid into the columns in order.

    A word after the first that would break at a column's edge starts in the next column when
    it fits there (a break would show as a gap in the middle of the word). The same headings
    come back at every week and every edit, so they are kept (a Text in a cell is only read).
    Each column's characters and styles are gathered first and made into one Text at the end.
    """
    widths = [layout.label, *([layout.day] * 7)]
    count = len(widths)
    chars: list[list[str]] = [[] for _ in widths]
    spans: list[list[Span]] = [[] for _ in widths]
    column, used = 0, 0

    def put_word(word: str, style: str) -> None:
        nonlocal column, used
        size = cell_len(word)
        if column < count and used + size <= widths[column]:  # all of it here: at once
            held = chars[column]
            if style and word:
                spans[column].append(Span(len(held), len(held) + len(word), style))
            held.extend(word)
            used += size
            return
        # A character at a time, each in the first column with room for it (a name runs on
        # from the label column into the days: most compounds' headings come this way).
        for char in word:
            size = cell_len(char)
            while column < count and used + size > widths[column]:
                column, used = column + 1, 0
            if column == count:
                return  # no room left for it, nor for anything after it
            held = chars[column]
            if style:
                spans[column].append(Span(len(held), len(held) + 1, style))
            held.append(char)
            used += size

    for number, (word, style) in enumerate(parts):
        put_word(PAD if number == 0 else "  ", "")
        room = widths[column] - used if column < count else 0
        following = widths[column + 1] if column + 1 < count else 0
        word = strip_control_codes(word)  # as Text.append would
        if number and cell_len(word) > room and cell_len(word) <= following:
            column, used = column + 1, 0
        put_word(word, style)
    return tuple(
        Text("".join(held), spans=found) if held else EMPTY
        for held, found in zip(chars, spans, strict=True)
    )


@lru_cache(maxsize=4096)
def compound_heading(name: str, community: str, kind: str, layout: GridLayout) -> tuple[Text, ...]:
    """A compound's heading: its name, community and kind. Where all three do not fit the
    width, the community is cut to two day columns and then the name to what is left, so the
    kind (有物业, 无主管, 租住型) always shows."""
    kind_part = (kind, "dim")
    if _fits(((name, "bold"), (community, "dim"), kind_part), layout):
        return lay_heading(((name, "bold"), (community, "dim"), kind_part), layout)
    community = clip(community, 2 * layout.day - 2)
    for size in range(min(cell_len(name), layout.total), 0, -1):
        parts = ((clip(name, size), "bold"), (community, "dim"), kind_part)
        if _fits(parts, layout):
            return lay_heading(parts, layout)
    return lay_heading(((name, "bold"), (community, "dim"), kind_part), layout)


def _fits(parts: tuple[tuple[str, str], ...], layout: GridLayout) -> bool:
    """Whether every character of ``parts`` has a place on the heading line."""
    laid = sum(len(text.plain) for text in lay_heading(parts, layout))
    words = sum(len(strip_control_codes(word)) for word, _ in parts)
    return laid == words + len(PAD) + 2 * (len(parts) - 1)
