"""A small modal list to pick one value (a community, a kind of gap, a gap's fix) with the keyboard.

Used instead of a drop-down Select, whose arrow glyph has an ambiguous width and breaks the
alignment of Chinese terminals that draw it double-wide.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from roster_tui.tui.translate import translate_bindings

ValueT = TypeVar("ValueT")


class ChoiceModal(ModalScreen[ValueT | None], Generic[ValueT]):
    """Returns the chosen value, or None when cancelled."""

    CSS_PATH = "gap_choice.tcss"
    BINDINGS = [Binding("escape", "cancel", "tui.key.cancel")]

    def __init__(
        self,
        title: str,
        choices: Sequence[tuple[str | Text, ValueT]],
        current: ValueT | None,
        *,
        note: str | Text | None = None,
        wide: bool = False,
    ) -> None:
        """``choices`` are (label, value) pairs; the cursor starts on ``current``.

        ``note`` is a line under the title (what the choice is about). Labels given as str are
        shown as plain text, never markup. ``wide``: lines that name places in full.
        """
        super().__init__(classes="wide" if wide else None)
        translate_bindings(self)
        self.heading = title
        self.note = note
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-box"):
            yield Static(Text(self.heading), classes="title")
            if self.note is not None:
                note = self.note if isinstance(self.note, Text) else Text(self.note)
                yield Static(note, id="choice-note")
            labels = (Text(label) if isinstance(label, str) else label for label, _ in self.choices)
            yield OptionList(*(Option(label) for label in labels), id="choice-list")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        values = [value for _, value in self.choices]
        if self.current in values:
            options.highlighted = values.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected, "#choice-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[event.option_index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)
