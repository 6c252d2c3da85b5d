"""A small modal list to pick one value (a community, a kind of gap) with the keyboard.

Used instead of a drop-down Select, whose arrow glyph has an ambiguous width and breaks the
alignment of Chinese terminals that draw it double-wide.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from roster_tui.tui.translate import translate_bindings


class ChoiceModal(ModalScreen[str | None]):
    """Returns the chosen value, or None when cancelled."""

    CSS_PATH = "gap_choice.tcss"
    BINDINGS = [Binding("escape", "cancel", "tui.key.cancel")]

    def __init__(self, title: str, choices: Sequence[tuple[str, str]], current: str | None) -> None:
        """``choices`` are (label, value) pairs; the cursor starts on ``current``."""
        super().__init__()
        translate_bindings(self)
        self.heading = title
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-box"):
            yield Static(Text(self.heading), classes="title")
            yield OptionList(
                *(Option(Text(label), id=value) for label, value in self.choices),
                id="choice-list",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        values = [value for _, value in self.choices]
        if self.current in values:
            options.highlighted = values.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected, "#choice-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
