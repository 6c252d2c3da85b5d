"""A list of choices ticked on and off whose ticks read without colour: ``[x]`` chosen, ``[ ]`` not.

Textual's SelectionList draws the same ``X`` for both states between two half blocks, and only
the colour tells them apart (unreadable on a monochrome terminal, a printout of the screen or
to a colour-blind user); its half blocks are also ambiguous-width glyphs that shift CJK text on
some terminals. Here the mark is plain ASCII, as wide as the button it replaces, so layouts stay.
"""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets import OptionList, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

SelectionType = TypeVar("SelectionType")

CHOSEN, NOT_CHOSEN = "[x]", "[ ]"


class TickList(SelectionList[SelectionType]):
    def _get_left_gutter_width(self) -> int:
        return len(CHOSEN) + 1  # the mark and a space

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)  # the prompt alone, without SelectionList's button
        index = self.scroll_offset.y + y
        try:
            selection = self.get_option_at_index(index)
        except OptionDoesNotExist:
            return line
        chosen = selection.value in self._selected
        underlying = next(iter(line)).style or self.rich_style
        assert underlying is not None
        # The option's index lets a click on the mark toggle it, as on SelectionList's button.
        mark_style = underlying + Style(bold=chosen, meta={"option": index})
        return Strip(
            [
                Segment(CHOSEN if chosen else NOT_CHOSEN, style=mark_style),
                Segment(" ", style=underlying),
                *line,
            ]
        )
