"""Asking before an action: what it will do, line by line, then go ahead or cancel (Esc)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from roster_tui.i18n import t
from roster_tui.tui.translate import translate_bindings


class ConfirmDialog(ModalScreen[bool]):
    """Dismisses with True to go ahead, False when cancelled. Lines are data, never markup."""

    CSS_PATH = "confirm.tcss"
    BINDINGS = [
        Binding("escape,n", "cancel", "tui.key.cancel"),
        Binding("y,ctrl+s", "confirm", "tui.key.ok"),
    ]

    def __init__(self, title: str, lines: list[str], *, go: str | None = None) -> None:
        super().__init__()
        translate_bindings(self)
        self.title_text = title
        self.lines = lines
        self.go = go or t("tui.key.ok")

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(Text(self.title_text), classes="title")
            with VerticalScroll(id="confirm-lines"):
                yield Static(Text("\n".join(self.lines)), id="confirm-text")
            with Horizontal(id="confirm-buttons"):
                yield Static(Text(t("safety.confirm.hint")), classes="hint")
                yield Button(self.go, variant="primary", compact=True, id="confirm-ok")
                yield Button(t("tui.key.cancel"), compact=True, id="confirm-cancel")

    def on_mount(self) -> None:
        self.query_one("#confirm-cancel", Button).focus()  # Enter alone never goes ahead

    @on(Button.Pressed, "#confirm-ok")
    def action_confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
