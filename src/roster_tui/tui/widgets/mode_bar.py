"""The top line: the screens by number (current one highlighted) and the scope shown.

The scope (全街道 or one community) is the app's, so it sits here on every screen; clicking it
or pressing ``g`` opens the choice. The screens' labels are tight (``1首页``, as htop's function
keys) to leave room for a community's name at 80 columns in English too.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from roster_tui.domain.text import printable
from roster_tui.i18n import t

MODES = ("today", "week", "gaps", "people", "places", "households", "history")


class ModeBar(Horizontal):
    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        yield Static(self.render_modes(), id="mode-tabs")
        yield Static(id="mode-scope")

    def render_modes(self) -> Content:
        parts: list[Content] = []
        for number, mode in enumerate(MODES, start=1):
            click = f"@click=app.switch_mode('{mode}')"
            if mode == self.current:
                markup = f"[reverse bold {click}] {number}$name [/]"
            else:
                markup = f"[not bold {click}] [b]{number}[/b]$name[/]"
            parts.append(Content.from_markup(markup, name=t(f"tui.mode.{mode}")))
        return Content("").join(parts)

    def show_scope(self, name: str | None) -> None:
        """``name``: the community's, or None for the whole sub-district."""
        label = t("tui.scope.whole") if name is None else printable(name)
        style = "bold" if name is None else "bold reverse"  # a narrowed view stands out
        markup = f"[@click=app.choose_scope]$head[{style}] $label [/][/]"
        scope = Content.from_markup(markup, head=t("tui.scope.label"), label=label)
        self.query_one("#mode-scope", Static).update(scope)
