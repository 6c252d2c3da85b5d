"""F1 / ?: the keys of the screen underneath, with what they do, in the user's language.

This screen's own keys come first, then those of the part of it that has the cursor, then the
app's; the keys every screen shares (the screens' numbers, help, language, quit, commands) come
last, so a screen's own are at the top of the list, not below the fold. Textual's generic keys
(arrows, page up…) are left out: they are described in English and every terminal program
shares them.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from roster_tui.i18n import t
from roster_tui.tui.translate import own_bindings, translate_bindings


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q,question_mark", "dismiss", "tui.key.close")]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        translate_bindings(self)
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(t("tui.help.title"), classes="title")
            yield DataTable(cursor_type="row", zebra_stripes=True)
            yield Static(t("tui.help.footer"), classes="hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(t("tui.help.key"), t("tui.help.action"))
        seen: set[str] = set()
        listed: list[Binding] = []
        for node in (self.under, self.under.focused, self.app):
            if node is None:
                continue
            for binding in own_bindings(node):
                if binding.action not in seen:
                    seen.add(binding.action)
                    listed.append(binding)
        for binding in sorted(listed, key=_shared_rank):  # stable: each group keeps its order
            table.add_row(self.app.get_key_display(binding), binding.description)


# Keys every screen has, listed after a screen's own: the screens' numbers, then the rest.
_SHARED = ("help", "toggle_language", "quit", "command_palette")


def _shared_rank(binding: Binding) -> int:
    action = binding.action.removeprefix("app.")
    if action.startswith("switch_mode("):
        return 1
    return 2 if action in _SHARED else 0
