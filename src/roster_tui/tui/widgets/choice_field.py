"""A one-line choice: ``label  < value >``, changed with left/right or a click.

Select and RadioButton draw ▼ and ● (ambiguous-width glyphs that shift CJK text on some
terminals), so choices here are plain text with ASCII arrows.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from roster_tui.tui.translate import translate_bindings

T = TypeVar("T")


class ChoiceField(Static, Generic[T], can_focus=True):
    BINDINGS = [
        Binding("left,h", "step(-1)", "tui.choice.prev", show=False),
        Binding("right,l,space", "step(1)", "tui.choice.next", show=False),
    ]

    class Changed(Message):
        def __init__(self, field: ChoiceField[Any], value: object) -> None:
            super().__init__()
            self.field = field
            self.value = value

        @property
        def control(self) -> ChoiceField[Any]:
            return self.field

    def __init__(
        self,
        label: str,
        choices: list[tuple[str, T]],
        value: T | None = None,
        *,
        id: str,
        label_width: int = 0,
    ) -> None:
        """``label_width``: the cells the label takes, so that the < of several choices and
        the text of boxes labelled as wide line up (0: the label and two spaces)."""
        super().__init__(id=id)
        translate_bindings(self)
        self.label = label
        self.label_width = label_width
        self.choices = choices
        values = [v for _, v in choices]
        self.index = values.index(value) if value in values else 0

    @property
    def value(self) -> T:
        return self.choices[self.index][1]

    def set_choices(self, choices: list[tuple[str, T]], keep: T | None = None) -> None:
        self.choices = choices
        values = [v for _, v in choices]
        self.index = values.index(keep) if keep in values else 0
        self._draw()

    def on_mount(self) -> None:
        self._draw()

    def _draw(self) -> None:
        # Without a label of its own (a form row labels it), the < starts where the text
        # boxes above start theirs.
        gap = max(2, self.label_width - cell_len(self.label)) if self.label else 0
        line = Text(self.label + " " * gap, style="bold")
        line.append(f"< {self.choices[self.index][0]} >")
        self.update(line)

    def action_step(self, step: int) -> None:
        self.index = (self.index + step) % len(self.choices)
        self._draw()
        self.post_message(self.Changed(self, self.value))

    def on_click(self) -> None:
        self.action_step(1)
